import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hasPermission } from '../../../domain/auth/roles.ts';
import { talentFilterShape } from '../../../domain/talents/talent-query.schema.ts';
import type { Deps } from '../../context.ts';
import { DomainError } from '../../errors.ts';
import { actorOf } from '../../http/access.ts';
import { regionCodeSchema } from '../../http/schemas.ts';
import { sendWorkbook } from '../../http/send-workbook.ts';
import { importJobRoutes, importJobSchema, uploadedWorkbook } from '../imports/import-job.routes.ts';
import { failInterruptedImports, MAX_IMPORT_BYTES } from '../imports/import-jobs.ts';
import { analyticsWorkbook, exportTalents, writeTemplate } from './talent-export.service.ts';
import * as imports from './talent-import.service.ts';

export async function talentFileRoutes(app: FastifyInstance, deps: Deps) {
  // Multipart is parsed only on these routes (an encapsulated plugin): everywhere else it stays a 415.
  await app.register(async (scoped) => {
    await scoped.register(multipart, { limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 5 } });
    await fileRoutes(scoped, deps);
  });
}

async function fileRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = { access: { permission: 'talent.read' as const } };
  const manage = { access: { permission: 'talent.manage' as const } };
  const tags = ['人才库导入导出'];
  // Once at start-up, for the jobs of every import (the network registers' too).
  await failInterruptedImports(deps);

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
      response: { 200: importJobSchema },
    },
    handler: async (req) => {
      const { file, fileName } = await uploadedWorkbook(req);
      return imports.startImport(deps, actorOf(req), file, fileName);
    },
  });

  importJobRoutes(app, deps, {
    url: '/api/v1/talent-imports',
    tags,
    access: manage.access,
    jobSchema: importJobSchema,
    get: imports.getImport,
    errors: imports.importErrors,
    errorWorkbook: imports.importErrorWorkbook,
    commit: imports.commitImport,
  });
}
