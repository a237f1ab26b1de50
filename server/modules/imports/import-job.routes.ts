import type { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor, Deps } from '../../context.ts';
import { DomainError } from '../../errors.ts';
import { type Access, actorOf } from '../../http/access.ts';
import { pageQuery } from '../../http/schemas.ts';
import { sendWorkbook } from '../../http/send-workbook.ts';
import { IMPORT_STATUSES } from './import-jobs.ts';

/** The routes every import shares: the upload's file, and a job's progress, row errors and commit. */

/** An import job as the API reports it. */
export const importJobSchema = z.object({
  id: z.string(),
  status: z.enum(IMPORT_STATUSES),
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

/** The .xlsx of an upload route (multipart/form-data, field file), as a stream. */
export async function uploadedWorkbook(req: FastifyRequest) {
  if (!req.isMultipart()) throw new DomainError('UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传 .xlsx 文件');
  const file = await req.file();
  if (!file) throw new DomainError('VALIDATION_FAILED', '请选择要上传的 .xlsx 文件', [{ field: 'file', message: '请选择文件' }]);
  return { file: file.file, fileName: file.filename || 'upload.xlsx' };
}

export interface ImportJobRoutes<Job> {
  /** The jobs' URL, '/api/v1/talent-imports': a job is `${url}/:id`. */
  url: string;
  tags: string[];
  access: Access;
  jobSchema: z.ZodType<Job>;
  get(deps: Deps, actor: Actor, id: string): Promise<Job>;
  errors(
    deps: Deps,
    actor: Actor,
    id: string,
    page: number,
    pageSize: number,
  ): Promise<{ items: { rowNumber: number; column: string; message: string }[]; total: number }>;
  /** Checks the job and gives the writer of its error workbook. */
  errorWorkbook(deps: Deps, actor: Actor, id: string): Promise<(out: PassThrough) => Promise<unknown>>;
  commit(deps: Deps, actor: Actor, id: string, updateExisting: boolean): Promise<Job>;
}

export function importJobRoutes<Job>(app: FastifyInstance, deps: Deps, routes: ImportJobRoutes<Job>) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { url, tags, jobSchema } = routes;
  const config = { access: routes.access };

  r.get(`${url}/:id`, {
    config,
    schema: { tags, summary: '导入任务进度与校验结果', params: jobParams, response: { 200: jobSchema } },
    handler: async (req) => routes.get(deps, actorOf(req), req.params.id),
  });

  r.get(`${url}/:id/errors`, {
    config,
    schema: {
      tags,
      summary: '校验错误明细(行号、列、错误说明)',
      params: jobParams,
      querystring: z.strictObject({ ...pageQuery }),
      response: { 200: z.object({ items: z.array(z.object({ rowNumber: z.number(), column: z.string(), message: z.string() })), total: z.number() }) },
    },
    handler: async (req) => routes.errors(deps, actorOf(req), req.params.id, req.query.page, req.query.pageSize),
  });

  r.get(`${url}/:id/errors.xlsx`, {
    config,
    schema: { tags, summary: '下载错误报告(原始行加错误说明,改正后可直接重新上传)', params: jobParams },
    handler: async (req, reply) => {
      const write = await routes.errorWorkbook(deps, actorOf(req), req.params.id);
      return sendWorkbook(reply, '导入错误报告.xlsx', write);
    },
  });

  r.post(`${url}/:id/commit`, {
    config,
    schema: {
      tags,
      summary: '确认导入全部有效行(单一事务:全部成功或全部不写入)',
      params: jobParams,
      body: z.strictObject({ updateExisting: z.boolean().default(false) }),
      response: { 200: jobSchema },
    },
    handler: async (req) => routes.commit(deps, actorOf(req), req.params.id, req.body.updateExisting),
  });
}
