import { expect } from 'vitest';
import { waitForImport } from '../../../server/modules/talents/talent-import.service.ts';
import { multipartFile } from '../../helpers/multipart.ts';
import { importWorkbook, newIdNumber, talentRowByIdNumber, xlsxText } from '../../helpers/talent-fixtures.ts';
import type { Probe, ProbeCtx } from '../scope-matrix.probes.ts';
import { freshTalent, targetOf } from './talent.probes.ts';

/** Scope-matrix probes of the talent file routes: template, exports and imports (merged into PROBES by scope-matrix.probes.ts). */

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

export const TALENT_FILES_PROBES: Record<string, Probe> = {
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
