import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { isWithin } from '../../domain/standards/region-code.ts';
import { GUIZHOU_DEFAULT_RULES } from '../../domain/talents/key-talent-rules.ts';
import { DEMO_PASSWORD } from '../../server/demo/demo-data.ts';
import { waitForImport } from '../../server/modules/talents/talent-import.service.ts';
import { insertUser, regionRow, userByName, userRow } from '../helpers/fixtures.ts';
import { multipartFile } from '../helpers/multipart.ts';
import {
  createTalentViaApi,
  importWorkbook,
  insertSubmission,
  insertTransfer,
  newIdNumber,
  talentBody,
  talentRowByIdNumber,
  talentState,
  training,
  xlsxText,
} from '../helpers/talent-fixtures.ts';
import type { Session, TestApp } from '../helpers/test-app.ts';
import { AGENCY_PROBES } from './scope-matrix/agency.probes.ts';
import { NETWORK_FILES_PROBES } from './scope-matrix/network-files.probes.ts';
import { PLATFORM_PROBES } from './scope-matrix/platform.probes.ts';
import { PUBLIC_PROBES } from './scope-matrix/public.probes.ts';

/**
 * The probe table of tests/api/scope-matrix.test.ts: for every /api/v1 route (keyed `METHOD /url`
 * exactly as registered), how to build an in-scope request and, where the route has a target, an
 * out-of-scope one. A route added without a probe here fails the matrix.
 */

export interface DemoRole {
  username: string;
  role: string;
  /** The user's scope root. */
  home: string;
  /** A county inside the scope (targets of in-scope requests are created there). */
  inCounty: string;
  /** A county outside the scope, or null for the system administrator (nothing is outside). */
  outCounty: string | null;
}

export const DEMO_ROLES: DemoRole[] = [
  { username: 'admin', role: 'system_admin', home: '000000000000', inCounty: '520102000000', outCounty: null },
  { username: 'guizhou', role: 'province_admin', home: '520000000000', inCounty: '520102000000', outCounty: '530102000000' },
  { username: 'guiyang', role: 'city_admin', home: '520100000000', inCounty: '520102000000', outCounty: '520201000000' },
  { username: 'nanming', role: 'county_admin', home: '520102000000', inCounty: '520102000000', outCounty: '520103000000' },
  { username: 'yunyan', role: 'county_admin', home: '520103000000', inCounty: '520103000000', outCounty: '520102000000' },
  { username: 'nanming-staff', role: 'staff', home: '520102000000', inCounty: '520102000000', outCounty: '520103000000' },
];

/** Names of the out-of-scope counties, searched for by the region search probe. */
export const COUNTY_NAMES: Record<string, string> = {
  '530102000000': '五华',
  '520201000000': '钟山',
  '520103000000': '云岩',
  '520102000000': '南明',
};

export interface ProbeCtx {
  t: TestApp;
  role: DemoRole;
  /** The role's long-lived session. */
  session(): Promise<Session>;
  /** The system administrator's long-lived session (sets up targets through the API). */
  admin(): Promise<Session>;
  /** Forget the cached session (after a probe ended it). */
  dropSession(): void;
  /** A number unique within the test app, for fresh usernames and region codes. */
  next(): number;
}

export interface ProbeRequest {
  inject: InjectOptions;
  /** Send as this session instead of the role's long-lived one. */
  as?: Session;
  /** Reads the target; a refused request must leave it as it was. */
  target?: () => Promise<unknown>;
  /** Strings that a refused or filtered answer must not contain. */
  secrets?: string[];
}

