import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencyBody, agencyFingerprint, createAgencyViaApi, insertPlatformRow, newCreditCode, withWrongCheck } from '../helpers/agency-fixtures.ts';
import { auditEntries } from '../helpers/fixtures.ts';
import { expectRefused, fieldError } from '../helpers/refused.ts';
import { certificate, createTalentViaApi } from '../helpers/talent-fixtures.ts';
import { createTestApp, expectErrorShape, type Session, type TestApp } from '../helpers/test-app.ts';
import { DIALECTS } from '../helpers/test-db.ts';

/** Agencies: create, credit-code rules and the override, read, list filters, edit, delete, staff, pairings. */
describe.each(DIALECTS)('agencies (%s)', (dialect) => {
  let t: TestApp;
  let nanming: Session;
  let staff: Session;
  let yunyan: Session;
  let guiyang: Session;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    nanming = await t.login('nanming');
    staff = await t.login('nanming-staff');
    yunyan = await t.login('yunyan');
    guiyang = await t.login('guiyang');
  });
  afterAll(() => t.close());

  const post = (s: Session, payload: object) => s.request({ method: 'POST', url: '/api/v1/agencies', payload });
  const patch = (s: Session, id: string, payload: object) => s.request({ method: 'PATCH', url: `/api/v1/agencies/${id}`, payload });
  const list = async (s: Session, query: string) => {
    const res = await s.request({ url: `/api/v1/agencies?${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: Array<Record<string, unknown> & { id: string; name: string }>; total: number };
  };

  /** A refused request: status and code, Chinese message, and nothing written anywhere (rows or audit). */
  const refused = (send: () => Promise<LightMyRequestResponse>, status: number, code: string) => expectRefused(() => agencyFingerprint(t), send, status, code);

  describe('create and credit code', () => {
    it('registers an agency with its details, a region path, and an audit entry', async () => {
      const code = newCreditCode();
      const res = await post(nanming, {
        name: '南明区阳光社会工作服务中心',
        creditCode: ` ${code.slice(0, 9).toLowerCase()} ${code.slice(9)} `,
        regionCode: '520102000000',
        legalRep: '张三',
        tags: ['hub', 'brand'],
        rating: '4A',
        ratingYear: 2024,
        partyOrg: true,
        partyOrgOn: '2021-07-01',
        contactPhone: '0851-8528 1234',
      });
      expect(res.statusCode, res.body).toBe(200);
      const d = res.json();
      expect(d).toMatchObject({
        name: '南明区阳光社会工作服务中心',
        creditCode: code,
        creditCheckOverridden: false,
        regionCode: '520102000000',
        tags: ['hub', 'brand'],
        rating: '4A',
        ratingYear: 2024,
        partyOrg: true,
        partyOrgOn: '2021-07-01',
        contactPhone: '085185281234',
        eligible: true,
        staff: [],
        staffCount: 0,
        platforms: [],
        pairings: [],
      });
      expect(d.regionPath.map((r: { name: string }) => r.name)).toEqual(['贵州省', '贵阳市', '南明区']);
      const [entry] = await auditEntries(t, { entity_type: 'agency', entity_id: d.id });
      expect(entry).toMatchObject({ action: 'create', actor_name: 'nanming', region_code: '520102000000' });
      expect(JSON.parse(entry.changes as string).creditCode).toEqual([null, code]);

      const found = await list(nanming, `q=${encodeURIComponent('阳光社会')}`);
      expect(found.items.map((i) => i.id)).toEqual([d.id]);
      expect(found.items[0]).toMatchObject({ regionName: '贵阳市 / 南明区', tags: ['hub', 'brand'], staffCount: 0, platformCount: 0 });
      expect((await list(nanming, `q=${code}`)).items.map((i) => i.id)).toEqual([d.id]);
    });

    it('refuses a malformed credit code with 400 under creditCode', async () => {
      const e = await refused(() => post(nanming, agencyBody({ creditCode: '52520102MJ12345' })), 400, 'VALIDATION_FAILED');
      expect(fieldError(e, 'creditCode')).toMatch(/18位/);
      const o = await refused(() => post(nanming, agencyBody({ creditCode: '52520102MJ1234567O' })), 400, 'VALIDATION_FAILED');
      expect(fieldError(o, 'creditCode')).toMatch(/O/);
    });

    it('answers a wrong check character with 422 CREDIT_CHECK_WARNING and writes nothing', async () => {
      const e = await refused(() => post(nanming, agencyBody({ creditCode: withWrongCheck(newCreditCode()) })), 422, 'CREDIT_CHECK_WARNING');
      expect(fieldError(e, 'creditCode')).toMatch(/校验位/);
    });

    it('lets an administrator keep such a code (stored and audited as an override), not a clerk', async () => {
      const code = withWrongCheck(newCreditCode());
      await refused(() => post(staff, agencyBody({ creditCode: code, overrideCreditCheck: true })), 403, 'FORBIDDEN');
      const res = await post(nanming, agencyBody({ creditCode: code, overrideCreditCheck: true }));
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ creditCode: code, creditCheckOverridden: true });
      const row = await t.db.db.selectFrom('agencies').select('credit_check_overridden').where('id', '=', res.json().id).executeTakeFirstOrThrow();
      expect(row.credit_check_overridden).toBe(1);
      const [entry] = await auditEntries(t, { entity_type: 'agency', entity_id: res.json().id });
      expect(JSON.parse(entry.changes as string).creditCheckOverridden).toEqual([null, true]);
      expect((await list(nanming, `q=${code}`)).items[0]).toMatchObject({ creditCheckOverridden: true });
    });

    it('ignores the override flag for a correct code (nothing to override)', async () => {
      const d = await createAgencyViaApi(staff, { overrideCreditCheck: true });
      expect(d.creditCheckOverridden).toBe(false);
    });

    it('refuses a duplicate credit code with 409, naming the holder only inside the scope', async () => {
      const a = await createAgencyViaApi(nanming, { name: '南明重复测试机构' });
      const mine = await refused(() => post(nanming, agencyBody({ creditCode: a.creditCode })), 409, 'CONFLICT');
      expect(mine.message).toContain('南明重复测试机构');
      fieldError(mine, 'creditCode');
      const res = await refused(() => post(yunyan, agencyBody({ creditCode: a.creditCode, regionCode: '520103000000' })), 409, 'CONFLICT');
      expect(JSON.stringify(res)).not.toContain('南明重复测试机构');
      expect(JSON.stringify(res)).not.toContain(a.id);
    });

    it('refuses regions outside the scope, missing regions, and cross-field mistakes', async () => {
      await refused(() => post(nanming, agencyBody({ regionCode: '520103000000' })), 403, 'SCOPE_FORBIDDEN');
      const missing = await refused(() => post(nanming, agencyBody({ regionCode: '520102999000' })), 400, 'VALIDATION_FAILED');
      fieldError(missing, 'regionCode');
      const rating = await refused(() => post(nanming, agencyBody({ rating: '3A' })), 400, 'VALIDATION_FAILED');
      fieldError(rating, 'ratingYear');
      const party = await refused(() => post(nanming, agencyBody({ partyOrg: false, partyOrgOn: '2020-01-01' })), 400, 'VALIDATION_FAILED');
      fieldError(party, 'partyOrgOn');
      await refused(() => post(nanming, agencyBody({ eligible: false })), 400, 'VALIDATION_FAILED');
      await refused(() => post(nanming, agencyBody({ tags: ['nope'] })), 400, 'VALIDATION_FAILED');
    });
  });

  describe('read, list and edit', () => {
    it('hides another county’s agency (404) and filters lists to the scope', async () => {
      const y = await createAgencyViaApi(yunyan, { name: '云岩区专属机构', regionCode: '520103000000' });
      await refused(() => nanming.request({ url: `/api/v1/agencies/${y.id}` }), 404, 'NOT_FOUND');
      await refused(() => patch(nanming, y.id, { name: '改名' }), 404, 'NOT_FOUND');
      await refused(() => nanming.request({ method: 'DELETE', url: `/api/v1/agencies/${y.id}` }), 404, 'NOT_FOUND');
      const out = await list(nanming, 'regionCode=520103000000&pageSize=100');
      expect(out).toEqual({ items: [], total: 0 });
      const city = await list(guiyang, `q=${encodeURIComponent('云岩区专属')}`);
      expect(city.items.map((i) => i.id)).toEqual([y.id]);
      expect((await guiyang.request({ url: `/api/v1/agencies/${y.id}` })).json().name).toBe('云岩区专属机构');
    });

    it('filters by tag, rating, eligibility and status', async () => {
      const a = await createAgencyViaApi(nanming, { name: '过滤甲', tags: ['industry'], rating: '5A', ratingYear: 2023 });
      const b = await createAgencyViaApi(nanming, { name: '过滤乙', status: 'deregistered' });
      await t.db.db.updateTable('agencies').set({ eligible: 0, ineligible_year: 2026, ineligible_reason: '项目评估不合格' }).where('id', '=', b.id).execute();
      const ids = async (q: string) => (await list(nanming, `q=${encodeURIComponent('过滤')}&${q}`)).items.map((i) => i.id);
      expect(await ids('tag=industry')).toEqual([a.id]);
      expect(await ids('rating=5A')).toEqual([a.id]);
      expect(await ids('eligible=false')).toEqual([b.id]);
      expect(await ids('status=deregistered')).toEqual([b.id]);
      expect((await ids('sort=name&order=desc')).length).toBe(2);
      expect((await nanming.request({ url: `/api/v1/agencies/${b.id}` })).json()).toMatchObject({
        eligible: false,
        ineligibleYear: 2026,
        ineligibleReason: '项目评估不合格',
      });
      expectErrorShape(await nanming.request({ url: '/api/v1/agencies?tag=bad' }), 400, 'VALIDATION_FAILED');
    });

    it('edits fields with an audit diff; a changed code goes through the same checks', async () => {
      const a = await createAgencyViaApi(nanming, { name: '编辑前', rating: '2A', ratingYear: 2022, partyOrg: true, partyOrgOn: '2020-05-01' });
      const res = await patch(nanming, a.id, { name: '编辑后', rating: '3A', ratingYear: 2025, partyOrg: false });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ name: '编辑后', rating: '3A', ratingYear: 2025, partyOrg: false, partyOrgOn: null });
      const entries = await auditEntries(t, { entity_type: 'agency', entity_id: a.id });
      expect(JSON.parse(entries[1].changes as string)).toEqual({
        name: ['编辑前', '编辑后'],
        rating: ['2A', '3A'],
        ratingYear: [2022, 2025],
        partyOrg: [true, false],
        partyOrgOn: ['2020-05-01', null],
      });
      await refused(() => patch(nanming, a.id, { creditCode: withWrongCheck(newCreditCode()) }), 422, 'CREDIT_CHECK_WARNING');
      await refused(() => patch(nanming, a.id, { regionCode: '520103000000' }), 403, 'SCOPE_FORBIDDEN');
      await refused(() => patch(nanming, a.id, { partyOrgOn: '2020-01-01' }), 400, 'VALIDATION_FAILED');
      await refused(() => patch(nanming, a.id, {}), 400, 'VALIDATION_FAILED');
      await refused(() => patch(nanming, a.id, { overrideCreditCheck: true }), 400, 'VALIDATION_FAILED');
      const other = await createAgencyViaApi(nanming);
      await refused(() => patch(nanming, a.id, { creditCode: other.creditCode }), 409, 'CONFLICT');
      const fresh = newCreditCode();
      expect((await patch(nanming, a.id, { creditCode: fresh })).json().creditCode).toBe(fresh);
    });

    it('deletes an agency (audited) but not one still running a platform', async () => {
      const a = await createAgencyViaApi(nanming);
      const pid = await insertPlatformRow(t, { kind: 'station', region_code: '520102016000', agency_id: a.id, operating_mode: 'agency' });
      const listed = await list(nanming, `q=${a.creditCode}`);
      expect(listed.items[0].platformCount).toBe(1);
      expect((await nanming.request({ url: `/api/v1/agencies/${a.id}` })).json().platforms).toEqual([
        expect.objectContaining({ id: pid, kind: 'station', status: 'operating' }),
      ]);
      const e = await refused(() => nanming.request({ method: 'DELETE', url: `/api/v1/agencies/${a.id}` }), 409, 'CONFLICT');
      expect(e.message).toContain('1 个阵地');
      await t.db.db.deleteFrom('platforms').where('id', '=', pid).execute();
      const res = await nanming.request({ method: 'DELETE', url: `/api/v1/agencies/${a.id}` });
      expect(res.statusCode, res.body).toBe(200);
      expectErrorShape(await nanming.request({ url: `/api/v1/agencies/${a.id}` }), 404, 'NOT_FOUND');
      const entries = await auditEntries(t, { entity_type: 'agency', entity_id: a.id });
      expect(entries.map((x) => x.action)).toEqual(['create', 'delete']);
    });
  });

  describe('staff', () => {
    it('links talents of the scope; counts staff and certified; refuses others with field errors', async () => {
      const a = await createAgencyViaApi(nanming);
      const certified = await createTalentViaApi(nanming, { certificates: [certificate('assistant')] });
      const plain = await createTalentViaApi(nanming);
      const elsewhere = await createTalentViaApi(yunyan, { regionCode: '520103000000' });
      const left = await createTalentViaApi(nanming, { status: 'left' });
      const put = (s: Session, staffList: object[]) => s.request({ method: 'PUT', url: `/api/v1/agencies/${a.id}/staff`, payload: { staff: staffList } });

      const res = await put(nanming, [
        { talentId: certified.id, post: '督导', since: '2024-01-01' },
        { talentId: plain.id, post: '社工', fullTime: false },
      ]);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ staffCount: 2, certifiedCount: 1 });
      expect(res.json().staff).toEqual(
        expect.arrayContaining([
          { talentId: certified.id, name: certified.name, tier: 'junior', post: '督导', fullTime: true, since: '2024-01-01' },
          { talentId: plain.id, name: plain.name, tier: 'none', post: '社工', fullTime: false, since: null },
        ]),
      );
      expect((await list(nanming, `q=${a.creditCode}`)).items[0]).toMatchObject({ staffCount: 2, certifiedCount: 1 });

      const out = await refused(() => put(nanming, [{ talentId: elsewhere.id }]), 400, 'VALIDATION_FAILED');
      expect(JSON.stringify(out)).not.toContain(elsewhere.name);
      fieldError(out, 'staff.0.talentId');
      fieldError(await refused(() => put(nanming, [{ talentId: plain.id }, { talentId: plain.id }]), 400, 'VALIDATION_FAILED'), 'staff.1.talentId');
      fieldError(await refused(() => put(nanming, [{ talentId: left.id }]), 400, 'VALIDATION_FAILED'), 'staff.0.talentId');
      await refused(() => put(yunyan, []), 404, 'NOT_FOUND');

      const cleared = await put(nanming, []);
      expect(cleared.json()).toMatchObject({ staff: [], staffCount: 0, certifiedCount: 0 });
      const entries = await auditEntries(t, { entity_type: 'agency', entity_id: a.id });
      expect(entries.map((x) => x.action)).toEqual(['create', 'update', 'update']);
      expect(JSON.parse(entries[1].changes as string).staff[1]).toHaveLength(2);
    });
  });

  describe('pairings', () => {
    it('records a pairing shown in both agencies, refuses bad ones, deletes with an audit entry', async () => {
      const mentor = await createAgencyViaApi(guiyang, { name: '帮扶方机构', regionCode: '520103000000' });
      const mentee = await createAgencyViaApi(nanming, { name: '受帮扶机构' });
      const body = { mentorId: mentor.id, menteeId: mentee.id, program: 'pairing', startOn: '2025-01-01', endOn: '2025-12-31', results: '共建项目 2 个' };
      const send = (s: Session, payload: object) => s.request({ method: 'POST', url: '/api/v1/agency-pairings', payload });

      await refused(() => send(nanming, body), 404, 'NOT_FOUND');
      fieldError(await refused(() => send(guiyang, { ...body, menteeId: mentor.id }), 400, 'VALIDATION_FAILED'), 'menteeId');
      fieldError(await refused(() => send(guiyang, { ...body, endOn: '2024-12-31' }), 400, 'VALIDATION_FAILED'), 'endOn');

      const res = await send(guiyang, body);
      expect(res.statusCode, res.body).toBe(200);
      const p = res.json();
      expect(p).toMatchObject({ mentorName: '帮扶方机构', menteeName: '受帮扶机构', program: 'pairing', startOn: '2025-01-01' });
      await refused(() => send(guiyang, { ...body, startOn: '2025-06-01', endOn: null }), 409, 'CONFLICT');

      const seenBy = async (s: Session, id: string) => (await s.request({ url: `/api/v1/agencies/${id}` })).json().pairings;
      expect(await seenBy(guiyang, mentor.id)).toEqual([expect.objectContaining({ id: p.id, role: 'mentor', otherId: mentee.id, otherName: '受帮扶机构' })]);
      expect(await seenBy(nanming, mentee.id)).toEqual([expect.objectContaining({ id: p.id, role: 'mentee', otherId: mentor.id, otherName: '帮扶方机构' })]);

      await refused(() => nanming.request({ method: 'DELETE', url: `/api/v1/agency-pairings/${p.id}` }), 404, 'NOT_FOUND');
      const del = await guiyang.request({ method: 'DELETE', url: `/api/v1/agency-pairings/${p.id}` });
      expect(del.statusCode, del.body).toBe(200);
      expect(await seenBy(nanming, mentee.id)).toEqual([]);
      const entries = await auditEntries(t, { entity_type: 'agency_pairing', entity_id: p.id });
      expect(entries.map((e) => e.action)).toEqual(['create', 'delete']);
      expect(entries[1]).toMatchObject({ actor_name: 'guiyang', region_code: '520102000000' });
    });
  });
});
