import { expect } from 'vitest';
import { DEFAULT_CHECKLIST } from '../../../domain/network/checklist.ts';
import { isWithin } from '../../../domain/standards/region-code.ts';
import { createTalentViaApi } from '../../helpers/talent-fixtures.ts';
import type { Probe, ProbeCtx, ProbeRequest } from '../scope-matrix.probes.ts';

/** Scope-matrix probes of the platform, checklist and coverage routes (merged into PROBES by scope-matrix.probes.ts). */

const provinceOf = (code: string) => `${code.slice(0, 2)}0000000000`;

const platformRow = (ctx: ProbeCtx, id: string) => ctx.t.db.db.selectFrom('platforms').selectAll().where('id', '=', id).executeTakeFirst();

/** A county hub (总站 sits at county level) registered through the API by the system administrator, with a unique name. */
async function freshPlatform(ctx: ProbeCtx, county: string) {
  const name = `矩阵阵地${ctx.next()}`;
  const res = await (await ctx.admin()).request({ method: 'POST', url: '/api/v1/platforms', payload: { kind: 'county_hub', name, regionCode: county } });
  expect(res.statusCode, res.body).toBe(200);
  const id = res.json().id as string;
  return { id, name, target: () => platformRow(ctx, id) };
}

const platformProbe = (suffix: string, method: 'GET' | 'PATCH' | 'PUT' | 'DELETE', payload?: object): Probe => ({
  out: 'refuse',
  build: async (ctx, _where, county) => {
    const x = await freshPlatform(ctx, county);
    return { inject: { method, url: `/api/v1/platforms/${x.id}${suffix}`, payload }, target: x.target, secrets: [x.name] };
  },
});

async function targetOf<T>(req: ProbeRequest): Promise<T> {
  if (!req.target) throw new Error('probe request without a target');
  return (await req.target()) as T;
}

