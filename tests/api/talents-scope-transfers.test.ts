import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activateUser, auditEntries, createUserViaApi, userByName } from '../helpers/fixtures.ts';
import { expectRefused } from '../helpers/refused.ts';
import { createTalentViaApi, talentBody, talentFingerprint, talentRow } from '../helpers/talent-fixtures.ts';
import { createTestApp, expectErrorShape, type Session, type TestApp } from '../helpers/test-app.ts';
import { DIALECTS } from '../helpers/test-db.ts';

/**
 * Who sees which talents, the one-registration-per-person rule across counties, and transfers
 * (调入) between counties: request, who decides, what moves, what the other side learns.
 */
describe.each(DIALECTS)('talent scope, uniqueness and transfers (%s)', (dialect) => {
  let t: TestApp;
  let admin: Session;
  let guizhou: Session;
  let guiyang: Session;
  let nanming: Session;
  let yunyan: Session;
  let staff: Session;
  /** A county administrator of 花溪区, a third county of 贵阳. */
  let huaxi: Session;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await t.login('admin');
    guizhou = await t.login('guizhou');
    guiyang = await t.login('guiyang');
    nanming = await t.login('nanming');
    yunyan = await t.login('yunyan');
    staff = await t.login('nanming-staff');
    const { initialPassword } = await createUserViaApi(admin, { username: 'huaxi', role: 'county_admin', regionCode: '520111000000' });
    huaxi = await activateUser(t, 'huaxi', initialPassword, 'Flower#Stream2026');
  });
  afterAll(() => t.close());

  const refused = (send: () => Promise<LightMyRequestResponse>, status: number, code: string) => expectRefused(() => talentFingerprint(t), send, status, code);
  const listIds = async (s: Session, query = '') => {
    const res = await s.request({ url: `/api/v1/talents?pageSize=100${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items.map((i: { id: string }) => i.id) as string[];
  };
  const analytics = async (s: Session, code: string) => {
    const res = await s.request({ url: `/api/v1/talent-analytics?regionCode=${code}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  describe('scope', () => {
    let inYunyan: { id: string; _idNumber: string; name: string };
    let inNanming: { id: string; _idNumber: string };
    let inYunnan: { id: string; _idNumber: string; name: string };

    beforeAll(async () => {
      inYunyan = await createTalentViaApi(yunyan, { name: '云岩某人', regionCode: '520103019000' });
      inNanming = await createTalentViaApi(nanming, { regionCode: '520102016000' });
      inYunnan = await createTalentViaApi(admin, { name: '五华某人', regionCode: '530102001000' });
    });

    it('hides another county’s talents from the list, by filter and by search, without a hint', async () => {
      expect(await listIds(nanming, `&q=${inNanming._idNumber}`)).toEqual([inNanming.id]);
      expect(await listIds(guiyang, `&q=${inYunyan._idNumber}`)).toEqual([inYunyan.id]);
      // Every item of a county's list lies in the county.
      const res = await nanming.request({ url: '/api/v1/talents?pageSize=100&sort=updated_at&order=desc' });
      expect(res.json().items.map((i: { id: string }) => i.id)).toContain(inNanming.id);
      for (const i of res.json().items as Array<{ regionCode: string }>) expect(i.regionCode.startsWith('520102')).toBe(true);
      for (const query of ['regionCode=520103000000', `q=${inYunyan._idNumber}`, `q=${encodeURIComponent('云岩某人')}`, 'regionCode=530102001000']) {
        const res = await nanming.request({ url: `/api/v1/talents?${query}` });
        expect(res.json()).toEqual({ items: [], total: 0, totalCapped: false });
      }
    });

    it('answers 404 to reading, editing, deleting, revealing or the history of another county’s talent', async () => {
      const id = inYunyan.id;
      for (const [method, url, payload] of [
        ['GET', `/api/v1/talents/${id}`],
        ['GET', `/api/v1/talents/${id}/history`],
        ['PATCH', `/api/v1/talents/${id}`, { employer: '越权' }],
        ['DELETE', `/api/v1/talents/${id}`],
        ['POST', `/api/v1/talents/${id}/reveal`],
        ['POST', `/api/v1/talents/${id}/account`, { username: 'stolen-account' }],
      ] as const) {
        const e = await refused(() => nanming.request({ method, url, payload }), 404, 'NOT_FOUND');
        expect(JSON.stringify(e)).not.toContain('云岩');
      }
      // The same requests by staff: refused too (reveal by permission first).
      await refused(() => staff.request({ url: `/api/v1/talents/${id}` }), 404, 'NOT_FOUND');
      await refused(() => staff.request({ method: 'POST', url: `/api/v1/talents/${id}/reveal` }), 403, 'FORBIDDEN');
      expect(await auditEntries(t, { entity_id: id, action: 'reveal' })).toEqual([]);
      expect((await talentRow(t, id))?.employer).toBe('南明区社工站');
    });

    it('lets the city and province administrators see both counties, and only the system administrator Yunnan', async () => {
      for (const s of [guiyang, guizhou]) {
        expect(await listIds(s, `&q=${inNanming._idNumber}`)).toEqual([inNanming.id]);
        expect(await listIds(s, `&q=${inYunyan._idNumber}`)).toEqual([inYunyan.id]);
        expect(await listIds(s, `&q=${inYunnan._idNumber}`)).toEqual([]);
        expect(await listIds(s, '&regionCode=530000000000')).toEqual([]);
        expect((await s.request({ url: `/api/v1/talents/${inYunyan.id}` })).statusCode).toBe(200);
        await refused(() => s.request({ url: `/api/v1/talents/${inYunnan.id}` }), 404, 'NOT_FOUND');
      }
      expect(await listIds(guiyang, `&regionCode=520103000000&q=${encodeURIComponent('云岩某人')}`)).toEqual([inYunyan.id]);
      expect(await listIds(guiyang, `&regionCode=520102000000&q=${encodeURIComponent('云岩某人')}`)).toEqual([]);
      expect(await listIds(admin, '&regionCode=530000000000')).toContain(inYunnan.id);
      for (const x of [inNanming, inYunyan, inYunnan]) expect(await listIds(admin, `&q=${x._idNumber}`)).toEqual([x.id]);
      expect((await admin.request({ url: `/api/v1/talents/${inYunnan.id}` })).json().regionPath[0]).toMatchObject({ code: '530000000000', name: '云南省' });
      const gz = await analytics(guizhou, '520000000000');
      const country = await analytics(admin, '000000000000');
      const yn = (
        await t.db.db
          .selectFrom('talents')
          .select('id')
          .where('region_code', '>=', '530000000000')
          .where('region_code', '<', '540000000000')
          .where('status', '=', 'active')
          .execute()
      ).length;
      expect(yn).toBeGreaterThan(0);
      expect(country.totals.total).toBe(gz.totals.total + yn);
      await refused(() => guizhou.request({ url: '/api/v1/talent-analytics?regionCode=530000000000' }), 403, 'SCOPE_FORBIDDEN');
      await refused(() => nanming.request({ url: '/api/v1/talent-analytics?regionCode=520103000000' }), 403, 'SCOPE_FORBIDDEN');
    });

    it('lets staff create, edit and delete in their county but not reveal', async () => {
      const d = await createTalentViaApi(staff, { regionCode: '520102017000' });
      expect((await staff.request({ method: 'PATCH', url: `/api/v1/talents/${d.id}`, payload: { employer: '工作人员改' } })).statusCode).toBe(200);
      await refused(() => staff.request({ method: 'POST', url: `/api/v1/talents/${d.id}/reveal` }), 403, 'FORBIDDEN');
      await refused(
        () => staff.request({ method: 'POST', url: '/api/v1/talents', payload: talentBody({ regionCode: '520103019000' }) }),
        403,
        'SCOPE_FORBIDDEN',
      );
      expect((await staff.request({ method: 'DELETE', url: `/api/v1/talents/${d.id}` })).statusCode).toBe(200);
    });
  });

  describe('one registration per person', () => {
    it('answers 409 CONFLICT naming idNumber for a number registered in the caller’s scope', async () => {
      const d = await createTalentViaApi(nanming, { name: '已登记者' });
      const e = await refused(
        () => nanming.request({ method: 'POST', url: '/api/v1/talents', payload: talentBody({ idNumber: d._idNumber }) }),
        409,
        'CONFLICT',
      );
      expect(e.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'idNumber', code: 'TALENT_EXISTS' })]));
      // Inside the scope the record may be named and linked.
      expect(e.message).toContain('已登记者');
      expect(JSON.stringify(e.details)).toContain(d.id);
    });

    it('answers 409 TALENT_ELSEWHERE for a number registered elsewhere, revealing nothing of that record', async () => {
      const other = await createTalentViaApi(yunyan, { name: '隐私保护', regionCode: '520103019000', employer: '云岩机构' });
      const e = await refused(
        () => nanming.request({ method: 'POST', url: '/api/v1/talents', payload: talentBody({ name: '随便写', idNumber: other._idNumber }) }),
        409,
        'TALENT_ELSEWHERE',
      );
      expect(e.details).toEqual([expect.objectContaining({ field: 'idNumber', code: 'TALENT_ELSEWHERE' })]);
      const text = JSON.stringify(e);
      for (const secret of ['隐私保护', '云岩', '520103', '大营路', other.id, '云岩机构', other.idNumberMasked]) expect(text).not.toContain(secret);
      // The same when the number arrives by an edit.
      const mine = await createTalentViaApi(nanming, {});
      const e2 = await refused(
        () => nanming.request({ method: 'PATCH', url: `/api/v1/talents/${mine.id}`, payload: { idNumber: other._idNumber } }),
        409,
        'TALENT_ELSEWHERE',
      );
      expect(JSON.stringify(e2)).not.toContain('隐私保护');
      // A city administrator over both counties gets the in-scope answer instead.
      expectErrorShape(await guiyang.request({ method: 'POST', url: '/api/v1/talents', payload: talentBody({ idNumber: other._idNumber }) }), 409, 'CONFLICT');
    });
  });

  describe('transfers', () => {
    const request = (s: Session, body: Record<string, unknown>) => s.request({ method: 'POST', url: '/api/v1/talent-transfers', payload: body });
    const transfers = async (s: Session, query: string) => {
      const res = await s.request({ url: `/api/v1/talent-transfers?${query}` });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { items: Array<Record<string, unknown> & { id: string }>; total: number };
    };
    const decide = (s: Session, id: string, what: 'approve' | 'reject', note = '') =>
      s.request({ method: 'POST', url: `/api/v1/talent-transfers/${id}/${what}`, payload: note ? { note } : {} });

    it('refuses a request whose name does not match with the same answer as an unknown number', async () => {
      const other = await createTalentViaApi(yunyan, { name: '张三丰', regionCode: '520103019000' });
      const wrong = await refused(() => request(nanming, { idNumber: other._idNumber, name: '张三', toRegionCode: '520102016000' }), 400, 'VALIDATION_FAILED');
      const unknown = await refused(
        () => request(nanming, { idNumber: talentBody().idNumber, name: '张三丰', toRegionCode: '520102016000' }),
        400,
        'VALIDATION_FAILED',
      );
      expect(wrong.message).toBe(unknown.message);
      expect(wrong.details).toEqual(unknown.details);
      expect(JSON.stringify(wrong)).not.toContain('云岩');
      // Bad input and a target outside the requester's scope.
      await refused(() => request(nanming, { idNumber: '123', name: '张三丰', toRegionCode: '520102016000' }), 400, 'VALIDATION_FAILED');
      await refused(() => request(nanming, { idNumber: other._idNumber, name: '张三丰', toRegionCode: '520111000000' }), 403, 'SCOPE_FORBIDDEN');
      await refused(() => request(nanming, { idNumber: other._idNumber, name: '张三丰', toRegionCode: '520100000000' }), 403, 'SCOPE_FORBIDDEN');
      await refused(() => request(guiyang, { idNumber: other._idNumber, name: '张三丰', toRegionCode: '520100000000' }), 400, 'VALIDATION_FAILED');
      // Someone already in the requester's scope is edited, not transferred.
      await refused(() => request(guiyang, { idNumber: other._idNumber, name: '张三丰', toRegionCode: '520102016000' }), 400, 'VALIDATION_FAILED');
    });

    it('carries a request from nanming to yunyan, who approves: the record moves with its id and history', async () => {
      const person = await createTalentViaApi(yunyan, { name: '李 四', regionCode: '520103019000', employer: '云岩站' }, { birthDate: '1986-02-02' });
      await yunyan.request({ method: 'PATCH', url: `/api/v1/talents/${person.id}`, payload: { employer: '云岩总站' } });
      const nanmingBefore = await analytics(nanming, '520102000000');
      const yunyanBefore = await analytics(yunyan, '520103000000');
      const guiyangBefore = await analytics(guiyang, '520100000000');

      // The name is compared without spaces.
      const res = await request(nanming, { idNumber: person._idNumber, name: '李四', toRegionCode: '520102017000', reason: '已到南明区工作' });
      expect(res.statusCode, res.body).toBe(200);
      const tr = res.json();
      expect(tr).toMatchObject({
        talentName: '李四',
        talentId: null,
        fromRegion: null,
        fromRegionName: null,
        toRegion: '520102017000',
        toRegionName: '西湖路街道',
        status: 'pending',
        requestedBy: 'nanming',
        mayDecide: false,
      });
      expect(res.body).not.toContain('520103');
      // A second request while one is pending.
      await refused(() => request(nanming, { idNumber: person._idNumber, name: '李四', toRegionCode: '520102016000' }), 409, 'CONFLICT');

      // The record's county decides; the requester sees it among its requests.
      const toDecide = await transfers(yunyan, 'direction=to_decide&pageSize=100');
      expect(toDecide.items.find((x) => x.id === tr.id)).toMatchObject({
        fromRegion: '520103019000',
        fromRegionName: '大营路街道',
        talentId: person.id,
        mayDecide: true,
        reason: '已到南明区工作',
      });
      expect((await transfers(nanming, 'direction=requested&pageSize=100')).items.map((x) => x.id)).toContain(tr.id);
      expect((await transfers(nanming, 'direction=to_decide&pageSize=100')).items.map((x) => x.id)).not.toContain(tr.id);
      expect((await transfers(yunyan, 'direction=requested&pageSize=100')).items.map((x) => x.id)).not.toContain(tr.id);
      expect((await transfers(huaxi, 'direction=to_decide&pageSize=100')).items.map((x) => x.id)).not.toContain(tr.id);
      expect((await transfers(yunyan, 'direction=to_decide&status=approved&pageSize=100')).items.map((x) => x.id)).not.toContain(tr.id);

      // Neither a third county nor the requester may decide.
      for (const s of [huaxi, nanming]) {
        await refused(() => decide(s, tr.id, 'approve'), 404, 'NOT_FOUND');
        await refused(() => decide(s, tr.id, 'reject'), 404, 'NOT_FOUND');
      }

      const ok = await decide(yunyan, tr.id, 'approve', '同意调出');
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toMatchObject({ status: 'approved', decidedBy: 'yunyan', decisionNote: '同意调出', mayDecide: false });

      // Same id, now nanming's; yunyan no longer sees it.
      const moved = await nanming.request({ url: `/api/v1/talents/${person.id}` });
      expect(moved.statusCode, moved.body).toBe(200);
      expect(moved.json()).toMatchObject({ id: person.id, name: '李 四', regionCode: '520102017000', employer: '云岩总站', createdAt: person.createdAt });
      expectErrorShape(await yunyan.request({ url: `/api/v1/talents/${person.id}` }), 404, 'NOT_FOUND');
      expect(await listIds(nanming, `&q=${person._idNumber}`)).toEqual([person.id]);
      expect(await listIds(yunyan, `&q=${person._idNumber}`)).toEqual([]);
      // The requester now sees the talent id of the approved request.
      expect((await transfers(nanming, 'direction=requested&pageSize=100')).items.find((x) => x.id === tr.id)).toMatchObject({
        status: 'approved',
        talentId: person.id,
      });

      // History from before the move comes along.
      const history = (await nanming.request({ url: `/api/v1/talents/${person.id}/history` })).json();
      const actions = history.items.map((i: { action: string; actorName: string }) => `${i.action}:${i.actorName}`);
      expect(actions).toEqual(['update:yunyan', 'update:yunyan', 'create:yunyan']);
      expect(history.items[0].changes).toEqual({ regionCode: ['520103019000', '520102017000'] });

      // Both counties' figures changed by one; the city's not at all.
      expect((await analytics(nanming, '520102000000')).totals.total).toBe(nanmingBefore.totals.total + 1);
      expect((await analytics(yunyan, '520103000000')).totals.total).toBe(yunyanBefore.totals.total - 1);
      expect((await analytics(guiyang, '520100000000')).totals.total).toBe(guiyangBefore.totals.total);

      // A second decision either way.
      await refused(() => decide(yunyan, tr.id, 'approve'), 409, 'CONFLICT');
      const gy = await refused(() => decide(guiyang, tr.id, 'reject'), 409, 'CONFLICT');
      expect(gy.message).toContain('已处理');
      const audits = await auditEntries(t, { entity_type: 'talent_transfer', entity_id: tr.id });
      expect(audits.map((a) => a.action)).toEqual(['transfer_request', 'transfer_approve']);
    });

    it('rejects: the record stays, the requester sees the decision; deciding again is a 409', async () => {
      const person = await createTalentViaApi(yunyan, { name: '王五', regionCode: '520103019000' });
      const tr = (await request(nanming, { idNumber: person._idNumber, name: '王五', toRegionCode: '520102016000' })).json();
      const before = await talentRow(t, person.id);
      const res = await decide(yunyan, tr.id, 'reject', '本人仍在云岩');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ status: 'rejected', decisionNote: '本人仍在云岩' });
      expect(await talentRow(t, person.id)).toEqual(before);
      expect((await transfers(nanming, 'direction=requested&status=rejected&pageSize=100')).items.find((x) => x.id === tr.id)).toMatchObject({
        status: 'rejected',
        talentId: null,
        decidedBy: 'yunyan',
      });
      await refused(() => decide(yunyan, tr.id, 'approve'), 409, 'CONFLICT');
      await refused(() => decide(yunyan, tr.id, 'reject'), 409, 'CONFLICT');
      // After a rejection a new request may be made.
      expect((await request(nanming, { idNumber: person._idNumber, name: '王五', toRegionCode: '520102016000' })).statusCode).toBe(200);
    });

    it('answers parallel decisions of one request with one 200 and 409s; the record moves once', async () => {
      const person = await createTalentViaApi(yunyan, { name: '孙八', regionCode: '520103019000', certificates: [] });
      const tr = (await request(nanming, { idNumber: person._idNumber, name: '孙八', toRegionCode: '520102016000' })).json();
      const statsBefore = await t.db.db.selectFrom('talent_stats').select(['region_code', 'dim', 'bucket', 'n']).where('dim', '=', 'total').execute();
      const results = await Promise.all([
        decide(yunyan, tr.id, 'approve'),
        decide(guiyang, tr.id, 'reject'),
        decide(guizhou, tr.id, 'approve'),
        decide(admin, tr.id, 'reject'),
      ]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409]);
      for (const r of results.filter((x) => x.statusCode !== 200)) expectErrorShape(r, 409, 'CONFLICT');
      const winner = results.find((r) => r.statusCode === 200)?.json();
      const decisions = await auditEntries(t, { entity_type: 'talent_transfer', entity_id: tr.id });
      expect(decisions.map((a) => a.action).sort()).toEqual(['transfer_request', winner.status === 'approved' ? 'transfer_approve' : 'transfer_reject'].sort());
      const row = await t.db.db.selectFrom('talent_transfers').selectAll().where('id', '=', tr.id).executeTakeFirstOrThrow();
      expect(row.status).toBe(winner.status);
      expect((await talentRow(t, person.id))?.region_code).toBe(winner.status === 'approved' ? '520102016000' : '520103019000');
      // The county totals moved by at most one each.
      const total = async (code: string) =>
        Number((await t.db.db.selectFrom('talent_stats').select('n').where('region_code', '=', code).where('dim', '=', 'total').executeTakeFirst())?.n ?? 0);
      const totalBefore = (code: string) => Number(statsBefore.find((r) => r.region_code === code)?.n ?? 0);
      const moved = winner.status === 'approved' ? 1 : 0;
      expect(await total('520102000000')).toBe(totalBefore('520102000000') + moved);
      expect(await total('520103000000')).toBe(totalBefore('520103000000') - moved);
    });

    it('refuses to approve a request for a talent that has moved since (409), leaving both as they are', async () => {
      const person = await createTalentViaApi(yunyan, { name: '赵六', regionCode: '520103019000' });
      const tr = (await request(nanming, { idNumber: person._idNumber, name: '赵六', toRegionCode: '520102016000' })).json();
      await yunyan.request({ method: 'PATCH', url: `/api/v1/talents/${person.id}`, payload: { regionCode: '520103020000' } });
      await refused(() => decide(yunyan, tr.id, 'approve'), 409, 'CONFLICT');
      expect((await talentRow(t, person.id))?.region_code).toBe('520103020000');
      expect((await decide(yunyan, tr.id, 'reject')).statusCode).toBe(200);
    });

    it('moves a linked social-worker account with its record', async () => {
      const person = await createTalentViaApi(yunyan, { name: '钱七', regionCode: '520103019000' });
      const acct = await yunyan.request({ method: 'POST', url: `/api/v1/talents/${person.id}/account`, payload: { username: 'qianqi' } });
      expect(acct.statusCode, acct.body).toBe(200);
      const tr = (await request(nanming, { idNumber: person._idNumber, name: '钱七', toRegionCode: '520102016000' })).json();
      expect((await decide(yunyan, tr.id, 'approve')).statusCode).toBe(200);
      expect(await userByName(t, 'qianqi')).toMatchObject({ region_code: '520102016000', bound_entity_id: person.id });
    });

    it('refuses bad transfer input and lists with Chinese messages', async () => {
      await refused(() => request(nanming, { idNumber: '', name: '', toRegionCode: 'x' }), 400, 'VALIDATION_FAILED');
      await refused(() => nanming.request({ url: '/api/v1/talent-transfers?direction=sideways' }), 400, 'VALIDATION_FAILED');
      await refused(() => decide(yunyan, 'not-a-uuid', 'approve'), 400, 'VALIDATION_FAILED');
      await refused(() => decide(yunyan, '01890000-0000-7000-8000-000000000000', 'approve'), 404, 'NOT_FOUND');
      await refused(
        () =>
          yunyan.request({ method: 'POST', url: '/api/v1/talent-transfers/01890000-0000-7000-8000-000000000000/approve', payload: { note: 'x'.repeat(201) } }),
        400,
        'VALIDATION_FAILED',
      );
    });
  });
});
