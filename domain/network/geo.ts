/**
 * Geography for the public finder: a coarse grid (0.1°, about 11 km) whose cell number is stored with
 * each platform, so "nearest to here" reads the few cells around a point through an index on both
 * databases, then ranks the candidates by great-circle distance.
 */

export const CELL_DEG = 0.1;
const COLS = 3600; // 360° / 0.1°

/** Mainland China, Hainan and the islands (a sanity bound for coordinates typed in). */
export const CHINA_BOUNDS = { minLng: 73, maxLng: 136, minLat: 3, maxLat: 54 } as const;

export function isInChina(lng: number, lat: number): boolean {
  const b = CHINA_BOUNDS;
  return lng >= b.minLng && lng <= b.maxLng && lat >= b.minLat && lat <= b.maxLat;
}

/**
 * Grid index of an offset in degrees: through whole micro-degrees first, so a point on a cell edge
 * (106.6° is 1066 tenths, not 1065.9999…) falls in the same cell however the float came out.
 */
const CELL_MICRODEG = 100_000; // CELL_DEG in millionths of a degree
const gridIndex = (deg: number) => Math.floor(Math.round(deg * 1e6) / CELL_MICRODEG);

export function geoCell(lng: number, lat: number): number {
  return gridIndex(lat + 90) * COLS + gridIndex(lng + 180);
}

/** The cells of the square ring `ring` cells away from the point's cell (ring 0 = the cell itself). */
export function cellsInRing(lng: number, lat: number, ring: number): number[] {
  const row = gridIndex(lat + 90);
  const col = gridIndex(lng + 180);
  const cells: number[] = [];
  for (let r = row - ring; r <= row + ring; r++) {
    for (let c = col - ring; c <= col + ring; c++) {
      if (Math.max(Math.abs(r - row), Math.abs(c - col)) !== ring) continue;
      cells.push(r * COLS + c);
    }
  }
  return cells;
}

/** All cells within `rings` rings (a (2·rings+1)² square). */
export function cellsAround(lng: number, lat: number, rings: number): number[] {
  const out: number[] = [];
  for (let k = 0; k <= rings; k++) out.push(...cellsInRing(lng, lat, k));
  return out;
}

/**
 * The distance (km) that every point outside `rings` rings is at least away: candidates found within
 * the rings and nearer than this are certainly the nearest.
 */
export function guaranteedRadiusKm(lat: number, rings: number): number {
  const kmPerDegLat = 111.32;
  const kmPerDegLng = 111.32 * Math.cos((Math.min(Math.abs(lat) + (rings + 1) * CELL_DEG, 89) * Math.PI) / 180);
  return rings * CELL_DEG * Math.min(kmPerDegLat, kmPerDegLng);
}

/** Great-circle distance in kilometres (haversine). */
export function distanceKm(lng1: number, lat1: number, lng2: number, lat2: number): number {
  const R = 6371.0088;
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLng = (lng2 - lng1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(a)));
}
