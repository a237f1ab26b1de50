import { expect } from 'vitest';
import { isWithin } from '../../../domain/standards/region-code.ts';
import { agencyBody, createAgencyViaApi, insertPlatformRow } from '../../helpers/agency-fixtures.ts';
import type { Probe, ProbeCtx, ProbeRequest } from '../scope-matrix.probes.ts';

/** Scope-matrix probes of the agency and community-group routes (merged into PROBES by scope-matrix.probes.ts). */

const agencyRow = (ctx: ProbeCtx, id: string) => ctx.t.db.db.selectFrom('agencies').selectAll().where('id', '=', id).executeTakeFirst();
const groupRow = (ctx: ProbeCtx, id: string) => ctx.t.db.db.selectFrom('community_groups').selectAll().where('id', '=', id).executeTakeFirst();

/** An agency registered by the system administrator in `county`, with a unique name. */
async function freshAgency(ctx: ProbeCtx, county: string) {
  const name = `矩阵机构${ctx.next()}`;
  const d = await createAgencyViaApi(await ctx.admin(), { name, regionCode: county });
  return { id: d.id as string, name, creditCode: d.creditCode as string, target: () => agencyRow(ctx, d.id) };
}

/** The first township of a county (community groups live in townships and villages). */
async function townshipOf(ctx: ProbeCtx, county: string): Promise<string> {
  const r = await ctx.t.db.db
    .selectFrom('regions')
    .select('code')
    .where('parent_code', '=', county)
    .where('level', '=', 4)
    .where('status', '=', 'active')
    .orderBy('code')
    .executeTakeFirstOrThrow();
  return r.code;
}

/** A community group registered by the system administrator in a township of `county`. */
async function freshGroup(ctx: ProbeCtx, county: string) {
  const name = `矩阵社区组织${ctx.next()}`;
  const res = await (await ctx.admin()).request({
    method: 'POST',
    url: '/api/v1/community-groups',
    payload: { name, regionCode: await townshipOf(ctx, county), kind: 'volunteer', registration: 'filed' },
  });
  expect(res.statusCode, res.body).toBe(200);
  const id = res.json().id as string;
  return { id, name, target: () => groupRow(ctx, id) };
}

async function targetOf<T>(req: ProbeRequest): Promise<T> {
  if (!req.target) throw new Error('probe request without a target');
  return (await req.target()) as T;
}

const agencyProbe = (suffix: string, method: 'GET' | 'PATCH' | 'PUT' | 'DELETE', payload?: object): Probe => ({
  out: 'refuse',
  build: async (ctx, _where, county) => {
    const x = await freshAgency(ctx, county);
    return { inject: { method, url: `/api/v1/agencies/${x.id}${suffix}`, payload }, target: x.target, secrets: [x.name, x.creditCode] };
  },
});

const groupProbe = (method: 'GET' | 'PATCH' | 'DELETE', payload?: object): Probe => ({
  out: 'refuse',
  build: async (ctx, _where, county) => {
    const x = await freshGroup(ctx, county);
    return { inject: { method, url: `/api/v1/community-groups/${x.id}`, payload }, target: x.target, secrets: [x.name] };
  },
});

const allWithin = (codes: string[], home: string) => {
  for (const c of codes) expect(isWithin(c, home), `${c} lies outside ${home}`).toBe(true);
};

/** Routes of an agency administrator's own agency: no demo role has agency.self, so each is refused. */
const myAgencyProbe = (method: 'GET' | 'PATCH' | 'POST' | 'PUT', payload?: object, url = '/api/v1/my-agency'): Probe => ({
  build: async () => ({ inject: { method, url, payload } }),
  checkIn: (res) => expect(res.statusCode).toBe(200),
});

