import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hasPermission } from '../../../domain/auth/roles.ts';
import { talentFilterShape } from '../../../domain/talents/talent-query.schema.ts';
import type { Deps } from '../../context.ts';
import { DomainError } from '../../errors.ts';
import { actorOf } from '../../http/access.ts';
import { pageQuery, regionCodeSchema } from '../../http/schemas.ts';
import { sendWorkbook } from '../../http/send-workbook.ts';
import { analyticsWorkbook, exportTalents, writeTemplate } from './talent-export.service.ts';
import * as imports from './talent-import.service.ts';

const jobSchema = z.object({
  id: z.string(),
  status: z.enum(['validating', 'validated', 'failed', 'committing', 'done']),
  fileName: z.string(),
  processedRows: z.number(),
  totalRows: z.number().nullable(),
  counts: z.object({
    rows: z.number(),
    new: z.number(),
    update: z.number(),
    invalid: z.number(),
    created: z.number(),
    updated: z.number(),
    skipped: z.number(),
  }),
  updateExisting: z.boolean(),
  message: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
const jobParams = z.strictObject({ id: z.uuid('导入任务编号格式不正确') });

export async function talentFileRoutes(app: FastifyInstance, deps: Deps) {
  // Multipart is parsed only on these routes (an encapsulated plugin): everywhere else it stays a 415.
  await app.register(async (scoped) => {
    await scoped.register(multipart, { limits: { fileSize: imports.MAX_IMPORT_BYTES, files: 1, fields: 5 } });
    await fileRoutes(scoped, deps);
  });
}

async function fileRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = { access: { permission: 'talent.read' as const } };
  const manage = { access: { permission: 'talent.manage' as const } };
  const tags = ['人才库导入导出'];
  await imports.failInterruptedImports(deps);

  r.get('/api/v1/talents/template.xlsx', {
    config: manage,
    schema: { tags, summary: '下载人才导入模板(含填写说明与下拉选项)' },
    handler: async (_req, reply) => sendWorkbook(reply, '社会工作人才导入模板.xlsx', (out) => writeTemplate(out)),
  });

  r.get('/api/v1/talents/export.xlsx', {
    config: read,
    schema: {
      tags,
      summary: '导出人才列表(与列表筛选条件一致;reveal=true 导出完整身份证号与电话,须有查看权限,记入审计日志)',
      querystring: z.strictObject({ ...talentFilterShape, reveal: z.enum(['true', 'false']).optional() }),
    },
    handler: async (req, reply) => {
      const actor = actorOf(req);
      const { reveal, ...filter } = req.query;
      if (reveal === 'true' && !hasPermission(actor.role, 'talent.reveal')) throw new DomainError('FORBIDDEN', '您的角色不能导出完整身份证号码');
      return sendWorkbook(reply, `社会工作人才名册_${new Date().toISOString().slice(0, 10)}.xlsx`, (out) =>
        exportTalents(deps, actor, filter, reveal === 'true', out),
      );
    },
  });

  r.get('/api/v1/talent-analytics/export.xlsx', {
    config: read,
    schema: { tags, summary: '导出人才结构分析表', querystring: z.strictObject({ regionCode: regionCodeSchema.optional() }) },
    handler: async (req, reply) => {
      const book = await analyticsWorkbook(deps, actorOf(req).scope, req.query.regionCode);
      return sendWorkbook(reply, book.fileName, book.write);
    },
  });

  r.post('/api/v1/talent-imports', {
    config: manage,
    schema: {
      tags,
      summary: '上传人才导入文件(multipart/form-data,字段 file,.xlsx,≤50 MB);返回校验任务',
      consumes: ['multipart/form-data'],
      response: { 200: jobSchema },
    },
    handler: async (req) => {
      if (!req.isMultipart()) throw new DomainError('UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传 .xlsx 文件');
      const file = await req.file();
      if (!file) throw new DomainError('VALIDATION_FAILED', '请选择要上传的 .xlsx 文件', [{ field: 'file', message: '请选择文件' }]);
      return imports.startImport(deps, actorOf(req), file.file, file.filename || 'upload.xlsx');
    },
  });

  r.get('/api/v1/talent-imports/:id', {
    config: manage,
    schema: { tags, summary: '导入任务进度与校验结果', params: jobParams, response: { 200: jobSchema } },
    handler: async (req) => imports.getImport(deps, actorOf(req), req.params.id),
  });

  r.get('/api/v1/talent-imports/:id/errors', {
    config: manage,
    schema: {
      tags,
      summary: '校验错误明细(行号、列、错误说明)',
      params: jobParams,
      querystring: z.strictObject({ ...pageQuery }),
      response: { 200: z.object({ items: z.array(z.object({ rowNumber: z.number(), column: z.string(), message: z.string() })), total: z.number() }) },
    },
    handler: async (req) => imports.importErrors(deps, actorOf(req), req.params.id, req.query.page, req.query.pageSize),
  });

  r.get('/api/v1/talent-imports/:id/errors.xlsx', {
    config: manage,
    schema: { tags, summary: '下载错误报告(原始行加错误说明,改正后可直接重新上传)', params: jobParams },
    handler: async (req, reply) => {
      const actor = actorOf(req);
      await imports.getImport(deps, actor, req.params.id);
      return sendWorkbook(reply, '导入错误报告.xlsx', (out) => imports.writeImportErrorWorkbook(deps, actor, req.params.id, out));
    },
  });

  r.post('/api/v1/talent-imports/:id/commit', {
    config: manage,
    schema: {
      tags,
      summary: '确认导入全部有效行(单一事务:全部成功或全部不写入)',
      params: jobParams,
      body: z.strictObject({ updateExisting: z.boolean().default(false) }),
      response: { 200: jobSchema },
    },
    handler: async (req) => imports.commitImport(deps, actorOf(req), req.params.id, req.body.updateExisting),
  });
}
