import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import { DIALECTS } from '../helpers/test-db.ts';

describe.each(DIALECTS)('health and login (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  it('reports the dialect and migration', async () => {
    const res = await t.app.inject({ url: '/api/health' });
    expect(res.json()).toMatchObject({ status: 'ok', dialect, migration: '2026-11-22-003-network' });
  });

  it('logs in a demo account and returns its scope path', async () => {
    const s = await t.login('nanming');
    const me = await s.request({ url: '/api/v1/auth/me' });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.regionPath.map((r: { name: string }) => r.name)).toEqual(['全国', '贵州省', '贵阳市', '南明区']);
  });
});
