import { expect } from 'vitest';
import { isWithin } from '../../../domain/standards/region-code.ts';
import { DEMO_PASSWORD } from '../../../server/demo/demo-data.ts';
import { insertUser, regionRow, userByName, userRow } from '../../helpers/fixtures.ts';
import type { Probe, ProbeCtx } from '../scope-matrix.probes.ts';

/**
 * Scope-matrix probes of the core routes: auth, regions, roles, users, audit and dashboard (merged
 * into PROBES by scope-matrix.probes.ts).
 */

/** Names of the out-of-scope counties, searched for by the region search probe. */
export const COUNTY_NAMES: Record<string, string> = {
  '530102000000': '五华',
  '520201000000': '钟山',
  '520103000000': '云岩',
  '520102000000': '南明',
};

const township = (county: string, n: number) => `${county.slice(0, 6)}${500 + n}000`;

/** A new township, created through the API so the region_stats summary stays consistent. */
async function freshTownship(ctx: ProbeCtx, county: string): Promise<string> {
  const code = township(county, ctx.next());
  const res = await (await ctx.admin()).request({ method: 'POST', url: '/api/v1/regions', payload: { code, name: `矩阵测试乡${code}` } });
  expect(res.statusCode, res.body).toBe(200);
  return code;
}

async function freshUser(ctx: ProbeCtx, county: string, status: 'active' | 'disabled' = 'active') {
  const username = `matrix-${ctx.next()}`;
  const id = await insertUser(ctx.t, { username, role: 'staff', regionCode: county, status });
  return { id, username, target: () => userRow(ctx.t, id) };
}

const allWithin = (codes: string[], home: string) => {
  for (const c of codes) expect(isWithin(c, home), `${c} lies outside ${home}`).toBe(true);
};

const userProbe = (suffix: string, method: 'GET' | 'PATCH' | 'POST', payload?: object, status?: 'disabled'): Probe => ({
  out: 'refuse',
  build: async (ctx, _where, county) => {
    const u = await freshUser(ctx, county, status);
    return { inject: { method, url: `/api/v1/users/${u.id}${suffix}`, payload }, target: u.target, secrets: [u.username] };
  },
});

