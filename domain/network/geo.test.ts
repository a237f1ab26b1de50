import { describe, expect, it } from 'vitest';
import { CELL_DEG, cellsAround, cellsInRing, distanceKm, geoCell, guaranteedRadiusKm, isInChina } from './geo.ts';

describe('geo grid', () => {
  it('numbers 0.1° cells row by row', () => {
    expect(geoCell(-180, -90)).toBe(0);
    expect(geoCell(-179.95, -90)).toBe(0);
    expect(geoCell(-179.9, -90)).toBe(1);
    expect(geoCell(-180, -89.9)).toBe(3600);
    // 贵阳 (106.63, 26.65): row floor(116.65 / 0.1) = 1166, col floor(286.63 / 0.1) = 2866.
    expect(geoCell(106.63, 26.65)).toBe(1166 * 3600 + 2866);
  });

  it('rings hold 1, 8, 16 … cells and the squares they make have no gaps or repeats', () => {
    expect(cellsInRing(106.6, 26.6, 0)).toEqual([geoCell(106.6, 26.6)]);
    expect(cellsInRing(106.6, 26.6, 1)).toHaveLength(8);
    expect(cellsInRing(106.6, 26.6, 2)).toHaveLength(16);
    const square = cellsAround(106.6, 26.6, 2);
    expect(new Set(square).size).toBe(25);
    expect(square).toContain(geoCell(106.6 + 2 * CELL_DEG, 26.6 - 2 * CELL_DEG));
  });

  it('measures great-circle distances', () => {
    expect(distanceKm(106.63, 26.65, 106.63, 26.65)).toBe(0);
    // One degree of latitude ≈ 111.2 km.
    expect(distanceKm(106, 26, 106, 27)).toBeCloseTo(111.2, 0);
    // 贵阳 → 昆明 (102.83, 24.88): about 430 km.
    expect(distanceKm(106.63, 26.65, 102.83, 24.88)).toBeGreaterThan(410);
    expect(distanceKm(106.63, 26.65, 102.83, 24.88)).toBeLessThan(450);
  });

  it('guarantees a radius no point outside the rings can be nearer than', () => {
    const lat = 26.6;
    for (const rings of [1, 2, 5]) {
      const r = guaranteedRadiusKm(lat, rings);
      // A point just outside the square, due east of the centre cell's east edge.
      const east = distanceKm(106.65, lat, 106.6 + (rings + 1) * CELL_DEG, lat);
      expect(r).toBeGreaterThan(0);
      expect(r).toBeLessThanOrEqual(east + 1e-9);
    }
  });

  it('bounds coordinates to China', () => {
    expect(isInChina(106.6, 26.6)).toBe(true);
    expect(isInChina(26.6, 106.6)).toBe(false);
    expect(isInChina(10, 10)).toBe(false);
  });
});
