import { describe, expect, it } from 'vitest';
import { coverageKindsFor, coverageOf, coverageRate, unitTotal } from './coverage.ts';

describe('coverage math', () => {
  it('shows the kinds at or below the region’s level', () => {
    expect(coverageKindsFor(0)).toEqual(['guidance_centre', 'county_hub', 'station', 'room']);
    expect(coverageKindsFor(2)).toEqual(['guidance_centre', 'county_hub', 'station', 'room']);
    expect(coverageKindsFor(3)).toEqual(['county_hub', 'station', 'room']);
    expect(coverageKindsFor(4)).toEqual(['station', 'room']);
    expect(coverageKindsFor(5)).toEqual(['room']);
  });

  it('counts 1 unit at the region’s own level and region_stats below it', () => {
    const units = { 2: 9, 3: 88, 4: 1500, 5: 17000 };
    expect(unitTotal('guidance_centre', 2, units)).toBe(1);
    expect(unitTotal('station', 2, units)).toBe(1500);
    expect(unitTotal('room', 4, {})).toBe(0);
  });

  it('gives the rate in 0..1, null without units, never above 1', () => {
    expect(coverageRate(3, 4)).toBe(0.75);
    expect(coverageRate(0, 0)).toBeNull();
    const c = coverageOf(3, { 4: 10, 5: 0 }, { county_hub: 1, station: 12, room: 0 });
    expect(c).toEqual({
      county_hub: { total: 1, covered: 1, rate: 1 },
      station: { total: 10, covered: 10, rate: 1 },
      room: { total: 0, covered: 0, rate: null },
    });
  });
});
