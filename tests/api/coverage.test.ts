import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificate, createTalentViaApi } from '../helpers/talent-fixtures.ts';
import { createTestApp, expectErrorShape, type Session, type TestApp } from '../helpers/test-app.ts';
import { DIALECTS } from '../helpers/test-db.ts';

process.env.DEMO_TALENTS ??= '0';

const NANMING = '520102000000';

/** Coverage: rates per kind for a region and its children, the uncovered list, the export. */
describe.each(DIALECTS)('coverage (%s)', (dialect) => {
  let t: TestApp;
  let nanming: Session;
  let guizhou: Session;
  let yunyan: Session;
  let township: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    [nanming, guizhou, yunyan] = await Promise.all(['nanming', 'guizhou', 'yunyan'].map((u) => t.login(u)));
    // A township of 南明区 without an operating station (the demo network may have opened some).
    const rows = await t.db.db
      .selectFrom('regions as r')
      .select('r.code')
      .where('r.parent_code', '=', NANMING)
      .where('r.status', '=', 'active')
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('platforms as p')
              .select('p.id')
              .whereRef('p.region_code', '=', 'r.code')
              .where('p.kind', '=', 'station')
              .where('p.status', '=', 'operating'),
          ),
        ),
      )
      .orderBy('r.code')
      .execute();
    township = rows[0]?.code ?? (await makeTownship());
  });
  afterAll(() => t.close());

  async function makeTownship(): Promise<string> {
    const admin = await t.login('admin');
    const code = `${NANMING.slice(0, 6)}577000`;
    const res = await admin.request({ method: 'POST', url: '/api/v1/regions', payload: { code, name: '覆盖测试街道' } });
    expect(res.statusCode, res.body).toBe(200);
    return code;
  }

  const coverage = async (s: Session, q = '') => {
    const res = await s.request({ url: `/api/v1/coverage${q}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const townshipsOf = async (code: string) =>
    Number(
      (
        await t.db.db
          .selectFrom('regions')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('parent_code', '=', code)
          .where('status', '=', 'active')
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('shows the county’s own hub and the lower kinds, with totals from the divisions', async () => {
    const c = await coverage(nanming);
    expect(c.region).toEqual({ code: NANMING, name: '南明区', level: 3 });
    expect(Object.keys(c.kinds).sort()).toEqual(['county_hub', 'room', 'station']);
    expect(c.kinds.county_hub.total).toBe(1);
    expect(c.kinds.station.total).toBe(await townshipsOf(NANMING));
    expect(c.children.map((x: { code: string }) => x.code)).toContain(township);
    for (const k of Object.values(c.kinds) as Array<{ total: number; covered: number; rate: number | null }>) {
      expect(k.rate).toBe(k.total ? k.covered / k.total : null);
    }
    const province = await coverage(guizhou);
    expect(Object.keys(province.kinds).sort()).toEqual(['county_hub', 'guidance_centre', 'room', 'station']);
    expect(province.children.every((x: { level: number; kinds: object }) => x.level === 2 && 'guidance_centre' in x.kinds)).toBe(true);
  });

  it('counts a township covered when its first station operates, and not when it stops', async () => {
    const before = await coverage(nanming);
    const beforeProvince = await coverage(guizhou, '?regionCode=520000000000');
    const child = () => before.children.find((x: { code: string }) => x.code === township);
    expect(child().kinds.station).toEqual({ total: 1, covered: 0, rate: 0 });

    const res = await nanming.request({ method: 'POST', url: '/api/v1/platforms', payload: { kind: 'station', name: '覆盖测试站', regionCode: township } });
    expect(res.statusCode, res.body).toBe(200);
    const second = await nanming.request({
      method: 'POST',
      url: '/api/v1/platforms',
      payload: { kind: 'station', name: '覆盖测试站二', regionCode: township },
    });
    const after = await coverage(nanming);
    expect(after.kinds.station.covered).toBe(before.kinds.station.covered + 1);
    expect(after.platforms.station.operating).toBe(before.platforms.station.operating + 2);
    expect(after.children.find((x: { code: string }) => x.code === township)).toMatchObject({ kinds: { station: { covered: 1, rate: 1 } }, stations: 2 });
    expect((await coverage(guizhou)).kinds.station.covered).toBe(beforeProvince.kinds.station.covered + 1);

    // Resident workers: full-time links to operating stations; certified ones hold a certificate.
    const a = await createTalentViaApi(nanming, { regionCode: township, certificates: [certificate('assistant')] });
    const b = await createTalentViaApi(nanming, { regionCode: township });
    const linked = await nanming.request({
      method: 'PUT',
      url: `/api/v1/platforms/${res.json().id}/staff`,
      payload: { staff: [{ talentId: a.id }, { talentId: b.id, fullTime: false }] },
    });
    expect(linked.statusCode, linked.body).toBe(200);
    const staffed = await coverage(nanming);
    expect(staffed.children.find((x: { code: string }) => x.code === township)).toMatchObject({ residentWorkers: 1, certifiedWorkers: 1 });
    expect(staffed.staff.residentWorkers).toBe(before.staff.residentWorkers + 1);
    expect(staffed.staff.certifiedWorkers).toBe(before.staff.certifiedWorkers + 1);

    // One of two stops: still covered. Both stop: not covered.
    await nanming.request({ method: 'PATCH', url: `/api/v1/platforms/${res.json().id}`, payload: { status: 'suspended' } });
    expect((await coverage(nanming)).kinds.station.covered).toBe(before.kinds.station.covered + 1);
    await nanming.request({ method: 'DELETE', url: `/api/v1/platforms/${second.json().id}` });
    const stopped = await coverage(nanming);
    expect(stopped.kinds.station.covered).toBe(before.kinds.station.covered);
    expect(stopped.platforms.station.suspended).toBe(before.platforms.station.suspended + 1);
    const township1 = await coverage(nanming, `?regionCode=${township}`);
    expect(township1.region.level).toBe(4);
    expect(township1.kinds.station).toEqual({ total: 1, covered: 0, rate: 0 });
  });

  it('lists the uncovered units of a kind, paged, with their paths', async () => {
    const res = await nanming.request({ url: '/api/v1/coverage/uncovered?kind=station&pageSize=100' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.items.map((i: { code: string }) => i.code)).toContain(township);
    expect(body.items.find((i: { code: string }) => i.code === township).path).toMatch(/^贵阳市 \/ 南明区 \/ /);
    const cov = await coverage(nanming);
    expect(body.total).toBe(cov.kinds.station.total - cov.kinds.station.covered);
    const made = await nanming.request({ method: 'POST', url: '/api/v1/platforms', payload: { kind: 'station', name: '补点站', regionCode: township } });
    expect(made.statusCode).toBe(200);
    const again = (await nanming.request({ url: '/api/v1/coverage/uncovered?kind=station&pageSize=100' })).json();
    expect(again.total).toBe(body.total - 1);
    expect(again.items.map((i: { code: string }) => i.code)).not.toContain(township);
    expectErrorShape(await nanming.request({ url: '/api/v1/coverage/uncovered?kind=training_base' }), 400, 'VALIDATION_FAILED');
    expectErrorShape(await nanming.request({ url: '/api/v1/coverage/uncovered' }), 400, 'VALIDATION_FAILED');
  });

  it('exports the children table and refuses regions outside the scope', async () => {
    const res = await nanming.request({ url: '/api/v1/coverage/export.xlsx' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expectErrorShape(await yunyan.request({ url: `/api/v1/coverage?regionCode=${NANMING}` }), 403, 'SCOPE_FORBIDDEN');
    expectErrorShape(await yunyan.request({ url: `/api/v1/coverage/uncovered?kind=station&regionCode=${NANMING}` }), 403, 'SCOPE_FORBIDDEN');
    expectErrorShape(await yunyan.request({ url: `/api/v1/coverage/export.xlsx?regionCode=${NANMING}` }), 403, 'SCOPE_FORBIDDEN');
    expectErrorShape(await nanming.request({ url: '/api/v1/coverage?regionCode=12' }), 400, 'VALIDATION_FAILED');
  });
});
