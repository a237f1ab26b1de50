import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { networkSummaryRegionsOf } from '../../domain/network/network-stats.ts';
import { computeDirect, rebuildNetworkStats } from '../../server/modules/network/network-stats.repository.ts';
import { auditEntries } from '../helpers/fixtures.ts';
import { certificate, createTalentViaApi } from '../helpers/talent-fixtures.ts';
import { createTestApp, expectErrorShape, type Session, type TestApp } from '../helpers/test-app.ts';
import { DIALECTS } from '../helpers/test-db.ts';

// The demo talents are not needed here (the tests register their own); the demo network stays.
process.env.DEMO_TALENTS ??= '0';

const NANMING = '520102000000';
const YUNYAN = '520103000000';

/** Platforms: create, read, list, edit, delete, checks, staff, the checklist rule, the summary. */
describe.each(DIALECTS)('platforms (%s)', (dialect) => {
  let t: TestApp;
  let admin: Session;
  let guizhou: Session;
  let nanming: Session;
  let staff: Session;
  let yunyan: Session;
  let townships: string[];
  let village: string;
  let yunyanTownship: string;
  let seq = 0;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    [admin, guizhou, nanming, staff, yunyan] = await Promise.all(['admin', 'guizhou', 'nanming', 'nanming-staff', 'yunyan'].map((u) => t.login(u)));
    const rows = await t.db.db.selectFrom('regions').select('code').where('parent_code', '=', NANMING).where('status', '=', 'active').orderBy('code').execute();
    townships = rows.map((r) => r.code);
    yunyanTownship = (await t.db.db.selectFrom('regions').select('code').where('parent_code', '=', YUNYAN).orderBy('code').executeTakeFirstOrThrow()).code;
    village = (await t.db.db.selectFrom('regions').select('code').where('parent_code', '=', townships[0]).orderBy('code').executeTakeFirstOrThrow()).code;
  });
  afterAll(() => t.close());

  const body = (over: Record<string, unknown> = {}) => ({ kind: 'station', name: `测试社工站${++seq}`, regionCode: townships[1], ...over });
  const post = (s: Session, payload: object) => s.request({ method: 'POST', url: '/api/v1/platforms', payload });
  const patch = (s: Session, id: string, payload: object) => s.request({ method: 'PATCH', url: `/api/v1/platforms/${id}`, payload });
  const created = async (s: Session, over: Record<string, unknown> = {}) => {
    const res = await post(s, body(over));
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const platformCount = async () =>
    Number(
      (
        await t.db.db
          .selectFrom('platforms')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  /** A refused request: status and code, a Chinese message for the field, and no platform written. */
  const refused = async (send: () => Promise<LightMyRequestResponse>, status: number, code: string, field?: string) => {
    const before = await platformCount();
    const res = await send();
    const e = expectErrorShape(res, status, code) as { details?: Array<{ field: string; message: string }> };
    if (field) {
      const hit = e.details?.find((d) => d.field === field);
      expect(hit, `no error for ${field}: ${res.body}`).toBeDefined();
      expect(hit?.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(await platformCount()).toBe(before);
    return e;
  };

  describe('create and read', () => {
    it('stores a station with its lists and derived columns, answers the detail and audits it', async () => {
      const res = await post(
        nanming,
        body({
          name: '花果园社工站',
          address: '花果园大街 1 号',
          lng: 106.68,
          lat: 26.56,
          services: ['policy', 'crisis'],
          constructionSource: 'existing_site',
          contactPhone: '0851-8555 1234',
          funding: [{ year: 2025, source: 'provincial', amountFen: 1_500_000 }],
          honours: [{ level: 'provincial', title: '省级优秀社工站', year: 2025 }],
          demoLevel: 'city',
          demoYear: 2025,
        }),
      );
      expect(res.statusCode, res.body).toBe(200);
      const d = res.json();
      expect(d).toMatchObject({
        name: '花果园社工站',
        kind: 'station',
        regionCode: townships[1],
        status: 'operating',
        operatingMode: 'self',
        agencyId: null,
        services: ['policy', 'crisis'],
        contactPhone: '085185551234',
        funding: [{ year: 2025, source: 'provincial', amountFen: 1_500_000, note: '' }],
        honours: [{ level: 'provincial', title: '省级优秀社工站', year: 2025 }],
        checksMet: 0,
        checksTotal: 6,
        standard: false,
        staff: [],
        photos: [],
      });
      expect(d.regionPath.map((r: { code: string }) => r.code)).toEqual(['520000000000', '520100000000', NANMING, townships[1]]);
      expect(d.lacking.map((l: { name: string }) => l.name)).toEqual(['有场地', '有设备', '有人员', '有项目', '有工作流程', '有规章制度']);
      expect(d.checks).toHaveLength(6);
      const row = await t.db.db.selectFrom('platforms').selectAll().where('id', '=', d.id).executeTakeFirstOrThrow();
      expect(row.geo_cell).toBe(Math.floor((26.56 + 90) / 0.1) * 3600 + Math.floor((106.68 + 180) / 0.1));
      expect(row.services).toBe(0b100001);
      const [entry] = await auditEntries(t, { entity_type: 'platform', entity_id: d.id, action: 'create' });
      expect(entry).toMatchObject({ actor_name: 'nanming', region_code: townships[1] });
      expect(JSON.parse(entry.changes ?? '{}').name).toEqual([null, '花果园社工站']);
      expect((await nanming.request({ url: `/api/v1/platforms/${d.id}` })).json()).toEqual(d);
    });

    it('puts each kind at its level: rooms in villages, hubs in counties, centres in cities', async () => {
      expect((await post(nanming, body({ kind: 'room', regionCode: village }))).statusCode).toBe(200);
      expect((await post(nanming, body({ kind: 'county_hub', regionCode: NANMING }))).statusCode).toBe(200);
      expect((await post(guizhou, body({ kind: 'guidance_centre', regionCode: '520100000000' }))).statusCode).toBe(200);
      expect((await post(guizhou, body({ kind: 'training_base', regionCode: '520000000000' }))).statusCode).toBe(200);
    });

    it('refuses a kind at the wrong level, a revoked or unknown region, and a region outside the scope', async () => {
      const e = await refused(() => post(nanming, body({ regionCode: NANMING })), 400, 'VALIDATION_FAILED', 'regionCode');
      expect(JSON.stringify(e.details)).toContain('乡镇(街道)级');
      await refused(() => post(nanming, body({ kind: 'room', regionCode: townships[0] })), 400, 'VALIDATION_FAILED', 'regionCode');
      await refused(() => post(nanming, body({ kind: 'practice_base', regionCode: village })), 400, 'VALIDATION_FAILED', 'regionCode');
      await refused(() => post(nanming, body({ regionCode: '520102999000' })), 400, 'VALIDATION_FAILED', 'regionCode');
      const code = `${NANMING.slice(0, 6)}588000`;
      expect((await admin.request({ method: 'POST', url: '/api/v1/regions', payload: { code, name: '撤销测试街道' } })).statusCode).toBe(200);
      const revoked = await admin.request({ method: 'POST', url: `/api/v1/regions/${code}/revoke`, payload: { validTo: '2026-06-01' } });
      expect(revoked.statusCode, revoked.body).toBe(200);
      await refused(() => post(nanming, body({ regionCode: code })), 400, 'VALIDATION_FAILED', 'regionCode');
      await refused(() => post(nanming, body({ regionCode: yunyanTownship })), 403, 'SCOPE_FORBIDDEN');
    });

    it('refuses bad coordinates, an agency mode without agency, and agencies outside the scope or deregistered', async () => {
      await refused(() => post(nanming, body({ lng: 200, lat: 26 })), 400, 'VALIDATION_FAILED', 'lng');
      await refused(() => post(nanming, body({ lng: 106.7 })), 400, 'VALIDATION_FAILED', 'lat');
      await refused(() => post(nanming, body({ lng: 26.56, lat: 106.68 })), 400, 'VALIDATION_FAILED', 'lat');
      await refused(() => post(nanming, body({ lng: 10, lat: 10 })), 400, 'VALIDATION_FAILED', 'lng');
      await refused(() => post(nanming, body({ operatingMode: 'agency' })), 400, 'VALIDATION_FAILED', 'agencyId');
      await refused(() => post(nanming, body({ operatingMode: 'self', agencyId: 'x' })), 400, 'VALIDATION_FAILED', 'agencyId');
      await refused(() => post(nanming, body({ demoLevel: 'city' })), 400, 'VALIDATION_FAILED', 'demoYear');
      const outside = await insertAgency(t, YUNYAN, 'active');
      await refused(() => post(nanming, body({ operatingMode: 'agency', agencyId: outside })), 400, 'VALIDATION_FAILED', 'agencyId');
      await refused(() => post(nanming, body({ operatingMode: 'agency', agencyId: 'no-such-agency' })), 400, 'VALIDATION_FAILED', 'agencyId');
      const gone = await insertAgency(t, NANMING, 'deregistered');
      await refused(() => post(nanming, body({ operatingMode: 'agency', agencyId: gone })), 400, 'VALIDATION_FAILED', 'agencyId');
      const own = await insertAgency(t, NANMING, 'active');
      const d = await created(nanming, { operatingMode: 'agency', agencyId: own });
      expect(d).toMatchObject({ operatingMode: 'agency', agencyId: own, agencyName: `机构${own.slice(-4)}` });
    });

    it('answers 404 for an unknown id and for another county’s platform; 400 for a malformed id', async () => {
      const theirs = await created(yunyan, { regionCode: yunyanTownship });
      expectErrorShape(await nanming.request({ url: `/api/v1/platforms/${theirs.id}` }), 404, 'NOT_FOUND');
      expectErrorShape(await nanming.request({ url: '/api/v1/platforms/0190a5e2-0000-7000-8000-000000000000' }), 404, 'NOT_FOUND');
      expectErrorShape(await nanming.request({ url: '/api/v1/platforms/abc' }), 400, 'VALIDATION_FAILED');
      await refused(() => patch(nanming, theirs.id, { name: '改名' }), 404, 'NOT_FOUND');
      await refused(() => nanming.request({ method: 'DELETE', url: `/api/v1/platforms/${theirs.id}` }), 404, 'NOT_FOUND');
      expect((await yunyan.request({ url: `/api/v1/platforms/${theirs.id}` })).json().name).toBe(theirs.name);
    });
  });

  describe('edit and delete', () => {
    it('merges a patch, re-checks the rules on the merged record and audits the changed fields only', async () => {
      const d = await created(staff, { funding: [{ year: 2024, source: 'county', amountFen: 100 }] });
      const res = await patch(staff, d.id, { name: `${d.name}(新)`, status: 'suspended' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ name: `${d.name}(新)`, status: 'suspended', funding: [{ year: 2024, amountFen: 100 }] });
      const [u] = await auditEntries(t, { entity_type: 'platform', entity_id: d.id, action: 'update' });
      expect(Object.keys(JSON.parse(u.changes ?? '{}')).sort()).toEqual(['name', 'status']);
      await refused(() => patch(staff, d.id, {}), 400, 'VALIDATION_FAILED');
      await refused(() => patch(staff, d.id, { operatingMode: 'agency' }), 400, 'VALIDATION_FAILED', 'agencyId');
      await refused(() => patch(staff, d.id, { lng: 106.7 }), 400, 'VALIDATION_FAILED', 'lat');
      await refused(() => patch(staff, d.id, { kind: 'room' }), 400, 'VALIDATION_FAILED', 'regionCode');
      await refused(() => patch(staff, d.id, { regionCode: yunyanTownship }), 403, 'SCOPE_FORBIDDEN');
      const moved = await patch(staff, d.id, { kind: 'room', regionCode: village });
      expect(moved.json()).toMatchObject({ kind: 'room', regionCode: village });
      expect((await patch(staff, d.id, { funding: [] })).json().funding).toEqual([]);
    });

    it('deletes with its children and keeps the content in the audit log', async () => {
      const d = await created(nanming, { funding: [{ year: 2025, source: 'lottery', amountFen: 5 }] });
      expect((await nanming.request({ method: 'DELETE', url: `/api/v1/platforms/${d.id}` })).json()).toEqual({ ok: true });
      expectErrorShape(await nanming.request({ url: `/api/v1/platforms/${d.id}` }), 404, 'NOT_FOUND');
      expect(await t.db.db.selectFrom('platform_funding').selectAll().where('platform_id', '=', d.id).execute()).toEqual([]);
      const [del] = await auditEntries(t, { entity_type: 'platform', entity_id: d.id, action: 'delete' });
      expect(JSON.parse(del.changes ?? '{}').name).toEqual([d.name, null]);
    });
  });

  describe('list', () => {
    it('filters by kind, name, standard and region, within the scope only, with region paths and staff counts', async () => {
      const d = await created(nanming, { name: '列表测试站甲' });
      const list = async (s: Session, q: string) => {
        const res = await s.request({ url: `/api/v1/platforms?${q}` });
        expect(res.statusCode, res.body).toBe(200);
        return res.json() as { items: Array<Record<string, unknown>>; total: number };
      };
      const hit = await list(nanming, `q=${encodeURIComponent('列表测试站')}`);
      expect(hit.total).toBe(1);
      expect(hit.items[0]).toMatchObject({
        id: d.id,
        regionName: expect.stringMatching(/^贵阳市 \/ 南明区 \/ /),
        checksTotal: 6,
        standard: false,
        staffFullTime: 0,
      });
      expect((await list(yunyan, `q=${encodeURIComponent('列表测试站')}`)).total).toBe(0);
      expect((await list(yunyan, `regionCode=${NANMING}`)).total).toBe(0);
      const stations = await list(nanming, 'kind=station&pageSize=100');
      expect(stations.items.every((i) => i.kind === 'station' && String(i.regionCode).startsWith('520102'))).toBe(true);
      expect((await list(nanming, 'standard=true&pageSize=100')).items.every((i) => i.standard === true)).toBe(true);
      expect((await list(nanming, `q=${encodeURIComponent('%')}`)).total).toBe(0);
      expectErrorShape(await nanming.request({ url: '/api/v1/platforms?kind=castle' }), 400, 'VALIDATION_FAILED');
      expectErrorShape(await nanming.request({ url: '/api/v1/platforms?standard=maybe' }), 400, 'VALIDATION_FAILED');
    });
  });

  describe('checks and staff', () => {
    it('stores checks, decides 规范化, lists what is lacking, and refuses items of no set', async () => {
      const d = await created(nanming);
      const keys = ['site', 'equipment', 'staff', 'projects', 'workflow', 'rules'];
      const put = (checks: object[]) => nanming.request({ method: 'PUT', url: `/api/v1/platforms/${d.id}/checks`, payload: { checks } });
      const half = await put(keys.slice(0, 3).map((itemKey) => ({ itemKey, met: true, evidence: '现场查看' })));
      expect(half.json()).toMatchObject({ checksMet: 3, standard: false, lacking: [{ key: 'projects' }, { key: 'workflow' }, { key: 'rules' }] });
      const full = await put(keys.map((itemKey) => ({ itemKey, met: true, checkedOn: '2026-05-01' })));
      expect(full.json()).toMatchObject({ checksMet: 6, standard: true, lacking: [] });
      expect(full.json().checks[0]).toMatchObject({ itemKey: 'site', name: '有场地', met: true, checkedOn: '2026-05-01' });
      await refused(() => put([{ itemKey: 'castle', met: true }]), 400, 'VALIDATION_FAILED', 'checks.0.itemKey');
      await refused(
        () =>
          put([
            { itemKey: 'site', met: true },
            { itemKey: 'site', met: false },
          ]),
        400,
        'VALIDATION_FAILED',
        'checks.1.itemKey',
      );
      expect((await nanming.request({ url: `/api/v1/platforms/${d.id}` })).json().standard).toBe(true);
    });

    it('links talents of the scope in post, counts full-time, part-time and certified, and refuses others', async () => {
      const d = await created(nanming);
      const a = await createTalentViaApi(admin, { regionCode: townships[1], certificates: [certificate('assistant')] });
      const b = await createTalentViaApi(admin, { regionCode: townships[1] });
      const far = await createTalentViaApi(admin, { regionCode: yunyanTownship });
      const left = await createTalentViaApi(admin, { regionCode: townships[1], status: 'left' });
      const put = (links: object[]) => nanming.request({ method: 'PUT', url: `/api/v1/platforms/${d.id}/staff`, payload: { staff: links } });
      const res = await put([
        { talentId: a.id, post: '站长' },
        { talentId: b.id, fullTime: false },
      ]);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ staffFullTime: 1, staffPartTime: 1, staffCertified: 1 });
      expect(res.json().staff[0]).toMatchObject({ talentId: a.id, post: '站长', fullTime: true, tier: 'junior' });
      const listed = (await nanming.request({ url: `/api/v1/platforms?q=${encodeURIComponent(d.name)}` })).json().items[0];
      expect(listed).toMatchObject({ staffFullTime: 1, staffPartTime: 1, staffCertified: 1 });
      await refused(() => put([{ talentId: far.id }]), 400, 'VALIDATION_FAILED', 'staff.0.talentId');
      await refused(() => put([{ talentId: left.id }]), 400, 'VALIDATION_FAILED', 'staff.0.talentId');
      await refused(() => put([{ talentId: a.id }, { talentId: a.id }]), 400, 'VALIDATION_FAILED', 'staff.1.talentId');
      await refused(() => put([{ talentId: 'nobody' }]), 400, 'VALIDATION_FAILED', 'staff.0.talentId');
      expect((await put([])).json().staff).toEqual([]);
    });
  });

  describe('checklist standards', () => {
    it('reads the default, lets the province change it, re-decides its platforms, and refuses others', async () => {
      const got = await nanming.request({ url: '/api/v1/checklist-standards/520000000000' });
      expect(got.json()).toMatchObject({ provinceCode: '520000000000', custom: false, updatedBy: null });
      expect(got.json().items).toHaveLength(6);
      const d = await created(nanming);
      await nanming.request({
        method: 'PUT',
        url: `/api/v1/platforms/${d.id}/checks`,
        payload: {
          checks: [
            { itemKey: 'site', met: true },
            { itemKey: 'equipment', met: true },
          ],
        },
      });
      const items = [
        { key: 'site', name: '有场地', description: '' },
        { key: 'equipment', name: '有设备' },
      ];
      const put = (s: Session, province: string, payload: object) => s.request({ method: 'PUT', url: `/api/v1/checklist-standards/${province}`, payload });
      expectErrorShape(await put(nanming, '520000000000', { items }), 403, 'FORBIDDEN');
      expectErrorShape(await put(guizhou, '530000000000', { items }), 403, 'SCOPE_FORBIDDEN');
      expectErrorShape(await put(guizhou, NANMING, { items }), 400, 'VALIDATION_FAILED');
      expectErrorShape(await put(guizhou, '520000000000', { items: [] }), 400, 'VALIDATION_FAILED');
      expectErrorShape(await put(guizhou, '520000000000', { items: [items[0], items[0]] }), 400, 'VALIDATION_FAILED');
      const res = await put(guizhou, '520000000000', { items });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ custom: true, updatedBy: 'guizhou', items: [{ key: 'site' }, { key: 'equipment' }] });
      expect(res.json().recomputed).toBeGreaterThan(0);
      expect((await nanming.request({ url: `/api/v1/platforms/${d.id}` })).json()).toMatchObject({ standard: true, checksMet: 2, checksTotal: 2 });
      const [entry] = await auditEntries(t, { entity_type: 'checklist_standard', entity_id: '520000000000' });
      expect(entry.actor_name).toBe('guizhou');
      // Back to the six items: the platform lacks four again.
      const back = await put(guizhou, '520000000000', { items: got.json().items });
      expect(back.statusCode).toBe(200);
      expect((await nanming.request({ url: `/api/v1/platforms/${d.id}` })).json()).toMatchObject({ standard: false, checksMet: 2 });
    });
  });

  describe('summary upkeep', () => {
    const summaryOf = async (code: string) =>
      (await t.db.db.selectFrom('network_stats').select(['dim', 'bucket', 'n']).where('region_code', '=', code).where('n', '<>', 0).execute())
        .map((r) => `${r.dim}|${r.bucket}=${Number(r.n)}`)
        .sort();
    const directOf = async (code: string) => (await computeDirect(t.db.db, code)).map((r) => `${r.dim}|${r.bucket}=${r.n}`).sort();
    const codes = () => [...new Set([...networkSummaryRegionsOf(townships[2]), ...networkSummaryRegionsOf(yunyanTownship), '520100000000'])];

    it('equals the direct counts and a rebuild after creates, edits, status changes, checks and deletes', async () => {
      const a = await created(nanming, { regionCode: townships[2], constructionSource: 'provincial_award', demoLevel: 'county', demoYear: 2024 });
      const b = await created(nanming, { regionCode: townships[2] });
      await patch(nanming, a.id, { status: 'suspended' });
      await patch(nanming, a.id, { status: 'operating', regionCode: townships[3] });
      const keys = ['site', 'equipment', 'staff', 'projects', 'workflow', 'rules'];
      await nanming.request({ method: 'PUT', url: `/api/v1/platforms/${b.id}/checks`, payload: { checks: keys.map((itemKey) => ({ itemKey, met: true })) } });
      await nanming.request({ method: 'DELETE', url: `/api/v1/platforms/${a.id}` });
      await patch(nanming, b.id, { status: 'closed' });
      for (const code of codes()) expect(await summaryOf(code), code).toEqual(await directOf(code));
      const kept = await Promise.all(codes().map(summaryOf));
      await rebuildNetworkStats(t.db.db);
      expect(await Promise.all(codes().map(summaryOf))).toEqual(kept);
    });
  });
});

/** An agency row in `county` (the agency module's API is not what these tests are about). */
async function insertAgency(t: TestApp, county: string, status: 'active' | 'deregistered'): Promise<string> {
  const id = crypto.randomUUID();
  const now = new Date().toISOString();
  await t.db.db
    .insertInto('agencies')
    .values({
      id,
      name: `机构${id.slice(-4)}`,
      credit_code: id.replace(/-/g, '').slice(0, 18).toUpperCase(),
      credit_check_overridden: 0,
      registration_authority: '',
      registered_on: null,
      legal_rep: '',
      region_code: county,
      address: '',
      tags: 0,
      rating: null,
      rating_year: null,
      party_org: 0,
      party_org_on: null,
      contact_phone: '',
      eligible: 1,
      ineligible_year: null,
      ineligible_reason: null,
      status,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}