export interface Probe {
  /** Builds the request; `out` is only asked for when the probe has an `out` mode. */
  build(ctx: ProbeCtx, where: 'in' | 'out', county: string): Promise<ProbeRequest>;
  /**
   * What an out-of-scope request gets: 'refuse' (403 SCOPE_FORBIDDEN or 404) or 'filter' (200 with
   * nothing outside the scope). Absent: the route has no target (own session, own scope).
   */
  out?: 'refuse' | 'filter';
  /** Checks of a successful in-scope answer. */
  checkIn?(res: LightMyRequestResponse, ctx: ProbeCtx, req: ProbeRequest): Promise<void> | void;
  /** Checks of a filtered out-of-scope answer (besides 200 and no secrets). */
  checkFiltered?(res: LightMyRequestResponse, ctx: ProbeCtx): void;
  /** Runs after the in-scope request succeeded (restore what it changed). */
  after?(ctx: ProbeCtx, req: ProbeRequest): Promise<void>;
}

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

/** What a probe's target reads now (probes with a checkIn that reads it always have one). */
async function targetOf<T>(req: ProbeRequest): Promise<T> {
  if (!req.target) throw new Error('probe request without a target');
  return (await req.target()) as T;
}

/** A talent registered through the API by the system administrator in `county`, with a unique name. */
async function freshTalent(ctx: ProbeCtx, county: string, overrides: Record<string, unknown> = {}) {
  const name = `矩阵人才${ctx.next()}`;
  const d = await createTalentViaApi(await ctx.admin(), { name, regionCode: county, ...overrides });
  return { id: d.id as string, name, idNumber: d._idNumber as string, target: () => talentState(ctx.t, d.id) };
}

/** Two records of one person (same name, birth date and region, two ID numbers): a duplicate suspect pair. */
async function freshTwins(ctx: ProbeCtx, county: string) {
  const name = `矩阵重复${ctx.next()}`;
  const admin = await ctx.admin();
  const a = await createTalentViaApi(admin, { name, regionCode: county }, { birthDate: '1981-01-01', sex: 1 });
  const b = await createTalentViaApi(admin, { name, regionCode: county }, { birthDate: '1981-01-01', sex: 1 });
  return { name, a: a.id as string, b: b.id as string, target: () => Promise.all([talentState(ctx.t, a.id), talentState(ctx.t, b.id)]) };
}

const transferRow = (ctx: ProbeCtx, id: string) => ctx.t.db.db.selectFrom('talent_transfers').selectAll().where('id', '=', id).executeTakeFirst();
const submissionRow = (ctx: ProbeCtx, id: string) => ctx.t.db.db.selectFrom('talent_submissions').selectAll().where('id', '=', id).executeTakeFirst();
const provinceOf = (code: string) => `${code.slice(0, 2)}0000000000`;
/** Where an approved test transfer moves a talent: another county than the one it comes from. */
const elsewhereThan = (county: string) => (county === '520103000000' ? '520102000000' : '520103000000');

const talentProbe = (suffix: string, method: 'GET' | 'PATCH' | 'POST' | 'DELETE', payload?: object): Probe => ({
  out: 'refuse',
  build: async (ctx, _where, county) => {
    const x = await freshTalent(ctx, county);
    return { inject: { method, url: `/api/v1/talents/${x.id}${suffix}`, payload }, target: x.target, secrets: [x.name, x.idNumber] };
  },
});

/** The transfer-decision probes: a pending transfer of a talent of `county`, decided by the role. */
const transferDecision = (what: 'approve' | 'reject'): Probe => ({
  out: 'refuse',
  build: async (ctx, _where, county) => {
    const x = await freshTalent(ctx, county);
    const id = await insertTransfer(ctx.t, x.id, elsewhereThan(county));
    return {
      inject: { method: 'POST', url: `/api/v1/talent-transfers/${id}/${what}`, payload: { note: '矩阵审核' } },
      target: async () => [await transferRow(ctx, id), await x.target()],
      secrets: [x.name],
    };
  },
  checkIn: async (res, _ctx, req) => {
    const [transfer, talent] = await targetOf<[{ status: string; from_region: string; to_region: string }, { row: { region_code: string } }]>(req);
    expect(res.json().status).toBe(what === 'approve' ? 'approved' : 'rejected');
    expect(transfer.status).toBe(res.json().status);
    expect(talent.row.region_code).toBe(what === 'approve' ? transfer.to_region : transfer.from_region);
  },
});

