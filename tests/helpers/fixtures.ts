import type { Role } from '../../domain/auth/roles.ts';
import { DUMMY_HASH } from '../../server/auth/passwords.ts';
import type { AuditLogTable } from '../../server/db/schema.ts';
import { buildRegionRow } from '../../server/modules/regions/region-row.ts';
import { buildUserRow } from '../../server/modules/users/user-row.ts';
import type { Session, TestApp } from './test-app.ts';

/**
 * Direct-to-database fixtures and read-backs for API tests. Rows written here bypass the API on
 * purpose (quick, no audit entry, no password hashing); a user inserted here cannot log in.
 */

export async function insertUser(
  t: TestApp,
  u: { username: string; role: string; regionCode: string; status?: 'active' | 'disabled'; displayName?: string },
): Promise<string> {
  const row = buildUserRow({
    username: u.username,
    displayName: u.displayName ?? `测试用户${u.username}`,
    passwordHash: DUMMY_HASH,
    role: u.role as Role,
    regionCode: u.regionCode,
    status: u.status,
    at: t.clock.now().toISOString(),
  });
  await t.db.db.insertInto('users').values(row).execute();
  return row.id;
}

/** Inserts a region row directly: it bypasses the region_stats summary (prefer the API when counts matter). */
export async function insertRegion(t: TestApp, code: string, name: string): Promise<void> {
  await t.db.db
    .insertInto('regions')
    .values(buildRegionRow({ code, name, validFrom: '2024-01-01', at: t.clock.now().toISOString() }))
    .execute();
}

export function userRow(t: TestApp, id: string) {
  return t.db.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export function userByName(t: TestApp, username: string) {
  return t.db.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export function regionRow(t: TestApp, code: string) {
  return t.db.db.selectFrom('regions').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function auditEntries(t: TestApp, where: Partial<Pick<AuditLogTable, 'action' | 'entity_type' | 'entity_id' | 'actor_name'>> = {}) {
  let q = t.db.db.selectFrom('audit_log').selectAll();
  for (const [k, v] of Object.entries(where)) q = q.where(k as keyof AuditLogTable, '=', v as string);
  return q.orderBy('at').orderBy('id').execute();
}

/**
 * A fingerprint of everything a refused request must not have changed: the row counts of the
 * business tables, how many regions are revoked, and every user's mutable fields.
 */
export async function dbFingerprint(t: TestApp): Promise<string> {
  const count = async (table: 'regions' | 'users' | 'audit_log') =>
    Number(
      (
        await t.db.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const revoked = await t.db.db
    .selectFrom('regions')
    .where('status', '=', 'revoked')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const users = await t.db.db
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'password_hash', 'role', 'region_code', 'status', 'must_change_password', 'locked_until', 'updated_at'])
    .orderBy('id')
    .execute();
  return JSON.stringify({
    regions: await count('regions'),
    revoked: Number(revoked.n),
    users: await count('users'),
    audit: await count('audit_log'),
    userRows: users,
  });
}

/** Creates a user through the API as `admin`; returns its id and one-time initial password. */
export async function createUserViaApi(
  admin: Session,
  body: { username: string; role: string; regionCode: string; displayName?: string },
): Promise<{ id: string; initialPassword: string }> {
  const res = await admin.request({ method: 'POST', url: '/api/v1/users', payload: { displayName: `测试${body.username}`, ...body } });
  if (res.statusCode !== 200) throw new Error(`create user ${body.username}: ${res.statusCode} ${res.body}`);
  const json = res.json();
  return { id: json.user.id, initialPassword: json.initialPassword };
}

/** Logs a newly created user in and replaces the one-time password by `newPassword`. */
export async function activateUser(t: TestApp, username: string, initialPassword: string, newPassword: string): Promise<Session> {
  const s = await t.login(username, initialPassword);
  const res = await s.request({ method: 'POST', url: '/api/v1/auth/password', payload: { oldPassword: initialPassword, newPassword } });
  if (res.statusCode !== 200) throw new Error(`password change for ${username}: ${res.statusCode} ${res.body}`);
  return s;
}

/** A login attempt without the helper's throw-on-failure, for tests of refused logins. */
export function tryLogin(t: TestApp, username: string, password: string) {
  return t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
}
