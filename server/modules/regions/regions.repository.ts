import { type Kysely, sql, type Transaction } from 'kysely';
import { inScope, type Scope } from '../../auth/scope.ts';
import type { Database, RegionsTable } from '../../db/schema.ts';

export type RegionRow = RegionsTable;
type Conn = Kysely<Database> | Transaction<Database>;

export function findRegion(db: Conn, code: string): Promise<RegionRow | undefined> {
  return db.selectFrom('regions').selectAll().where('code', '=', code).executeTakeFirst();
}

export function findRegions(db: Conn, codes: string[]): Promise<RegionRow[]> {
  if (!codes.length) return Promise.resolve([]);
  return db.selectFrom('regions').selectAll().where('code', 'in', codes).execute();
}

/** Direct children with the number of their own (non-revoked) children. */
export async function listChildren(db: Conn, parentCode: string, includeRevoked: boolean): Promise<Array<RegionRow & { child_count: number }>> {
  let q = db
    .selectFrom('regions as r')
    .selectAll('r')
    .select((eb) =>
      eb
        .selectFrom('regions as c')
        .whereRef('c.parent_code', '=', 'r.code')
        .where('c.status', '=', 'active')
        .select(eb.fn.countAll<number>().as('n'))
        .as('child_count'),
    )
    .where('r.parent_code', '=', parentCode);
  if (!includeRevoked) q = q.where('r.status', '=', 'active');
  const rows = await q.orderBy('r.code').execute();
  return rows.map((r) => ({ ...r, child_count: Number(r.child_count ?? 0) }));
}

/** Name search inside the scope, shallow levels first. */
export function searchRegions(db: Conn, scope: Scope, term: string, limit: number, maxLevel?: number): Promise<RegionRow[]> {
  const escaped = `%${term.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
  let q = db
    .selectFrom('regions')
    .selectAll()
    .where((eb) => inScope(eb, 'regions.code', scope))
    .where('status', '=', 'active')
    .where(sql<boolean>`name like ${escaped} escape '\\'`);
  if (maxLevel !== undefined) q = q.where('level', '<=', maxLevel);
  return q.orderBy('level').orderBy('code').limit(limit).execute();
}

/**
 * Number of active regions at each level in the subtree of `code`, by scanning the codes. Pages
 * read the region_stats summary instead; this scan is its reference (tests, bench).
 */
export async function countByLevel(db: Conn, code: string): Promise<Record<number, number>> {
  const rows = await db
    .selectFrom('regions')
    .where((eb) => inScope(eb, 'regions.code', { regionCode: code }))
    .where('status', '=', 'active')
    .select(['level', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('level')
    .execute();
  const out: Record<number, number> = {};
  for (const r of rows) out[Number(r.level)] = Number(r.n);
  return out;
}

export async function insertRegion(db: Conn, row: RegionRow): Promise<void> {
  await db.insertInto('regions').values(row).execute();
}

export async function updateRegion(db: Conn, code: string, patch: Partial<RegionRow>): Promise<void> {
  await db.updateTable('regions').set(patch).where('code', '=', code).execute();
}

export async function countActiveChildren(db: Conn, code: string): Promise<number> {
  const r = await db
    .selectFrom('regions')
    .where('parent_code', '=', code)
    .where('status', '=', 'active')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * For each direct child of `parentCode`: the number of active divisions per level in the child's
 * subtree (e.g. each province's townships and villages). One range scan, grouped by the child's
 * code prefix; `childPrefixLength` is the significant length of the children's codes.
 */
export async function countsPerChild(db: Conn, parentCode: string, childPrefixLength: number, levels: number[]): Promise<Map<string, Record<number, number>>> {
  const rows = await db
    .selectFrom('regions')
    .where((eb) => inScope(eb, 'regions.code', { regionCode: parentCode }))
    .where('level', 'in', levels)
    .where('status', '=', 'active')
    .select([sql<string>`substr(code, 1, ${sql.lit(childPrefixLength)})`.as('prefix'), 'level', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy([sql`substr(code, 1, ${sql.lit(childPrefixLength)})`, 'level'])
    .execute();
  const out = new Map<string, Record<number, number>>();
  for (const r of rows) {
    const m = out.get(r.prefix) ?? {};
    m[Number(r.level)] = Number(r.n);
    out.set(r.prefix, m);
  }
  return out;
}
