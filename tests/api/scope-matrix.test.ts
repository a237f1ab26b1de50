import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasPermission, type Role } from '../../domain/auth/roles.ts';
import type { RouteEntry } from '../../server/http/access.ts';
import { dbFingerprint, insertUser } from '../helpers/fixtures.ts';
import { createTestApp, expectErrorShape, type Session, type TestApp } from '../helpers/test-app.ts';
import { DIALECTS } from '../helpers/test-db.ts';
import { DEMO_ROLES, type DemoRole, PROBES, type ProbeCtx, type ProbeRequest } from './scope-matrix.probes.ts';

/**
 * THE route × role × scope matrix. The routes come from the app's own route table (recorded by
 * server/http/access.ts as routes register); every one needs a probe in scope-matrix.probes.ts.
 * For each route: no session → 401; then for each demo role: lacking the permission → 403
 * FORBIDDEN; in scope → 2xx; out of scope → 403 SCOPE_FORBIDDEN / 404 (or, for lists, a 200 that
 * holds nothing outside the scope), without leaking the target and without changing anything.
 * HEAD routes (Fastify adds one per GET) are probed with their GET's requests.
 */
const ROUTE_KEYS = Object.keys(PROBES);

describe.each(DIALECTS)('route × role × scope matrix (%s)', (dialect) => {
  let t: TestApp;
  let counter = 0;
  const sessions = new Map<string, Session>();

  const sessionOf = async (username: string): Promise<Session> => {
    let s = sessions.get(username);
    if (!s) {
      s = await t.login(username);
      sessions.set(username, s);
    }
    return s;
  };

  const ctxFor = (role: DemoRole): ProbeCtx => ({
    t,
    role,
    session: () => sessionOf(role.username),
    admin: () => sessionOf('admin'),
    dropSession: () => sessions.delete(role.username),
    next: () => ++counter,
  });

  const entryOf = (key: string): RouteEntry => {
    const entry = t.app.routeTable.find((r) => `${r.method} ${r.url}` === key);
    if (!entry) throw new Error(`probe ${key} names no registered route`);
    return entry;
  };

  const mayCall = (entry: RouteEntry, role: DemoRole) =>
    'public' in entry.access || 'authenticated' in entry.access || hasPermission(role.role as Role, entry.access.permission);

  const send = async (ctx: ProbeCtx, req: ProbeRequest, method?: 'HEAD'): Promise<LightMyRequestResponse> => {
    const s = req.as ?? (await ctx.session());
    const res = await s.request({ ...req.inject, ...(method ? { method, payload: undefined } : {}) });
    expect(res.statusCode, `${req.inject.method ?? 'GET'} ${req.inject.url}: ${res.body}`).toBeLessThan(500);
    return res;
  };

  /** Sends a request that must be refused and proves nothing changed and nothing leaked. */
  const expectRefused = async (ctx: ProbeCtx, req: ProbeRequest, statuses: Array<[number, string]>, isGet: boolean) => {
    const before = await dbFingerprint(t);
    const target = await req.target?.();
    const res = await send(ctx, req);
    const hit = statuses.find(([status]) => status === res.statusCode);
    expect(hit, `expected ${statuses.map(([s, c]) => `${s} ${c}`).join(' or ')}: ${res.statusCode} ${res.body}`).toBeDefined();
    if (hit) expectErrorShape(res, hit[0], hit[1]);
    for (const secret of req.secrets ?? []) expect(res.body).not.toContain(secret);
    expect(await req.target?.()).toEqual(target);
    expect(await dbFingerprint(t)).toBe(before);
    if (isGet) expect((await send(ctx, req, 'HEAD')).statusCode).toBe(res.statusCode);
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    // Out-of-scope data that a leaking list would show: a user and an audit entry in every
    // county that some role must not see.
    const admin = await t.login('admin');
    for (const county of ['530102000000', '520201000000', '520103000000', '520102000000']) {
      await insertUser(t, { username: `outsider-${county}`, role: 'staff', regionCode: county });
      const res = await admin.request({ method: 'PATCH', url: `/api/v1/regions/${county}`, payload: { population: 100000 } });
      expect(res.statusCode).toBe(200);
    }
  });
  afterAll(() => t.close());

  it('has a probe for every /api/v1 route and none for a route that does not exist', () => {
    const table = t.app.routeTable;
    const registered = table.filter((r) => r.method !== 'HEAD').map((r) => `${r.method} ${r.url}`);
    expect(registered.length).toBeGreaterThanOrEqual(20);
    const missing = registered.filter((k) => !PROBES[k]);
    expect(missing, `routes without a probe in scope-matrix.probes.ts: ${missing.join(', ')}`).toEqual([]);
    const stale = ROUTE_KEYS.filter((k) => !registered.includes(k));
    expect(stale, `probes for routes that do not exist: ${stale.join(', ')}`).toEqual([]);
    // Every HEAD route is the shadow of a GET with the same access rule, so the GET's probe covers it.
    for (const head of table.filter((r) => r.method === 'HEAD')) {
      expect(table.find((r) => r.method === 'GET' && r.url === head.url)?.access).toEqual(head.access);
    }
  });

  describe.each(ROUTE_KEYS)('%s', (key) => {
    const probe = PROBES[key];
    const isGet = key.startsWith('GET ');

    it('without a session: 401, or served when public', async () => {
      const entry = entryOf(key);
      const req = await probe.build(ctxFor(DEMO_ROLES[0]), 'in', DEMO_ROLES[0].inCounty);
      if ('public' in entry.access) {
        expect((await t.app.inject(req.inject)).statusCode).toBe(200);
        return;
      }
      const before = await dbFingerprint(t);
      expectErrorShape(await t.app.inject(req.inject), 401, 'UNAUTHENTICATED');
      expectErrorShape(await t.app.inject({ ...req.inject, headers: { cookie: 'sgpt_sid=forged' } }), 401, 'UNAUTHENTICATED');
      expect(await dbFingerprint(t)).toBe(before);
      if (isGet) expect((await t.app.inject({ ...req.inject, method: 'HEAD' })).statusCode).toBe(401);
    });

    it.each(DEMO_ROLES.map((r) => [r.username, r] as const))('as %s', async (_name, role) => {
      const entry = entryOf(key);
      const ctx = ctxFor(role);
      const allowed = mayCall(entry, role);

      const inReq = await probe.build(ctx, 'in', role.inCounty);
      if (!allowed) {
        await expectRefused(ctx, inReq, [[403, 'FORBIDDEN']], isGet);
      } else {
        if (isGet) expect((await send(ctx, inReq, 'HEAD')).statusCode).toBe(200);
        const res = await send(ctx, inReq);
        expect(res.statusCode, res.body).toBe(200);
        await probe.checkIn?.(res, ctx, inReq);
        await probe.after?.(ctx, inReq);
      }

      if (!probe.out || !role.outCounty) return;
      const outReq = await probe.build(ctx, 'out', role.outCounty);
      if (!allowed) {
        await expectRefused(ctx, outReq, [[403, 'FORBIDDEN']], isGet);
      } else if (probe.out === 'refuse') {
        await expectRefused(
          ctx,
          outReq,
          [
            [403, 'SCOPE_FORBIDDEN'],
            [404, 'NOT_FOUND'],
          ],
          isGet,
        );
      } else {
        const res = await send(ctx, outReq);
        expect(res.statusCode, res.body).toBe(200);
        for (const secret of outReq.secrets ?? []) expect(res.body).not.toContain(secret);
        probe.checkFiltered?.(res, ctx);
      }
    });
  });

  it('proves the out-of-scope data exists, so the filtered answers above are meaningful', async () => {
    const admin = await ctxFor(DEMO_ROLES[0]).session();
    for (const county of ['530102000000', '520201000000', '520103000000', '520102000000']) {
      expect((await admin.request({ url: `/api/v1/users?regionCode=${county}` })).json().total).toBeGreaterThan(0);
      expect((await admin.request({ url: `/api/v1/audit?regionCode=${county}` })).json().total).toBeGreaterThan(0);
    }
  });
});
