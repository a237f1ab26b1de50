import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activateUser, auditEntries, tryLogin, userByName } from '../helpers/fixtures.ts';
import { expectRefused } from '../helpers/refused.ts';
import { certificate, createTalentViaApi, talentBody, talentFingerprint, training } from '../helpers/talent-fixtures.ts';
import { createTestApp, expectErrorShape, type Session, type TestApp } from '../helpers/test-app.ts';
import { DIALECTS } from '../helpers/test-db.ts';

/**
 * Self-service: an administrator opens a social-worker account for a talent; the social worker sees
 * their own record, keeps their phone current and submits certificates and training hours, which
 * count only once an administrator of the record's region approves them.
 */
describe.each(DIALECTS)('talent self-service (%s)', (dialect) => {
  let t: TestApp;
  let nanming: Session;
  let yunyan: Session;
  let staff: Session;
  let talent: { id: string; _idNumber: string; idNumberMasked: string; certificates: Array<{ certificateNo: string }> };
  let other: { id: string };
  let sw: Session;
  const PASSWORD = 'Social#Work2026';

  beforeAll(async () => {
    t = await createTestApp(dialect);
    nanming = await t.login('nanming');
    yunyan = await t.login('yunyan');
    staff = await t.login('nanming-staff');
    talent = await createTalentViaApi(nanming, {
      name: '自助社工',
      regionCode: '520102016000',
      phone: '13800001111',
      certificates: [certificate('assistant', { registeredOn: '2025-01-10' })],
      trainings: [training('2025-02-01', 20)],
    });
    other = await createTalentViaApi(nanming, { name: '别人', regionCode: '520102016000' });
  });
  afterAll(() => t.close());

  const refused = (send: () => Promise<LightMyRequestResponse>, status: number, code: string) => expectRefused(() => talentFingerprint(t), send, status, code);
  const openAccount = (s: Session, id: string, username: string) => s.request({ method: 'POST', url: `/api/v1/talents/${id}/account`, payload: { username } });
  const submit = (payload: object) => sw.request({ method: 'POST', url: '/api/v1/me/talent/submissions', payload });
  const pending = async (s: Session) => {
    const res = await s.request({ url: '/api/v1/talent-submissions?status=pending&pageSize=100' });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as Array<{ id: string; talentId: string; talentName: string; kind: string; status: string }>;
  };
  const decide = (s: Session, id: string, what: 'approve' | 'reject', note?: string) =>
    s.request({ method: 'POST', url: `/api/v1/talent-submissions/${id}/${what}`, payload: note ? { note } : {} });

  it('opens an account for a talent once, with a one-time password that must be changed', async () => {
    await refused(() => openAccount(staff, talent.id, 'zizhu'), 403, 'FORBIDDEN');
    await refused(() => openAccount(yunyan, talent.id, 'zizhu'), 404, 'NOT_FOUND');
    const e = await refused(() => openAccount(nanming, talent.id, 'yunyan'), 409, 'CONFLICT');
    expect(e.details).toEqual([expect.objectContaining({ field: 'username' })]);
    await refused(() => openAccount(nanming, talent.id, '张'), 400, 'VALIDATION_FAILED');

    const res = await openAccount(nanming, talent.id, 'ZiZhu');
    expect(res.statusCode, res.body).toBe(200);
    const { username, initialPassword } = res.json();
    expect(username).toBe('zizhu');
    expect(initialPassword).toMatch(/^.{12}$/);
    expect(await userByName(t, 'zizhu')).toMatchObject({
      role: 'social_worker',
      region_code: '520102016000',
      bound_entity_type: 'talent',
      bound_entity_id: talent.id,
      must_change_password: 1,
      display_name: '自助社工',
    });
    expect((await nanming.request({ url: `/api/v1/talents/${talent.id}` })).json().hasAccount).toBe(true);
    await refused(() => openAccount(nanming, talent.id, 'zizhu2'), 409, 'CONFLICT');
    expect(await auditEntries(t, { action: 'account_link', actor_name: 'nanming' })).toEqual([
      expect.objectContaining({ entity_label: 'zizhu', region_code: '520102016000' }),
    ]);
    expect(JSON.stringify(await auditEntries(t))).not.toContain(initialPassword);

    // First login: nothing but the password change.
    const first = await t.login('zizhu', initialPassword);
    expectErrorShape(await first.request({ url: '/api/v1/me/talent' }), 403, 'PASSWORD_CHANGE_REQUIRED');
    sw = await activateUser(t, 'zizhu', initialPassword, PASSWORD);
    expectErrorShape(await tryLogin(t, 'zizhu', initialPassword), 401, 'LOGIN_FAILED');
    const me = (await sw.request({ url: '/api/v1/auth/me' })).json().user;
    expect(me).toMatchObject({ role: 'social_worker', bound: { type: 'talent', id: talent.id }, mustChangePassword: false });
    expect(me.permissions).toContain('talent.self');
    expect(me.permissions).not.toContain('talent.read');
  });

  it('shows the social worker their own record, masked', async () => {
    const res = await sw.request({ url: '/api/v1/me/talent' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      id: talent.id,
      name: '自助社工',
      idNumberMasked: talent.idNumberMasked,
      phoneMasked: '138****1111',
      tier: 'junior',
      hasAccount: true,
    });
    expect(res.body).not.toContain(talent._idNumber);
    expect(res.body).not.toContain('13800001111');
  });

  it('refuses the registry itself and other people’s records to a social worker', async () => {
    for (const [method, url, payload] of [
      ['GET', '/api/v1/talents'],
      ['GET', `/api/v1/talents/${other.id}`],
      ['GET', `/api/v1/talents/${talent.id}`],
      ['GET', `/api/v1/talents/${other.id}/history`],
      ['PATCH', `/api/v1/talents/${talent.id}`, { employer: '自己改单位' }],
      ['DELETE', `/api/v1/talents/${other.id}`],
      ['POST', `/api/v1/talents/${talent.id}/reveal`],
      ['POST', '/api/v1/talents', talentBody()],
      ['GET', '/api/v1/talent-submissions'],
      ['GET', '/api/v1/talent-analytics'],
      ['GET', '/api/v1/talent-duplicates'],
      ['GET', '/api/v1/talent-transfers'],
      ['POST', `/api/v1/talents/${other.id}/account`, { username: 'sneaky' }],
      ['GET', '/api/v1/users'],
    ] as const) {
      await refused(() => sw.request({ method, url, payload }), 403, 'FORBIDDEN');
    }
    // And administrators do not use the self-service routes.
    await refused(() => nanming.request({ url: '/api/v1/me/talent' }), 403, 'FORBIDDEN');
    await refused(() => nanming.request({ method: 'PATCH', url: '/api/v1/me/talent/contact', payload: { phone: '13800002222' } }), 403, 'FORBIDDEN');
  });

  it('lets the social worker change their phone, audited under their name with masked numbers', async () => {
    await refused(() => sw.request({ method: 'PATCH', url: '/api/v1/me/talent/contact', payload: { phone: '110' } }), 400, 'VALIDATION_FAILED');
    await refused(
      () => sw.request({ method: 'PATCH', url: '/api/v1/me/talent/contact', payload: { phone: '13900009999', name: '改名' } }),
      400,
      'VALIDATION_FAILED',
    );
    const res = await sw.request({ method: 'PATCH', url: '/api/v1/me/talent/contact', payload: { phone: '139 0000 9999' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ phoneMasked: '139****9999', name: '自助社工', tier: 'junior' });
    expect((await nanming.request({ method: 'POST', url: `/api/v1/talents/${talent.id}/reveal` })).json().phone).toBe('13900009999');
    const [entry] = (await auditEntries(t, { entity_type: 'talent', entity_id: talent.id, action: 'update' })).slice(-1);
    expect(entry.actor_name).toBe('zizhu');
    expect(JSON.parse(entry.changes as string)).toEqual({ phone: ['138****1111', '139****9999'] });
    // Nothing else moved: the certificate and hours are as the administrator left them.
    expect((await sw.request({ url: '/api/v1/me/talent' })).json().certificates).toHaveLength(1);
    // Clearing the phone is allowed.
    expect((await sw.request({ method: 'PATCH', url: '/api/v1/me/talent/contact', payload: { phone: null } })).json().phoneMasked).toBeNull();
  });

  it('takes submissions that count only after an administrator approves them', async () => {
    const cert = certificate('intermediate', { registeredOn: '2026-03-01' });
    const c = await submit({ kind: 'certificate', certificate: cert });
    expect(c.statusCode, c.body).toBe(200);
    expect(c.json()).toMatchObject({
      kind: 'certificate',
      status: 'pending',
      talentId: talent.id,
      regionCode: '520102016000',
      payload: { certificateNo: cert.certificateNo },
    });
    const h = await submit({ kind: 'training', training: training('2026-04-01', 10, '督导培训') });
    expect(h.statusCode, h.body).toBe(200);
    const h2 = await submit({ kind: 'training', training: training('2026-04-15', 7, '未核实培训') });
    // Not yet counted.
    expect((await sw.request({ url: '/api/v1/me/talent' })).json()).toMatchObject({
      tier: 'junior',
      continuingEducation: expect.objectContaining({ hours: 20 }),
    });
    const mine = (await sw.request({ url: '/api/v1/me/talent/submissions' })).json();
    expect(mine.total).toBe(3);
    expect(mine.items.map((x: { id: string }) => x.id).sort()).toEqual([c.json().id, h.json().id, h2.json().id].sort());

    // Refused submissions: a certificate already on the record, bad data, unknown kind.
    const held = talent.certificates[0].certificateNo;
    await refused(() => submit({ kind: 'certificate', certificate: { level: 'assistant', certificateNo: held, obtainedYear: 2020 } }), 409, 'CONFLICT');
    await refused(() => submit({ kind: 'training', training: training('2026-02-30', 3) }), 400, 'VALIDATION_FAILED');
    await refused(() => submit({ kind: 'training', training: training('2026-02-01', -3) }), 400, 'VALIDATION_FAILED');
    await refused(() => submit({ kind: 'honour', honour: {} }), 400, 'VALIDATION_FAILED');

    // The county's administrator sees them pending; another county does not.
    const list = await pending(nanming);
    for (const id of [c.json().id, h.json().id, h2.json().id])
      expect(list.find((x) => x.id === id)).toMatchObject({ talentName: '自助社工', status: 'pending' });
    expect((await pending(yunyan)).some((x) => x.talentId === talent.id)).toBe(false);
    await refused(() => decide(yunyan, c.json().id, 'approve'), 404, 'NOT_FOUND');

    // Approving the certificate raises the tier (and moves the continuing-education period).
    const okC = await decide(nanming, c.json().id, 'approve', '已核验证书原件');
    expect(okC.statusCode, okC.body).toBe(200);
    expect(okC.json()).toMatchObject({ status: 'approved', decidedBy: 'nanming', decisionNote: '已核验证书原件' });
    let me = (await sw.request({ url: '/api/v1/me/talent' })).json();
    expect(me.tier).toBe('intermediate');
    expect(me.certificates.map((x: { certificateNo: string }) => x.certificateNo)).toContain(cert.certificateNo);
    expect(me.continuingEducation).toMatchObject({ periodStart: '2026-03-01', required: 90, hours: 0 });
    // Approving the training adds its hours; rejecting the other adds nothing.
    expect((await decide(staff, h.json().id, 'approve')).statusCode).toBe(200);
    const no = await decide(nanming, h2.json().id, 'reject', '无培训证明');
    expect(no.json()).toMatchObject({ status: 'rejected', decisionNote: '无培训证明' });
    me = (await sw.request({ url: '/api/v1/me/talent' })).json();
    expect(me.continuingEducation.hours).toBe(10);
    expect(me.trainings.map((x: { title: string }) => x.title)).toEqual(['继续教育培训', '督导培训']);
    const statuses = (await sw.request({ url: '/api/v1/me/talent/submissions' }))
      .json()
      .items.map((x: { id: string; status: string }) => `${x.id}:${x.status}`);
    expect(statuses.sort()).toEqual([`${c.json().id}:approved`, `${h.json().id}:approved`, `${h2.json().id}:rejected`].sort());

    // Each decision once.
    for (const s of [c, h, h2]) {
      await refused(() => decide(nanming, s.json().id, 'approve'), 409, 'CONFLICT');
      await refused(() => decide(nanming, s.json().id, 'reject'), 409, 'CONFLICT');
    }
    expect((await pending(nanming)).some((x) => x.talentId === talent.id)).toBe(false);
    const ids = [c.json().id, h.json().id, h2.json().id];
    const actions = (await auditEntries(t, { entity_type: 'talent_submission' }))
      .filter((e) => ids.includes(e.entity_id as string))
      .map((e) => `${e.action}:${e.actor_name}`);
    expect(actions).toEqual(['submit:zizhu', 'submit:zizhu', 'submit:zizhu', 'approve:nanming', 'approve:nanming-staff', 'reject:nanming']);
  });

  it('answers parallel decisions of one submission with one 200 and 409s; the hours count once', async () => {
    const sub = await submit({ kind: 'training', training: training('2026-04-20', 5, '并发审核培训') });
    expect(sub.statusCode, sub.body).toBe(200);
    const hoursBefore = (await sw.request({ url: '/api/v1/me/talent' })).json().continuingEducation.hours;
    const guiyang = await t.login('guiyang');
    const results = await Promise.all([
      decide(nanming, sub.json().id, 'approve'),
      decide(staff, sub.json().id, 'approve'),
      decide(guiyang, sub.json().id, 'approve'),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
    const me = (await sw.request({ url: '/api/v1/me/talent' })).json();
    expect(me.continuingEducation.hours).toBe(hoursBefore + 5);
    expect(me.trainings.filter((x: { title: string }) => x.title === '并发审核培训')).toHaveLength(1);
  });

  it('leaves a social worker whose record was deleted without a record, not with someone else’s', async () => {
    const d = await createTalentViaApi(nanming, { name: '将注销' });
    const { initialPassword } = (await openAccount(nanming, d.id, 'leaving')).json();
    const s = await activateUser(t, 'leaving', initialPassword, 'Farewell#Pw2026');
    expect((await s.request({ url: '/api/v1/me/talent' })).json().id).toBe(d.id);
    expect((await nanming.request({ method: 'DELETE', url: `/api/v1/talents/${d.id}` })).statusCode).toBe(200);
    const again = await t.login('leaving', 'Farewell#Pw2026');
    expectErrorShape(await again.request({ url: '/api/v1/me/talent' }), 404, 'NOT_FOUND');
    await refused(() => again.request({ method: 'PATCH', url: '/api/v1/me/talent/contact', payload: { phone: '13800003333' } }), 404, 'NOT_FOUND');
    await refused(
      () => again.request({ method: 'POST', url: '/api/v1/me/talent/submissions', payload: { kind: 'training', training: training('2026-04-01', 2) } }),
      404,
      'NOT_FOUND',
    );
  });
});
