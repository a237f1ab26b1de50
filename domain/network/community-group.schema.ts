/** Community social groups (社区社会组织) as forms, the API and imports exchange them. */
import { z } from 'zod';
import { patchShape, regionCodeFilter, requiredText, text } from '../standards/zod-fields.ts';
import { codesOf } from '../talents/code-lists.ts';
import { isoDate, phoneSchema, talentRegionCode } from '../talents/talent.schema.ts';
import { GROUP_KINDS, GROUP_REGISTRATIONS, GROUP_STATUSES } from './code-lists.ts';

const groupShape = {
  name: requiredText('组织名称', 100),
  /** A village/community (level 5) or a township (level 4) for groups serving a whole street. */
  regionCode: talentRegionCode,
  kind: z.enum(codesOf(GROUP_KINDS), '请选择组织类型'),
  members: z.number('成员数应为数字').int('成员数应为整数').min(0, '成员数不能为负数').max(100_000, '成员数过大').default(0),
  registration: z.enum(codesOf(GROUP_REGISTRATIONS), '请选择登记或备案'),
  /** The station that incubates the group (孵化培育). */
  incubatorId: z.string().max(36).nullable().default(null),
  establishedOn: isoDate('成立日期').nullable().default(null),
  contactName: text('负责人', 32).default(''),
  contactPhone: phoneSchema.nullable().default(null),
  status: z.enum(codesOf(GROUP_STATUSES), '请选择状态').default('active'),
  note: text('备注', 1000).default(''),
};

export const communityGroupInputSchema = z.strictObject(groupShape);
export type CommunityGroupInput = z.infer<typeof communityGroupInputSchema>;

export const communityGroupPatchSchema = z
  .strictObject(
    patchShape(groupShape) as {
      [K in keyof typeof groupShape]: z.ZodOptional<z.ZodType<CommunityGroupInput[K], unknown>>;
    },
  )
  .refine((b) => Object.keys(b).length > 0, '没有要修改的内容');
export type CommunityGroupPatch = Partial<CommunityGroupInput>;

/** The community-group list's filters (list page, export and the web's query form share them). */
export const groupFilterShape = {
  regionCode: regionCodeFilter().optional(),
  kind: z.enum(codesOf(GROUP_KINDS), '组织类型不正确').optional(),
  registration: z.enum(codesOf(GROUP_REGISTRATIONS), '登记或备案不正确').optional(),
  incubatorId: z.string().max(36).optional(),
  q: z.string().trim().max(40, '搜索内容不超过 40 个字').optional(),
  status: z.enum(codesOf(GROUP_STATUSES), '状态不正确').optional(),
  sort: z.enum(['region_code', 'name', 'updated_at'], '排序字段不正确').optional(),
  order: z.enum(['asc', 'desc'], '排序方向应为 asc 或 desc').optional(),
};
export type GroupFilterInput = { [K in keyof typeof groupFilterShape]?: z.input<(typeof groupFilterShape)[K]> };

export const groupListItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  regionCode: z.string(),
  /** The region's path under the province, e.g. "贵阳市 / 南明区 / 花果园街道". */
  regionName: z.string().nullable(),
  kind: z.string(),
  members: z.number(),
  registration: z.string(),
  incubatorId: z.string().nullable(),
  incubatorName: z.string().nullable(),
  establishedOn: z.string().nullable(),
  status: z.string(),
  updatedAt: z.string(),
});
export type GroupListItem = z.infer<typeof groupListItemSchema>;

export const groupDetailSchema = groupListItemSchema.extend({
  contactName: z.string(),
  contactPhone: z.string().nullable(),
  note: z.string(),
  createdAt: z.string(),
});
export type GroupDetail = z.infer<typeof groupDetailSchema>;
