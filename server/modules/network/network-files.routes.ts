import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Permission } from '../../../domain/auth/roles.ts';
import { agencyFilterShape } from '../../../domain/network/agency.schema.ts';
import { groupFilterShape } from '../../../domain/network/community-group.schema.ts';
import { platformFilterShape, platformPhotoSchema } from '../../../domain/network/platform.schema.ts';
import { chinaToday } from '../../clock.ts';
import type { Deps } from '../../context.ts';
import { DomainError } from '../../errors.ts';
import { actorOf } from '../../http/access.ts';
import { okSchema } from '../../http/schemas.ts';
import { sendWorkbook } from '../../http/send-workbook.ts';
import type { NetworkSheetKind } from '../../io/xlsx/network-template.ts';
import { importJobRoutes, importJobSchema, uploadedWorkbook } from '../imports/import-job.routes.ts';
import { MAX_IMPORT_BYTES } from '../imports/import-jobs.ts';
import { exportFileName, exportRegister, templateFileName, writeTemplate } from './network-export.service.ts';
import * as imports from './network-import.service.ts';
import * as photos from './photos.service.ts';

/** A register's job: the register (`kind`) follows the id. */
const { id, ...jobFields } = importJobSchema.shape;
const jobSchema = z.object({ id, kind: z.enum(['platform', 'agency', 'community_group']), ...jobFields });
const platformParams = z.strictObject({ id: z.string().min(1).max(36) });
const photoParams = z.strictObject({ id: z.string().min(1).max(36), photoId: z.string().min(1).max(36) });

/** The three registers: URL segment, permissions, list filters. */
const REGISTERS: { kind: NetworkSheetKind; segment: string; read: Permission; manage: Permission; filter: z.ZodRawShape; noun: string }[] = [
  { kind: 'platform', segment: 'platforms', read: 'network.read', manage: 'network.manage', filter: platformFilterShape, noun: '阵地' },
  { kind: 'agency', segment: 'agencies', read: 'agency.read', manage: 'agency.manage', filter: agencyFilterShape, noun: '社工机构' },
  { kind: 'community_group', segment: 'community-groups', read: 'network.read', manage: 'network.manage', filter: groupFilterShape, noun: '社区社会组织' },
];

export async function networkFileRoutes(app: FastifyInstance, deps: Deps) {
  // Multipart is parsed only on these routes (an encapsulated plugin): everywhere else it stays a 415.
  await app.register(async (scoped) => {
    await scoped.register(multipart, { limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 5 } });
    await registerRoutes(scoped, deps);
    await photoRoutes(scoped, deps);
  });
}

async function registerRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['阵地与机构导入导出'];

  for (const reg of REGISTERS) {
    r.get(`/api/v1/${reg.segment}/template.xlsx`, {
      config: { access: { permission: reg.manage } },
      schema: { tags, summary: `下载${reg.noun}导入模板(含填写说明与下拉选项)` },
      handler: async (_req, reply) => sendWorkbook(reply, templateFileName(reg.kind), (out) => writeTemplate(reg.kind, out)),
    });

    r.get(`/api/v1/${reg.segment}/export.xlsx`, {
      config: { access: { permission: reg.read } },
      schema: { tags, summary: `导出${reg.noun}列表(与列表筛选条件一致,仅本辖区)`, querystring: z.strictObject(reg.filter) },
      handler: async (req, reply) => {
        const actor = actorOf(req);
        return sendWorkbook(reply, exportFileName(reg.kind, chinaToday(deps.clock)), (out) => exportRegister(deps, actor, reg.kind, req.query as never, out));
      },
    });

    r.post(`/api/v1/network-imports/${reg.segment}`, {
      config: { access: { permission: reg.manage } },
      schema: {
        tags,
        summary: `上传${reg.noun}导入文件(multipart/form-data,字段 file,.xlsx,≤50 MB);返回校验任务`,
        consumes: ['multipart/form-data'],
        response: { 200: jobSchema },
      },
      handler: async (req) => {
        const { file, fileName } = await uploadedWorkbook(req);
        return imports.startNetworkImport(deps, actorOf(req), reg.kind, file, fileName);
      },
    });
  }

  // A job's own register decides who may see it (checked by the service); the route asks for the common right.
  importJobRoutes(app, deps, {
    url: '/api/v1/network-imports',
    tags,
    access: { permission: 'network.manage' },
    jobSchema,
    get: imports.getNetworkImport,
    errors: imports.networkImportErrors,
    errorWorkbook: imports.checkErrorWorkbook,
    commit: imports.commitNetworkImport,
  });
}

async function photoRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['阵地照片'];

  r.post('/api/v1/platforms/:id/photos', {
    config: { access: { permission: 'network.manage' } },
    schema: {
      tags,
      summary: `上传阵地照片(multipart/form-data,字段 file 与可选 caption;JPEG/PNG/WebP,≤${photos.MAX_PHOTO_BYTES / 1024 / 1024} MB,每个阵地最多 ${photos.MAX_PHOTOS_PER_PLATFORM} 张)`,
      consumes: ['multipart/form-data'],
      params: platformParams,
      response: { 200: platformPhotoSchema },
    },
    handler: async (req) => {
      if (!req.isMultipart()) throw new DomainError('UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传照片');
      const actor = actorOf(req);
      let received: photos.ReceivedFile | null = null;
      let caption = '';
      try {
        // The caption may come before or after the file: read every part, the file straight to disk.
        for await (const part of req.parts({ limits: { fileSize: photos.MAX_PHOTO_BYTES, files: 1, fields: 3 } })) {
          if (part.type === 'file') {
            if (part.fieldname !== 'file' || received) {
              part.file.resume();
              continue;
            }
            received = await photos.receivePhoto(deps, actor, req.params.id, part.file, part.filename || 'photo');
          } else if (part.fieldname === 'caption') {
            caption = String(part.value ?? '');
          }
        }
      } catch (err) {
        await photos.discardReceived(received);
        throw err;
      }
      if (!received) throw new DomainError('VALIDATION_FAILED', '请选择要上传的照片', [{ field: 'file', message: '请选择照片文件' }]);
      return photos.addPhoto(deps, actor, req.params.id, received, caption);
    },
  });

  r.get('/api/v1/platforms/:id/photos/:photoId', {
    config: { access: { permission: 'network.read' } },
    schema: { tags, summary: '查看阵地照片(原图)', params: photoParams },
    handler: async (req, reply) => {
      const { photo, stream } = await photos.openPhoto(deps, actorOf(req), req.params.id, req.params.photoId);
      return reply
        .type(photo.mime)
        .header('x-content-type-options', 'nosniff')
        .header('content-length', String(photo.size))
        .header('cache-control', 'private, max-age=3600')
        .header('content-disposition', `inline; filename="photo"; filename*=UTF-8''${encodeURIComponent(photo.file_name)}`)
        .send(stream());
    },
  });

  r.delete('/api/v1/platforms/:id/photos/:photoId', {
    config: { access: { permission: 'network.manage' } },
    schema: { tags, summary: '删除阵地照片', params: photoParams, response: { 200: okSchema } },
    handler: async (req) => {
      await photos.removePhoto(deps, actorOf(req), req.params.id, req.params.photoId);
      return { ok: true as const };
    },
  });
}
