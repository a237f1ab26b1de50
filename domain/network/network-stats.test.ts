import { describe, expect, it } from 'vitest';
import { coverageKeyOf, coveredTransitions, type NetworkStatRow, networkDelta, networkSummaryRegionsOf, platformBuckets } from './network-stats.ts';

const station = (over: Partial<NetworkStatRow> = {}): NetworkStatRow => ({
  region_code: '520102016000',
  kind: 'station',
  status: 'operating',
  standard_met: 0,
  demo_level: null,
  construction_source: null,
  ...over,
});
const sorted = (m: Map<string, number>) => [...m].sort(([a], [b]) => a.localeCompare(b));

describe('network summary contributions', () => {
  it('counts in the country, province, city and county', () => {
    expect(networkSummaryRegionsOf('520102016000')).toEqual(['000000000000', '520000000000', '520100000000', '520102000000']);
    expect(networkSummaryRegionsOf('520100000000')).toEqual(['000000000000', '520000000000', '520100000000']);
    // 东莞: townships directly under the city count for the city once.
    expect(networkSummaryRegionsOf('441900003000')).toEqual(['000000000000', '440000000000', '441900000000']);
  });

  it('buckets by kind and status; standard, demo and source only while operating', () => {
    expect(platformBuckets(station({ standard_met: 1, demo_level: 'city', construction_source: 'other' }))).toEqual([
      ['platforms', 'station.operating'],
      ['standard', 'station'],
      ['demo', 'station'],
      ['source', 'station.other'],
    ]);
    expect(platformBuckets(station({ status: 'suspended', standard_met: 1, demo_level: 'city' }))).toEqual([['platforms', 'station.suspended']]);
  });

  it('knows which rows cover a unit', () => {
    expect(coverageKeyOf(station())).toBe('520102016000|station');
    expect(coverageKeyOf(station({ status: 'planned' }))).toBeNull();
    expect(coverageKeyOf(station({ kind: 'practice_base' }))).toBeNull();
  });
});

describe('covered transitions', () => {
  const key = '520102016000|station';
  it('adds a covered unit on 0 → 1 and removes it on 1 → 0, in every summary region', () => {
    const opened = coveredTransitions(null, station(), new Map([[key, 1]]));
    expect(sorted(opened)).toEqual([
      ['000000000000|covered|station', 1],
      ['520000000000|covered|station', 1],
      ['520100000000|covered|station', 1],
      ['520102000000|covered|station', 1],
    ]);
    const closed = coveredTransitions(station(), station({ status: 'closed' }), new Map([[key, 0]]));
    expect([...closed.values()]).toEqual([-1, -1, -1, -1]);
  });

  it('changes nothing when another platform keeps the unit covered, or the edit keeps it operating', () => {
    expect(coveredTransitions(null, station(), new Map([[key, 2]])).size).toBe(0);
    expect(coveredTransitions(station(), null, new Map([[key, 1]])).size).toBe(0);
    expect(coveredTransitions(station(), station({ standard_met: 1 }), new Map([[key, 1]])).size).toBe(0);
  });

  it('moves coverage with a platform that moves between units', () => {
    const other = '520102017000|station';
    const d = coveredTransitions(
      station(),
      station({ region_code: '520102017000' }),
      new Map([
        [key, 0],
        [other, 1],
      ]),
    );
    expect(d.get('520102000000|covered|station')).toBeUndefined();
    expect(d.get('520102016000|covered|station')).toBeUndefined();
    expect(d.size).toBe(0);
    const moved = networkDelta(
      station(),
      station({ region_code: '520203001000' }),
      new Map([
        [key, 0],
        ['520203001000|station', 1],
      ]),
    );
    expect(moved.get('520102000000|covered|station')).toBe(-1);
    expect(moved.get('520203000000|covered|station')).toBe(1);
    expect(moved.get('520000000000|covered|station')).toBeUndefined();
    expect(moved.get('520102000000|platforms|station.operating')).toBe(-1);
  });
});
