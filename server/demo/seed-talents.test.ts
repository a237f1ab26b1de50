import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../tests/helpers/test-app.ts';
import { DIALECTS } from '../../tests/helpers/test-db.ts';
import { computeStatsDirect, readStats } from '../modules/talents/talent-stats.repository.ts';

const sorted = (rows: { dim: string; bucket: string; n: number }[]) =>
  rows.map((r) => `${r.dim}|${r.bucket}|${Number(r.n)}`).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

describe.each(DIALECTS)('demo talents (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  it('seeds a Guizhou population whose summary equals a count of the talents', async () => {
    const [{ n }] = await t.db.db
      .selectFrom('talents')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .execute();
    expect(Number(n)).toBeGreaterThan(5_900);
    for (const code of ['520000000000', '520100000000', '520102000000']) {
      expect(sorted(await readStats(t.db.db, code))).toEqual(sorted(await computeStatsDirect(t.db.db, code)));
    }
  });

  it('shows 南明区 real-looking figures, a duplicate pair and the transfer it requested', async () => {
    const nanming = await t.login('nanming');
    const analytics = (await nanming.request({ url: '/api/v1/talent-analytics' })).json();
    expect(analytics.totals.total).toBeGreaterThan(50);
    expect(analytics.totals.certified).toBeGreaterThan(10);
    expect(analytics.children.length).toBeGreaterThan(5);
    const due = (await nanming.request({ url: '/api/v1/talents?due=true' })).json();
    expect(due.total).toBeGreaterThan(0);
    const duplicates = (await nanming.request({ url: '/api/v1/talent-duplicates' })).json();
    expect(duplicates.items.length).toBe(1);
    const requested = (await nanming.request({ url: '/api/v1/talent-transfers?direction=requested' })).json();
    expect(requested.items).toEqual([expect.objectContaining({ status: 'pending', requestedBy: 'nanming' })]);
    const yunyan = await t.login('yunyan');
    const toDecide = (await yunyan.request({ url: '/api/v1/talent-transfers?direction=to_decide' })).json();
    expect(toDecide.items).toEqual([expect.objectContaining({ status: 'pending', mayDecide: true })]);
  });

  it('binds sw-demo to a 南明区 talent with a pending submission', async () => {
    const sw = await t.login('sw-demo');
    expect(sw.user.regionCode.startsWith('520102')).toBe(true);
    const me = (await sw.request({ url: '/api/v1/me/talent' })).json();
    expect(me.regionCode).toBe(sw.user.regionCode);
    expect(me.certificates.length).toBeGreaterThan(0);
    const submissions = (await sw.request({ url: '/api/v1/me/talent/submissions' })).json();
    expect(submissions.items).toEqual([expect.objectContaining({ kind: 'training', status: 'pending' })]);
    const province = (await (await t.login('guizhou')).request({ url: '/api/v1/talent-analytics' })).json();
    expect(province.totals.key).toBeGreaterThan(300);
  });
});
