import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCKOUT_MINUTES, MAX_FAILED_LOGINS, SESSION_IDLE_MINUTES } from '../../domain/auth/password-policy.ts';
import { DEMO_PASSWORD } from '../../server/demo/demo-data.ts';
import { activateUser, auditEntries, createUserViaApi, tryLogin, userByName } from '../helpers/fixtures.ts';
import { createTestApp, expectErrorShape, type Session, type TestApp } from '../helpers/test-app.ts';
import { DIALECTS } from '../helpers/test-db.ts';

const NEW_PASSWORD = 'Kx7#mPq2vL';

describe.each(DIALECTS)('authentication and sessions (%s)', (dialect) => {
  let t: TestApp;
  // Tests move the clock past the idle limit, so the administrator signs in afresh when needed.
  const admin = (): Promise<Session> => t.login('admin');
  /** A fresh, activated staff user for tests that change its password, lock or disable it. */
  let seq = 0;
  const freshUser = async (): Promise<{ username: string; id: string; password: string }> => {
    const username = `auth-user-${++seq}`;
    const { id, initialPassword } = await createUserViaApi(await admin(), { username, role: 'staff', regionCode: '520102000000' });
    await activateUser(t, username, initialPassword, NEW_PASSWORD);
    return { username, id, password: NEW_PASSWORD };
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  it('logs in with the right password and returns the user, a CSRF token and an httpOnly cookie', async () => {
    const res = await tryLogin(t, 'nanming', DEMO_PASSWORD);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user).toMatchObject({ username: 'nanming', role: 'county_admin', regionCode: '520102000000', mustChangePassword: false });
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);
    const cookie = res.cookies.find((c) => c.name === 'sgpt_sid');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(body.user).not.toHaveProperty('passwordHash');
    expect(res.body).not.toContain('scrypt$');
  });

  it('answers a wrong password and an unknown username with the same 401 LOGIN_FAILED message', async () => {
    const wrong = expectErrorShape(await tryLogin(t, 'yunyan', 'Wrong@12345'), 401, 'LOGIN_FAILED');
    const unknown = expectErrorShape(await tryLogin(t, 'no-such-user', 'Wrong@12345'), 401, 'LOGIN_FAILED');
    expect(unknown.message).toBe(wrong.message);
    expect(unknown.details).toEqual(wrong.details);
    // Both are audited, the unknown one without an entity.
    const failed = await auditEntries(t, { action: 'login_failed', actor_name: 'no-such-user' });
    expect(failed).toHaveLength(1);
    expect(failed[0].entity_id).toBeNull();
  });

  it(`locks an account after ${MAX_FAILED_LOGINS} failures, even against the right password, for ${LOCKOUT_MINUTES} minutes`, async () => {
    const u = await freshUser();
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) expectErrorShape(await tryLogin(t, u.username, 'Wrong@12345'), 401, 'LOGIN_FAILED');
    expect(await auditEntries(t, { action: 'login_failed', entity_id: u.id })).toHaveLength(MAX_FAILED_LOGINS);
    const lockouts = await auditEntries(t, { action: 'lockout', entity_id: u.id });
    expect(lockouts).toHaveLength(1);
    expect(lockouts[0].region_code).toBe('520102000000');

    const locked = expectErrorShape(await tryLogin(t, u.username, u.password), 423, 'ACCOUNT_LOCKED');
    expect(locked.details).toEqual({ retryAfterMinutes: LOCKOUT_MINUTES });
    expect((await userByName(t, u.username))?.locked_until).not.toBeNull();

    t.clock.advanceMinutes(LOCKOUT_MINUTES - 1);
    expectErrorShape(await tryLogin(t, u.username, u.password), 423, 'ACCOUNT_LOCKED');
    t.clock.advanceMinutes(1);
    const ok = await tryLogin(t, u.username, u.password);
    expect(ok.statusCode).toBe(200);
    const row = await userByName(t, u.username);
    expect(row?.failed_attempts).toBe(0);
    expect(row?.locked_until).toBeNull();
  });

  it('counts failed attempts sent in parallel: five at once lock the account', async () => {
    const u = await freshUser();
    const results = await Promise.all(Array.from({ length: MAX_FAILED_LOGINS }, () => tryLogin(t, u.username, 'Wrong@12345')));
    for (const r of results) expectErrorShape(r, 401, 'LOGIN_FAILED');
    expect(await auditEntries(t, { action: 'login_failed', entity_id: u.id })).toHaveLength(MAX_FAILED_LOGINS);
    expect((await auditEntries(t, { action: 'lockout', entity_id: u.id })).length).toBeGreaterThanOrEqual(1);
    expectErrorShape(await tryLogin(t, u.username, u.password), 423, 'ACCOUNT_LOCKED');
  });

  it('does not lock an account for failures spread over successful logins', async () => {
    const u = await freshUser();
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < MAX_FAILED_LOGINS - 1; i++) expectErrorShape(await tryLogin(t, u.username, 'Wrong@12345'), 401, 'LOGIN_FAILED');
      expect((await tryLogin(t, u.username, u.password)).statusCode).toBe(200);
    }
    expect(await auditEntries(t, { action: 'lockout', entity_id: u.id })).toHaveLength(0);
  });

  it(`ends a session idle for more than ${SESSION_IDLE_MINUTES} minutes, with an audit entry`, async () => {
    const s = await t.login('nanming');
    const user = (await userByName(t, 'nanming'))!;
    const before = (await auditEntries(t, { action: 'session_expired', entity_id: user.id })).length;
    t.clock.advanceMinutes(SESSION_IDLE_MINUTES + 1);
    expectErrorShape(await s.request({ url: '/api/v1/auth/me' }), 401, 'SESSION_EXPIRED');
    const expired = await auditEntries(t, { action: 'session_expired', entity_id: user.id });
    expect(expired).toHaveLength(before + 1);
    expect(expired.at(-1)?.actor_name).toBe('nanming');
    // The session row is gone: the cookie is now simply unknown.
    expectErrorShape(await s.request({ url: '/api/v1/auth/me' }), 401, 'UNAUTHENTICATED');
  });

  it('reports SESSION_EXPIRED, audited, even when other users signed in meanwhile', async () => {
    const s = await t.login('guiyang');
    const user = (await userByName(t, 'guiyang'))!;
    t.clock.advanceMinutes(SESSION_IDLE_MINUTES + 1);
    await t.login('yunyan');
    expectErrorShape(await s.request({ url: '/api/v1/auth/me' }), 401, 'SESSION_EXPIRED');
    expect(await auditEntries(t, { action: 'session_expired', entity_id: user.id })).toHaveLength(1);
  });

  it('prunes sessions idle for over a day when someone signs in (housekeeping)', async () => {
    const s = await t.login('guizhou');
    const user = (await userByName(t, 'guizhou'))!;
    t.clock.advanceMinutes(25 * 60);
    await t.login('yunyan');
    const left = await t.db.db.selectFrom('sessions').select('id').where('user_id', '=', user.id).execute();
    expect(left).toEqual([]);
    expectErrorShape(await s.request({ url: '/api/v1/auth/me' }), 401, 'UNAUTHENTICATED');
  });

  it('keeps a session alive while it is used within the idle window', async () => {
    const s = await t.login('nanming');
    for (let i = 0; i < 3; i++) {
      t.clock.advanceMinutes(SESSION_IDLE_MINUTES - 1);
      const res = await s.request({ url: '/api/v1/auth/me' });
      expect(res.statusCode).toBe(200);
    }
    // 87 minutes after login, 29 since the last request: still signed in; a write works too.
    const write = await s.request({ method: 'PATCH', url: '/api/v1/regions/520102016000', payload: { population: 4321 } });
    expect(write.statusCode).toBe(200);
  });

  it('logs out: the cookie stops working and the logout is audited', async () => {
    const s = await t.login('yunyan');
    const other = await t.login('yunyan');
    const res = await s.request({ method: 'POST', url: '/api/v1/auth/logout' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });
    expect(res.cookies.find((c) => c.name === 'sgpt_sid')?.value).toBe('');
    expectErrorShape(await s.request({ url: '/api/v1/auth/me' }), 401, 'UNAUTHENTICATED');
    expectErrorShape(await s.request({ method: 'POST', url: '/api/v1/auth/logout' }), 401, 'UNAUTHENTICATED');
    // Only that session ended.
    expect((await other.request({ url: '/api/v1/auth/me' })).statusCode).toBe(200);
    const user = (await userByName(t, 'yunyan'))!;
    const logouts = await auditEntries(t, { action: 'logout', entity_id: user.id });
    expect(logouts).toHaveLength(1);
    expect(logouts[0]).toMatchObject({ actor_name: 'yunyan', region_code: '520103000000' });
  });

  describe('password change', () => {
    it('names oldPassword when the old password is wrong', async () => {
      const u = await freshUser();
      const s = await t.login(u.username, u.password);
      const e = expectErrorShape(
        await s.request({ method: 'POST', url: '/api/v1/auth/password', payload: { oldPassword: 'Wrong@12345', newPassword: 'Fresh#Pass99' } }),
        400,
        'VALIDATION_FAILED',
      );
      expect(e.details).toEqual([expect.objectContaining({ field: 'oldPassword' })]);
    });

    it.each([
      ['too short', 'Ab1#xyz'],
      ['two character classes', 'abcdefgh12'],
      ['only lower case and symbols', 'abc!def@ghi'],
      ['containing the username', 'X#1auth-user-PW'],
      ['the same as the old one', NEW_PASSWORD],
    ])('names newPassword when it is weak: %s', async (_case, newPassword) => {
      const u = await freshUser();
      const s = await t.login(u.username, u.password);
      const pw = newPassword.replace('auth-user-', `${u.username}`);
      const e = expectErrorShape(
        await s.request({ method: 'POST', url: '/api/v1/auth/password', payload: { oldPassword: u.password, newPassword: pw } }),
        400,
        'VALIDATION_FAILED',
      );
      expect(e.details).toEqual([expect.objectContaining({ field: 'newPassword' })]);
      // Nothing changed: the old password still logs in.
      expect((await tryLogin(t, u.username, u.password)).statusCode).toBe(200);
    });

    it('ends the other sessions of the user and keeps the current one', async () => {
      const u = await freshUser();
      const current = await t.login(u.username, u.password);
      const other = await t.login(u.username, u.password);
      const res = await current.request({ method: 'POST', url: '/api/v1/auth/password', payload: { oldPassword: u.password, newPassword: 'Other#Pass42' } });
      expect(res.statusCode).toBe(200);
      expect((await current.request({ url: '/api/v1/auth/me' })).statusCode).toBe(200);
      expectErrorShape(await other.request({ url: '/api/v1/auth/me' }), 401, 'UNAUTHENTICATED');
      expectErrorShape(await tryLogin(t, u.username, u.password), 401, 'LOGIN_FAILED');
      expect((await tryLogin(t, u.username, 'Other#Pass42')).statusCode).toBe(200);
      const changes = await auditEntries(t, { action: 'password_change', entity_id: u.id });
      // One for the activation, one for this change; neither carries a secret.
      expect(changes).toHaveLength(2);
      for (const c of changes) expect(c.changes).toBeNull();
    });
  });

  it('lets a user who must change their password reach only /auth/me, /auth/password and /auth/logout', async () => {
    const { initialPassword } = await createUserViaApi(await admin(), { username: 'first-login', role: 'county_admin', regionCode: '520111000000' });
    const s = await t.login('first-login', initialPassword);
    expect(s.user).toMatchObject({ mustChangePassword: true });
    const me = await s.request({ url: '/api/v1/auth/me' });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.mustChangePassword).toBe(true);

    for (const [method, url, payload] of [
      ['GET', '/api/v1/dashboard'],
      ['GET', '/api/v1/regions/520111000000'],
      ['GET', '/api/v1/users'],
      ['POST', '/api/v1/regions', { code: '520111500000', name: '不应创建' }],
    ] as const) {
      expectErrorShape(await s.request({ method, url, payload }), 403, 'PASSWORD_CHANGE_REQUIRED');
    }
    expect(await t.db.db.selectFrom('regions').select('code').where('code', '=', '520111500000').executeTakeFirst()).toBeUndefined();

    const other = await t.login('first-login', initialPassword);
    expect((await other.request({ method: 'POST', url: '/api/v1/auth/logout' })).statusCode).toBe(200);

    const change = await s.request({ method: 'POST', url: '/api/v1/auth/password', payload: { oldPassword: initialPassword, newPassword: 'Settled#Pw7' } });
    expect(change.statusCode).toBe(200);
    expect((await s.request({ url: '/api/v1/auth/me' })).json().user.mustChangePassword).toBe(false);
    expect((await s.request({ url: '/api/v1/dashboard' })).statusCode).toBe(200);
  });

  it('refuses a disabled user at login and ends their live session at once', async () => {
    const u = await freshUser();
    const s = await t.login(u.username, u.password);
    expect((await s.request({ url: '/api/v1/auth/me' })).statusCode).toBe(200);
    const res = await (await admin()).request({ method: 'POST', url: `/api/v1/users/${u.id}/disable` });
    expect(res.statusCode).toBe(200);
    expectErrorShape(await s.request({ url: '/api/v1/auth/me' }), 401, 'UNAUTHENTICATED');
    expectErrorShape(await tryLogin(t, u.username, u.password), 403, 'ACCOUNT_DISABLED');
    // A wrong password still says only "wrong", so disabled accounts cannot be probed for.
    expectErrorShape(await tryLogin(t, u.username, 'Wrong@12345'), 401, 'LOGIN_FAILED');
  });

  it('ends a session at once when the user is disabled, even if the session row survived', async () => {
    const u = await freshUser();
    const s = await t.login(u.username, u.password);
    // Disable in the database only (e.g. by another node or a script): authentication re-checks status.
    await t.db.db.updateTable('users').set({ status: 'disabled' }).where('id', '=', u.id).execute();
    expectErrorShape(await s.request({ url: '/api/v1/auth/me' }), 401, 'UNAUTHENTICATED');
    await t.db.db.updateTable('users').set({ status: 'active' }).where('id', '=', u.id).execute();
    expectErrorShape(await s.request({ url: '/api/v1/auth/me' }), 401, 'UNAUTHENTICATED');
  });
});
