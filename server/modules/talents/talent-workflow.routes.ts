import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { keyRuleSetSchema } from '../../../domain/talents/key-talent-rules.ts';
import { certificateSchema, isoDate, phoneSchema, talentDetailSchema, trainingSchema } from '../../../domain/talents/talent.schema.ts';
import type { Deps } from '../../context.ts';
import { actorOf } from '../../http/access.ts';
import { okSchema, pageQuery, regionCodeSchema } from '../../http/schemas.ts';
import { talentAnalytics } from './analytics.service.ts';
import { dismissDuplicate, listDuplicates, mergeDuplicates } from './duplicates.service.ts';
import { assertProvince, ruleSetFor, updateRuleSet } from './key-rules.service.ts';
import * as submissions from './submissions.service.ts';
import { talentIdParams } from './talents.routes.ts';
import * as transfers from './transfers.service.ts';

const uuid = (label: string) => z.uuid(`${label}格式不正确`);
const idParams = z.strictObject({ id: uuid('编号') });
const decisionBody = z.strictObject({ note: z.string().trim().max(200, '意见不超过 200 个字').default('') });
const provinceParams = z.strictObject({ provinceCode: regionCodeSchema });

const ruleSetResponse = z.object({
  provinceCode: z.string(),
  ruleSet: keyRuleSetSchema,
  custom: z.boolean(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
  recomputed: z.number().optional(),
});

const transferSchema = z.object({
  id: z.string(),
  talentName: z.string(),
  talentId: z.string().nullable(),
  fromRegion: z.string().nullable(),
  fromRegionName: z.string().nullable(),
  toRegion: z.string(),
  toRegionName: z.string().nullable(),
  reason: z.string(),
  status: z.enum(['pending', 'approved', 'rejected']),
  requestedBy: z.string().nullable(),
  requestedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  mayDecide: z.boolean(),
});

const submissionSchema = z.object({
  id: z.string(),
  talentId: z.string(),
  talentName: z.string().nullable(),
  regionCode: z.string(),
  kind: z.enum(['certificate', 'training']),
  payload: z.record(z.string(), z.unknown()),
  status: z.enum(['pending', 'approved', 'rejected']),
  submittedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
});

const bucket = z.object({ code: z.string(), n: z.number() });
const analyticsSchema = z.object({
  region: z.object({ code: z.string(), name: z.string(), level: z.number(), population: z.number().nullable() }),
  asOf: z.string(),
  totals: z.object({
    total: z.number(),
    certified: z.number(),
    key: z.number(),
    party: z.number(),
    swGraduate: z.number(),
    professionalPost: z.number(),
    youth: z.number(),
    perTenThousand: z.number().nullable(),
  }),
  byTier: z.array(bucket),
  byCategory: z.array(bucket),
  byField: z.array(bucket),
  byRole: z.array(bucket),
  byUrbanRural: z.array(bucket),
  byAgeBand: z.array(bucket),
  bySex: z.array(bucket),
  byEducation: z.array(bucket),
  children: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      total: z.number(),
      certified: z.number(),
      key: z.number(),
      population: z.number().nullable(),
      perTenThousand: z.number().nullable(),
    }),
  ),
  newKey: z.object({ since: z.string(), n: z.number() }).nullable(),
});

export { analyticsSchema };