/** The submission-decision probes: a pending training submission of a talent of `county`. */
const submissionDecision = (what: 'approve' | 'reject'): Probe => ({
  out: 'refuse',
  build: async (ctx, _where, county) => {
    const x = await freshTalent(ctx, county);
    const id = await insertSubmission(ctx.t, x.id, 'training');
    return {
      inject: { method: 'POST', url: `/api/v1/talent-submissions/${id}/${what}`, payload: {} },
      target: async () => [await submissionRow(ctx, id), await x.target()],
      secrets: [x.name],
    };
  },
  checkIn: async (res, _ctx, req) => {
    const [submission, talent] = await targetOf<[{ status: string }, { trainings: unknown[] }]>(req);
    expect(res.json().status).toBe(what === 'approve' ? 'approved' : 'rejected');
    expect(submission.status).toBe(res.json().status);
    expect(talent.trainings).toHaveLength(what === 'approve' ? 1 : 0);
  },
});

/** Self-service routes: only a social worker bound to a talent has talent.self (no demo role does). */
const selfProbe = (method: 'GET' | 'PATCH' | 'POST', url: string, payload?: object): Probe => ({
  build: async () => ({ inject: { method, url, payload } }),
  checkIn: (res) => expect(res.statusCode).toBe(200),
});

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const importJobRow = (ctx: ProbeCtx, id: string) => ctx.t.db.db.selectFrom('import_jobs').selectAll().where('id', '=', id).executeTakeFirst();

/**
 * An import job, uploaded and validated: one valid row in `county` and, with `bad`, one row with a
 * wrong check character. Import jobs belong to the user who uploaded them, so an out-of-scope job
 * is one the system administrator uploaded (the role never sees it).
 */
async function freshImport(ctx: ProbeCtx, where: 'in' | 'out', county: string, bad = false) {
  const s = where === 'in' ? await ctx.session() : await ctx.admin();
  const name = `矩阵导入${ctx.next()}`;
  const idNumber = newIdNumber();
  const rows: Array<Record<string, unknown>> = [{ name, idNumber, regionCode: county, categories: '实务人才' }];
  if (bad)
    rows.push({ name: `${name}错`, idNumber: `${idNumber.slice(0, 17)}${idNumber[17] === '1' ? '2' : '1'}`, regionCode: county, categories: '实务人才' });
  const res = await s.request({ method: 'POST', url: '/api/v1/talent-imports', ...multipartFile(await importWorkbook(rows), 'matrix.xlsx') });
  expect(res.statusCode, res.body).toBe(200);
  const id = res.json().id as string;
  await waitForImport(id);
  expect((await importJobRow(ctx, id))?.status).toBe('validated');
  return { id, name, idNumber, target: async () => [await importJobRow(ctx, id), await talentRowByIdNumber(ctx.t, idNumber)] };
}

const importProbe = (suffix: string, method: 'GET' | 'POST', bad: boolean, payload?: object): Probe => ({
  out: 'refuse',
  build: async (ctx, where, county) => {
    const job = await freshImport(ctx, where, county, bad);
    return { inject: { method, url: `/api/v1/talent-imports/${job.id}${suffix}`, payload }, target: job.target, secrets: [job.name, job.idNumber] };
  },
});

/** Probes of the network and organisation routes live beside this file, one file per route group. */
const MODULE_PROBES: Record<string, Probe> = { ...PLATFORM_PROBES, ...AGENCY_PROBES, ...NETWORK_FILES_PROBES, ...PUBLIC_PROBES };

