import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { checklistBodySchema, checklistResponseSchema } from '../../../domain/network/checklist.ts';
import {
  checksBodySchema,
  platformDetailSchema,
  platformFilterShape,
  platformInputSchema,
  platformListItemSchema,
  platformPatchSchema,
  staffBodySchema,
} from '../../../domain/network/platform.schema.ts';
import type { Deps } from '../../context.ts';
import { actorOf } from '../../http/access.ts';
import { okSchema, pageQuery, regionCodeSchema } from '../../http/schemas.ts';
import { getChecklist, updateChecklist } from './checklist.service.ts';
import * as service from './platforms.service.ts';

export const platformIdParams = z.strictObject({ id: z.uuid('阵地编号格式不正确') });
const provinceParams = z.strictObject({ provinceCode: regionCodeSchema });

export async function platformRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = { access: { permission: 'network.read' as const } };
  const manage = { access: { permission: 'network.manage' as const } };
  const tags = ['阵地'];

  r.get('/api/v1/platforms', {
    config: read,
    schema: {
      tags,
      summary: '阵地列表(管辖范围内;可按地区、类型、状态、规范化、示范、运营机构、名称筛选)',
      querystring: z.strictObject({ ...platformFilterShape, ...pageQuery }),
      response: { 200: z.object({ items: z.array(platformListItemSchema), total: z.number() }) },
    },
    handler: async (req) => service.listPlatforms(deps, actorOf(req).scope, req.query),
  });

  r.post('/api/v1/platforms', {
    config: manage,
    schema: { tags, summary: '新建阵地(类型须与所在地区级别一致)', body: platformInputSchema, response: { 200: platformDetailSchema } },
    handler: async (req) => service.createPlatform(deps, actorOf(req), req.body),
  });

  r.get('/api/v1/platforms/:id', {
    config: read,
    schema: { tags, summary: '阵地详情(检查项目、人员、资金、照片)', params: platformIdParams, response: { 200: platformDetailSchema } },
    handler: async (req) => service.getPlatform(deps, actorOf(req).scope, req.params.id),
  });

  r.patch('/api/v1/platforms/:id', {
    config: manage,
    schema: {
      tags,
      summary: '修改阵地(给出的资金、荣誉列表整体替换原列表)',
      params: platformIdParams,
      body: platformPatchSchema,
      response: { 200: platformDetailSchema },
    },
    handler: async (req) => service.updatePlatform(deps, actorOf(req), req.params.id, req.body),
  });

  r.delete('/api/v1/platforms/:id', {
    config: manage,
    schema: { tags, summary: '删除阵地(审计日志保留删除前内容)', params: platformIdParams, response: { 200: okSchema } },
    handler: async (req) => {
      await service.deletePlatform(deps, actorOf(req), req.params.id);
      return { ok: true as const };
    },
  });

  r.put('/api/v1/platforms/:id/checks', {
    config: manage,
    schema: {
      tags,
      summary: '保存规范化检查结果(重新判定是否规范化)',
      params: platformIdParams,
      body: checksBodySchema,
      response: { 200: platformDetailSchema },
    },
    handler: async (req) => service.setChecks(deps, actorOf(req), req.params.id, req.body.checks),
  });

  r.put('/api/v1/platforms/:id/staff', {
    config: manage,
    schema: {
      tags,
      summary: '设置阵地人员(整体替换;人员须在管辖范围内且在岗)',
      params: platformIdParams,
      body: staffBodySchema,
      response: { 200: platformDetailSchema },
    },
    handler: async (req) => service.setStaff(deps, actorOf(req), req.params.id, req.body.staff),
  });

  r.get('/api/v1/checklist-standards/:provinceCode', {
    config: read,
    schema: { tags, summary: '本省阵地规范化检查项目', params: provinceParams, response: { 200: checklistResponseSchema } },
    handler: async (req) => getChecklist(deps, actorOf(req), req.params.provinceCode),
  });

  r.put('/api/v1/checklist-standards/:provinceCode', {
    config: { access: { permission: 'network.rules' as const } },
    schema: {
      tags,
      summary: '修改本省阵地规范化检查项目(保存时全省阵地重新判定)',
      params: provinceParams,
      body: checklistBodySchema,
      response: { 200: checklistResponseSchema },
    },
    handler: async (req) => updateChecklist(deps, actorOf(req), req.params.provinceCode, req.body.items),
  });
}
