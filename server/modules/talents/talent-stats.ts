import { COUNTRY_CODE, levelOf } from '../../../domain/standards/region-code.ts';
import { fromMask, SERVICE_FIELDS, TALENT_CATEGORIES, TALENT_ROLES } from '../../../domain/talents/code-lists.ts';
import type { TalentsTable } from '../../db/schema.ts';

/**
 * What one talent adds to the structure summary (talent_stats), as pure functions. The summary
 * holds, for the country, each province, city and county (the levels whose subtrees are large), the
 * number of active talents per (dimension, bucket). Townships and villages are small enough to
 * aggregate directly. Birth years are stored rather than ages, which would go stale; analytics turn
 * years into age bands.
 */
export type StatRow = Pick<
  TalentsTable,
  | 'region_code'
  | 'status'
  | 'tier'
  | 'urban_rural'
  | 'fields'
  | 'categories'
  | 'roles'
  | 'birth_date'
  | 'is_key'
  | 'party_member'
  | 'sw_graduate'
  | 'professional_post'
  | 'sex'
  | 'education_level'
>;

export const SUMMARY_MAX_LEVEL = 3;

/** The summary regions a talent counts in: the country and its ancestors (and itself) down to county level. */
export function summaryRegionsOf(regionCode: string): string[] {
  const out = [COUNTRY_CODE];
  const level = levelOf(regionCode);
  const prefixes = [2, 4, 6];
  for (let l = 1; l <= Math.min(level, SUMMARY_MAX_LEVEL); l++) {
    const code = regionCode.slice(0, prefixes[l - 1]).padEnd(12, '0');
    // Cities without counties (东莞 4419…): the county segment is 00, and the "county" would be the city again.
    if (!out.includes(code)) out.push(code);
  }
  return out;
}

/** The (dim, bucket) pairs one talent counts in, region aside. Only active talents count. */
export function statBuckets(r: StatRow): [string, string][] {
  if (r.status !== 'active') return [];
  const out: [string, string][] = [
    ['total', 'all'],
    ['tier', String(r.tier)],
    ['ur', r.urban_rural ?? 'unknown'],
    ['birth_year', r.birth_date.slice(0, 4)],
    ['sex', r.sex],
    ['education', r.education_level ?? 'unknown'],
  ];
  for (const c of fromMask(TALENT_CATEGORIES, r.categories)) out.push(['category', c]);
  for (const f of fromMask(SERVICE_FIELDS, r.fields)) out.push(['field', f]);
  for (const role of fromMask(TALENT_ROLES, r.roles)) out.push(['role', role]);
  if (r.is_key) out.push(['flag', 'key']);
  if (r.party_member) out.push(['flag', 'party']);
  if (r.sw_graduate) out.push(['flag', 'sw_graduate']);
  if (r.professional_post) out.push(['flag', 'professional_post']);
  if (r.tier > 0) out.push(['flag', 'certified']);
  return out;
}

export type StatDeltas = Map<string, number>;

const keyOf = (region: string, dim: string, bucket: string) => `${region}|${dim}|${bucket}`;

export function splitKey(key: string): { region_code: string; dim: string; bucket: string } {
  const [region_code, dim, bucket] = key.split('|');
  return { region_code, dim, bucket };
}

/** Adds `sign` × the contributions of `row` to `deltas` (−1 for the old version, +1 for the new). */
export function addContribution(deltas: StatDeltas, row: StatRow | null | undefined, sign: 1 | -1): void {
  if (!row) return;
  const buckets = statBuckets(row);
  if (!buckets.length) return;
  for (const region of summaryRegionsOf(row.region_code)) {
    for (const [dim, bucket] of buckets) {
      const k = keyOf(region, dim, bucket);
      const n = (deltas.get(k) ?? 0) + sign;
      if (n === 0) deltas.delete(k);
      else deltas.set(k, n);
    }
  }
}

/**
 * Bulk form of addContribution for imports, seeds and rebuilds: counts per talent region first (one
 * map update per bucket) and spreads to the summary regions once per distinct region at the end,
 * instead of once per talent — 100,000 rows over a few hundred townships cost 1.5 million map updates,
 * not 6 million string keys.
 */
export class StatAccumulator {
  private readonly byRegion = new Map<string, Map<string, number>>();

  add(row: StatRow | null | undefined, sign: 1 | -1): void {
    if (!row) return;
    const buckets = statBuckets(row);
    if (!buckets.length) return;
    let inner = this.byRegion.get(row.region_code);
    if (!inner) {
      inner = new Map();
      this.byRegion.set(row.region_code, inner);
    }
    for (const [dim, bucket] of buckets) {
      const k = `${dim}|${bucket}`;
      inner.set(k, (inner.get(k) ?? 0) + sign);
    }
  }

  /** The accumulated change, keyed like addContribution's (zero entries dropped). */
  deltas(): StatDeltas {
    const out: StatDeltas = new Map();
    for (const [region, inner] of this.byRegion) {
      const targets = summaryRegionsOf(region);
      for (const [k, n] of inner) {
        if (n === 0) continue;
        for (const t of targets) {
          const key = `${t}|${k}`;
          const v = (out.get(key) ?? 0) + n;
          if (v === 0) out.delete(key);
          else out.set(key, v);
        }
      }
    }
    return out;
  }
}

/** The change a write makes to the summary: the new version's contributions minus the old one's. */
export function statDelta(before: StatRow | null | undefined, after: StatRow | null | undefined): StatDeltas {
  const deltas: StatDeltas = new Map();
  addContribution(deltas, before, -1);
  addContribution(deltas, after, 1);
  return deltas;
}
