import { type Kysely, sql, type Transaction } from 'kysely';
import { inScope, type Scope } from '../../auth/scope.ts';
import type { Database, UsersTable } from '../../db/schema.ts';

export type UserRow = UsersTable;
type Conn = Kysely<Database> | Transaction<Database>;

export function findUserByUsername(db: Conn, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export function findUserById(db: Conn, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A user inside the scope, or undefined (callers cannot tell "absent" from "outside"). */
export function findUserInScope(db: Conn, scope: Scope, id: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', id)
    .where((eb) => inScope(eb, 'users.region_code', scope))
    .executeTakeFirst();
}

export async function insertUser(db: Conn, row: UserRow): Promise<void> {
  await db.insertInto('users').values(row).execute();
}

export async function updateUser(db: Conn, id: string, patch: Partial<UserRow>): Promise<void> {
  await db.updateTable('users').set(patch).where('id', '=', id).execute();
}

/** Adds one failed login atomically (parallel attempts each count) and returns the new count. */
export async function incrementFailedLogins(db: Conn, id: string): Promise<number> {
  const row = await db
    .updateTable('users')
    .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1) }))
    .where('id', '=', id)
    .returning('failed_attempts')
    .executeTakeFirstOrThrow();
  return Number(row.failed_attempts);
}

export interface UserFilter {
  q?: string;
  role?: string;
  status?: string;
  regionCode?: string;
  page: number;
  pageSize: number;
  sort?: 'username' | 'created_at' | 'last_login_at' | 'region_code';
  order?: 'asc' | 'desc';
}

export async function listUsers(db: Conn, scope: Scope, f: UserFilter): Promise<{ items: UserRow[]; total: number }> {
  let q = db.selectFrom('users').where((eb) => inScope(eb, 'users.region_code', scope));
  if (f.regionCode) q = q.where((eb) => inScope(eb, 'users.region_code', { regionCode: f.regionCode as string }));
  if (f.role) q = q.where('role', '=', f.role);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.q) {
    // An explicit ESCAPE (SQLite has no default escape character, so '\_' matched nothing there and
    // a search for 'li_ming' found no one) and lower() on both sides (PostgreSQL's LIKE is case-
    // sensitive, SQLite's is not): the same hits on both dialects (tests/api/users.test.ts).
    const term = `%${f.q.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    q = q.where((eb) => eb.or([sql<boolean>`lower(username) like ${term} escape '\\'`, sql<boolean>`lower(display_name) like ${term} escape '\\'`]));
  }
  const [{ total }] = await q.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const items = await q
    .selectAll()
    .orderBy(f.sort ?? 'created_at', f.order ?? 'asc')
    .orderBy('id')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { items, total: Number(total) };
}

export async function countUsersInScope(db: Conn, scope: Scope): Promise<number> {
  const r = await db
    .selectFrom('users')
    .where((eb) => inScope(eb, 'users.region_code', scope))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * Names of the entities accounts are bound to (agencies, platforms, talent records), for a page of
 * users: one query per entity type present.
 */
export async function boundEntityNames(db: Conn, rows: Pick<UserRow, 'bound_entity_type' | 'bound_entity_id'>[]): Promise<Map<string, string>> {
  const idsOf = (type: string) => [...new Set(rows.filter((r) => r.bound_entity_type === type && r.bound_entity_id).map((r) => r.bound_entity_id as string))];
  const out = new Map<string, string>();
  const add = (found: Array<{ id: string; name: string }>) => {
    for (const r of found) out.set(r.id, r.name);
  };
  const agencies = idsOf('agency');
  if (agencies.length) add(await db.selectFrom('agencies').select(['id', 'name']).where('id', 'in', agencies).execute());
  const stations = idsOf('station');
  if (stations.length) add(await db.selectFrom('platforms').select(['id', 'name']).where('id', 'in', stations).execute());
  const talents = idsOf('talent');
  if (talents.length) add(await db.selectFrom('talents').select(['id', 'name']).where('id', 'in', talents).execute());
  return out;
}
