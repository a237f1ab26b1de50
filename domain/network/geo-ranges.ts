/**
 * The grid cells of a band of rings around a point, as ranges of consecutive cell numbers: one range
 * per grid row (two where the band's hole cuts the row). A few dozen `geo_cell BETWEEN lo AND hi`
 * index ranges read far faster than thousands of `IN` values when the band is wide (sparse areas).
 */
import { geoCell } from './geo.ts';

const COLS = 3600; // must match geo.ts#geoCell

/** Cells at ring distance from..to (inclusive) of the point's cell; ranges are inclusive [lo, hi]. */
export function ringBandRanges(lng: number, lat: number, from: number, to: number): Array<[number, number]> {
  // The point's cell exactly as geoCell computes it (same rounding), split into grid row and column.
  const cell = geoCell(lng, lat);
  const row = Math.floor(cell / COLS);
  const col = cell % COLS;
  const ranges: Array<[number, number]> = [];
  for (let r = row - to; r <= row + to; r++) {
    const base = r * COLS;
    if (Math.abs(r - row) >= from) {
      ranges.push([base + col - to, base + col + to]);
    } else {
      // The row crosses the band's hole (rings < from): the left and the right part.
      ranges.push([base + col - to, base + col - from]);
      ranges.push([base + col + from, base + col + to]);
    }
  }
  return ranges;
}
