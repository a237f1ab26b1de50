import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subtreeRange } from '../../domain/standards/region-code.ts';
import { GUIZHOU_DEFAULT_RULES } from '../../domain/talents/key-talent-rules.ts';
import { computeStatsDirect, readStats, rebuildTalentStats } from '../../server/modules/talents/talent-stats.repository.ts';
import { auditEntries } from '../helpers/fixtures.ts';
import { certificate, createTalentViaApi, statsSnapshot, talentFingerprint } from '../helpers/talent-fixtures.ts';
import { createTestApp, expectErrorShape, type Session, type TestApp } from '../helpers/test-app.ts';
import { DIALECTS } from '../helpers/test-db.ts';

/**
 * The talent_stats summary must equal a rebuild and a direct count after every kind of write, the
 * analytics must agree with the list, and the province's key-talent rules decide who is key.
 */
describe.each(DIALECTS)('talent summary, analytics and key-talent rules (%s)', (dialect) => {
  let t: TestApp;
  let admin: Session;
  let guizhou: Session;
  let guiyang: Session;
  let nanming: Session;
  let yunyan: Session;
  let staff: Session;

  const loginAll = async () => {
    admin = await t.login('admin');
    guizhou = await t.login('guizhou');
    guiyang = await t.login('guiyang');
    nanming = await t.login('nanming');
    yunyan = await t.login('yunyan');
    staff = await t.login('nanming-staff');
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await loginAll();
  });
  afterAll(() => t.close());

  const analytics = async (s: Session, code: string, extra = '') => {
    const res = await s.request({ url: `/api/v1/talent-analytics?regionCode=${code}${extra}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const listTotal = async (s: Session, query: string) => {
    const res = await s.request({ url: `/api/v1/talents?pageSize=10&${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().total as number;
  };
  /** Active talents in a subtree, counted straight from the table. */
  const directCount = async (code: string, where: { key?: boolean } = {}) => {
    const { lower, upper } = subtreeRange(code);
    let q = t.db.db
      .selectFrom('talents')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('region_code', '>=', lower)
      .where('region_code', '<', upper)
      .where('status', '=', 'active');
    if (where.key !== undefined) q = q.where('is_key', '=', where.key ? 1 : 0);
    return Number((await q.executeTakeFirstOrThrow()).n);
  };
  const sortedStats = (rows: Array<{ dim: string; bucket: string; n: number }>) =>
    rows
      .filter((r) => Number(r.n) !== 0)
      .map((r) => `${r.dim}|${r.bucket}:${Number(r.n)}`)
      .sort();

  /** The summary equals a rebuild, and every summary region equals a direct count of its subtree. */
  const expectSummaryConsistent = async () => {
    const kept = await statsSnapshot(t);
    await rebuildTalentStats(t.deps.db);
    expect(await statsSnapshot(t)).toEqual(kept);
    for (const code of ['000000000000', '520000000000', '520100000000', '520102000000', '520103000000']) {
      expect(sortedStats(await readStats(t.deps.db, code)), code).toEqual(sortedStats(await computeStatsDirect(t.deps.db, code)));
    }
    return kept;
  };

  describe('summary upkeep', () => {
    it('stays equal to a rebuild and to direct counts through creates, edits, deletes, transfers and merges', async () => {
      const a = await createTalentViaApi(nanming, { regionCode: '520102016000', fields: ['elderly'], certificates: [certificate('assistant')] });
      const b = await createTalentViaApi(nanming, { regionCode: '520102017000', partyMember: true, roles: ['grid_worker'] });
      const c = await createTalentViaApi(nanming, {
        regionCode: '520102000000',
        educations: [{ level: 'bachelor', majorClass: 'social_work', degree: 'bachelor' }],
      });
      const d = await createTalentViaApi(yunyan, {
        name: '调动者',
        regionCode: '520103019000',
        certificates: [certificate('senior')],
        nativePlace: '520103000000',
      });
      const e = await createTalentViaApi(nanming, { regionCode: '520102016000', professionalPost: true });
      const f1 = await createTalentViaApi(
        nanming,
        { name: '重复甲', regionCode: '520102016000', certificates: [certificate('assistant')] },
        { birthDate: '1980-08-08' },
      );
      const f2 = await createTalentViaApi(
        nanming,
        { name: '重复甲', regionCode: '520102016000', certificates: [certificate('intermediate')] },
        { birthDate: '1980-08-08' },
      );
      await expectSummaryConsistent();

      const nanmingBefore = await analytics(nanming, '520102000000');
      const patch = async (id: string, payload: object, s = nanming) => {
        const res = await s.request({ method: 'PATCH', url: `/api/v1/talents/${id}`, payload });
        expect(res.statusCode, res.body).toBe(200);
      };
      // Tier change, field change, region move inside the scope, status → left, category change.
      await patch(a.id, { certificates: [...a.certificates.map(({ id: _id, ...x }: { id: string }) => x), certificate('intermediate')] });
      await patch(a.id, { fields: ['children', 'rural'] });
      await patch(b.id, { regionCode: '520102016000' });
      await patch(c.id, { status: 'left' });
      await patch(b.id, { categories: ['research', 'management'], partyMember: false });
      expect((await nanming.request({ method: 'DELETE', url: `/api/v1/talents/${e.id}` })).statusCode).toBe(200);
      // A transfer from 云岩 into 南明 and a merge of a duplicate pair.
      const tr = await nanming.request({
        method: 'POST',
        url: '/api/v1/talent-transfers',
        payload: { idNumber: d._idNumber, name: '调动者', toRegionCode: '520102018000' },
      });
      expect(tr.statusCode, tr.body).toBe(200);
      expect((await yunyan.request({ method: 'POST', url: `/api/v1/talent-transfers/${tr.json().id}/approve`, payload: {} })).statusCode).toBe(200);
      expect((await nanming.request({ method: 'POST', url: '/api/v1/talent-duplicates/merge', payload: { keepId: f1.id, mergeId: f2.id } })).statusCode).toBe(
        200,
      );

      await expectSummaryConsistent();
      const after = await analytics(nanming, '520102000000');
      // Changes by bucket: +1 transferred in (senior), −1 deleted (none), −1 left (none), −1 merged away
      // (intermediate), two junior → intermediate (a's new certificate; f1 gaining f2's).
      const delta = (key: 'byTier' | 'byField', code: string) =>
        after[key].find((x: { code: string }) => x.code === code).n - nanmingBefore[key].find((x: { code: string }) => x.code === code).n;
      expect(after.totals.total).toBe(nanmingBefore.totals.total - 2);
      expect([delta('byTier', 'none'), delta('byTier', 'junior'), delta('byTier', 'intermediate'), delta('byTier', 'senior')]).toEqual([-2, -2, 1, 1]);
      expect([delta('byField', 'elderly'), delta('byField', 'children'), delta('byField', 'rural')]).toEqual([-1, 1, 1]);
      expect(after.totals.party - nanmingBefore.totals.party).toBe(-1);
      expect(after.totals.swGraduate - nanmingBefore.totals.swGraduate).toBe(-1);
      expect(after.totals.professionalPost - nanmingBefore.totals.professionalPost).toBe(-1);
      expect(after.totals.certified - nanmingBefore.totals.certified).toBe(0);
      expect(after.totals.key - nanmingBefore.totals.key).toBe(1);
      expect(after.totals.total).toBe(await directCount('520102000000'));
      expect(after.totals.key).toBe(await directCount('520102000000', { key: true }));
      expect((await analytics(yunyan, '520103000000')).totals.total).toBe(await directCount('520103000000'));

      // The county's township breakdown (computed directly) agrees with the list.
      for (const child of after.children as Array<{ code: string; total: number; key: number; certified: number }>) {
        if (!['520102016000', '520102017000', '520102018000'].includes(child.code)) continue;
        expect(child.total, child.code).toBe(await listTotal(nanming, `regionCode=${child.code}&status=active`));
        expect(child.key, child.code).toBe(await listTotal(nanming, `regionCode=${child.code}&status=active&key=true`));
      }
      // Every active talent sits in some township except those registered at the county itself.
      const childSum = (after.children as Array<{ total: number }>).reduce((s, x) => s + x.total, 0);
      const atCounty = await t.db.db.selectFrom('talents').select('id').where('region_code', '=', '520102000000').where('status', '=', 'active').execute();
      expect(childSum).toBe(after.totals.total - atCounty.length);
    });

    it('computes township analytics directly, agreeing with the list', async () => {
      const town = await analytics(nanming, '520102016000');
      expect(town.region).toMatchObject({ code: '520102016000', name: '新华路街道', level: 4 });
      expect(town.totals.total).toBe(await listTotal(nanming, 'regionCode=520102016000&status=active'));
      expect(town.totals.total).toBeGreaterThan(0);
      for (const tier of ['none', 'junior', 'intermediate', 'senior']) {
        expect(town.byTier.find((x: { code: string }) => x.code === tier).n, tier).toBe(
          await listTotal(nanming, `regionCode=520102016000&status=active&tier=${tier}`),
        );
      }
      expect(town.byUrbanRural.reduce((s: number, x: { n: number }) => s + x.n, 0)).toBe(town.totals.total);
      expect(town.totals.key).toBe(await listTotal(nanming, 'regionCode=520102016000&status=active&key=true'));
      expect(town.totals.certified).toBe(town.totals.total - (await listTotal(nanming, 'regionCode=520102016000&status=active&tier=none')));
      // Village children are counted directly too.
      const atTown =
        (await listTotal(nanming, 'regionCode=520102016000&status=active')) -
        (
          await t.db.db
            .selectFrom('talents')
            .select('id')
            .where('region_code', '>', '520102016000')
            .where('region_code', '<', '520102017000')
            .where('status', '=', 'active')
            .execute()
        ).length;
      expect((town.children as Array<{ total: number }>).reduce((s, x) => s + x.total, 0)).toBe(town.totals.total - atTown);
      for (const child of (town.children as Array<{ code: string; total: number }>).slice(0, 3)) {
        expect(child.total).toBe(await listTotal(nanming, `regionCode=${child.code}&status=active`));
      }
      await expectSummaryConsistent();
    });

    it('refuses analytics outside the scope and for unknown regions', async () => {
      const before = await talentFingerprint(t);
      expectErrorShape(await nanming.request({ url: '/api/v1/talent-analytics?regionCode=520103000000' }), 403, 'SCOPE_FORBIDDEN');
      expectErrorShape(await nanming.request({ url: '/api/v1/talent-analytics?regionCode=520102599000' }), 404, 'NOT_FOUND');
      expectErrorShape(await nanming.request({ url: '/api/v1/talent-analytics?keySince=2026-02-30' }), 400, 'VALIDATION_FAILED');
      expectErrorShape(await nanming.request({ url: '/api/v1/talent-analytics?regionCode=52' }), 400, 'VALIDATION_FAILED');
      expect(await talentFingerprint(t)).toBe(before);
      // Without a region: the caller's own.
      expect((await staff.request({ url: '/api/v1/talent-analytics' })).json().region.code).toBe('520102000000');
    });
  });

  describe('key-talent rules', () => {
    const put = (s: Session, province: string, body: object) => s.request({ method: 'PUT', url: `/api/v1/key-talent-rules/${province}`, payload: body });
    const withAnyOrigin = {
      rules: [
        ...GUIZHOU_DEFAULT_RULES.rules,
        { id: 'cert-any', label: '持社会工作师及以上证书(不限籍贯)', conditions: [{ type: 'minCertificate', level: 'intermediate' }] },
      ],
    };

    it('answers Guizhou’s default rules to the province and to readers inside it', async () => {
      for (const s of [guizhou, admin, guiyang, nanming, staff]) {
        const res = await s.request({ url: '/api/v1/key-talent-rules/520000000000' });
        expect(res.statusCode, `${s.user.username}: ${res.body}`).toBe(200);
        const body = res.json();
        expect(body).toMatchObject({ provinceCode: '520000000000', custom: false, updatedAt: null, updatedBy: null });
        expect(body.ruleSet).toEqual(JSON.parse(JSON.stringify(GUIZHOU_DEFAULT_RULES)));
        expect(body.ruleSet.rules.map((r: { id: string }) => r.id)).toEqual(['certificate', 'teacher', 'doctorate']);
        expect(body.ruleSet.rules[0].label).toContain('黔籍');
      }
      // Another province starts from the same rules, labelled for any province.
      const yn = (await admin.request({ url: '/api/v1/key-talent-rules/530000000000' })).json();
      expect(yn.ruleSet.rules[0].label).toContain('本省籍');
      expectErrorShape(await guizhou.request({ url: '/api/v1/key-talent-rules/530000000000' }), 403, 'SCOPE_FORBIDDEN');
      expectErrorShape(await nanming.request({ url: '/api/v1/key-talent-rules/530000000000' }), 403, 'SCOPE_FORBIDDEN');
      expectErrorShape(await guizhou.request({ url: '/api/v1/key-talent-rules/520100000000' }), 400, 'VALIDATION_FAILED');
    });

    it('refuses rule edits below province level, outside the province, and bad rule sets in Chinese', async () => {
      const refused = async (res: Promise<LightMyRequestResponse>, status: number, code: string, field?: string) => {
        const before = await talentFingerprint(t);
        const e = expectErrorShape(await res, status, code) as { details?: Array<{ field: string; message: string }> };
        expect(await talentFingerprint(t)).toBe(before);
        if (field) {
          const hit = e.details?.find((d) => d.field === field);
          expect(hit, JSON.stringify(e.details)).toBeDefined();
          expect(hit?.message).toMatch(/[\u4e00-\u9fa5]/);
        }
      };
      for (const s of [nanming, guiyang, staff]) await refused(put(s, '520000000000', withAnyOrigin), 403, 'FORBIDDEN');
      await refused(put(guizhou, '530000000000', withAnyOrigin), 403, 'SCOPE_FORBIDDEN');
      await refused(put(guizhou, '520100000000', withAnyOrigin), 400, 'VALIDATION_FAILED', 'provinceCode');
      await refused(put(guizhou, '520000000000', { rules: [] }), 400, 'VALIDATION_FAILED', 'rules');
      await refused(put(guizhou, '520000000000', { rules: [withAnyOrigin.rules[3], withAnyOrigin.rules[3]] }), 400, 'VALIDATION_FAILED', 'rules.1.id');
      await refused(put(guizhou, '520000000000', { rules: [{ id: 'x', label: '无条件', conditions: [] }] }), 400, 'VALIDATION_FAILED', 'rules.0.conditions');
      await refused(
        put(guizhou, '520000000000', { rules: [{ id: 'x', label: '坏条件', conditions: [{ type: 'isRich' }] }] }),
        400,
        'VALIDATION_FAILED',
        'rules.0.conditions.0.type',
      );
      await refused(
        put(guizhou, '520000000000', { rules: [{ id: 'x', label: '无职称', conditions: [{ type: 'minTitle', level: 'none' }] }] }),
        400,
        'VALIDATION_FAILED',
        'rules.0.conditions.0.level',
      );
      await refused(
        put(guizhou, '520000000000', { rules: [{ id: 'Bad Id', label: '坏标识', conditions: [{ type: 'nativeOfProvince' }] }] }),
        400,
        'VALIDATION_FAILED',
        'rules.0.id',
      );
      await refused(
        put(guizhou, '520000000000', { rules: [{ id: 'x', label: '多余', conditions: [{ type: 'nativeOfProvince', extra: 1 }] }] }),
        400,
        'VALIDATION_FAILED',
      );
      expect((await guizhou.request({ url: '/api/v1/key-talent-rules/520000000000' })).json().custom).toBe(false);
    });

    it('re-decides every talent of the province when the province administrator saves new rules', async () => {
      const outsider = await createTalentViaApi(nanming, { name: '外省社工师', regionCode: '520102016000', certificates: [certificate('intermediate')] });
      const outsider2 = await createTalentViaApi(yunyan, { regionCode: '520103019000', nativePlace: '530102000000', certificates: [certificate('senior')] });
      const assistant = await createTalentViaApi(nanming, { regionCode: '520102016000', certificates: [certificate('assistant')] });
      const native = await createTalentViaApi(nanming, {
        regionCode: '520102016000',
        nativePlace: '520102000000',
        certificates: [certificate('intermediate')],
      });
      const yunnanTalent = await createTalentViaApi(admin, { regionCode: '530102001000', certificates: [certificate('intermediate')] });
      for (const x of [outsider, outsider2, assistant, yunnanTalent]) expect(x.isKey).toBe(false);
      expect(native.isKey).toBe(true);
      const countyBefore = await analytics(nanming, '520102000000');
      const provinceBefore = await analytics(guizhou, '520000000000');
      expect(countyBefore.totals.key).toBe(await directCount('520102000000', { key: true }));

      // Every Guizhou holder of 社会工作师 or higher gains a reason (the natives keep theirs and add one);
      // the active ones not yet key become key.
      const holdersIn = async (code: string, onlyNewlyKey = false) => {
        const { lower, upper } = subtreeRange(code);
        let q = t.db.db
          .selectFrom('talent_certificates as c')
          .innerJoin('talents as t', 't.id', 'c.talent_id')
          .select('t.id')
          .distinct()
          .where('c.level', 'in', ['intermediate', 'senior'])
          .where('t.region_code', '>=', lower)
          .where('t.region_code', '<', upper);
        if (onlyNewlyKey) q = q.where('t.is_key', '=', 0).where('t.status', '=', 'active');
        return (await q.execute()).map((r) => r.id);
      };
      const holders = await holdersIn('520000000000');
      const newlyKeyCounty = await holdersIn('520102000000', true);
      const newlyKeyProvince = await holdersIn('520000000000', true);
      expect(newlyKeyCounty).toContain(outsider.id);
      expect(newlyKeyProvince).toEqual(expect.arrayContaining([outsider.id, outsider2.id]));
      const res = await put(guizhou, '520000000000', withAnyOrigin);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ provinceCode: '520000000000', custom: true, updatedBy: 'guizhou', recomputed: holders.length });
      expect(res.json().ruleSet.rules.map((r: { id: string }) => r.id)).toEqual(['certificate', 'teacher', 'doctorate', 'cert-any']);

      const get = async (s: Session, id: string) => (await s.request({ url: `/api/v1/talents/${id}` })).json();
      expect(await get(nanming, outsider.id)).toMatchObject({
        isKey: true,
        keyReasons: [{ ruleId: 'cert-any', label: '持社会工作师及以上证书(不限籍贯)' }],
        keySince: '2026-06-01',
      });
      expect(await get(yunyan, outsider2.id)).toMatchObject({ isKey: true });
      expect(await get(nanming, assistant.id)).toMatchObject({ isKey: false, keyReasons: [] });
      expect((await get(nanming, native.id)).keyReasons.map((r: { ruleId: string }) => r.ruleId)).toEqual(['certificate', 'cert-any']);
      // Yunnan's talents follow Yunnan's rules, which did not change.
      expect(await get(admin, yunnanTalent.id)).toMatchObject({ isKey: false });
      // The list filter and the analytics follow at once.
      expect((await nanming.request({ url: `/api/v1/talents?key=true&q=${encodeURIComponent('外省社工师')}` })).json().total).toBe(1);
      expect((await analytics(nanming, '520102000000')).totals.key).toBe(countyBefore.totals.key + newlyKeyCounty.length);
      expect((await analytics(guizhou, '520000000000')).totals.key).toBe(provinceBefore.totals.key + newlyKeyProvince.length);
      await expectSummaryConsistent();
      // The saved set is what everyone reads now; the change is audited.
      expect((await nanming.request({ url: '/api/v1/key-talent-rules/520000000000' })).json()).toMatchObject({ custom: true, updatedBy: 'guizhou' });
      const [entry] = await auditEntries(t, { entity_type: 'key_rule_set', entity_id: '520000000000' });
      expect(JSON.parse(entry.changes as string).recomputed).toEqual([null, holders.length]);
      // A new talent is decided by the saved rules.
      expect((await createTalentViaApi(nanming, { certificates: [certificate('senior')] })).isKey).toBe(true);

      // Back to the default rules: the outsiders lose key status again.
      const back = await put(admin, '520000000000', JSON.parse(JSON.stringify(GUIZHOU_DEFAULT_RULES)));
      expect(back.statusCode, back.body).toBe(200);
      expect(back.json().recomputed).toBe(holders.length + 1);
      expect(await get(nanming, outsider.id)).toMatchObject({ isKey: false, keySince: null });
      expect((await analytics(nanming, '520102000000')).totals.key).toBe(countyBefore.totals.key);
      await expectSummaryConsistent();
    });
  });

  describe('new key talents since a date', () => {
    // A township of its own, created here: nobody else's key talents are counted.
    const TOWN = '520102504000';
    beforeAll(async () => {
      expect((await nanming.request({ method: 'POST', url: '/api/v1/regions', payload: { code: TOWN, name: '重点人才测试街道' } })).statusCode).toBe(200);
    });
    const keySince = async (date: string) => (await analytics(nanming, TOWN, `&keySince=${date}`)).newKey;
    const nativeHolder = () => ({ regionCode: TOWN, nativePlace: '520102000000', certificates: [certificate('intermediate')] });

    it('counts active talents who became key on or after the date, once', async () => {
      const k1 = await createTalentViaApi(nanming, nativeHolder());
      expect(k1.keySince).toBe('2026-06-01');
      t.clock.advanceMinutes(10 * 24 * 60);
      await loginAll();
      const k2 = await createTalentViaApi(nanming, nativeHolder());
      expect(k2.keySince).toBe('2026-06-11');
      await createTalentViaApi(nanming, { regionCode: TOWN, certificates: [certificate('intermediate')] });
      expect(await keySince('2026-06-01')).toEqual({ since: '2026-06-01', n: 2 });
      expect(await keySince('2026-06-02')).toEqual({ since: '2026-06-02', n: 1 });
      expect(await keySince('2026-06-12')).toEqual({ since: '2026-06-12', n: 0 });
      expect((await analytics(nanming, TOWN)).newKey).toBeNull();
      // An edit that keeps someone key keeps the day they became key.
      const edited = await nanming.request({ method: 'PATCH', url: `/api/v1/talents/${k1.id}`, payload: { employer: '新单位' } });
      expect(edited.json().keySince).toBe('2026-06-01');
      expect(await keySince('2026-06-02')).toEqual({ since: '2026-06-02', n: 1 });
      // Leaving the field takes one out of the count.
      await nanming.request({ method: 'PATCH', url: `/api/v1/talents/${k2.id}`, payload: { status: 'left' } });
      expect(await keySince('2026-06-02')).toEqual({ since: '2026-06-02', n: 0 });
      // Losing and regaining key status starts a new date.
      await nanming.request({ method: 'PATCH', url: `/api/v1/talents/${k1.id}`, payload: { nativePlace: null } });
      t.clock.advanceMinutes(24 * 60);
      await loginAll();
      const regained = await nanming.request({ method: 'PATCH', url: `/api/v1/talents/${k1.id}`, payload: { nativePlace: '520102000000' } });
      expect(regained.json()).toMatchObject({ isKey: true, keySince: '2026-06-12' });
      expect(await keySince('2026-06-12')).toEqual({ since: '2026-06-12', n: 1 });
      // The county figure from the summary agrees with the township's.
      const county = await analytics(nanming, '520102000000', '&keySince=2026-06-12');
      expect(county.newKey.n).toBeGreaterThanOrEqual(1);
    });

    it('dates key status by the day in China, not in UTC', async () => {
      // 2026-06-12 17:30 UTC is 2026-06-13 01:30 in China.
      const now = t.clock.now();
      const target = Date.parse('2026-06-12T17:30:00.000Z');
      t.clock.advanceMinutes(Math.round((target - now.getTime()) / 60_000));
      await loginAll();
      expect((await analytics(nanming, TOWN)).asOf).toBe('2026-06-13');
      const late = await createTalentViaApi(nanming, nativeHolder());
      expect(late.keySince).toBe('2026-06-13');
      expect(await keySince('2026-06-13')).toEqual({ since: '2026-06-13', n: 1 });
    });
  });
});