export const PLATFORM_PROBES: Record<string, Probe> = {
  'GET /api/v1/platforms': {
    out: 'filter',
    build: async (ctx, where, county) => {
      const x = await freshPlatform(ctx, county);
      return {
        inject: { url: where === 'in' ? `/api/v1/platforms?q=${encodeURIComponent(x.name)}` : `/api/v1/platforms?regionCode=${county}&pageSize=100` },
        secrets: [x.name],
      };
    },
    checkIn: (res, ctx) => {
      expect(res.json().total).toBe(1);
      expect(res.json().items[0]).toMatchObject({ name: expect.stringMatching(/^矩阵阵地/), regionCode: ctx.role.inCounty });
    },
    checkFiltered: (res) => expect(res.json()).toEqual({ items: [], total: 0 }),
  },
  'POST /api/v1/platforms': {
    out: 'refuse',
    build: async (ctx, _where, county) => {
      const name = `矩阵新阵地${ctx.next()}`;
      return {
        inject: { method: 'POST', url: '/api/v1/platforms', payload: { kind: 'county_hub', name, regionCode: county } },
        target: () => ctx.t.db.db.selectFrom('platforms').selectAll().where('name', '=', name).executeTakeFirst(),
      };
    },
    checkIn: async (res, ctx, req) => {
      expect(await req.target?.()).toMatchObject({ region_code: ctx.role.inCounty, name: res.json().name });
    },
  },
  'GET /api/v1/platforms/:id': {
    ...platformProbe('', 'GET'),
    checkIn: (res, ctx) => expect(res.json()).toMatchObject({ name: expect.stringMatching(/^矩阵阵地/), regionCode: ctx.role.inCounty }),
  },
  'PATCH /api/v1/platforms/:id': {
    ...platformProbe('', 'PATCH', { brand: '矩阵品牌' }),
    checkIn: async (_res, _ctx, req) => expect(await req.target?.()).toMatchObject({ brand: '矩阵品牌' }),
  },
  'DELETE /api/v1/platforms/:id': {
    ...platformProbe('', 'DELETE'),
    checkIn: async (_res, _ctx, req) => expect(await req.target?.()).toBeUndefined(),
  },
  'PUT /api/v1/platforms/:id/checks': {
    ...platformProbe('/checks', 'PUT', { checks: [{ itemKey: 'site', met: true }] }),
    checkIn: async (res, _ctx, req) => {
      expect(res.json()).toMatchObject({ checksMet: 1, standard: false });
      expect(await targetOf<{ checks_met: number }>(req)).toMatchObject({ checks_met: 1 });
    },
  },
  'PUT /api/v1/platforms/:id/staff': {
    out: 'refuse',
    build: async (ctx, _where, county) => {
      const x = await freshPlatform(ctx, county);
      const talent = await createTalentViaApi(await ctx.admin(), { name: `矩阵驻站${ctx.next()}`, regionCode: county });
      return {
        inject: { method: 'PUT', url: `/api/v1/platforms/${x.id}/staff`, payload: { staff: [{ talentId: talent.id, post: '社工' }] } },
        target: async () => [await x.target(), await ctx.t.db.db.selectFrom('platform_staff').selectAll().where('platform_id', '=', x.id).execute()],
        secrets: [x.name, talent.name],
      };
    },
    checkIn: (res) => expect(res.json()).toMatchObject({ staffFullTime: 1, staff: [{ post: '社工', name: expect.stringMatching(/^矩阵驻站/) }] }),
  },
  'GET /api/v1/checklist-standards/:provinceCode': {
    out: 'refuse',
    // In: the province the role works in. Out: the other province loaded.
    build: async (ctx, where, county) => {
      const province = where === 'in' ? provinceOf(county) : ctx.role.home.startsWith('53') ? '520000000000' : '530000000000';
      return { inject: { url: `/api/v1/checklist-standards/${province}` } };
    },
    checkIn: (res, ctx) => {
      expect(res.json().provinceCode).toBe(provinceOf(ctx.role.inCounty));
      expect(res.json().items.length).toBeGreaterThan(0);
    },
  },
  'PUT /api/v1/checklist-standards/:provinceCode': {
    out: 'refuse',
    // The default items saved as the province's own: the matrix changes no platform's decision.
    build: async (ctx, _where, county) => {
      const province = provinceOf(county);
      return {
        inject: { method: 'PUT', url: `/api/v1/checklist-standards/${province}`, payload: { items: DEFAULT_CHECKLIST.map((i) => ({ ...i })) } },
        target: () => ctx.t.db.db.selectFrom('checklist_standards').selectAll().where('province_code', '=', province).executeTakeFirst(),
      };
    },
    checkIn: async (res, ctx, req) => {
      expect(res.json()).toMatchObject({ custom: true, updatedBy: ctx.role.username, recomputed: 0 });
      expect(await req.target?.()).toMatchObject({ updated_by: ctx.role.username });
    },
  },
  'GET /api/v1/coverage': {
    out: 'refuse',
    build: async (_ctx, _where, county) => ({ inject: { url: `/api/v1/coverage?regionCode=${county}` } }),
    checkIn: (res, ctx) => {
      expect(res.json().region.code).toBe(ctx.role.inCounty);
      for (const c of res.json().children as Array<{ code: string }>) expect(isWithin(c.code, ctx.role.home)).toBe(true);
    },
  },
  'GET /api/v1/coverage/uncovered': {
    out: 'refuse',
    build: async (_ctx, _where, county) => ({ inject: { url: `/api/v1/coverage/uncovered?kind=station&regionCode=${county}` } }),
    checkIn: (res, ctx) => {
      for (const i of res.json().items as Array<{ code: string }>) expect(isWithin(i.code, ctx.role.inCounty)).toBe(true);
    },
  },
  'GET /api/v1/coverage/export.xlsx': {
    out: 'refuse',
    build: async (_ctx, _where, county) => ({ inject: { url: `/api/v1/coverage/export.xlsx?regionCode=${county}` } }),
    checkIn: (res) => expect(res.headers['content-type']).toContain('spreadsheetml'),
  },
};
