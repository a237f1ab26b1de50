import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditEntrySchema } from '../../../domain/audit/audit-entry.schema.ts';
import type { Deps } from '../../context.ts';
import { actorOf } from '../../http/access.ts';
import { pageQuery, regionCodeSchema } from '../../http/schemas.ts';
import { browseAudit } from './audit.service.ts';

const isoDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/, '时间格式应为 YYYY-MM-DD 或 ISO 8601');

export async function auditRoutes(app: FastifyInstance, deps: Deps) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/audit', {
    config: { access: { permission: 'audit.read' } },
    schema: {
      tags: ['审计日志'],
      summary: '审计日志(本人管辖范围内,按时间倒序)',
      querystring: z.strictObject({
        actor: z.string().trim().max(64).optional(),
        entityType: z.string().max(32).optional(),
        entityId: z.string().max(64).optional(),
        action: z.string().max(32).optional(),
        regionCode: regionCodeSchema.optional(),
        from: isoDateTime.optional(),
        to: isoDateTime.optional(),
        ...pageQuery,
      }),
      response: { 200: z.object({ items: z.array(auditEntrySchema), total: z.number() }) },
    },
    handler: async (req) => browseAudit(deps, actorOf(req).scope, req.query),
  });
}
