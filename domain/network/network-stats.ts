/**
 * What one platform adds to the network summary (network_stats), as pure functions. The summary
 * holds, for the country, each province, city and county (the levels whose subtrees are large),
 * counts per (dimension, bucket):
 *   platforms  `${kind}.${status}`   every platform
 *   standard   kind                  operating and 规范化 (every checklist item met)
 *   demo       kind                  operating and named a demonstration (示范)
 *   source     `${kind}.${source}`   operating, by construction source (建设来源)
 *   covered    coverage kind         units of the kind's level that have ≥ 1 operating platform of it
 * "covered" is not a property of one row: it changes when a unit's count of operating platforms of
 * the kind goes 0 → 1 or 1 → 0, which the caller learns from the database in its transaction
 * (`coveredTransitions`). Townships and villages are counted directly (they are small).
 */
import { COUNTRY_CODE, levelOf } from '../standards/region-code.ts';
import { isCoverageKind } from './platform-kind.ts';

export interface NetworkStatRow {
  region_code: string;
  kind: string;
  status: string;
  standard_met: number;
  demo_level: string | null;
  construction_source: string | null;
}

export const NETWORK_SUMMARY_MAX_LEVEL = 3;

/** The summary regions a platform (or covered unit) counts in: the country and its ancestors (and itself) down to county level. */
export function networkSummaryRegionsOf(regionCode: string): string[] {
  const out = [COUNTRY_CODE];
  const level = levelOf(regionCode);
  const prefixes = [2, 4, 6];
  for (let l = 1; l <= Math.min(level, NETWORK_SUMMARY_MAX_LEVEL); l++) {
    const code = regionCode.slice(0, prefixes[l - 1]).padEnd(12, '0');
    // Cities without counties (东莞 4419…): the county segment is 00 and would name the city again.
    if (!out.includes(code)) out.push(code);
  }
  return out;
}

/** The (dim, bucket) pairs one platform counts in, region and coverage aside. */
export function platformBuckets(r: NetworkStatRow): [string, string][] {
  const out: [string, string][] = [['platforms', `${r.kind}.${r.status}`]];
  if (r.status !== 'operating') return out;
  if (r.standard_met) out.push(['standard', r.kind]);
  if (r.demo_level) out.push(['demo', r.kind]);
  out.push(['source', `${r.kind}.${r.construction_source ?? 'unknown'}`]);
  return out;
}

/** `${unit}|${kind}` when the row makes its unit covered (an operating platform of a coverage kind), else null. */
export function coverageKeyOf(r: NetworkStatRow | null | undefined): string | null {
  if (r?.status !== 'operating' || !isCoverageKind(r.kind)) return null;
  // Coverage kinds sit at exactly their level, so the platform's region is the unit it covers.
  return `${r.region_code}|${r.kind}`;
}

export type NetworkDeltas = Map<string, number>;

export const statKey = (region: string, dim: string, bucket: string) => `${region}|${dim}|${bucket}`;

export function splitStatKey(key: string): { region_code: string; dim: string; bucket: string } {
  const [region_code, dim, bucket] = key.split('|');
  return { region_code, dim, bucket };
}

function bump(deltas: NetworkDeltas, key: string, by: number) {
  const n = (deltas.get(key) ?? 0) + by;
  if (n === 0) deltas.delete(key);
  else deltas.set(key, n);
}

/** Adds `sign` × the row's contributions (not coverage) to `deltas`. */
export function addPlatformContribution(deltas: NetworkDeltas, row: NetworkStatRow | null | undefined, sign: 1 | -1): void {
  if (!row) return;
  const buckets = platformBuckets(row);
  for (const region of networkSummaryRegionsOf(row.region_code)) for (const [dim, bucket] of buckets) bump(deltas, statKey(region, dim, bucket), sign);
}

/** Adds `sign` to the covered count of `kind` for the unit and its summary ancestors. */
export function addCoveredUnit(deltas: NetworkDeltas, unitCode: string, kind: string, sign: 1 | -1): void {
  for (const region of networkSummaryRegionsOf(unitCode)) bump(deltas, statKey(region, 'covered', kind), sign);
}

/**
 * The coverage keys a write may change, before and after (at most two): the caller counts the
 * operating platforms of each in its transaction, after the write.
 */
export function touchedCoverageKeys(before: NetworkStatRow | null | undefined, after: NetworkStatRow | null | undefined): string[] {
  return [...new Set([coverageKeyOf(before), coverageKeyOf(after)].filter((k): k is string => k !== null))];
}

/**
 * Coverage changes of one write. `operatingNow` is each touched key's count of operating platforms
 * after the write; the count before follows from the two rows. A unit becomes covered when it goes
 * 0 → ≥ 1 and uncovered when it goes ≥ 1 → 0.
 */
export function coveredTransitions(
  before: NetworkStatRow | null | undefined,
  after: NetworkStatRow | null | undefined,
  operatingNow: ReadonlyMap<string, number>,
): NetworkDeltas {
  const deltas: NetworkDeltas = new Map();
  const b = coverageKeyOf(before);
  const a = coverageKeyOf(after);
  for (const key of touchedCoverageKeys(before, after)) {
    const now = operatingNow.get(key) ?? 0;
    const was = now - (a === key ? 1 : 0) + (b === key ? 1 : 0);
    if (was > 0 === now > 0) continue;
    const [unit, kind] = key.split('|');
    addCoveredUnit(deltas, unit, kind, now > 0 ? 1 : -1);
  }
  return deltas;
}

/** The summary change of a write: the row's contributions before → after, plus coverage transitions. */
export function networkDelta(
  before: NetworkStatRow | null | undefined,
  after: NetworkStatRow | null | undefined,
  operatingNow: ReadonlyMap<string, number>,
): NetworkDeltas {
  const deltas: NetworkDeltas = new Map();
  addPlatformContribution(deltas, before, -1);
  addPlatformContribution(deltas, after, 1);
  for (const [k, n] of coveredTransitions(before, after, operatingNow)) bump(deltas, k, n);
  return deltas;
}

/** Merges `more` into `into` (zero entries dropped). */
export function mergeDeltas(into: NetworkDeltas, more: NetworkDeltas): NetworkDeltas {
  for (const [k, n] of more) bump(into, k, n);
  return into;
}
