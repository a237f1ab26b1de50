import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DESIGNATION_KEYS } from '../../../domain/regions/designations.ts';
import { regionPathItemSchema, regionSchema } from '../../../domain/regions/region.schema.ts';
import { URBAN_RURAL_CLASSES } from '../../../domain/standards/region-code.ts';
import type { Deps } from '../../context.ts';
import { actorOf } from '../../http/access.ts';
import { regionCodeSchema } from '../../http/schemas.ts';
import * as service from './regions.service.ts';

const codeParams = z.strictObject({ code: regionCodeSchema });
const isoDate = z.iso.date('日期格式应为 YYYY-MM-DD');
const urbanRural = z.enum(Object.keys(URBAN_RURAL_CLASSES) as [string, ...string[]], '城乡分类代码应为 111/112/121/122/123/210/220 之一');
const editable = {
  name: z.string().trim().min(1, '请输入区划名称').max(50, '名称不能超过 50 个字'),
  urbanRuralClass: urbanRural.nullable(),
  population: z.number().int('常住人口应为整数').min(0, '常住人口不能为负数').max(2_000_000_000).nullable(),
  designations: z.array(z.enum(DESIGNATION_KEYS as [string, ...string[]], '未知的地区类型')).max(10),
};

export async function regionRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = { access: { permission: 'region.read' as const } };
  const manage = { access: { permission: 'region.manage' as const } };
  const tags = ['区划'];

  r.get('/api/v1/regions', {
    config: read,
    schema: {
      tags,
      summary: '按名称搜索本人管辖范围内的区划',
      querystring: z.strictObject({
        q: z.string().trim().min(1, '请输入要搜索的名称').max(50),
        limit: z.coerce.number().int().min(1).max(100).default(20),
        maxLevel: z.coerce.number().int().min(0).max(5).optional(),
      }),
      response: { 200: z.object({ items: z.array(regionSchema.extend({ pathName: z.string() })) }) },
    },
    handler: async (req) => ({ items: await service.searchRegions(deps, actorOf(req).scope, req.query.q, req.query.limit, req.query.maxLevel) }),
  });

  r.get('/api/v1/regions/:code', {
    config: read,
    schema: {
      tags,
      summary: '区划详情(含上级路径与下辖各级数量)',
      params: codeParams,
      response: { 200: z.object({ region: regionSchema, path: z.array(regionPathItemSchema), counts: z.record(z.string(), z.number()) }) },
    },
    handler: async (req) => service.getRegion(deps, actorOf(req).scope, req.params.code),
  });

  r.get('/api/v1/regions/:code/children', {
    config: read,
    schema: {
      tags,
      summary: '下级区划(含各自的下级数量)',
      params: codeParams,
      querystring: z.strictObject({ includeRevoked: z.enum(['true', 'false']).default('false') }),
      response: { 200: z.object({ items: z.array(regionSchema.extend({ childCount: z.number(), descendantCounts: z.record(z.string(), z.number()) })) }) },
    },
    handler: async (req) => ({ items: await service.listChildren(deps, actorOf(req).scope, req.params.code, req.query.includeRevoked === 'true') }),
  });

  r.post('/api/v1/regions', {
    config: manage,
    schema: {
      tags,
      summary: '新增区划',
      body: z.strictObject({
        code: z.string().regex(/^\d{12}$/, '区划代码应为 12 位数字'),
        name: editable.name,
        urbanRuralClass: editable.urbanRuralClass.optional(),
        population: editable.population.optional(),
        designations: editable.designations.optional(),
        validFrom: isoDate.optional(),
      }),
      response: { 200: regionSchema },
    },
    handler: async (req) => service.createRegion(deps, actorOf(req), req.body),
  });

  r.patch('/api/v1/regions/:code', {
    config: manage,
    schema: {
      tags,
      summary: '修改区划(更名、常住人口、城乡分类、地区类型)',
      params: codeParams,
      body: z
        .strictObject({
          name: editable.name.optional(),
          urbanRuralClass: editable.urbanRuralClass.optional(),
          population: editable.population.optional(),
          designations: editable.designations.optional(),
        })
        .refine((b) => Object.keys(b).length > 0, '没有要修改的内容'),
      response: { 200: regionSchema },
    },
    handler: async (req) => service.updateRegion(deps, actorOf(req), req.params.code, req.body),
  });

  r.post('/api/v1/regions/:code/revoke', {
    config: manage,
    schema: {
      tags,
      summary: '撤销区划(连同其下级;可指定合并到的同级区划)',
      params: codeParams,
      body: z.strictObject({ validTo: isoDate, replacedBy: regionCodeSchema.nullable().optional() }),
      response: { 200: z.object({ revoked: z.number() }) },
    },
    handler: async (req) => service.revokeRegion(deps, actorOf(req), req.params.code, req.body),
  });
}