export const CORE_PROBES: Record<string, Probe> = {
  'POST /api/v1/auth/login': {
    build: async (ctx) => ({ inject: { method: 'POST', url: '/api/v1/auth/login', payload: { username: ctx.role.username, password: DEMO_PASSWORD } } }),
    checkIn: (res, ctx) => expect(res.json().user.username).toBe(ctx.role.username),
  },
  'POST /api/v1/auth/logout': {
    build: async (ctx) => ({ inject: { method: 'POST', url: '/api/v1/auth/logout' }, as: await ctx.t.login(ctx.role.username) }),
    checkIn: async (_res, _ctx, req) => expect((await req.as?.request({ url: '/api/v1/auth/me' }))?.statusCode).toBe(401),
  },
  'GET /api/v1/auth/me': {
    build: async () => ({ inject: { url: '/api/v1/auth/me' } }),
    checkIn: (res, ctx) => expect(res.json().user).toMatchObject({ username: ctx.role.username, regionCode: ctx.role.home }),
  },
  'POST /api/v1/auth/password': {
    build: async (ctx) => ({
      inject: { method: 'POST', url: '/api/v1/auth/password', payload: { oldPassword: DEMO_PASSWORD, newPassword: 'Matrix#Pw2026' } },
      as: await ctx.t.login(ctx.role.username),
    }),
    // Put the demo password back; the change ended the role's other sessions.
    after: async (ctx, req) => {
      const res = await req.as?.request({
        method: 'POST',
        url: '/api/v1/auth/password',
        payload: { oldPassword: 'Matrix#Pw2026', newPassword: DEMO_PASSWORD },
      });
      expect(res?.statusCode).toBe(200);
      ctx.dropSession();
    },
  },
  'GET /api/v1/regions': {
    out: 'filter',
    build: async (_ctx, where, county) => ({
      inject: { url: `/api/v1/regions?q=${encodeURIComponent(where === 'in' ? '街道' : COUNTY_NAMES[county])}&limit=100` },
      secrets: [county],
    }),
    checkIn: (res, ctx) => {
      expect(res.json().items.length).toBeGreaterThan(0);
      allWithin(
        res.json().items.map((r: { code: string }) => r.code),
        ctx.role.home,
      );
    },
    checkFiltered: (res, ctx) =>
      allWithin(
        res.json().items.map((r: { code: string }) => r.code),
        ctx.role.home,
      ),
  },
  'GET /api/v1/regions/:code': {
    out: 'refuse',
    build: async (_ctx, _where, county) => ({ inject: { url: `/api/v1/regions/${county}` }, secrets: [COUNTY_NAMES[county] ?? county] }),
    checkIn: (res, ctx) => expect(res.json().region.code).toBe(ctx.role.inCounty),
  },
  'GET /api/v1/regions/:code/children': {
    out: 'refuse',
    build: async (_ctx, _where, county) => ({ inject: { url: `/api/v1/regions/${county}/children` }, secrets: [`"parentCode":"${county}"`] }),
    checkIn: (res, ctx) => {
      expect(res.json().items.length).toBeGreaterThan(0);
      allWithin(
        res.json().items.map((r: { code: string }) => r.code),
        ctx.role.home,
      );
    },
  },
  'POST /api/v1/regions': {
    out: 'refuse',
    build: async (ctx, _where, county) => {
      const code = township(county, ctx.next());
      return { inject: { method: 'POST', url: '/api/v1/regions', payload: { code, name: '矩阵新增乡' } }, target: () => regionRow(ctx.t, code) };
    },
    checkIn: async (_res, _ctx, req) => expect(await req.target?.()).toMatchObject({ name: '矩阵新增乡', status: 'active' }),
  },
  'PATCH /api/v1/regions/:code': {
    out: 'refuse',
    build: async (ctx, _where, county) => {
      const code = await freshTownship(ctx, county);
      return { inject: { method: 'PATCH', url: `/api/v1/regions/${code}`, payload: { population: 777 } }, target: () => regionRow(ctx.t, code) };
    },
    checkIn: async (_res, _ctx, req) => expect(await req.target?.()).toMatchObject({ population: 777 }),
  },
  'POST /api/v1/regions/:code/revoke': {
    out: 'refuse',
    build: async (ctx, _where, county) => {
      const code = await freshTownship(ctx, county);
      return { inject: { method: 'POST', url: `/api/v1/regions/${code}/revoke`, payload: { validTo: '2026-06-01' } }, target: () => regionRow(ctx.t, code) };
    },
    checkIn: async (res, _ctx, req) => {
      expect(res.json()).toEqual({ revoked: 1 });
      expect(await req.target?.()).toMatchObject({ status: 'revoked', valid_to: '2026-06-01' });
    },
  },
  'GET /api/v1/roles': {
    build: async () => ({ inject: { url: '/api/v1/roles' } }),
    checkIn: (res) => expect(res.json().items).toHaveLength(9),
  },
  'GET /api/v1/users': {
    out: 'filter',
    build: async (_ctx, where, county) => ({
      inject: { url: where === 'in' ? '/api/v1/users?pageSize=100' : `/api/v1/users?regionCode=${county}&pageSize=100` },
      secrets: [county],
    }),
    checkIn: (res, ctx) => {
      expect(res.json().items.map((u: { username: string }) => u.username)).toContain(ctx.role.username);
      allWithin(
        res.json().items.map((u: { regionCode: string }) => u.regionCode),
        ctx.role.home,
      );
    },
    checkFiltered: (res) => expect(res.json()).toEqual({ items: [], total: 0 }),
  },
  'GET /api/v1/users/:id': {
    ...userProbe('', 'GET'),
    checkIn: (res) => expect(res.json().username).toMatch(/^matrix-/),
  },
  'POST /api/v1/users': {
    out: 'refuse',
    build: async (ctx, _where, county) => {
      const username = `matrix-new-${ctx.next()}`;
      return {
        inject: { method: 'POST', url: '/api/v1/users', payload: { username, displayName: '矩阵新用户', role: 'staff', regionCode: county } },
        target: () => userByName(ctx.t, username),
      };
    },
    checkIn: async (_res, _ctx, req) => expect(await req.target?.()).toMatchObject({ must_change_password: 1 }),
  },
  'PATCH /api/v1/users/:id': {
    ...userProbe('', 'PATCH', { displayName: '矩阵改名' }),
    checkIn: async (_res, _ctx, req) => expect(await req.target?.()).toMatchObject({ display_name: '矩阵改名' }),
  },
  'POST /api/v1/users/:id/disable': {
    ...userProbe('/disable', 'POST'),
    checkIn: async (_res, _ctx, req) => expect(await req.target?.()).toMatchObject({ status: 'disabled' }),
  },
  'POST /api/v1/users/:id/enable': {
    ...userProbe('/enable', 'POST', undefined, 'disabled'),
    checkIn: async (_res, _ctx, req) => expect(await req.target?.()).toMatchObject({ status: 'active' }),
  },
  'POST /api/v1/users/:id/reset-password': {
    ...userProbe('/reset-password', 'POST'),
    checkIn: async (res, _ctx, req) => {
      expect(res.json().password).toMatch(/^.{12}$/);
      expect(await req.target?.()).toMatchObject({ must_change_password: 1 });
    },
  },
  'GET /api/v1/audit': {
    out: 'filter',
    build: async (_ctx, where, county) => ({
      inject: { url: where === 'in' ? '/api/v1/audit?pageSize=100' : `/api/v1/audit?regionCode=${county}&pageSize=100` },
      secrets: [county],
    }),
    checkIn: (res, ctx) => {
      expect(res.json().total).toBeGreaterThan(0);
      allWithin(
        res.json().items.map((e: { regionCode: string }) => e.regionCode),
        ctx.role.home,
      );
    },
    checkFiltered: (res) => expect(res.json()).toEqual({ items: [], total: 0 }),
  },
  'GET /api/v1/dashboard': {
    build: async () => ({ inject: { url: '/api/v1/dashboard' } }),
    checkIn: (res, ctx) => expect(res.json().region.code).toBe(ctx.role.home),
  },
};
