import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FAILED_LOGINS } from '../../domain/auth/password-policy.ts';
import { activateUser, auditEntries, createUserViaApi, dbFingerprint, insertUser, tryLogin, userByName, userRow } from '../helpers/fixtures.ts';
import { createTestApp, expectErrorShape, type Session, type TestApp } from '../helpers/test-app.ts';
import { DIALECTS } from '../helpers/test-db.ts';

const create = (s: Session, body: Record<string, unknown>) =>
  s.request({ method: 'POST', url: '/api/v1/users', payload: { displayName: '新同事', role: 'staff', regionCode: '520102000000', ...body } });

describe.each(DIALECTS)('user management limits (%s)', (dialect) => {
  let t: TestApp;
  let nanming: Session;
  let yunyanId: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    nanming = await t.login('nanming');
    yunyanId = (await userByName(t, 'yunyan'))!.id;
  });
  afterAll(() => t.close());

  it('lists only the users of the county administrator’s own county', async () => {
    await insertUser(t, { username: 'yunyan-clerk', role: 'staff', regionCode: '520103001000' });
    const res = await nanming.request({ url: '/api/v1/users?pageSize=100' });
    expect(res.statusCode).toBe(200);
    const { items, total } = res.json();
    const names = items.map((u: { username: string }) => u.username);
    expect(names).toEqual(expect.arrayContaining(['nanming', 'nanming-staff']));
    expect(names).not.toContain('yunyan');
    expect(names).not.toContain('yunyan-clerk');
    expect(names).not.toContain('guiyang');
    expect(total).toBe(items.length);
    for (const u of items) expect(u.regionCode.startsWith('520102')).toBe(true);
    // Searching by name does not reach across the boundary either.
    expect((await nanming.request({ url: '/api/v1/users?q=yunyan' })).json()).toEqual({ items: [], total: 0 });
    expectErrorShape(await nanming.request({ url: `/api/v1/users/${yunyanId}` }), 404, 'NOT_FOUND');
  });

  it('searches usernames and names literally and case-insensitively, the same on both dialects', async () => {
    await insertUser(t, { username: 'li_ming', role: 'staff', regionCode: '520102000000', displayName: '李明 100%' });
    await insertUser(t, { username: 'lixming', role: 'staff', regionCode: '520102000000', displayName: '李明 1000' });
    const search = async (q: string) =>
      (await nanming.request({ url: `/api/v1/users?q=${encodeURIComponent(q)}` }))
        .json()
        .items.map((u: { username: string }) => u.username)
        .sort();
    expect(await search('li_ming')).toEqual(['li_ming']);
    expect(await search('_')).toEqual(['li_ming']);
    expect(await search('100%')).toEqual(['li_ming']);
    expect(await search('LI_MING')).toEqual(['li_ming']);
    expect(await search('Li')).toEqual(['li_ming', 'lixming']);
    expect(await search('李明')).toEqual(['li_ming', 'lixming']);
  });

  it('refuses to create a user outside the county', async () => {
    const before = await dbFingerprint(t);
    expectErrorShape(await create(nanming, { username: 'out-of-county', regionCode: '520103000000' }), 403, 'SCOPE_FORBIDDEN');
    expectErrorShape(await create(nanming, { username: 'out-of-county', regionCode: '520100000000' }), 403, 'SCOPE_FORBIDDEN');
    expect(await dbFingerprint(t)).toBe(before);
  });

  it('refuses a role above the creator’s own, naming the field role', async () => {
    const before = await dbFingerprint(t);
    for (const role of ['city_admin', 'province_admin', 'system_admin']) {
      const e = expectErrorShape(await create(nanming, { username: 'too-high', role }), 400, 'VALIDATION_FAILED');
      expect(e.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'role', code: 'ROLE_TOO_HIGH' })]));
    }
    expect(await dbFingerprint(t)).toBe(before);
  });

  it('refuses a county administrator on a township (ROLE_LEVEL_MISMATCH)', async () => {
    const e = expectErrorShape(
      await create(nanming, { username: 'township-admin', role: 'county_admin', regionCode: '520102016000' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(e.details).toEqual([expect.objectContaining({ field: 'regionCode', code: 'ROLE_LEVEL_MISMATCH' })]);
    expect(await userByName(t, 'township-admin')).toBeUndefined();
    // A well-formed code inside the county that names no division is refused too.
    const missing = expectErrorShape(await create(nanming, { username: 'nowhere', regionCode: '520102599000' }), 400, 'VALIDATION_FAILED');
    expect(missing.details).toEqual([expect.objectContaining({ field: 'regionCode' })]);
  });

  it('refuses a duplicate username with 409 naming the field username', async () => {
    const before = await dbFingerprint(t);
    const e = expectErrorShape(await create(nanming, { username: 'nanming-staff' }), 409, 'CONFLICT');
    expect(e.details).toEqual([expect.objectContaining({ field: 'username' })]);
    // Even a username taken outside the caller's scope.
    expectErrorShape(await create(nanming, { username: 'yunyan' }), 409, 'CONFLICT');
    expect(await dbFingerprint(t)).toBe(before);
  });

  it('answers parallel creates of one username with one 200 and 409s, never a 500', async () => {
    const results = await Promise.all([1, 2, 3, 4].map(() => create(nanming, { username: 'twin' })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409]);
    for (const r of results.filter((x) => x.statusCode === 409)) expectErrorShape(r, 409, 'CONFLICT');
    const rows = await t.db.db.selectFrom('users').select('id').where('username', '=', 'twin').execute();
    expect(rows).toHaveLength(1);
    expect(await auditEntries(t, { action: 'create', entity_type: 'user', entity_id: rows[0].id })).toHaveLength(1);
  });

  it('returns a one-time password that works once and forces a change', async () => {
    const res = await create(nanming, { username: 'new-clerk', displayName: '新来的' });
    expect(res.statusCode).toBe(200);
    const { user, initialPassword } = res.json();
    expect(user).toMatchObject({ username: 'new-clerk', role: 'staff', regionCode: '520102000000', mustChangePassword: true, status: 'active' });
    expect(initialPassword).toMatch(/^.{12}$/);
    const row = (await userRow(t, user.id))!;
    expect(row.password_hash).not.toContain(initialPassword);

    const s = await activateUser(t, 'new-clerk', initialPassword, 'Settled#Clerk1');
    expect((await s.request({ url: '/api/v1/auth/me' })).json().user.mustChangePassword).toBe(false);
    expectErrorShape(await tryLogin(t, 'new-clerk', initialPassword), 401, 'LOGIN_FAILED');
    expect((await tryLogin(t, 'new-clerk', 'Settled#Clerk1')).statusCode).toBe(200);
  });

  it('resets a password: new one-time password, unlocked, sessions ended', async () => {
    const { id, initialPassword } = await createUserViaApi(nanming, { username: 'forgetful', role: 'staff', regionCode: '520102016000' });
    const session = await activateUser(t, 'forgetful', initialPassword, 'Forgot#Pw123');
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) await tryLogin(t, 'forgetful', 'Wrong#Pw000');
    expectErrorShape(await tryLogin(t, 'forgetful', 'Forgot#Pw123'), 423, 'ACCOUNT_LOCKED');
    expect((await nanming.request({ url: `/api/v1/users/${id}` })).json().locked).toBe(true);

    const res = await nanming.request({ method: 'POST', url: `/api/v1/users/${id}/reset-password` });
    expect(res.statusCode).toBe(200);
    const { password } = res.json();
    expect(password).not.toBe(initialPassword);
    expectErrorShape(await session.request({ url: '/api/v1/auth/me' }), 401, 'UNAUTHENTICATED');
    expectErrorShape(await tryLogin(t, 'forgetful', 'Forgot#Pw123'), 401, 'LOGIN_FAILED');
    const again = await t.login('forgetful', password);
    expect(again.user).toMatchObject({ mustChangePassword: true });
    expectErrorShape(await again.request({ url: '/api/v1/dashboard' }), 403, 'PASSWORD_CHANGE_REQUIRED');
    expect((await nanming.request({ url: `/api/v1/users/${id}` })).json()).toMatchObject({ locked: false, mustChangePassword: true });
  });

  it('disables and enables a user; enabling also unlocks', async () => {
    const { id, initialPassword } = await createUserViaApi(nanming, { username: 'seasonal', role: 'staff', regionCode: '520102000000' });
    await activateUser(t, 'seasonal', initialPassword, 'Season#Pw42');
    const off = await nanming.request({ method: 'POST', url: `/api/v1/users/${id}/disable` });
    expect(off.json()).toMatchObject({ status: 'disabled' });
    expectErrorShape(await tryLogin(t, 'seasonal', 'Season#Pw42'), 403, 'ACCOUNT_DISABLED');
    await t.db.db.updateTable('users').set({ locked_until: '2999-01-01T00:00:00.000Z' }).where('id', '=', id).execute();
    const on = await nanming.request({ method: 'POST', url: `/api/v1/users/${id}/enable` });
    expect(on.json()).toMatchObject({ status: 'active', locked: false });
    expect((await tryLogin(t, 'seasonal', 'Season#Pw42')).statusCode).toBe(200);
    expect((await nanming.request({ url: '/api/v1/users?status=disabled' })).json().items).toEqual([]);
  });

  it('refuses to disable oneself, change one’s own role or region, or reset one’s own password', async () => {
    const me = nanming.user.id;
    const before = await dbFingerprint(t);
    expectErrorShape(await nanming.request({ method: 'POST', url: `/api/v1/users/${me}/disable` }), 403, 'FORBIDDEN');
    expectErrorShape(await nanming.request({ method: 'PATCH', url: `/api/v1/users/${me}`, payload: { role: 'staff' } }), 403, 'FORBIDDEN');
    expectErrorShape(await nanming.request({ method: 'PATCH', url: `/api/v1/users/${me}`, payload: { regionCode: '520102016000' } }), 403, 'FORBIDDEN');
    expectErrorShape(await nanming.request({ method: 'POST', url: `/api/v1/users/${me}/reset-password` }), 403, 'FORBIDDEN');
    expect(await dbFingerprint(t)).toBe(before);
    // One's own display name is fine.
    const ok = await nanming.request({ method: 'PATCH', url: `/api/v1/users/${me}`, payload: { displayName: '南明区管理员' } });
    expect(ok.statusCode).toBe(200);
  });

  it('refuses to promote a user above the editor or move them out of scope', async () => {
    const id = await insertUser(t, { username: 'promotable', role: 'staff', regionCode: '520102000000' });
    const e = expectErrorShape(
      await nanming.request({ method: 'PATCH', url: `/api/v1/users/${id}`, payload: { role: 'city_admin' } }),
      400,
      'VALIDATION_FAILED',
    );
    expect(e.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'role' })]));
    expectErrorShape(await nanming.request({ method: 'PATCH', url: `/api/v1/users/${id}`, payload: { regionCode: '520103000000' } }), 403, 'SCOPE_FORBIDDEN');
    expect(await userRow(t, id)).toMatchObject({ role: 'staff', region_code: '520102000000' });
  });

  it('ends the sessions of a user whose role or region changes, not of one who is renamed', async () => {
    const { id, initialPassword } = await createUserViaApi(nanming, { username: 'moving', role: 'staff', regionCode: '520102000000' });
    const s = await activateUser(t, 'moving', initialPassword, 'Relocate#Pw77');
    await nanming.request({ method: 'PATCH', url: `/api/v1/users/${id}`, payload: { displayName: '搬家的人' } });
    expect((await s.request({ url: '/api/v1/auth/me' })).statusCode).toBe(200);
    await nanming.request({ method: 'PATCH', url: `/api/v1/users/${id}`, payload: { regionCode: '520102017000' } });
    expectErrorShape(await s.request({ url: '/api/v1/auth/me' }), 401, 'UNAUTHENTICATED');
    const again = await t.login('moving', 'Relocate#Pw77');
    expect(again.user.regionCode).toBe('520102017000');
    await nanming.request({ method: 'PATCH', url: `/api/v1/users/${id}`, payload: { role: 'county_admin', regionCode: '520102000000' } });
    expectErrorShape(await again.request({ url: '/api/v1/auth/me' }), 401, 'UNAUTHENTICATED');
  });

  it('keeps a province administrator away from the system administrator', async () => {
    const guizhou = await t.login('guizhou');
    const adminId = (await userByName(t, 'admin'))!.id;
    const before = await dbFingerprint(t);
    expectErrorShape(await guizhou.request({ url: `/api/v1/users/${adminId}` }), 404, 'NOT_FOUND');
    for (const [method, suffix, payload] of [
      ['PATCH', '', { displayName: '改名' }],
      ['POST', '/disable'],
      ['POST', '/reset-password'],
    ] as const) {
      expectErrorShape(await guizhou.request({ method, url: `/api/v1/users/${adminId}${suffix}`, payload }), 404, 'NOT_FOUND');
    }
    expect((await guizhou.request({ url: '/api/v1/users?role=system_admin' })).json()).toEqual({ items: [], total: 0 });
    expect(await dbFingerprint(t)).toBe(before);
  });

  it('refuses to manage a higher-ranked user that lies inside the scope (a legacy record)', async () => {
    // The API never creates this (a province administrator must sit on a province), but imported or
    // legacy data might: the rank check must hold on its own.
    const id = await insertUser(t, { username: 'legacy-boss', role: 'province_admin', regionCode: '520102000000' });
    expect((await nanming.request({ url: `/api/v1/users/${id}` })).statusCode).toBe(200);
    const before = await dbFingerprint(t);
    for (const [method, suffix, payload] of [
      ['PATCH', '', { displayName: '改名' }],
      ['POST', '/disable'],
      ['POST', '/enable'],
      ['POST', '/reset-password'],
    ] as const) {
      expectErrorShape(await nanming.request({ method, url: `/api/v1/users/${id}${suffix}`, payload }), 403, 'FORBIDDEN');
    }
    expect(await dbFingerprint(t)).toBe(before);
  });

  it('audits every write with before/after of the changed fields and never a password or hash', async () => {
    const { id, initialPassword } = await createUserViaApi(nanming, { username: 'audited', role: 'staff', regionCode: '520102000000', displayName: '甲' });
    await nanming.request({ method: 'PATCH', url: `/api/v1/users/${id}`, payload: { displayName: '乙' } });
    await nanming.request({ method: 'PATCH', url: `/api/v1/users/${id}`, payload: { regionCode: '520102016000' } });
    await nanming.request({ method: 'POST', url: `/api/v1/users/${id}/disable` });
    await nanming.request({ method: 'POST', url: `/api/v1/users/${id}/enable` });
    const reset = (await nanming.request({ method: 'POST', url: `/api/v1/users/${id}/reset-password` })).json().password;

    const entries = await auditEntries(t, { entity_type: 'user', entity_id: id });
    expect(entries.map((e) => e.action)).toEqual(['create', 'update', 'update', 'disable', 'enable', 'password_reset']);
    for (const e of entries) expect(e).toMatchObject({ actor_name: 'nanming', actor_id: nanming.user.id });
    const changes = entries.map((e) => (e.changes ? JSON.parse(e.changes) : null));
    expect(changes[0]).toEqual({
      username: [null, 'audited'],
      displayName: [null, '甲'],
      role: [null, 'staff'],
      regionCode: [null, '520102000000'],
      status: [null, 'active'],
    });
    expect(changes[1]).toEqual({ displayName: ['甲', '乙'] });
    expect(changes[2]).toEqual({ regionCode: ['520102000000', '520102016000'] });
    expect(entries[2].region_code).toBe('520102016000');
    expect(changes[3]).toEqual({ status: ['active', 'disabled'] });
    expect(changes[4]).toEqual({ status: ['disabled', 'active'] });
    expect(changes[5]).toBeNull();

    const hash = (await userRow(t, id))!.password_hash;
    const all = JSON.stringify(await auditEntries(t));
    for (const secret of [initialPassword, reset, hash, 'scrypt$', 'password_hash']) expect(all).not.toContain(secret);
  });

  it('treats usernames case-insensitively: stored lower-case, refused as duplicates, logged in either way', async () => {
    expectErrorShape(await create(nanming, { username: 'Nanming-Staff' }), 409, 'CONFLICT');
    const res = await create(nanming, { username: 'Wang.Li' });
    expect(res.statusCode).toBe(200);
    expect(res.json().user.username).toBe('wang.li');
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'WANG.LI', password: res.json().initialPassword } });
    expect(login.statusCode).toBe(200);
  });

  it('does not let two county administrators of the same county manage each other', async () => {
    const peer = await create(nanming, { username: 'nanming-admin2', role: 'county_admin' });
    expect(peer.statusCode).toBe(200);
    const peerId = peer.json().user.id;
    const before = await dbFingerprint(t);
    expectErrorShape(await nanming.request({ method: 'POST', url: `/api/v1/users/${peerId}/disable` }), 403, 'FORBIDDEN');
    expectErrorShape(await nanming.request({ method: 'POST', url: `/api/v1/users/${peerId}/reset-password` }), 403, 'FORBIDDEN');
    expect(await dbFingerprint(t)).toBe(before);
    // The city administrator above both may.
    const guiyang = await t.login('guiyang');
    expect((await guiyang.request({ method: 'POST', url: `/api/v1/users/${peerId}/disable` })).statusCode).toBe(200);
  });
});