export const PROBES: Record<string, Probe> = {
  ...MODULE_PROBES,
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
  'GET /api/v1/talents': {
    out: 'filter',
    build: async (ctx, where, county) => {
      const x = await freshTalent(ctx, county);
      return {
        inject: { url: where === 'in' ? `/api/v1/talents?q=${encodeURIComponent(x.name)}&pageSize=100` : `/api/v1/talents?regionCode=${county}&pageSize=100` },
        secrets: [x.name, x.idNumber],
      };
    },
    checkIn: (res, ctx) => {
      expect(res.json().total).toBe(1);
      expect(res.json().items[0].name).toMatch(/^矩阵人才/);
      expect(res.body).not.toMatch(/\d{17}[\dX]/);
      allWithin(
        res.json().items.map((i: { regionCode: string }) => i.regionCode),
        ctx.role.home,
      );
    },
    checkFiltered: (res) => expect(res.json()).toEqual({ items: [], total: 0, totalCapped: false }),
  },
  'POST /api/v1/talents': {
    out: 'refuse',
    build: async (ctx, _where, county) => {
      const body = talentBody({ name: `矩阵新人才${ctx.next()}`, regionCode: county });
      return { inject: { method: 'POST', url: '/api/v1/talents', payload: body }, target: () => talentRowByIdNumber(ctx.t, body.idNumber as string) };
    },
    checkIn: async (res, ctx, req) => {
      expect(await req.target?.()).toMatchObject({ region_code: ctx.role.inCounty, name: res.json().name });
      expect(res.body).not.toContain((req.inject.payload as { idNumber: string }).idNumber);
    },
  },
  'GET /api/v1/talents/:id': {
    ...talentProbe('', 'GET'),
    checkIn: (res, ctx) => expect(res.json()).toMatchObject({ name: expect.stringMatching(/^矩阵人才/), regionCode: ctx.role.inCounty }),
  },
  'PATCH /api/v1/talents/:id': {
    ...talentProbe('', 'PATCH', { employer: '矩阵改单位' }),
    checkIn: async (_res, _ctx, req) => expect(await req.target?.()).toMatchObject({ row: { employer: '矩阵改单位' } }),
  },
  'DELETE /api/v1/talents/:id': {
    ...talentProbe('', 'DELETE'),
    checkIn: async (_res, _ctx, req) => expect(await req.target?.()).toBeUndefined(),
  },
  'POST /api/v1/talents/:id/reveal': {
    ...talentProbe('/reveal', 'POST'),
    checkIn: async (res, ctx, req) => {
      expect(res.json().idNumber).toMatch(/^\d{17}[\dX]$/);
      expect(res.json().idNumber).toBe(ctx.t.deps.crypto.decrypt((await targetOf<{ row: { id_enc: string } }>(req)).row.id_enc));
    },
  },
  'GET /api/v1/talents/:id/history': {
    ...talentProbe('/history', 'GET'),
    checkIn: (res) => expect(res.json().items.map((e: { action: string }) => e.action)).toEqual(['create']),
  },
  'POST /api/v1/talents/:id/account': {
    out: 'refuse',
    build: async (ctx, _where, county) => {
      const x = await freshTalent(ctx, county);
      const username = `matrix-sw-${ctx.next()}`;
      return {
        inject: { method: 'POST', url: `/api/v1/talents/${x.id}/account`, payload: { username } },
        target: async () => [await userByName(ctx.t, username), await x.target()],
        secrets: [x.name],
      };
    },
    checkIn: async (res, ctx, req) => {
      expect(res.json().initialPassword).toMatch(/^.{12}$/);
      const [user] = await targetOf<[{ role: string; bound_entity_type: string; region_code: string }]>(req);
      expect(user).toMatchObject({ role: 'social_worker', bound_entity_type: 'talent', region_code: ctx.role.inCounty });
    },
  },
  'GET /api/v1/talent-analytics': {
    out: 'refuse',
    build: async (_ctx, _where, county) => ({ inject: { url: `/api/v1/talent-analytics?regionCode=${county}` } }),
    checkIn: (res, ctx) => expect(res.json().region.code).toBe(ctx.role.inCounty),
  },
  'GET /api/v1/key-talent-rules/:provinceCode': {
    out: 'refuse',
    // In: the province the role works in. Out: the other province loaded (the county is not what matters).
    build: async (ctx, where, county) => {
      const province = where === 'in' ? provinceOf(county) : ctx.role.home.startsWith('53') ? '520000000000' : '530000000000';
      return { inject: { url: `/api/v1/key-talent-rules/${province}` } };
    },
    checkIn: (res, ctx) => {
      expect(res.json().provinceCode).toBe(provinceOf(ctx.role.inCounty));
      expect(res.json().ruleSet.rules.length).toBeGreaterThan(0);
    },
  },
  'PUT /api/v1/key-talent-rules/:provinceCode': {
    out: 'refuse',
    // The default rules saved as the province's own: the matrix changes nobody's key status.
    build: async (ctx, _where, county) => {
      const province = provinceOf(county);
      return {
        inject: { method: 'PUT', url: `/api/v1/key-talent-rules/${province}`, payload: JSON.parse(JSON.stringify(GUIZHOU_DEFAULT_RULES)) },
        target: () => ctx.t.db.db.selectFrom('key_rule_sets').selectAll().where('province_code', '=', province).executeTakeFirst(),
      };
    },
    checkIn: async (res, ctx, req) => {
      expect(res.json()).toMatchObject({ custom: true, updatedBy: ctx.role.username, recomputed: 0 });
      expect(await req.target?.()).toMatchObject({ updated_by: ctx.role.username });
    },
  },
  'GET /api/v1/talent-duplicates': {
    out: 'filter',
    build: async (ctx, _where, county) => {
      const x = await freshTwins(ctx, county);
      return { inject: { url: '/api/v1/talent-duplicates' }, secrets: [x.name, x.a, x.b] };
    },
    checkIn: (res, ctx) => {
      const items = res.json().items as Array<{ regionCode: string; a: { name: string } }>;
      expect(items.some((p) => p.a.name.startsWith('矩阵重复') && p.regionCode === ctx.role.inCounty)).toBe(true);
      allWithin(
        items.map((p) => p.regionCode),
        ctx.role.home,
      );
    },
    checkFiltered: (res, ctx) =>
      allWithin(
        res.json().items.map((p: { regionCode: string }) => p.regionCode),
        ctx.role.home,
      ),
  },
  'POST /api/v1/talent-duplicates/merge': {
    out: 'refuse',
    build: async (ctx, _where, county) => {
      const x = await freshTwins(ctx, county);
      return {
        inject: { method: 'POST', url: '/api/v1/talent-duplicates/merge', payload: { keepId: x.a, mergeId: x.b } },
        target: x.target,
        secrets: [x.name],
      };
    },
    checkIn: async (_res, _ctx, req) => {
      const [keep, gone] = await targetOf<[unknown, unknown]>(req);
      expect(keep).toBeDefined();
      expect(gone).toBeUndefined();
    },
  },
  'POST /api/v1/talent-duplicates/dismiss': {
    out: 'refuse',
    build: async (ctx, _where, county) => {
      const x = await freshTwins(ctx, county);
      const dismissals = () => ctx.t.db.db.selectFrom('talent_duplicate_dismissals').selectAll().where('a_id', 'in', [x.a, x.b]).execute();
      return {
        inject: { method: 'POST', url: '/api/v1/talent-duplicates/dismiss', payload: { aId: x.a, bId: x.b } },
        target: async () => [await dismissals(), await x.target()],
        secrets: [x.name],
      };
    },
    checkIn: async (_res, _ctx, req) => {
      const [dismissals] = await targetOf<[unknown[]]>(req);
      expect(dismissals).toHaveLength(1);
    },
  },
  'POST /api/v1/talent-transfers': {
    out: 'refuse',
    // In: a talent registered outside the role's scope, asked into the role's county. Nothing lies
    // outside the system administrator's scope, so that case is sent by the county administrator of
    // 南明 (asking in a talent of 云岩); the system administrator never needs a transfer.
    build: async (ctx, where, county) => {
      const elsewhere = where === 'out' ? county : (ctx.role.outCounty ?? '520103000000');
      const x = await freshTalent(ctx, elsewhere);
      const transfers = () => ctx.t.db.db.selectFrom('talent_transfers').selectAll().where('talent_id', '=', x.id).execute();
      return {
        inject: { method: 'POST', url: '/api/v1/talent-transfers', payload: { idNumber: x.idNumber, name: x.name, toRegionCode: county } },
        as: ctx.role.outCounty === null ? await ctx.t.login('nanming') : undefined,
        target: async () => [await transfers(), await x.target()],
        secrets: [x.idNumber],
      };
    },
    checkIn: async (res, ctx, req) => {
      expect(res.json()).toMatchObject({ status: 'pending', toRegion: ctx.role.inCounty, fromRegion: null, talentId: null });
      const [transfers] = await targetOf<[Array<{ status: string }>]>(req);
      expect(transfers.map((x) => x.status)).toEqual(['pending']);
    },
  },
  'GET /api/v1/talent-transfers': {
    out: 'filter',
    // In: transfers out of the role's county wait for its decision. Out: a transfer between places
    // outside the scope appears in neither direction (asked here: the requests into the scope).
    build: async (ctx, where, county) => {
      const x = await freshTalent(ctx, county);
      const id = await insertTransfer(ctx.t, x.id, where === 'in' ? elsewhereThan(county) : county);
      return { inject: { url: `/api/v1/talent-transfers?direction=${where === 'in' ? 'to_decide' : 'requested'}&pageSize=100` }, secrets: [x.name, id] };
    },
    checkIn: (res, ctx) => {
      const items = res.json().items as Array<{ fromRegion: string | null; talentName: string; mayDecide: boolean }>;
      expect(items.some((i) => i.talentName.startsWith('矩阵人才') && i.fromRegion === ctx.role.inCounty && i.mayDecide)).toBe(true);
      allWithin(
        items.map((i) => i.fromRegion as string),
        ctx.role.home,
      );
    },
    checkFiltered: (res, ctx) =>
      allWithin(
        res.json().items.map((i: { toRegion: string }) => i.toRegion),
        ctx.role.home,
      ),
  },
  'POST /api/v1/talent-transfers/:id/approve': transferDecision('approve'),
  'POST /api/v1/talent-transfers/:id/reject': transferDecision('reject'),
  'GET /api/v1/talent-submissions': {
    out: 'filter',
    build: async (ctx, _where, county) => {
      const x = await freshTalent(ctx, county);
      const id = await insertSubmission(ctx.t, x.id, 'training');
      return { inject: { url: '/api/v1/talent-submissions?status=pending&pageSize=100' }, secrets: [x.name, id] };
    },
    checkIn: (res, ctx) => {
      const items = res.json().items as Array<{ regionCode: string; talentName: string }>;
      expect(items.some((i) => i.talentName.startsWith('矩阵人才') && i.regionCode === ctx.role.inCounty)).toBe(true);
      allWithin(
        items.map((i) => i.regionCode),
        ctx.role.home,
      );
    },
    checkFiltered: (res, ctx) =>
      allWithin(
        res.json().items.map((i: { regionCode: string }) => i.regionCode),
        ctx.role.home,
      ),
  },
  'POST /api/v1/talent-submissions/:id/approve': submissionDecision('approve'),
  'POST /api/v1/talent-submissions/:id/reject': submissionDecision('reject'),
  'GET /api/v1/me/talent': selfProbe('GET', '/api/v1/me/talent'),
  'PATCH /api/v1/me/talent/contact': selfProbe('PATCH', '/api/v1/me/talent/contact', { phone: '13800000000' }),
  'GET /api/v1/me/talent/submissions': selfProbe('GET', '/api/v1/me/talent/submissions'),
  'POST /api/v1/me/talent/submissions': selfProbe('POST', '/api/v1/me/talent/submissions', {
    kind: 'training',
    training: training('2026-05-01', 4, '矩阵申报'),
  }),
  'GET /api/v1/talents/template.xlsx': {
    build: async () => ({ inject: { url: '/api/v1/talents/template.xlsx' } }),
    checkIn: (res) => {
      expect(res.headers['content-type']).toContain(XLSX_TYPE);
      expect(xlsxText(res.rawPayload)).toContain('身份证号码');
    },
  },
  'GET /api/v1/talents/export.xlsx': {
    out: 'filter',
    build: async (ctx, where, county) => {
      const x = await freshTalent(ctx, county);
      return {
        inject: { url: where === 'in' ? `/api/v1/talents/export.xlsx?q=${encodeURIComponent(x.name)}` : `/api/v1/talents/export.xlsx?regionCode=${county}` },
        secrets: [x.name, x.idNumber],
      };
    },
    checkIn: (res) => {
      expect(res.headers['content-type']).toContain(XLSX_TYPE);
      const text = xlsxText(res.rawPayload);
      expect(text).toMatch(/矩阵人才\d+/);
      // Masked unless reveal=true was asked for.
      expect(text).not.toMatch(/\d{17}[\dX]/);
    },
    // The body is compressed: look inside for the out-of-scope talent.
    checkFiltered: (res) => expect(xlsxText(res.rawPayload)).not.toMatch(/矩阵人才\d+/),
  },
  'GET /api/v1/talent-analytics/export.xlsx': {
    out: 'refuse',
    build: async (_ctx, _where, county) => ({ inject: { url: `/api/v1/talent-analytics/export.xlsx?regionCode=${county}` } }),
    checkIn: (res) => {
      expect(res.headers['content-type']).toContain(XLSX_TYPE);
      expect(xlsxText(res.rawPayload)).toMatch(/南明区|云岩区/);
    },
  },
  'POST /api/v1/talent-imports': {
    // Own upload: the rows' regions are checked row by row (tests/api/talent-import), there is no target.
    build: async (_ctx, _where, county) => {
      const idNumber = newIdNumber();
      return {
        inject: {
          method: 'POST',
          url: '/api/v1/talent-imports',
          ...multipartFile(await importWorkbook([{ name: '矩阵上传', idNumber, regionCode: county, categories: '实务人才' }]), 'matrix.xlsx'),
        },
      };
    },
    checkIn: async (res, ctx) => {
      const id = res.json().id as string;
      await waitForImport(id);
      const job = (await (await ctx.session()).request({ url: `/api/v1/talent-imports/${id}` })).json();
      expect(job).toMatchObject({ status: 'validated', counts: expect.objectContaining({ rows: 1, new: 1, invalid: 0 }) });
    },
  },
  'GET /api/v1/talent-imports/:id': {
    ...importProbe('', 'GET', false),
    checkIn: (res) => expect(res.json()).toMatchObject({ status: 'validated', fileName: 'matrix.xlsx' }),
  },
  'GET /api/v1/talent-imports/:id/errors': {
    ...importProbe('/errors', 'GET', true),
    checkIn: (res) => {
      expect(res.json().total).toBe(1);
      expect(res.json().items[0]).toMatchObject({ rowNumber: 3, message: expect.stringMatching(/[\u4e00-\u9fa5]/) });
    },
  },
  'GET /api/v1/talent-imports/:id/errors.xlsx': {
    ...importProbe('/errors.xlsx', 'GET', true),
    checkIn: (res) => {
      expect(res.headers['content-type']).toContain(XLSX_TYPE);
      expect(xlsxText(res.rawPayload)).toMatch(/矩阵导入\d+错/);
    },
  },
  'POST /api/v1/talent-imports/:id/commit': {
    ...importProbe('/commit', 'POST', false, {}),
    checkIn: async (res, ctx, req) => {
      await waitForImport(res.json().id);
      const [job, talent] = await targetOf<[{ status: string }, { region_code: string } | undefined]>(req);
      expect(job.status).toBe('done');
      expect(talent?.region_code).toBe(ctx.role.inCounty);
    },
  },
};
