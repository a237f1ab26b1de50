import { expect } from 'vitest';
import { isWithin } from '../../../domain/standards/region-code.ts';
import { GUIZHOU_DEFAULT_RULES } from '../../../domain/talents/key-talent-rules.ts';
import { userByName } from '../../helpers/fixtures.ts';
import { createTalentViaApi, insertSubmission, insertTransfer, talentBody, talentRowByIdNumber, talentState, training } from '../../helpers/talent-fixtures.ts';
import type { Probe, ProbeCtx, ProbeRequest } from '../scope-matrix.probes.ts';

/**
 * Scope-matrix probes of the talent routes: records, accounts, analytics, key-talent rules,
 * duplicates, transfers, submissions and self-service (merged into PROBES by scope-matrix.probes.ts).
 * The talent file routes (template, exports, imports) are in talent-files.probes.ts.
 */

const allWithin = (codes: string[], home: string) => {
  for (const c of codes) expect(isWithin(c, home), `${c} lies outside ${home}`).toBe(true);
};

/** What a probe's target reads now (probes with a checkIn that reads it always have one). */
export async function targetOf<T>(req: ProbeRequest): Promise<T> {
  if (!req.target) throw new Error('probe request without a target');
  return (await req.target()) as T;
}

/** A talent registered through the API by the system administrator in `county`, with a unique name. */
export async function freshTalent(ctx: ProbeCtx, county: string, overrides: Record<string, unknown> = {}) {
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

export const TALENT_PROBES: Record<string, Probe> = {
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
};
