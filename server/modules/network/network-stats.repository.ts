import { type Kysely, sql, type Transaction } from 'kysely';
import {
  NETWORK_SUMMARY_MAX_LEVEL,
  type NetworkDeltas,
  type NetworkStatRow,
  networkDelta,
  networkSummaryRegionsOf,
  platformBuckets,
  splitStatKey,
  touchedCoverageKeys,
} from '../../../domain/network/network-stats.ts';
import { COVERAGE_KINDS } from '../../../domain/network/platform-kind.ts';
import { levelOf, PREFIX_LENGTH, type RegionLevel, subtreeRange } from '../../../domain/standards/region-code.ts';
import type { Dialect } from '../../db/connection.ts';
import type { Database } from '../../db/schema.ts';

/**
 * network_stats: the network summary of domain/network/network-stats.ts for levels 0–3. Every
 * platform write applies its delta in its own transaction (`applyPlatformWrite`); bulk paths
 * (imports, demo, bench) call `rebuildNetworkStats`; a test proves both equal `computeDirect`.
 */
type Conn = Kysely<Database> | Transaction<Database>;

export interface StatCount {
  dim: string;
  bucket: string;
  n: number;
}

/** Applies summary deltas in the caller's transaction: one multi-row upsert per 300 keys. */
export async function applyNetworkDeltas(db: Conn, deltas: NetworkDeltas): Promise<void> {
  const entries = [...deltas].filter(([, n]) => n !== 0);
  for (let i = 0; i < entries.length; i += 300) {
    const values = entries.slice(i, i + 300).map(([k, n]) => ({ ...splitStatKey(k), n }));
    await db
      .insertInto('network_stats')
      .values(values)
      .onConflict((oc) => oc.columns(['region_code', 'dim', 'bucket']).doUpdateSet({ n: sql`network_stats.n + excluded.n` }))
      .execute();
  }
}

/** Operating platforms of each `${unit}|${kind}` key (a unit's coverage). */
async function operatingCounts(db: Conn, keys: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const key of keys) {
    const [unit, kind] = key.split('|');
    const [{ n }] = await db
      .selectFrom('platforms')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('region_code', '=', unit)
      .where('kind', '=', kind)
      .where('status', '=', 'operating')
      .execute();
    out.set(key, Number(n));
  }
  return out;
}

/**
 * Keeps the summary after one platform write, called in the write's transaction after the row was
 * written (or deleted). On PostgreSQL the unit's region row is locked first, so two transactions
 * opening the first station of one township one after the other see each other's row and count the
 * township covered once (read committed: the count after the lock sees the other's commit).
 */
export async function applyPlatformWrite(
  trx: Conn,
  dialect: Dialect,
  before: NetworkStatRow | null | undefined,
  after: NetworkStatRow | null | undefined,
): Promise<void> {
  const keys = touchedCoverageKeys(before, after);
  if (dialect === 'postgres') {
    for (const key of keys.sort()) {
      await trx.selectFrom('regions').select('code').where('code', '=', key.split('|')[0]).forUpdate().execute();
    }
  }
  await applyNetworkDeltas(trx, networkDelta(before, after, await operatingCounts(trx, keys)));
}

interface GroupRow extends NetworkStatRow {
  prefix: string;
  n: number;
}

/**
 * One grouped pass over a subtree: rows of (child prefix, region, kind, status, standard, demo,
 * source) with counts. Demonstration levels collapse to 'y' (only their presence counts).
 */
