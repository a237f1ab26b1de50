import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildRegionStats } from '../../server/modules/regions/region-stats.repository.ts';
import { countByLevel } from '../../server/modules/regions/regions.repository.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import { DIALECTS } from '../helpers/test-db.ts';

/** The region_stats summary, kept up by region writes, must equal a rebuild and a direct count. */
describe.each(DIALECTS)('region_stats summary (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  const snapshot = async () =>
    (await t.deps.db.selectFrom('region_stats').selectAll().where('n', '>', 0).orderBy('code').orderBy('level').execute()).map(
      (r) => `${r.code}:${r.level}:${Number(r.n)}`,
    );

  it('matches a direct count of the codes after the initial load', async () => {
    const s = await t.login('admin');
    const res = await s.request({ url: '/api/v1/regions/520102000000' });
    expect(res.json().counts).toEqual(Object.fromEntries(Object.entries(await countByLevel(t.deps.db, '520102000000')).filter(([l]) => l !== '3')));
    const gz = await s.request({ url: '/api/v1/regions/520000000000' });
    expect(gz.json().counts).toEqual(Object.fromEntries(Object.entries(await countByLevel(t.deps.db, '520000000000')).filter(([l]) => l !== '1')));
  });

  it('stays equal to a rebuild through creations and revocations', async () => {
    const s = await t.login('guizhou');
    const before = await s.request({ url: '/api/v1/regions/520102000000' });
    const townships = before.json().counts['4'];
    const villages = before.json().counts['5'];

    const created = await s.request({ method: 'POST', url: '/api/v1/regions', payload: { code: '520102150000', name: '测试镇' } });
    expect(created.statusCode).toBe(200);
    for (const code of ['520102150201', '520102150202']) {
      expect((await s.request({ method: 'POST', url: '/api/v1/regions', payload: { code, name: `测试村${code.slice(-1)}` } })).statusCode).toBe(200);
    }
    const mid = (await s.request({ url: '/api/v1/regions/520102000000' })).json().counts;
    expect(mid).toMatchObject({ 4: townships + 1, 5: villages + 2 });

    // Revoke an existing township with its villages.
    const children = (await s.request({ url: '/api/v1/regions/520102000000/children' })).json().items;
    const victim = children.find((c: { childCount: number }) => c.childCount > 0);
    const revoke = await s.request({ method: 'POST', url: `/api/v1/regions/${victim.code}/revoke`, payload: { validTo: '2026-06-01' } });
    expect(revoke.json().revoked).toBe(victim.childCount + 1);
    const after = (await s.request({ url: '/api/v1/regions/520102000000' })).json().counts;
    expect(after).toMatchObject({ 4: townships, 5: villages + 2 - victim.childCount });

    const kept = await snapshot();
    await rebuildRegionStats(t.deps.db);
    expect(await snapshot()).toEqual(kept);
    const gzCounts = (await s.request({ url: '/api/v1/regions/520000000000' })).json().counts;
    const direct = await countByLevel(t.deps.db, '520000000000');
    delete direct[1];
    expect(gzCounts).toEqual(direct);
  });
});
