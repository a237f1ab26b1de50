import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  agencyDetailSchema,
  agencyFilterShape,
  agencyInputSchema,
  agencyListItemSchema,
  agencyPatchSchema,
  myAgencyPatchSchema,
  ownStaffAddSchema,
  pairingInputSchema,
  pairingSchema,
} from '../../../domain/network/agency.schema.ts';
import { staffLinkSchema } from '../../../domain/network/platform.schema.ts';
import type { Deps } from '../../context.ts';
import { actorOf } from '../../http/access.ts';
import { okSchema, pageQuery } from '../../http/schemas.ts';
import * as service from './agencies.service.ts';
import * as ownStaff from './own-staff.service.ts';
import * as pairings from './pairings.service.ts';

const idParams = z.strictObject({ id: z.uuid('机构编号格式不正确') });
const pairingParams = z.strictObject({ id: z.uuid('结对记录编号格式不正确') });

export async function agencyRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = { access: { permission: 'agency.read' as const } };
  const manage = { access: { permission: 'agency.manage' as const } };
  const self = { access: { permission: 'agency.self' as const } };
  const tags = ['社工机构'];

  r.get('/api/v1/agencies', {
    config: read,
    schema: {
      tags,
      summary: '社工机构列表(管辖范围内;q 按名称或统一社会信用代码查找)',
      querystring: z.strictObject({ ...agencyFilterShape, ...pageQuery }),
      response: { 200: z.object({ items: z.array(agencyListItemSchema), total: z.number() }) },
    },
    handler: async (req) => service.listAgencies(deps, actorOf(req).scope, req.query),
  });

  r.post('/api/v1/agencies', {
    config: manage,
    schema: {
      tags,
      summary: '登记社工机构(信用代码格式错误拒绝;校验位不符返回 422 CREDIT_CHECK_WARNING,管理员可确认保留)',
      body: agencyInputSchema,
      response: { 200: agencyDetailSchema },
    },
    handler: async (req) => service.createAgency(deps, actorOf(req), req.body),
  });

  r.get('/api/v1/agencies/:id', {
    config: read,
    schema: { tags, summary: '社工机构详情(人员、运营阵地、结对帮扶)', params: idParams, response: { 200: agencyDetailSchema } },
    handler: async (req) => service.getAgency(deps, actorOf(req).scope, req.params.id),
  });

  r.patch('/api/v1/agencies/:id', {
    config: manage,
    schema: { tags, summary: '修改社工机构信息', params: idParams, body: agencyPatchSchema, response: { 200: agencyDetailSchema } },
    handler: async (req) => service.updateAgency(deps, actorOf(req), req.params.id, req.body),
  });

  r.delete('/api/v1/agencies/:id', {
    config: manage,
    schema: { tags, summary: '删除社工机构(仍运营阵地时不能删除)', params: idParams, response: { 200: okSchema } },
    handler: async (req) => {
      await service.deleteAgency(deps, actorOf(req), req.params.id);
      return { ok: true as const };
    },
  });

  r.put('/api/v1/agencies/:id/staff', {
    config: manage,
    schema: {
      tags,
      summary: '设置机构工作人员(整体替换;人员须为管辖范围内在岗的人才库人员)',
      params: idParams,
      body: z.strictObject({ staff: z.array(staffLinkSchema).max(500, '一次最多 500 名人员') }),
      response: { 200: agencyDetailSchema },
    },
    handler: async (req) => service.replaceAgencyStaff(deps, actorOf(req), req.params.id, req.body.staff),
  });

  r.post('/api/v1/agency-pairings', {
    config: manage,
    schema: { tags, summary: '登记机构结对帮扶(双方均须在管辖范围内)', body: pairingInputSchema, response: { 200: pairingSchema } },
    handler: async (req) => pairings.createPairing(deps, actorOf(req), req.body),
  });

  r.delete('/api/v1/agency-pairings/:id', {
    config: manage,
    schema: { tags, summary: '删除结对帮扶记录', params: pairingParams, response: { 200: okSchema } },
    handler: async (req) => {
      await pairings.deletePairing(deps, actorOf(req), req.params.id);
      return { ok: true as const };
    },
  });

  r.get('/api/v1/my-agency', {
    config: self,
    schema: { tags, summary: '本机构信息(社工机构管理员)', response: { 200: agencyDetailSchema } },
    handler: async (req) => service.getMyAgency(deps, actorOf(req)),
  });

  r.post('/api/v1/my-agency/staff', {
    config: self,
    schema: {
      tags,
      summary: '本机构添加工作人员(按身份证号码和姓名与人才库在岗人员核对)',
      body: ownStaffAddSchema,
      response: { 200: agencyDetailSchema },
    },
    handler: async (req) => ownStaff.addOwnStaff(deps, actorOf(req), req.body),
  });

  r.put('/api/v1/my-agency/staff', {
    config: self,
    schema: {
      tags,
      summary: '调整本机构工作人员(岗位、专兼职、到岗日期,或移除;整体替换,只含现有人员)',
      body: z.strictObject({ staff: z.array(staffLinkSchema).max(500, '一次最多 500 名人员') }),
      response: { 200: agencyDetailSchema },
    },
    handler: async (req) => ownStaff.replaceOwnStaff(deps, actorOf(req), req.body.staff),
  });

  r.patch('/api/v1/my-agency', {
    config: self,
    schema: {
      tags,
      summary: '修改本机构的联系方式、住所、法定代表人、党组织与类型(信用代码、地区、评估等级、资格由民政部门维护)',
      body: myAgencyPatchSchema,
      response: { 200: agencyDetailSchema },
    },
    handler: async (req) => service.updateMyAgency(deps, actorOf(req), req.body),
  });
}
