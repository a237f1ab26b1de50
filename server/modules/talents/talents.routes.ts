import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditEntrySchema } from '../../../domain/audit/audit-entry.schema.ts';
import { talentDetailSchema, talentInputSchema, talentListItemSchema, talentPatchSchema } from '../../../domain/talents/talent.schema.ts';
import { talentFilterShape } from '../../../domain/talents/talent-query.schema.ts';
import type { Deps } from '../../context.ts';
import { actorOf } from '../../http/access.ts';
import { okSchema, pageQuery } from '../../http/schemas.ts';
import * as service from './talents.service.ts';

export const talentIdParams = z.strictObject({ id: z.uuid('人才编号格式不正确') });

export async function talentRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = { access: { permission: 'talent.read' as const } };
  const manage = { access: { permission: 'talent.manage' as const } };
  const tags = ['人才库'];

  r.get('/api/v1/talents', {
    config: read,
    schema: {
      tags,
      summary: '人才列表(管辖范围内;身份证号、电话脱敏)',
      querystring: z.strictObject({ ...talentFilterShape, ...pageQuery }),
      response: {
        200: z.object({
          items: z.array(talentListItemSchema),
          total: z.number(),
          /** True when more rows match than were counted (total is then the cap, 100,000). */
          totalCapped: z.boolean(),
        }),
      },
    },
    handler: async (req) => service.listTalents(deps, actorOf(req).scope, req.query),
  });

  r.post('/api/v1/talents', {
    config: manage,
    schema: {
      tags,
      summary: '登记人才(身份证号全库唯一;已在其他地区登记时返回 TALENT_ELSEWHERE,可申请调入)',
      body: talentInputSchema,
      response: { 200: talentDetailSchema },
    },
    handler: async (req) => service.createTalent(deps, actorOf(req), req.body),
  });

  r.get('/api/v1/talents/:id', {
    config: read,
    schema: { tags, summary: '人才详情', params: talentIdParams, response: { 200: talentDetailSchema } },
    handler: async (req) => service.getTalent(deps, actorOf(req).scope, req.params.id),
  });

  r.patch('/api/v1/talents/:id', {
    config: manage,
    schema: {
      tags,
      summary: '修改人才信息(给出的列表整体替换原列表)',
      params: talentIdParams,
      body: talentPatchSchema,
      response: { 200: talentDetailSchema },
    },
    handler: async (req) => service.updateTalent(deps, actorOf(req), req.params.id, req.body),
  });

  r.delete('/api/v1/talents/:id', {
    config: manage,
    schema: { tags, summary: '删除人才记录(审计日志保留删除前内容)', params: talentIdParams, response: { 200: okSchema } },
    handler: async (req) => {
      await service.deleteTalent(deps, actorOf(req), req.params.id);
      return { ok: true as const };
    },
  });

  r.post('/api/v1/talents/:id/reveal', {
    config: { access: { permission: 'talent.reveal' as const } },
    schema: {
      tags,
      summary: '查看完整身份证号码与联系电话(记入审计日志)',
      params: talentIdParams,
      response: { 200: z.object({ idNumber: z.string(), phone: z.string().nullable() }) },
    },
    handler: async (req) => service.revealTalent(deps, actorOf(req), req.params.id),
  });

  r.get('/api/v1/talents/:id/history', {
    config: read,
    schema: {
      tags,
      summary: '人才记录的变更历史(含调入前)',
      params: talentIdParams,
      querystring: z.strictObject({ ...pageQuery }),
      response: { 200: z.object({ items: z.array(auditEntrySchema), total: z.number() }) },
    },
    handler: async (req) => service.talentHistory(deps, actorOf(req).scope, req.params.id, req.query.page, req.query.pageSize),
  });
}
