import { type Kysely, type SelectQueryBuilder, sql, type Transaction } from 'kysely';
import { inScope, type Scope } from '../../auth/scope.ts';
import { containsPattern, countRows, inBatches, type RowsReader, readPage } from '../../db/list-query.ts';
import type { CommunityGroupsTable, Database } from '../../db/schema.ts';

export type GroupRow = CommunityGroupsTable;
type Conn = Kysely<Database> | Transaction<Database>;

export interface GroupFilter {
  regionCode?: string;
  kind?: string;
  registration?: string;
  incubatorId?: string;
  q?: string;
  status?: string;
  sort?: 'region_code' | 'name' | 'updated_at';
  order?: 'asc' | 'desc';
}

/** The filtered groups of a scope; the list, its count and exports go through here. */
function filtered(db: Conn, scope: Pick<Scope, 'regionCode'>, f: GroupFilter) {
  let q = db.selectFrom('community_groups').where((eb) => inScope(eb, 'community_groups.region_code', scope));
  if (f.regionCode) q = q.where((eb) => inScope(eb, 'community_groups.region_code', { regionCode: f.regionCode as string }));
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.registration) q = q.where('registration', '=', f.registration);
  if (f.incubatorId) q = q.where('incubator_id', '=', f.incubatorId);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.q) q = q.where(sql<boolean>`name like ${containsPattern(f.q)} escape '\\'`);
  return q;
}

function sorted<O>(q: SelectQueryBuilder<Database, 'community_groups', O>, f: GroupFilter) {
  const dir = f.order ?? 'asc';
  const sort = f.sort ?? 'region_code';
  let out = q.orderBy(sort, dir);
  if (sort === 'region_code') out = out.orderBy('name', dir);
  return out.orderBy('id', dir);
}

/** The filtered rows in list order, `limit` at a time. */
function rowsOf(db: Conn, scope: Pick<Scope, 'regionCode'>, f: GroupFilter): RowsReader<GroupRow> {
  return (limit, offset) =>
    sorted(filtered(db, scope, f).selectAll(), f)
      .limit(limit)
      .offset(offset)
      .execute();
}

export function listGroups(db: Conn, scope: Pick<Scope, 'regionCode'>, f: GroupFilter & { page: number; pageSize: number }) {
  return readPage(() => countRows(filtered(db, scope, f)), rowsOf(db, scope, f), f);
}

/** The filtered rows in list order, a page at a time (exports stream this). */
export function iterateGroups(db: Conn, scope: Pick<Scope, 'regionCode'>, f: GroupFilter, batch = 2000) {
  return inBatches(rowsOf(db, scope, f), batch);
}

/** A group inside the scope, or undefined (callers cannot tell "absent" from "outside"). */
export function findGroupInScope(db: Conn, scope: Pick<Scope, 'regionCode'>, id: string): Promise<GroupRow | undefined> {
  return db
    .selectFrom('community_groups')
    .selectAll()
    .where('id', '=', id)
    .where((eb) => inScope(eb, 'community_groups.region_code', scope))
    .executeTakeFirst();
}

export async function insertGroup(db: Conn, row: GroupRow): Promise<void> {
  await db.insertInto('community_groups').values(row).execute();
}

export async function replaceGroup(db: Conn, row: GroupRow): Promise<void> {
  const { id, ...rest } = row;
  await db.updateTable('community_groups').set(rest).where('id', '=', id).execute();
}

export async function deleteGroup(db: Conn, id: string): Promise<void> {
  await db.deleteFrom('community_groups').where('id', '=', id).execute();
}

/** A platform in the scope that could incubate a group (its kind is the caller's check). */
export function findPlatformInScope(db: Conn, scope: Pick<Scope, 'regionCode'>, id: string) {
  return db
    .selectFrom('platforms')
    .select(['id', 'name', 'kind', 'region_code'])
    .where('id', '=', id)
    .where((eb) => inScope(eb, 'platforms.region_code', scope))
    .executeTakeFirst();
}

/** Names of the incubating platforms of a page of groups. */
export async function platformNames(db: Conn, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await db.selectFrom('platforms').select(['id', 'name']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