async function groupedPlatforms(db: Conn, code: string, prefixLength: number): Promise<GroupRow[]> {
  const { lower, upper } = subtreeRange(code);
  const prefix = sql<string>`substr(region_code, 1, ${sql.lit(prefixLength)})`;
  const demo = sql<string | null>`case when demo_level is null then null else 'y' end`;
  const rows = await db
    .selectFrom('platforms')
    .select([prefix.as('prefix'), 'region_code', 'kind', 'status', 'standard_met', demo.as('demo_level'), 'construction_source'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('region_code', '>=', lower)
    .where('region_code', '<', upper)
    .groupBy([prefix, 'region_code', 'kind', 'status', 'standard_met', demo, 'construction_source'])
    .execute();
  return rows.map((r) => ({ ...r, standard_met: Number(r.standard_met), n: Number(r.n) }));
}

function countGroups(rows: GroupRow[]): Map<string, StatCount[]> {
  const by = new Map<string, Map<string, number>>();
  const coveredUnits = new Set<string>();
  const add = (p: string, k: string, n: number) => {
    let m = by.get(p);
    if (!m) {
      m = new Map();
      by.set(p, m);
    }
    m.set(k, (m.get(k) ?? 0) + n);
  };
  for (const r of rows) {
    for (const [dim, bucket] of platformBuckets(r)) add(r.prefix, `${dim}|${bucket}`, r.n);
    const unitKey = `${r.region_code}|${r.kind}`;
    if (r.status === 'operating' && (COVERAGE_KINDS as readonly string[]).includes(r.kind) && !coveredUnits.has(unitKey)) {
      coveredUnits.add(unitKey);
      add(r.prefix, `covered|${r.kind}`, 1);
    }
  }
  const out = new Map<string, StatCount[]>();
  for (const [p, m] of by) {
    out.set(
      p.padEnd(12, '0'),
      [...m].map(([k, n]) => {
        const [dim, bucket] = k.split('|');
        return { dim, bucket, n };
      }),
    );
  }
  return out;
}

/**
 * The counts of each direct child of `parentCode` (or of the region itself when `childLevel` is
 * its own level), computed from the platforms: for townships and villages, and by the tests.
 */
export async function computeDirectByChild(db: Conn, parentCode: string, childLevel: RegionLevel): Promise<Map<string, StatCount[]>> {
  return countGroups(await groupedPlatforms(db, parentCode, PREFIX_LENGTH[childLevel]));
}

/** The counts of one region computed from the platforms themselves. */
export async function computeDirect(db: Conn, regionCode: string): Promise<StatCount[]> {
  const level = levelOf(regionCode);
  return (await computeDirectByChild(db, regionCode, level)).get(regionCode) ?? [];
}

/** Every (dim, bucket) count of one region: from the summary down to county level, directly below. */
export async function readNetworkStats(db: Conn, regionCode: string): Promise<StatCount[]> {
  if (levelOf(regionCode) <= NETWORK_SUMMARY_MAX_LEVEL) {
    const rows = await db.selectFrom('network_stats').select(['dim', 'bucket', 'n']).where('region_code', '=', regionCode).where('n', '>', 0).execute();
    return rows.map((r) => ({ ...r, n: Number(r.n) }));
  }
  return computeDirect(db, regionCode);
}

/** Summary rows of several regions (children of the country, a province or a city), keyed by code. */
export async function readNetworkStatsOf(db: Conn, codes: string[]): Promise<Map<string, StatCount[]>> {
  const out = new Map<string, StatCount[]>();
  for (let i = 0; i < codes.length; i += 500) {
    const rows = await db
      .selectFrom('network_stats')
      .select(['region_code', 'dim', 'bucket', 'n'])
      .where('region_code', 'in', codes.slice(i, i + 500))
      .where('n', '>', 0)
      .execute();
    for (const r of rows) {
      const list = out.get(r.region_code) ?? [];
      list.push({ dim: r.dim, bucket: r.bucket, n: Number(r.n) });
      out.set(r.region_code, list);
    }
  }
  return out;
}

/**
 * Rebuilds the whole summary from the platforms (after bulk loads; the test compares it with
 * upkeep). Reads one province at a time, grouped by region, so memory follows a province's
 * villages, not the country's 600,000 rooms.
 */
export async function rebuildNetworkStats(db: Conn): Promise<void> {
  await db.deleteFrom('network_stats').execute();
  const provinces = await db.selectFrom('platforms').select(sql<string>`substr(region_code, 1, 2)`.as('p')).distinct().execute();
  for (const { p } of provinces) {
    // Counts per (region, dim, bucket) first, spread to the summary regions once per region.
    const byRegion = new Map<string, Map<string, number>>();
    for (const [code, counts] of await computeDirectByChild(db, p.padEnd(12, '0'), 5)) {
      byRegion.set(code, new Map(counts.map((c) => [`${c.dim}|${c.bucket}`, c.n])));
    }
    const deltas: NetworkDeltas = new Map();
    for (const [code, counts] of byRegion) {
      for (const region of networkSummaryRegionsOf(code)) {
        for (const [k, n] of counts) {
          const key = `${region}|${k}`;
          deltas.set(key, (deltas.get(key) ?? 0) + n);
        }
      }
    }
    await applyNetworkDeltas(db, deltas);
  }
}
