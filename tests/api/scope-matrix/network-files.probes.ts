import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { creditCheckChar } from '../../../domain/standards/credit-code.ts';
import { headerText } from '../../../server/io/xlsx/network-column.ts';
import { PLATFORM_COLUMNS } from '../../../server/io/xlsx/platform-columns.ts';
import { waitForNetworkImport } from '../../../server/modules/network/network-import.service.ts';
import { multipartFile } from '../../helpers/multipart.ts';
import { xlsxText } from '../../helpers/talent-fixtures.ts';
import type { Probe, ProbeCtx } from '../scope-matrix.probes.ts';

/** Scope-matrix probes of the network-files routes (merged into PROBES by scope-matrix.probes.ts). */

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 5)]);

/** A county hub (the platform kind that sits at a county) created by the system administrator. */
async function freshPlatform(ctx: ProbeCtx, county: string) {
  const name = `矩阵阵地${ctx.next()}`;
  const res = await (await ctx.admin()).request({ method: 'POST', url: '/api/v1/platforms', payload: { kind: 'county_hub', name, regionCode: county } });
  expect(res.statusCode, res.body).toBe(200);
  const id = res.json().id as string;
  return { id, name, target: () => ctx.t.db.db.selectFrom('platforms').selectAll().where('id', '=', id).executeTakeFirst() };
}

async function freshAgency(ctx: ProbeCtx, county: string) {
  const n = ctx.next();
  const name = `矩阵机构${n}`;
  const first17 = `52${county.slice(0, 6)}MJ${String(n).padStart(7, '0')}`;
  const res = await (await ctx.admin()).request({
    method: 'POST',
    url: '/api/v1/agencies',
    payload: { name, creditCode: first17 + creditCheckChar(first17), regionCode: county },
  });
  expect(res.statusCode, res.body).toBe(200);
  return { name };
}

async function freshGroup(ctx: ProbeCtx, county: string) {
  const name = `矩阵组织${ctx.next()}`;
  const town = await ctx.t.db.db.selectFrom('regions').select('code').where('parent_code', '=', county).orderBy('code').executeTakeFirstOrThrow();
  const res = await (await ctx.admin()).request({
    method: 'POST',
    url: '/api/v1/community-groups',
    payload: { name, regionCode: town.code, kind: 'volunteer', registration: 'filed' },
  });
  expect(res.statusCode, res.body).toBe(200);
  return { name };
}

async function photoOf(ctx: ProbeCtx, platformId: string) {
  const res = await (await ctx.admin()).request({ method: 'POST', url: `/api/v1/platforms/${platformId}/photos`, ...multipartFile(PNG, 'matrix.png') });
  expect(res.statusCode, res.body).toBe(200);
  const photoId = res.json().id as string;
  return { photoId, row: () => ctx.t.db.db.selectFrom('platform_photos').selectAll().where('id', '=', photoId).executeTakeFirst() };
}

