import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencyFingerprint, insertPlatformRow } from '../helpers/agency-fixtures.ts';
import { auditEntries } from '../helpers/fixtures.ts';
import { expectRefused, fieldError } from '../helpers/refused.ts';
import { createTestApp, type Session, type TestApp } from '../helpers/test-app.ts';
import { DIALECTS } from '../helpers/test-db.ts';

/** Community social groups: create in a township or village, the incubating station, lists, edit, delete. */
describe.each(DIALECTS)('community groups (%s)', (dialect) => {
  let t: TestApp;
  let nanming: Session;
  let yunyan: Session;
  let station: string;
  let hub: string;
  let yunyanStation: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    nanming = await t.login('nanming');
    yunyan = await t.login('yunyan');
    station = await insertPlatformRow(t, { kind: 'station', region_code: '520102016000', name: '南明测试社工站' });
    hub = await insertPlatformRow(t, { kind: 'county_hub', region_code: '520102000000' });
    yunyanStation = await insertPlatformRow(t, { kind: 'station', region_code: '520103019000', name: '云岩测试社工站' });
  });
  afterAll(() => t.close());

  let seq = 0;
  const body = (o: Record<string, unknown> = {}) => ({
    name: `测试志愿队${++seq}`,
    regionCode: '520102016000',
    kind: 'volunteer',
    registration: 'filed',
    ...o,
  });
  const post = (s: Session, payload: object) => s.request({ method: 'POST', url: '/api/v1/community-groups', payload });
  const refused = (send: () => Promise<LightMyRequestResponse>, status: number, code: string) => expectRefused(() => agencyFingerprint(t), send, status, code);

  it('registers a group with its incubating station; the list and detail name both places', async () => {
    const res = await post(nanming, body({ name: '花果园银龄志愿队', members: 36, incubatorId: station, contactName: '李四', contactPhone: '13800001111' }));
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d).toMatchObject({
      name: '花果园银龄志愿队',
      members: 36,
      kind: 'volunteer',
      registration: 'filed',
      incubatorId: station,
      incubatorName: '南明测试社工站',
      contactName: '李四',
      contactPhone: '13800001111',
      status: 'active',
    });
    expect(d.regionName).toMatch(/^贵阳市 \/ 南明区 \/ /);
    const list = await nanming.request({ url: `/api/v1/community-groups?incubatorId=${station}` });
    expect(list.json().items.map((i: { id: string }) => i.id)).toEqual([d.id]);
    expect(list.json().items[0]).toMatchObject({ incubatorName: '南明测试社工站' });
    const [entry] = await auditEntries(t, { entity_type: 'community_group', entity_id: d.id });
    expect(entry).toMatchObject({ action: 'create', region_code: '520102016000' });
  });

  it('accepts a village and refuses a county with a Chinese field message', async () => {
    const village = await t.db.db.selectFrom('regions').select('code').where('level', '=', 5).where('code', 'like', '520102%').executeTakeFirstOrThrow();
    expect((await post(nanming, body({ regionCode: village.code }))).statusCode).toBe(200);
    const e = await refused(() => post(nanming, body({ regionCode: '520102000000' })), 400, 'VALIDATION_FAILED');
    expect(fieldError(e, 'regionCode')).toContain('乡镇(街道)或村(社区)');
    await refused(() => post(nanming, body({ regionCode: '520103019000' })), 403, 'SCOPE_FORBIDDEN');
  });

  it('refuses an incubator that is not a station/room, or lies outside the scope', async () => {
    expect(fieldError(await refused(() => post(nanming, body({ incubatorId: hub })), 400, 'VALIDATION_FAILED'), 'incubatorId')).toContain('社工站');
    const out = await refused(() => post(nanming, body({ incubatorId: yunyanStation })), 400, 'VALIDATION_FAILED');
    fieldError(out, 'incubatorId');
    expect(JSON.stringify(out)).not.toContain('云岩测试社工站');
    await refused(() => post(nanming, body({ members: -1 })), 400, 'VALIDATION_FAILED');
    await refused(() => post(nanming, body({ kind: 'nope' })), 400, 'VALIDATION_FAILED');
  });

  it('filters lists by kind, registration, status and name; nothing outside the scope', async () => {
    const a = (await post(nanming, body({ name: '筛选文体队', kind: 'culture', registration: 'registered' }))).json();
    const b = (await post(nanming, body({ name: '筛选调解会', kind: 'mediation', status: 'dissolved' }))).json();
    const ids = async (q: string) =>
      (await nanming.request({ url: `/api/v1/community-groups?q=${encodeURIComponent('筛选')}&${q}` })).json().items.map((i: { id: string }) => i.id);
    expect(await ids('kind=culture')).toEqual([a.id]);
    expect(await ids('registration=registered')).toEqual([a.id]);
    expect(await ids('status=dissolved')).toEqual([b.id]);
    const y = (await post(yunyan, body({ name: '云岩筛选队', regionCode: '520103019000' }))).json();
    expect((await nanming.request({ url: '/api/v1/community-groups?regionCode=520103000000' })).json()).toEqual({ items: [], total: 0 });
    await refused(() => nanming.request({ url: `/api/v1/community-groups/${y.id}` }), 404, 'NOT_FOUND');
    await refused(() => nanming.request({ method: 'PATCH', url: `/api/v1/community-groups/${y.id}`, payload: { members: 1 } }), 404, 'NOT_FOUND');
  });

  it('edits (audited diff) and deletes a group', async () => {
    const g = (await post(nanming, body({ name: '编辑前队', members: 5 }))).json();
    const res = await nanming.request({ method: 'PATCH', url: `/api/v1/community-groups/${g.id}`, payload: { members: 12, incubatorId: station } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ members: 12, incubatorName: '南明测试社工站' });
    await refused(() => nanming.request({ method: 'PATCH', url: `/api/v1/community-groups/${g.id}`, payload: { incubatorId: hub } }), 400, 'VALIDATION_FAILED');
    await refused(() => nanming.request({ method: 'PATCH', url: `/api/v1/community-groups/${g.id}`, payload: {} }), 400, 'VALIDATION_FAILED');
    const del = await nanming.request({ method: 'DELETE', url: `/api/v1/community-groups/${g.id}` });
    expect(del.statusCode, del.body).toBe(200);
    const entries = await auditEntries(t, { entity_type: 'community_group', entity_id: g.id });
    expect(entries.map((e) => e.action)).toEqual(['create', 'update', 'delete']);
    expect(JSON.parse(entries[1].changes as string)).toEqual({ members: [5, 12], incubatorId: [null, station] });
  });
});