export const AGENCY_PROBES: Record<string, Probe> = {
  'GET /api/v1/agencies': {
    out: 'filter',
    build: async (ctx, where, county) => {
      const x = await freshAgency(ctx, county);
      return {
        inject: {
          url: where === 'in' ? `/api/v1/agencies?q=${encodeURIComponent(x.name)}&pageSize=100` : `/api/v1/agencies?regionCode=${county}&pageSize=100`,
        },
        secrets: [x.name, x.creditCode],
      };
    },
    checkIn: (res, ctx) => {
      expect(res.json().total).toBe(1);
      allWithin(
        res.json().items.map((a: { regionCode: string }) => a.regionCode),
        ctx.role.home,
      );
    },
    checkFiltered: (res) => expect(res.json()).toEqual({ items: [], total: 0 }),
  },
  'POST /api/v1/agencies': {
    out: 'refuse',
    build: async (ctx, _where, county) => {
      const body = agencyBody({ name: `矩阵新机构${ctx.next()}`, regionCode: county });
      const target = () => ctx.t.db.db.selectFrom('agencies').selectAll().where('credit_code', '=', body.creditCode).executeTakeFirst();
      return { inject: { method: 'POST', url: '/api/v1/agencies', payload: body }, target };
    },
    checkIn: async (res, _ctx, req) => expect(await targetOf(req)).toMatchObject({ id: res.json().id, credit_check_overridden: 0 }),
  },
  'GET /api/v1/agencies/:id': {
    ...agencyProbe('', 'GET'),
    checkIn: (res) => expect(res.json().name).toMatch(/^矩阵机构/),
  },
  'PATCH /api/v1/agencies/:id': {
    ...agencyProbe('', 'PATCH', { address: '矩阵修改地址' }),
    checkIn: async (_res, _ctx, req) => expect(await targetOf(req)).toMatchObject({ address: '矩阵修改地址' }),
  },
  'DELETE /api/v1/agencies/:id': {
    ...agencyProbe('', 'DELETE'),
    checkIn: async (_res, _ctx, req) => expect(await targetOf(req)).toBeUndefined(),
  },
  'PUT /api/v1/agencies/:id/staff': {
    ...agencyProbe('/staff', 'PUT', { staff: [] }),
    checkIn: (res) => expect(res.json()).toMatchObject({ staff: [], staffCount: 0 }),
  },
  'POST /api/v1/agency-pairings': {
    out: 'refuse',
    build: async (ctx, _where, county) => {
      const [a, b] = [await freshAgency(ctx, county), await freshAgency(ctx, county)];
      const target = () => ctx.t.db.db.selectFrom('agency_pairings').selectAll().where('mentor_id', '=', a.id).execute();
      return {
        inject: { method: 'POST', url: '/api/v1/agency-pairings', payload: { mentorId: a.id, menteeId: b.id, program: 'pairing', startOn: '2025-01-01' } },
        target,
        secrets: [a.name, b.name],
      };
    },
    checkIn: async (res, _ctx, req) => expect(await targetOf(req)).toEqual([expect.objectContaining({ id: res.json().id })]),
  },
  'DELETE /api/v1/agency-pairings/:id': {
    out: 'refuse',
    build: async (ctx, _where, county) => {
      const [a, b] = [await freshAgency(ctx, county), await freshAgency(ctx, county)];
      const res = await (await ctx.admin()).request({
        method: 'POST',
        url: '/api/v1/agency-pairings',
        payload: { mentorId: a.id, menteeId: b.id, program: 'hand_in_hand', startOn: '2025-03-01' },
      });
      expect(res.statusCode, res.body).toBe(200);
      const id = res.json().id as string;
      return {
        inject: { method: 'DELETE', url: `/api/v1/agency-pairings/${id}` },
        target: () => ctx.t.db.db.selectFrom('agency_pairings').selectAll().where('id', '=', id).executeTakeFirst(),
        secrets: [a.name, b.name],
      };
    },
    checkIn: async (_res, _ctx, req) => expect(await targetOf(req)).toBeUndefined(),
  },
  'GET /api/v1/my-agency': myAgencyProbe('GET'),
  'PATCH /api/v1/my-agency': myAgencyProbe('PATCH', { address: '矩阵本机构地址' }),
  'POST /api/v1/my-agency/staff': myAgencyProbe('POST', { idNumber: '11010519491231002X', name: '矩阵人员' }, '/api/v1/my-agency/staff'),
  'PUT /api/v1/my-agency/staff': myAgencyProbe('PUT', { staff: [] }, '/api/v1/my-agency/staff'),
  'GET /api/v1/community-groups': {
    out: 'filter',
    build: async (ctx, where, county) => {
      const x = await freshGroup(ctx, county);
      return {
        inject: {
          url:
            where === 'in'
              ? `/api/v1/community-groups?q=${encodeURIComponent(x.name)}&pageSize=100`
              : `/api/v1/community-groups?regionCode=${county}&pageSize=100`,
        },
        secrets: [x.name],
      };
    },
    checkIn: (res, ctx) => {
      expect(res.json().total).toBe(1);
      allWithin(
        res.json().items.map((g: { regionCode: string }) => g.regionCode),
        ctx.role.home,
      );
    },
    checkFiltered: (res) => expect(res.json()).toEqual({ items: [], total: 0 }),
  },
  'POST /api/v1/community-groups': {
    out: 'refuse',
    build: async (ctx, _where, county) => {
      const name = `矩阵新组织${ctx.next()}`;
      const township = await townshipOf(ctx, county);
      const incubatorId = await insertPlatformRow(ctx.t, { kind: 'station', region_code: township });
      return {
        inject: {
          method: 'POST',
          url: '/api/v1/community-groups',
          payload: { name, regionCode: township, kind: 'charity', registration: 'registered', incubatorId },
        },
        target: () => ctx.t.db.db.selectFrom('community_groups').selectAll().where('name', '=', name).executeTakeFirst(),
      };
    },
    checkIn: async (res, _ctx, req) => expect(await targetOf(req)).toMatchObject({ id: res.json().id, kind: 'charity' }),
  },
  'GET /api/v1/community-groups/:id': {
    ...groupProbe('GET'),
    checkIn: (res) => expect(res.json().name).toMatch(/^矩阵社区组织/),
  },
  'PATCH /api/v1/community-groups/:id': {
    ...groupProbe('PATCH', { members: 42 }),
    checkIn: async (_res, _ctx, req) => expect(await targetOf(req)).toMatchObject({ members: 42 }),
  },
  'DELETE /api/v1/community-groups/:id': {
    ...groupProbe('DELETE'),
    checkIn: async (_res, _ctx, req) => expect(await targetOf(req)).toBeUndefined(),
  },
};
