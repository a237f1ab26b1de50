import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectRefused, fieldError } from '../helpers/refused.ts';
import { certificate, createTalentViaApi, talentFingerprint, training } from '../helpers/talent-fixtures.ts';
import { createTestApp, type Session, type TestApp } from '../helpers/test-app.ts';
import { DIALECTS } from '../helpers/test-db.ts';

/** The talent list: filters, sorting, pagination and refused filters, on a data set of its own. */
describe.each(DIALECTS)('talent list (%s)', (dialect) => {
  let t: TestApp;
  let nanming: Session;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    nanming = await t.login('nanming');
  });
  afterAll(() => t.close());

  const list = async (s: Session, query: string) => {
    const res = await s.request({ url: `/api/v1/talents?${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: Array<{ id: string; name: string; regionCode: string }>; total: number };
  };
  const names = async (s: Session, query: string) => (await list(s, query)).items.map((i) => i.name).sort();
  const refused = (send: () => Promise<LightMyRequestResponse>, status: number, code: string) => expectRefused(() => talentFingerprint(t), send, status, code);

  describe('list filters, sorting and pagination', () => {
    // A township and village of their own, created here, so the data set is exactly what the filters
    // see (whatever population the demo seed puts elsewhere).
    const TOWN = '520102502000';
    const VILLAGE = '520102502001';
    const TOWN2 = '520102503000';
    let c: { id: string; _idNumber: string };
    let d: { id: string; _idNumber: string };
    let bCert: string;

    beforeAll(async () => {
      for (const [code, name] of [
        [TOWN, '筛选测试街道'],
        [VILLAGE, '筛选测试社区'],
        [TOWN2, '分页测试街道'],
      ]) {
        const res = await nanming.request({ method: 'POST', url: '/api/v1/regions', payload: { code, name } });
        expect(res.statusCode, res.body).toBe(200);
      }
      await createTalentViaApi(
        nanming,
        {
          name: '筛选甲',
          regionCode: TOWN,
          nativePlace: '520100000000',
          categories: ['practice', 'research'],
          fields: ['elderly', 'children'],
          roles: ['grid_worker'],
          certificates: [certificate('senior', { registeredOn: '2023-08-01' })],
        },
        { birthDate: '1970-03-01' },
      );
      const bc = certificate('assistant', { registeredOn: '2025-01-01' });
      bCert = bc.certificateNo;
      await createTalentViaApi(
        nanming,
        {
          name: '筛选乙',
          regionCode: TOWN,
          categories: ['management'],
          fields: ['community'],
          certificates: [bc],
          trainings: [training('2025-03-01', 50), training('2026-01-05', 30)],
        },
        { birthDate: '2000-07-01' },
      );
      c = await createTalentViaApi(
        nanming,
        { name: '筛选丙', regionCode: VILLAGE, categories: ['research'], fields: ['rural'], roles: ['village_cadre', 'grid_worker'], status: 'left' },
        { birthDate: '1985-06-01' },
      );
      d = await createTalentViaApi(
        nanming,
        {
          name: '甲筛选',
          regionCode: TOWN,
          nativePlace: '530102000000',
          fields: ['elderly'],
          certificates: [certificate('intermediate', { registeredOn: '2025-05-01' })],
        },
        { birthDate: '1995-12-31' },
      );
    });

    const q = (extra: string) => names(nanming, `regionCode=${TOWN}&pageSize=100${extra ? `&${extra}` : ''}`);

    it('filters by region subtree', async () => {
      expect(await q('')).toEqual(['甲筛选', '筛选丙', '筛选乙', '筛选甲'].sort());
      expect(await names(nanming, `regionCode=${VILLAGE}`)).toEqual(['筛选丙']);
      expect(await names(nanming, `regionCode=520102000000&q=${encodeURIComponent('筛选')}`)).toEqual(['筛选丙', '筛选乙', '筛选甲'].sort());
      expect(await names(nanming, `regionCode=520100000000&q=${encodeURIComponent('甲筛选')}`)).toEqual(['甲筛选']);
      expect(await names(nanming, `regionCode=520102017000&q=${encodeURIComponent('甲筛选')}`)).toEqual([]);
      expect(await names(nanming, `regionCode=${TOWN2}&q=筛选`)).toEqual([]);
      const items = (await list(nanming, `regionCode=${TOWN}`)).items;
      expect(items.find((i) => i.id === c.id)).toMatchObject({ regionCode: VILLAGE, regionName: '筛选测试社区' });
    });

    it('filters by tier, category, field and role', async () => {
      expect(await q('tier=senior')).toEqual(['筛选甲']);
      expect(await q('tier=junior')).toEqual(['筛选乙']);
      expect(await q('tier=intermediate')).toEqual(['甲筛选']);
      expect(await q('tier=none')).toEqual(['筛选丙']);
      expect(await q('category=research')).toEqual(['筛选丙', '筛选甲'].sort());
      expect(await q('category=management')).toEqual(['筛选乙']);
      expect(await q('field=elderly')).toEqual(['甲筛选', '筛选甲'].sort());
      expect(await q('field=rural')).toEqual(['筛选丙']);
      expect(await q('field=drug')).toEqual([]);
      expect(await q('role=grid_worker')).toEqual(['筛选丙', '筛选甲'].sort());
      expect(await q('role=village_cadre')).toEqual(['筛选丙']);
    });

    it('filters by age range, with the birthday on the boundary', async () => {
      // Today 2026-06-01: 筛选甲 56, 筛选丙 41 today, 甲筛选 30, 筛选乙 25.
      expect(await q('minAge=40')).toEqual(['筛选丙', '筛选甲'].sort());
      expect(await q('minAge=41&maxAge=41')).toEqual(['筛选丙']);
      expect(await q('minAge=42&maxAge=55')).toEqual([]);
      expect(await q('maxAge=40')).toEqual(['甲筛选', '筛选乙'].sort());
      expect(await q('maxAge=30')).toEqual(['甲筛选', '筛选乙'].sort());
      expect(await q('maxAge=29')).toEqual(['筛选乙']);
      expect(await q('minAge=50&maxAge=40')).toEqual([]);
    });

    it('filters by key status, due re-registration, short hours and status', async () => {
      expect(await q('key=true')).toEqual(['筛选甲']);
      expect(await q('key=false')).toEqual(['甲筛选', '筛选丙', '筛选乙'].sort());
      // 筛选甲 registered 2023-08-01: due 2026-08-01, within 90 days. 筛选乙 due 2028.
      expect(await q('due=true')).toEqual(['筛选甲']);
      // 筛选乙 has 80 of 72 hours; 筛选甲 0 of 90; 甲筛选 0 of 90; 筛选丙 holds no certificate.
      expect(await q('short=true')).toEqual(['甲筛选', '筛选甲'].sort());
      expect(await q('status=left')).toEqual(['筛选丙']);
      expect(await q('status=active')).toEqual(['甲筛选', '筛选乙', '筛选甲'].sort());
      expect(await q('status=deceased')).toEqual([]);
      const item = (await list(nanming, `regionCode=${TOWN}&q=筛选乙`)).items[0];
      expect(item).toMatchObject({ tier: 'junior', ceHours: 80, ceRequired: 72, reregistrationDue: '2028-01-01', isKey: false, status: 'active' });
    });

    it('searches by name prefix, certificate number or full ID number, never by a partial number', async () => {
      expect(await q('q=筛选')).toEqual(['筛选丙', '筛选乙', '筛选甲'].sort());
      expect(await q(`q=${encodeURIComponent('筛选甲')}`)).toEqual(['筛选甲']);
      expect(await names(nanming, `q=${bCert}`)).toEqual(['筛选乙']);
      expect(await names(nanming, `q=${d._idNumber}`)).toEqual(['甲筛选']);
      expect(await names(nanming, `q=${encodeURIComponent(` ${d._idNumber.slice(0, 6)} ${d._idNumber.slice(6)} `)}`)).toEqual(['甲筛选']);
      expect(await names(nanming, `q=${d._idNumber.slice(0, 10)}`)).toEqual([]);
      expect(await names(nanming, `q=${d._idNumber.slice(-6)}`)).toEqual([]);
      // The list answer never carries full numbers.
      const res = await nanming.request({ url: `/api/v1/talents?q=${c._idNumber}` });
      expect(res.json().total).toBe(1);
      expect(res.body).not.toContain(c._idNumber);
    });

    it('combines filters', async () => {
      expect(await q('field=elderly&key=false')).toEqual(['甲筛选']);
      expect(await q('role=grid_worker&status=active&minAge=50')).toEqual(['筛选甲']);
    });

    it('sorts by birth date and tier in both directions', async () => {
      const order = async (extra: string) => (await list(nanming, `regionCode=${TOWN}&${extra}`)).items.map((i) => i.name);
      expect(await order('sort=birth_date')).toEqual(['筛选甲', '筛选丙', '甲筛选', '筛选乙']);
      expect(await order('sort=birth_date&order=desc')).toEqual(['筛选乙', '甲筛选', '筛选丙', '筛选甲']);
      expect(await order('sort=tier&order=desc')).toEqual(['筛选甲', '甲筛选', '筛选乙', '筛选丙']);
      expect(await order('sort=tier&order=asc')).toEqual(['筛选丙', '筛选乙', '甲筛选', '筛选甲']);
      // Default: region code, then name: the village sorts after its township.
      expect((await order('')).at(-1)).toBe('筛选丙');
    });

    it('pages without overlap or gaps, with the total of all pages', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 12; i++)
        ids.push((await createTalentViaApi(nanming, { name: `分页${i}`, regionCode: TOWN2 }, { birthDate: `19${60 + i}-01-01` })).id);
      const page = (n: number) => list(nanming, `regionCode=${TOWN2}&q=${encodeURIComponent('分页')}&sort=birth_date&pageSize=10&page=${n}`);
      const p1 = await page(1);
      const p2 = await page(2);
      const p3 = await page(3);
      expect([p1.total, p2.total, p3.total]).toEqual([12, 12, 12]);
      expect(p1.items).toHaveLength(10);
      expect(p2.items).toHaveLength(2);
      expect(p3.items).toEqual([]);
      expect([...p1.items, ...p2.items].map((i) => i.id)).toEqual(ids);
    });

    it('refuses bad filters with Chinese field messages', async () => {
      for (const [query, field] of [
        ['tier=gold', 'tier'],
        ['category=x', 'category'],
        ['field=x', 'field'],
        ['role=x', 'role'],
        ['minAge=abc', 'minAge'],
        ['maxAge=130', 'maxAge'],
        ['key=yes', 'key'],
        ['status=x', 'status'],
        ['regionCode=5201', 'regionCode'],
        ['sort=id_hash', 'sort'],
        ['pageSize=7', 'pageSize'],
        ['bogus=1', 'bogus'],
      ] as const) {
        const e = await refused(() => nanming.request({ url: `/api/v1/talents?${query}` }), 400, 'VALIDATION_FAILED');
        fieldError(e, field);
      }
    });
  });
});