export async function talentWorkflowRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = { access: { permission: 'talent.read' as const } };
  const manage = { access: { permission: 'talent.manage' as const } };
  const self = { access: { permission: 'talent.self' as const } };
  const tags = ['人才库'];

  r.get('/api/v1/talent-analytics', {
    config: read,
    schema: {
      tags,
      summary: '人才结构分析(总量、等级、类别、领域、城乡、年龄段、每万人口;可统计某日以来新增重点人才)',
      querystring: z.strictObject({ regionCode: regionCodeSchema.optional(), keySince: isoDate('起始日期').optional() }),
      response: { 200: analyticsSchema },
    },
    handler: async (req) => talentAnalytics(deps, actorOf(req).scope, req.query.regionCode, req.query.keySince),
  });

  r.get('/api/v1/key-talent-rules/:provinceCode', {
    config: read,
    schema: { tags, summary: '本省重点人才认定规则', params: provinceParams, response: { 200: ruleSetResponse } },
    handler: async (req) => {
      assertProvince(actorOf(req), req.params.provinceCode, 'read');
      return { provinceCode: req.params.provinceCode, ...(await ruleSetFor(deps.db, req.params.provinceCode)) };
    },
  });

  r.put('/api/v1/key-talent-rules/:provinceCode', {
    config: { access: { permission: 'talent.rules' as const } },
    schema: {
      tags,
      summary: '修改本省重点人才认定规则(保存时全省人才重新认定)',
      params: provinceParams,
      body: keyRuleSetSchema,
      response: { 200: ruleSetResponse },
    },
    handler: async (req) => ({ provinceCode: req.params.provinceCode, ...(await updateRuleSet(deps, actorOf(req), req.params.provinceCode, req.body)) }),
  });

  const brief = z.object({
    id: z.string(),
    name: z.string(),
    idNumberMasked: z.string(),
    birthDate: z.string(),
    tier: z.string(),
    employer: z.string(),
    status: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  });
  r.get('/api/v1/talent-duplicates', {
    config: manage,
    schema: {
      tags,
      summary: '疑似重复人才(同地区、同姓名、同出生日期,身份证号不同)',
      response: { 200: z.object({ items: z.array(z.object({ regionCode: z.string(), regionName: z.string().nullable(), a: brief, b: brief })) }) },
    },
    handler: async (req) => listDuplicates(deps, actorOf(req).scope),
  });

  r.post('/api/v1/talent-duplicates/merge', {
    config: manage,
    schema: {
      tags,
      summary: '合并疑似重复记录(保留 keepId,并入 mergeId 的证书、学历等后删除之)',
      body: z.strictObject({ keepId: uuid('保留记录编号'), mergeId: uuid('并入记录编号') }),
      response: { 200: okSchema },
    },
    handler: async (req) => {
      await mergeDuplicates(deps, actorOf(req), req.body.keepId, req.body.mergeId);
      return { ok: true as const };
    },
  });

  r.post('/api/v1/talent-duplicates/dismiss', {
    config: manage,
    schema: {
      tags,
      summary: '标记为非重复(不再列出)',
      body: z.strictObject({ aId: uuid('记录编号'), bId: uuid('记录编号') }),
      response: { 200: okSchema },
    },
    handler: async (req) => {
      await dismissDuplicate(deps, actorOf(req), req.body.aId, req.body.bId);
      return { ok: true as const };
    },
  });

  r.post('/api/v1/talent-transfers', {
    config: manage,
    schema: {
      tags,
      summary: '申请调入已在其他地区登记的人才(由其所在地管理员审核)',
      body: z.strictObject({
        idNumber: z.string('请填写身份证号码').trim().min(1, '请填写身份证号码'),
        name: z.string('请填写姓名').trim().min(1, '请填写姓名').max(32, '姓名不能超过 32 个字'),
        toRegionCode: regionCodeSchema,
        reason: z.string().trim().max(200, '申请理由不超过 200 个字').default(''),
      }),
      response: { 200: transferSchema },
    },
    handler: async (req) => transfers.requestTransfer(deps, actorOf(req), req.body),
  });

  r.get('/api/v1/talent-transfers', {
    config: read,
    schema: {
      tags,
      summary: '调入申请:to_decide 待我审核(人才现属我辖区)/ requested 我提出的',
      querystring: z.strictObject({
        direction: z.enum(['to_decide', 'requested'], '方向应为 to_decide 或 requested').default('to_decide'),
        status: z.enum(['pending', 'approved', 'rejected']).optional(),
        ...pageQuery,
      }),
      response: { 200: z.object({ items: z.array(transferSchema), total: z.number() }) },
    },
    handler: async (req) => transfers.listTransfers(deps, actorOf(req).scope, req.query),
  });

  r.post('/api/v1/talent-transfers/:id/approve', {
    config: manage,
    schema: { tags, summary: '同意调入(人才记录连同历史移至调入地区)', params: idParams, body: decisionBody, response: { 200: transferSchema } },
    handler: async (req) => transfers.decideTransfer(deps, actorOf(req), req.params.id, 'approved', req.body.note),
  });

  r.post('/api/v1/talent-transfers/:id/reject', {
    config: manage,
    schema: { tags, summary: '驳回调入申请', params: idParams, body: decisionBody, response: { 200: transferSchema } },
    handler: async (req) => transfers.decideTransfer(deps, actorOf(req), req.params.id, 'rejected', req.body.note),
  });

  r.get('/api/v1/talent-submissions', {
    config: manage,
    schema: {
      tags,
      summary: '社工本人申报的证书与培训学时(待审核等)',
      querystring: z.strictObject({ status: z.enum(['pending', 'approved', 'rejected']).optional(), ...pageQuery }),
      response: { 200: z.object({ items: z.array(submissionSchema), total: z.number() }) },
    },
    handler: async (req) => submissions.listSubmissions(deps, actorOf(req).scope, req.query),
  });

  r.post('/api/v1/talent-submissions/:id/approve', {
    config: manage,
    schema: { tags, summary: '核实通过(证书或学时计入档案)', params: idParams, body: decisionBody, response: { 200: submissionSchema } },
    handler: async (req) => submissions.decideSubmission(deps, actorOf(req), req.params.id, 'approved', req.body.note),
  });

  r.post('/api/v1/talent-submissions/:id/reject', {
    config: manage,
    schema: { tags, summary: '退回申报', params: idParams, body: decisionBody, response: { 200: submissionSchema } },
    handler: async (req) => submissions.decideSubmission(deps, actorOf(req), req.params.id, 'rejected', req.body.note),
  });

  r.post('/api/v1/talents/:id/account', {
    config: { access: { permission: 'user.manage' as const } },
    schema: {
      tags,
      summary: '为人才开通社工账号(本人查看档案、维护电话、申报证书与学时;返回一次性密码)',
      params: talentIdParams,
      body: z.strictObject({
        username: z
          .string()
          .trim()
          .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{2,31}$/, '用户名为 3–32 位字母、数字或 _ . -,以字母或数字开头')
          .transform((u) => u.toLowerCase()),
      }),
      response: { 200: z.object({ username: z.string(), initialPassword: z.string() }) },
    },
    handler: async (req) => submissions.createTalentAccount(deps, actorOf(req), req.params.id, req.body.username),
  });

  r.get('/api/v1/me/talent', {
    config: self,
    schema: { tags: ['个人档案'], summary: '本人人才档案', response: { 200: talentDetailSchema } },
    handler: async (req) => submissions.myTalent(deps, actorOf(req)),
  });

  r.patch('/api/v1/me/talent/contact', {
    config: self,
    schema: {
      tags: ['个人档案'],
      summary: '修改本人联系电话',
      body: z.strictObject({ phone: phoneSchema.nullable() }),
      response: { 200: talentDetailSchema },
    },
    handler: async (req) => submissions.updateMyContact(deps, actorOf(req), req.body.phone),
  });

  r.get('/api/v1/me/talent/submissions', {
    config: self,
    schema: { tags: ['个人档案'], summary: '本人的申报记录', response: { 200: z.object({ items: z.array(submissionSchema), total: z.number() }) } },
    handler: async (req) => submissions.mySubmissions(deps, actorOf(req)),
  });

  r.post('/api/v1/me/talent/submissions', {
    config: self,
    schema: {
      tags: ['个人档案'],
      summary: '申报新证书或培训学时(经管理员核实后计入)',
      body: z.discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('certificate'), certificate: certificateSchema }),
        z.strictObject({ kind: z.literal('training'), training: trainingSchema }),
      ]),
      response: { 200: submissionSchema },
    },
    handler: async (req) => submissions.submit(deps, actorOf(req), req.body),
  });
}
