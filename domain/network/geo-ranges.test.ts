import { describe, expect, it } from 'vitest';
import { cellsInRing } from './geo.ts';
import { ringBandRanges } from './geo-ranges.ts';

const expand = (ranges: Array<[number, number]>) => ranges.flatMap(([lo, hi]) => Array.from({ length: hi - lo + 1 }, (_, i) => lo + i)).sort((a, b) => a - b);
const ringCells = (lng: number, lat: number, from: number, to: number) => {
  const cells: number[] = [];
  for (let k = from; k <= to; k++) cells.push(...cellsInRing(lng, lat, k));
  return cells.sort((a, b) => a - b);
};

describe('ringBandRanges', () => {
  it.each([
    [106.71, 26.57, 0, 0],
    [106.71, 26.57, 0, 1],
    [106.71, 26.57, 2, 3],
    [87.6, 43.8, 4, 7],
    [116.4, 39.9, 16, 31],
  ])('covers exactly the cells of rings %s,%s %i..%i', (lng, lat, from, to) => {
    expect(expand(ringBandRanges(lng, lat, from, to))).toEqual(ringCells(lng, lat, from, to));
  });

  it('uses one range per row outside the hole and two inside it', () => {
    expect(ringBandRanges(106.71, 26.57, 16, 31)).toHaveLength(63 + 31);
    expect(ringBandRanges(106.71, 26.57, 0, 3)).toHaveLength(7);
  });
});
