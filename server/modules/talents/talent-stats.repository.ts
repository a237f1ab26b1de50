import { type Kysely, sql, type Transaction } from 'kysely';
import { levelOf, subtreeRange } from '../../../domain/standards/region-code.ts';
import type { Database } from '../../db/schema.ts';
import { StatAccumulator, type StatDeltas, type StatRow, SUMMARY_MAX_LEVEL, splitKey, statBuckets } from './talent-stats.ts';

type Conn = Kysely<Database> | Transaction<Database>;

/** Applies summary deltas in the caller's transaction: one multi-row upsert per 300 keys. */
export async function applyStatDeltas(db: Conn, deltas: StatDeltas): Promise<void> {
  const entries = [...deltas].filter(([, n]) => n !== 0);
  for (let i = 0; i < entries.length; i += 300) {
    const values = entries.slice(i, i + 300).map(([k, n]) => ({ ...splitKey(k), n }));
    await db
      .insertInto('talent_stats')
      .values(values)
      .onConflict((oc) => oc.columns(['region_code', 'dim', 'bucket']).doUpdateSet({ n: sql`talent_stats.n + excluded.n` }))
      .execute();
  }
}

export interface StatCount {
  dim: string;
  bucket: string;
  n: number;
}

/** Every (dim, bucket) count of one region: from the summary down to county level, directly below. */
export async function readStats(db: Conn, regionCode: string): Promise<StatCount[]> {
  if (levelOf(regionCode) <= SUMMARY_MAX_LEVEL) {
    return db.selectFrom('talent_stats').select(['dim', 'bucket', 'n']).where('region_code', '=', regionCode).where('n', '>', 0).execute();
  }
  return computeStatsDirect(db, regionCode);
}

const STAT_COLUMNS = [
  'region_code',
  'status',
  'tier',
  'urban_rural',
  'fields',
  'categories',
  'roles',
  'birth_date',
  'is_key',
  'party_member',
  'sw_graduate',
  'professional_post',
  'sex',
  'education_level',
] as const;

/**
 * The same counts computed from the talents themselves: used for townships and villages, by the
 * test that proves the summary right, and as the benchmark's floor. Pages through the subtree by id
 * so memory stays flat for a province.
 */
export async function computeStatsDirect(db: Conn, regionCode: string): Promise<StatCount[]> {
  const { lower, upper } = subtreeRange(regionCode);
  const counts = new Map<string, number>();
  let after = '';
  for (;;) {
    const rows = await db
      .selectFrom('talents')
      .select(STAT_COLUMNS)
      .select('id')
      .where('region_code', '>=', lower)
      .where('region_code', '<', upper)
      .where('status', '=', 'active')
      .where('id', '>', after)
      .orderBy('id')
      .limit(5000)
      .execute();
    for (const r of rows) {
      for (const [dim, bucket] of statBuckets(r as StatRow)) {
        const k = `${dim}|${bucket}`;
        counts.set(k, (counts.get(k) ?? 0) + 1);
      }
    }
    if (rows.length < 5000) break;
    after = rows[rows.length - 1].id;
  }
  return [...counts].map(([k, n]) => {
    const [dim, bucket] = k.split('|');
    return { dim, bucket, n };
  });
}

/** Rebuilds the whole summary from the talents (after bulk loads; the test compares it with upkeep). */
export async function rebuildTalentStats(db: Conn): Promise<void> {
  await db.deleteFrom('talent_stats').execute();
  let acc = new StatAccumulator();
  let after = '';
  for (let pages = 1; ; pages++) {
    const rows = await db.selectFrom('talents').select(STAT_COLUMNS).select('id').where('id', '>', after).orderBy('id').limit(10000).execute();
    for (const r of rows) acc.add(r as StatRow, 1);
    if (rows.length < 10000) break;
    after = rows[rows.length - 1].id;
    // Flush now and then so a national rebuild's accumulator stays small.
    if (pages % 50 === 0) {
      await applyStatDeltas(db, acc.deltas());
      acc = new StatAccumulator();
    }
  }
  await applyStatDeltas(db, acc.deltas());
}

/** Talent totals of each direct child of a county or smaller region, from the talents. */
export async function childTotalsDirect(db: Conn, parentCode: string, childPrefixLength: number) {
  const { lower, upper } = subtreeRange(parentCode);
  const rows = await db
    .selectFrom('talents')
    .select([
      sql<string>`substr(region_code, 1, ${sql.lit(childPrefixLength)})`.as('prefix'),
      sql<number>`count(*)`.as('total'),
      sql<number>`sum(case when tier > 0 then 1 else 0 end)`.as('certified'),
      sql<number>`sum(is_key)`.as('key'),
    ])
    .where('region_code', '>=', lower)
    .where('region_code', '<', upper)
    .where('status', '=', 'active')
    .groupBy(sql`substr(region_code, 1, ${sql.lit(childPrefixLength)})`)
    .execute();
  return rows.map((r) => ({ code: r.prefix.padEnd(12, '0'), total: Number(r.total), certified: Number(r.certified), key: Number(r.key) }));
}

/** Totals of the given summary regions (children of a province or city). */
export async function summaryTotals(db: Conn, codes: string[]) {
  if (!codes.length) return [];
  const rows = await db
    .selectFrom('talent_stats')
    .select(['region_code', 'dim', 'bucket', 'n'])
    .where('region_code', 'in', codes)
    .where((eb) => eb.or([eb('dim', '=', 'total'), eb.and([eb('dim', '=', 'flag'), eb('bucket', 'in', ['certified', 'key'])])]))
    .execute();
  const by = new Map<string, { code: string; total: number; certified: number; key: number }>();
  for (const r of rows) {
    const t = by.get(r.region_code) ?? { code: r.region_code, total: 0, certified: 0, key: 0 };
    if (r.dim === 'total') t.total = Number(r.n);
    else if (r.bucket === 'certified') t.certified = Number(r.n);
    else t.key = Number(r.n);
    by.set(r.region_code, t);
  }
  return [...by.values()];
}
