import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencyFingerprint, createAgencyViaApi } from '../helpers/agency-fixtures.ts';
import { activateUser, auditEntries, userByName } from '../helpers/fixtures.ts';
import { createTalentViaApi, newIdNumber } from '../helpers/talent-fixtures.ts';
import { createTestApp, expectErrorShape, type Session, type TestApp } from '../helpers/test-app.ts';
import { DIALECTS } from '../helpers/test-db.ts';

/**
 * Agency administrators: an account bound to one agency (POST /users with boundEntityId), which sees
 * and edits that agency through /my-agency — limited fields — and nothing else.
 */
describe.each(DIALECTS)('agency administrator accounts (%s)', (dialect) => {
  let t: TestApp;
  let nanming: Session;
  let yunyan: Session;
  // biome-ignore lint/suspicious/noExplicitAny: agency details are read field by field
  let own: any;
  // biome-ignore lint/suspicious/noExplicitAny: as above
  let neighbour: any;
  // biome-ignore lint/suspicious/noExplicitAny: as above
  let elsewhere: any;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    nanming = await t.login('nanming');
    yunyan = await t.login('yunyan');
    own = await createAgencyViaApi(nanming, { name: '南明自家机构', rating: '3A', ratingYear: 2024 });
    neighbour = await createAgencyViaApi(nanming, { name: '南明邻家机构' });
    elsewhere = await createAgencyViaApi(yunyan, { name: '云岩某机构', regionCode: '520103000000' });
  });
  afterAll(() => t.close());

  const createUser = (payload: object) => nanming.request({ method: 'POST', url: '/api/v1/users', payload });
  const base = { displayName: '机构管理员', role: 'agency_admin', regionCode: '520102000000' };

  it('requires an agency of the creator’s scope for an agency administrator, and none for other roles', async () => {
    const before = await agencyFingerprint(t);
    const missing = expectErrorShape(await createUser({ ...base, username: 'aa-missing' }), 400, 'VALIDATION_FAILED');
    expect(JSON.stringify(missing.details)).toContain('boundEntityId');
    const outside = expectErrorShape(await createUser({ ...base, username: 'aa-outside', boundEntityId: elsewhere.id }), 400, 'VALIDATION_FAILED');
    expect(JSON.stringify(outside)).not.toContain('云岩某机构');
    expectErrorShape(await createUser({ ...base, username: 'aa-ghost', boundEntityId: '0190c1e2-0000-7000-8000-000000000000' }), 400, 'VALIDATION_FAILED');
    expectErrorShape(
      await createUser({ displayName: '职员', role: 'staff', regionCode: '520102000000', username: 'aa-staff', boundEntityId: own.id }),
      400,
      'VALIDATION_FAILED',
    );
    expect(await agencyFingerprint(t)).toBe(before);
  });

  it('creates a bound account, which reads and edits its own agency only, within the allowed fields', async () => {
    const res = await createUser({ ...base, username: 'aa-own', boundEntityId: own.id });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().user).toMatchObject({ role: 'agency_admin', boundEntityId: own.id, boundEntityName: '南明自家机构' });
    const listed = (await nanming.request({ url: '/api/v1/users?q=aa-own' })).json().items[0];
    expect(listed).toMatchObject({ boundEntityId: own.id, boundEntityName: '南明自家机构' });
    const [created] = await auditEntries(t, { entity_type: 'user', entity_id: res.json().user.id });
    expect(JSON.parse(created.changes as string).boundEntityId).toEqual([null, own.id]);

    const s = await activateUser(t, 'aa-own', res.json().initialPassword, 'Agency#Admin2026');
    const me = await s.request({ url: '/api/v1/my-agency' });
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json()).toMatchObject({ id: own.id, name: '南明自家机构', rating: '3A' });

    const edit = await s.request({
      method: 'PATCH',
      url: '/api/v1/my-agency',
      payload: { address: '南明区花果园 1 号', contactPhone: '13900002222', legalRep: '王五', tags: ['brand'], partyOrg: true, partyOrgOn: '2022-07-01' },
    });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(edit.json()).toMatchObject({ address: '南明区花果园 1 号', contactPhone: '13900002222', legalRep: '王五', tags: ['brand'], partyOrg: true });
    const entries = await auditEntries(t, { entity_type: 'agency', entity_id: own.id });
    expect(entries.at(-1)).toMatchObject({ action: 'update', actor_name: 'aa-own' });
    expect(JSON.parse(entries.at(-1)?.changes as string)).toMatchObject({ address: ['', '南明区花果园 1 号'], legalRep: ['', '王五'] });

    // Fields kept by civil affairs are refused as unknown fields; nothing changes.
    const before = await agencyFingerprint(t);
    for (const payload of [{ creditCode: own.creditCode }, { rating: '5A' }, { regionCode: '520102016000' }, { status: 'deregistered' }, { name: '新名' }]) {
      const e = expectErrorShape(await s.request({ method: 'PATCH', url: '/api/v1/my-agency', payload }), 400, 'VALIDATION_FAILED');
      expect(JSON.stringify(e.details)).toContain('UNKNOWN_FIELD');
    }
    // The agency routes are not theirs: no list, no other agency, no edit through the admin route.
    expectErrorShape(await s.request({ url: '/api/v1/agencies' }), 403, 'FORBIDDEN');
    expectErrorShape(await s.request({ url: `/api/v1/agencies/${neighbour.id}` }), 403, 'FORBIDDEN');
    expectErrorShape(await s.request({ method: 'PATCH', url: `/api/v1/agencies/${own.id}`, payload: { rating: '5A', ratingYear: 2025 } }), 403, 'FORBIDDEN');
    expectErrorShape(await s.request({ method: 'PATCH', url: `/api/v1/agencies/${neighbour.id}`, payload: { address: 'x' } }), 403, 'FORBIDDEN');
    expect(await agencyFingerprint(t)).toBe(before);
    expect((await nanming.request({ url: `/api/v1/agencies/${neighbour.id}` })).json().address).toBe('');
  });

  it('moves the binding by PATCH /users (sessions end), clears it with the role, and keeps /my-agency to the bound one', async () => {
    const res = await createUser({ ...base, username: 'aa-move', boundEntityId: own.id });
    const id = res.json().user.id;
    const s = await activateUser(t, 'aa-move', res.json().initialPassword, 'Agency#Admin2026');
    expectErrorShape(
      await nanming.request({ method: 'PATCH', url: `/api/v1/users/${id}`, payload: { boundEntityId: elsewhere.id } }),
      400,
      'VALIDATION_FAILED',
    );
    expectErrorShape(await nanming.request({ method: 'PATCH', url: `/api/v1/users/${id}`, payload: { boundEntityId: null } }), 400, 'VALIDATION_FAILED');

    const moved = await nanming.request({ method: 'PATCH', url: `/api/v1/users/${id}`, payload: { boundEntityId: neighbour.id } });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ boundEntityId: neighbour.id, boundEntityName: '南明邻家机构' });
    expectErrorShape(await s.request({ url: '/api/v1/my-agency' }), 401);
    const again = await t.login('aa-move', 'Agency#Admin2026');
    expect((await again.request({ url: '/api/v1/my-agency' })).json().id).toBe(neighbour.id);

    const renamed = await nanming.request({ method: 'PATCH', url: `/api/v1/users/${id}`, payload: { displayName: '改名' } });
    expect(renamed.json().boundEntityId).toBe(neighbour.id);
    const staffNow = await nanming.request({ method: 'PATCH', url: `/api/v1/users/${id}`, payload: { role: 'staff' } });
    expect(staffNow.json()).toMatchObject({ role: 'staff', boundEntityId: null, boundEntityName: null });
    expect((await userByName(t, 'aa-move'))?.bound_entity_id).toBeNull();
    // Back to agency administrator: an agency must be named again.
    expectErrorShape(await nanming.request({ method: 'PATCH', url: `/api/v1/users/${id}`, payload: { role: 'agency_admin' } }), 400, 'VALIDATION_FAILED');
    const back = await nanming.request({ method: 'PATCH', url: `/api/v1/users/${id}`, payload: { role: 'agency_admin', boundEntityId: own.id } });
    expect(back.json()).toMatchObject({ role: 'agency_admin', boundEntityId: own.id });
  });

  it('keeps its own staff: adds people by ID number and name, edits and removes them, and cannot probe the registry', async () => {
    const agency = await createAgencyViaApi(nanming, { name: '南明人员机构' });
    const res = await createUser({ ...base, username: 'aa-staffer', boundEntityId: agency.id });
    const s = await activateUser(t, 'aa-staffer', res.json().initialPassword, 'Agency#Admin2026');
    const a = await createTalentViaApi(nanming, { name: '机构社工甲' });
    // Staff may be registered in another county: the agency works wherever it is contracted.
    const b = await createTalentViaApi(yunyan, { name: '机构社工乙', regionCode: '520103000000' });
    const gone = await createTalentViaApi(nanming, { name: '已离岗社工', status: 'left' });
    const add = (payload: object) => s.request({ method: 'POST', url: '/api/v1/my-agency/staff', payload });
    const put = (staff: object[]) => s.request({ method: 'PUT', url: '/api/v1/my-agency/staff', payload: { staff } });

    // A wrong name, an unregistered number and a person who left the field get the same answer.
    const before = await agencyFingerprint(t);
    const answers = [];
    for (const payload of [
      { idNumber: a._idNumber, name: '别人' },
      { idNumber: newIdNumber(), name: '机构社工甲' },
      { idNumber: gone._idNumber, name: '已离岗社工' },
    ]) {
      const e = expectErrorShape(await add(payload), 400, 'VALIDATION_FAILED');
      answers.push(JSON.stringify(e.details));
    }
    expect(new Set(answers).size).toBe(1);
    expect(answers[0]).toContain('idNumber');
    expect(answers[0]).not.toContain('520102');
    const malformed = expectErrorShape(await add({ idNumber: '52010219900101', name: '机构社工甲' }), 400, 'VALIDATION_FAILED');
    expect(JSON.stringify(malformed.details)).toContain('18位');
    expectErrorShape(await add({ name: '机构社工甲' }), 400, 'VALIDATION_FAILED');
    expect(await agencyFingerprint(t)).toBe(before);

    const first = await add({ idNumber: a._idNumber, name: ' 机构社工甲 ', post: '项目主管', since: '2025-03-01' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().staff).toEqual([
      expect.objectContaining({ talentId: a.id, name: '机构社工甲', post: '项目主管', fullTime: true, since: '2025-03-01' }),
    ]);
    expect(JSON.stringify(expectErrorShape(await add({ idNumber: a._idNumber, name: '机构社工甲' }), 400, 'VALIDATION_FAILED').details)).toContain(
      '已是本机构',
    );
    const second = await add({ idNumber: b._idNumber, name: '机构社工乙', fullTime: false });
    expect(
      second
        .json()
        .staff.map((m: { name: string }) => m.name)
        .sort(),
    ).toEqual(['机构社工乙', '机构社工甲'].sort());
    // The civil-affairs view of the agency shows the same people.
    expect((await nanming.request({ url: `/api/v1/agencies/${agency.id}` })).json().staff).toHaveLength(2);

    // Edits and removals work on the current list; a newcomer cannot be slipped in by id.
    const outsider = await createTalentViaApi(nanming, { name: '未添加社工' });
    const unchanged = await agencyFingerprint(t);
    const sneaked = expectErrorShape(
      await put([
        { talentId: a.id, post: '项目主管' },
        { talentId: outsider.id, post: '社工' },
      ]),
      400,
      'VALIDATION_FAILED',
    );
    expect(JSON.stringify(sneaked.details)).toContain('staff.1.talentId');
    expect(await agencyFingerprint(t)).toBe(unchanged);
    const edited = await put([{ talentId: a.id, post: '副主任', fullTime: false, since: '2025-04-01' }]);
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().staff).toEqual([expect.objectContaining({ talentId: a.id, post: '副主任', fullTime: false, since: '2025-04-01' })]);
    const entries = await auditEntries(t, { entity_type: 'agency', entity_id: agency.id });
    expect(entries.at(-1)).toMatchObject({ action: 'update', actor_name: 'aa-staffer' });
    expect(entries.at(-1)?.changes).toContain('机构社工乙');
    // Civil-affairs staff have no /my-agency.
    expectErrorShape(
      await nanming.request({ method: 'POST', url: '/api/v1/my-agency/staff', payload: { idNumber: a._idNumber, name: '机构社工甲' } }),
      403,
      'FORBIDDEN',
    );
  });

  it('answers 404 on /my-agency once the agency is deleted (the account stays, unbound)', async () => {
    const gone = await createAgencyViaApi(nanming, { name: '将删除机构' });
    const res = await createUser({ ...base, username: 'aa-gone', boundEntityId: gone.id });
    const s = await activateUser(t, 'aa-gone', res.json().initialPassword, 'Agency#Admin2026');
    expect((await nanming.request({ method: 'DELETE', url: `/api/v1/agencies/${gone.id}` })).statusCode).toBe(200);
    expectErrorShape(await s.request({ url: '/api/v1/my-agency' }), 404, 'NOT_FOUND');
    expectErrorShape(await s.request({ method: 'PATCH', url: '/api/v1/my-agency', payload: { address: 'x' } }), 404, 'NOT_FOUND');
    expect((await userByName(t, 'aa-gone'))?.bound_entity_id).toBeNull();
    // The unbound account can still be renamed; binding it again names an agency.
    const id = res.json().user.id;
    const renamed = await nanming.request({ method: 'PATCH', url: `/api/v1/users/${id}`, payload: { displayName: '待重新绑定' } });
    expect(renamed.json()).toMatchObject({ displayName: '待重新绑定', boundEntityId: null, boundEntityName: null });
    const rebound = await nanming.request({ method: 'PATCH', url: `/api/v1/users/${id}`, payload: { boundEntityId: own.id } });
    expect(rebound.json()).toMatchObject({ boundEntityId: own.id, boundEntityName: '南明自家机构' });
  });
});
