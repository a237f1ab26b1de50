import { type Kysely, sql, type Transaction } from 'kysely';
import { COUNTRY_CODE, PREFIX_LENGTH, type RegionLevel } from '../../../domain/standards/region-code.ts';
import type { Database } from '../../db/schema.ts';

/**
 * region_stats: for every active division of level 0–4, the number of active divisions of each
 * lower level in its subtree. Dashboards read one row per (region, level) instead of scanning
 * 660,000 codes. Writes keep it in their own transaction (`adjustAncestors`); `rebuildRegionStats`
 * recomputes it from scratch (after bulk loads, and to check the incremental upkeep).
 */
type Conn = Kysely<Database> | Transaction<Database>;

export async function rebuildRegionStats(db: Conn): Promise<void> {
  await db.deleteFrom('region_stats').execute();
  await sql`INSERT INTO region_stats (code, level, n)
    SELECT ${COUNTRY_CODE}, level, count(*) FROM regions WHERE status = 'active' AND level > 0 GROUP BY level`.execute(db);
  for (const ancestorLevel of [1, 2, 3, 4] as RegionLevel[]) {
    const len = PREFIX_LENGTH[ancestorLevel];
    const zeros = '0'.repeat(12 - len);
    // Group by padded prefix first (one pass), then keep the groups whose prefix is a real division
    // (IN, not JOIN: without statistics SQLite would nest the loop the wrong way round)
    // of that level: a township of a city without counties (4419…) pads to the city's code at county
    // length and must not be counted for a county.
    await sql`INSERT INTO region_stats (code, level, n)
      SELECT g.anc, g.level, g.n
      FROM (SELECT substr(code, 1, ${sql.lit(len)}) || ${sql.lit(zeros)} AS anc, level, count(*) AS n
            FROM regions WHERE status = 'active' AND level > ${sql.lit(ancestorLevel)}
            GROUP BY substr(code, 1, ${sql.lit(len)}), level) g
      WHERE g.anc IN (SELECT code FROM regions WHERE level = ${sql.lit(ancestorLevel)} AND status = 'active')`.execute(db);
  }
}

/** Adds `delta[level]` to each of `ancestors`' counts (negative on revocation). */
export async function adjustAncestors(db: Conn, ancestors: string[], delta: Record<number, number>): Promise<void> {
  for (const code of ancestors) {
    for (const [level, d] of Object.entries(delta)) {
      if (!d) continue;
      await db
        .insertInto('region_stats')
        .values({ code, level: Number(level), n: d })
        .onConflict((oc) => oc.columns(['code', 'level']).doUpdateSet({ n: sql`region_stats.n + ${d}` }))
        .execute();
    }
  }
}

export async function deleteStatsInRange(db: Conn, lower: string, upper: string): Promise<void> {
  await db.deleteFrom('region_stats').where('code', '>=', lower).where('code', '<', upper).execute();
}

export async function statsOf(db: Conn, code: string): Promise<Record<number, number>> {
  const rows = await db.selectFrom('region_stats').select(['level', 'n']).where('code', '=', code).where('n', '>', 0).execute();
  return Object.fromEntries(rows.map((r) => [Number(r.level), Number(r.n)]));
}

/** Stats of every active direct child of `parentCode`, keyed by child code. */
export async function statsOfChildren(db: Conn, parentCode: string): Promise<Map<string, Record<number, number>>> {
  const rows = await db
    .selectFrom('region_stats as s')
    .innerJoin('regions as r', 'r.code', 's.code')
    .select(['s.code', 's.level', 's.n'])
    .where('r.parent_code', '=', parentCode)
    .where('r.status', '=', 'active')
    .where('s.n', '>', 0)
    .execute();
  const out = new Map<string, Record<number, number>>();
  for (const r of rows) {
    const m = out.get(r.code) ?? {};
    m[Number(r.level)] = Number(r.n);
    out.set(r.code, m);
  }
  return out;
}