/** A platform-import workbook: one county hub row in `county` and, with `bad`, one row of an unknown kind. */
async function platformWorkbook(rows: { name: string; regionCode: string; kind?: string }[]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('阵地信息');
  ws.addRow(PLATFORM_COLUMNS.map(headerText));
  for (const r of rows)
    ws.addRow(
      PLATFORM_COLUMNS.map((c) => (c.key === 'kind' ? (r.kind ?? '社工总站') : c.key === 'name' ? r.name : c.key === 'regionCode' ? r.regionCode : null)),
    );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const jobRow = (ctx: ProbeCtx, id: string) => ctx.t.db.db.selectFrom('import_jobs').selectAll().where('id', '=', id).executeTakeFirst();

/** An uploaded, validated platform import; an out-of-scope job is one the system administrator uploaded. */
async function freshImport(ctx: ProbeCtx, where: 'in' | 'out', county: string, bad = false) {
  const s = where === 'in' ? await ctx.session() : await ctx.admin();
  const name = `矩阵导入阵地${ctx.next()}`;
  const rows: { name: string; regionCode: string; kind?: string }[] = [{ name, regionCode: county }];
  if (bad) rows.push({ name: `${name}错`, regionCode: county, kind: '城堡' });
  const res = await s.request({ method: 'POST', url: '/api/v1/network-imports/platforms', ...multipartFile(await platformWorkbook(rows), 'matrix.xlsx') });
  expect(res.statusCode, res.body).toBe(200);
  const id = res.json().id as string;
  await waitForNetworkImport(id);
  expect((await jobRow(ctx, id))?.status).toBe('validated');
  return {
    id,
    name,
    target: async () => [await jobRow(ctx, id), await ctx.t.db.db.selectFrom('platforms').select('id').where('name', '=', name).executeTakeFirst()],
  };
}

const importProbe = (suffix: string, method: 'GET' | 'POST', bad: boolean, payload?: object): Probe => ({
  out: 'refuse',
  build: async (ctx, where, county) => {
    const job = await freshImport(ctx, where, county, bad);
    return { inject: { method, url: `/api/v1/network-imports/${job.id}${suffix}`, payload }, target: job.target, secrets: [job.name] };
  },
});

const templateProbe = (segment: string, header: string): Probe => ({
  build: async () => ({ inject: { url: `/api/v1/${segment}/template.xlsx` } }),
  checkIn: (res) => {
    expect(res.headers['content-type']).toContain(XLSX_TYPE);
    expect(xlsxText(res.rawPayload)).toContain(header);
  },
});

/** Exports: in scope the fresh record is there; for another county's region filter the answer holds none of it. */
const exportProbe = (segment: string, make: (ctx: ProbeCtx, county: string) => Promise<{ name: string }>, pattern: RegExp): Probe => ({
  out: 'filter',
  build: async (ctx, where, county) => {
    const x = await make(ctx, county);
    const query = where === 'in' ? `q=${encodeURIComponent(x.name)}` : `regionCode=${county}`;
    return { inject: { url: `/api/v1/${segment}/export.xlsx?${query}` }, secrets: [x.name] };
  },
  checkIn: (res: LightMyRequestResponse) => {
    expect(res.headers['content-type']).toContain(XLSX_TYPE);
    expect(xlsxText(res.rawPayload)).toMatch(pattern);
  },
  // The body is compressed: look inside for the out-of-scope record.
  checkFiltered: (res) => expect(xlsxText(res.rawPayload)).not.toMatch(pattern),
});

const uploadProbe = (segment: string): Probe => ({
  // Own upload: rows are checked one by one (tests/api/network-import.test.ts); there is no target.
  build: async (ctx, _where, county) => {
    const file = await platformWorkbook([{ name: `矩阵上传${ctx.next()}`, regionCode: county }]);
    return { inject: { method: 'POST', url: `/api/v1/network-imports/${segment}`, ...multipartFile(file, 'matrix.xlsx') } };
  },
  checkIn: async (res, ctx) => {
    const id = res.json().id as string;
    await waitForNetworkImport(id);
    const job = (await (await ctx.session()).request({ url: `/api/v1/network-imports/${id}` })).json();
    expect(job.status).toBe(segment === 'platforms' ? 'validated' : 'failed');
  },
});

export const NETWORK_FILES_PROBES: Record<string, Probe> = {
  'GET /api/v1/platforms/template.xlsx': templateProbe('platforms', '阵地类型'),
  'GET /api/v1/agencies/template.xlsx': templateProbe('agencies', '统一社会信用代码'),
  'GET /api/v1/community-groups/template.xlsx': templateProbe('community-groups', '孵化社工站'),
  'GET /api/v1/platforms/export.xlsx': exportProbe('platforms', freshPlatform, /矩阵阵地\d+/),
  'GET /api/v1/agencies/export.xlsx': exportProbe('agencies', freshAgency, /矩阵机构\d+/),
  'GET /api/v1/community-groups/export.xlsx': exportProbe('community-groups', freshGroup, /矩阵组织\d+/),
  'POST /api/v1/network-imports/platforms': uploadProbe('platforms'),
  // A platform workbook given to the other registers: no known header row, so the job fails with a message.
  'POST /api/v1/network-imports/agencies': uploadProbe('agencies'),
  'POST /api/v1/network-imports/community-groups': uploadProbe('community-groups'),
  'GET /api/v1/network-imports/:id': {
    ...importProbe('', 'GET', false),
    checkIn: (res) => expect(res.json()).toMatchObject({ status: 'validated', kind: 'platform', fileName: 'matrix.xlsx' }),
  },
  'GET /api/v1/network-imports/:id/errors': {
    ...importProbe('/errors', 'GET', true),
    checkIn: (res) => expect(res.json()).toMatchObject({ total: 1, items: [expect.objectContaining({ rowNumber: 3, column: '阵地类型' })] }),
  },
  'GET /api/v1/network-imports/:id/errors.xlsx': {
    ...importProbe('/errors.xlsx', 'GET', true),
    checkIn: (res) => expect(xlsxText(res.rawPayload)).toMatch(/矩阵导入阵地\d+错/),
  },
  'POST /api/v1/network-imports/:id/commit': {
    ...importProbe('/commit', 'POST', false, {}),
    checkIn: async (res, _ctx, req) => {
      await waitForNetworkImport(res.json().id);
      const [job, platform] = ((await req.target?.()) ?? []) as [{ status: string }, { id: string } | undefined];
      expect(job.status).toBe('done');
      expect(platform).toBeDefined();
    },
  },
  'POST /api/v1/platforms/:id/photos': {
    out: 'refuse',
    build: async (ctx, _where, county) => {
      const p = await freshPlatform(ctx, county);
      return { inject: { method: 'POST', url: `/api/v1/platforms/${p.id}/photos`, ...multipartFile(PNG, 'matrix.png') }, target: p.target, secrets: [p.name] };
    },
    checkIn: (res) => expect(res.json()).toMatchObject({ mime: 'image/png', size: PNG.length }),
  },
  'GET /api/v1/platforms/:id/photos/:photoId': {
    out: 'refuse',
    build: async (ctx, _where, county) => {
      const p = await freshPlatform(ctx, county);
      const photo = await photoOf(ctx, p.id);
      return { inject: { url: `/api/v1/platforms/${p.id}/photos/${photo.photoId}` }, target: photo.row, secrets: [p.name] };
    },
    checkIn: (res) => {
      expect(res.headers['content-type']).toBe('image/png');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    },
  },
  'DELETE /api/v1/platforms/:id/photos/:photoId': {
    out: 'refuse',
    build: async (ctx, _where, county) => {
      const p = await freshPlatform(ctx, county);
      const photo = await photoOf(ctx, p.id);
      return { inject: { method: 'DELETE', url: `/api/v1/platforms/${p.id}/photos/${photo.photoId}` }, target: photo.row, secrets: [p.name] };
    },
    checkIn: async (_res, _ctx, req) => expect(await req.target?.()).toBeUndefined(),
  },
};
