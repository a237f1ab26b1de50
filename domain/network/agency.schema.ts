/**
 * Agencies (社会工作服务机构) as forms, the API and imports exchange them. The credit code's format is
 * checked here (a wrong format is refused); a wrong check character is a warning the service turns into
 * a refusal unless an administrator overrides it (audited).
 */
import { z } from 'zod';
import { parseCreditCode } from '../standards/credit-code.ts';
import { patchShape, queryFlag, regionCodeFilter, requiredText, text, year } from '../standards/zod-fields.ts';
import { codesOf } from '../talents/code-lists.ts';
import { isoDate, phoneSchema, talentRegionCode } from '../talents/talent.schema.ts';
import { AGENCY_RATINGS, AGENCY_STATUSES, AGENCY_TAGS, PAIRING_PROGRAMS } from './code-lists.ts';

/** Upper-cases and strips spaces; the format (not the check character) must be right. */
export const creditCodeSchema = z
  .string('请填写统一社会信用代码')
  .trim()
  .transform((s) => s.replace(/\s/g, '').toUpperCase())
  .superRefine((s, ctx) => {
    const parsed = parseCreditCode(s);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message });
  });

const agencyCoreShape = {
  name: requiredText('机构名称', 100),
  creditCode: creditCodeSchema,
  /** An administrator accepts a code whose check character is wrong (a few in circulation are). */
  overrideCreditCheck: z.boolean().default(false),
  registrationAuthority: text('登记管理机关', 64).default(''),
  registeredOn: isoDate('登记日期').nullable().default(null),
  legalRep: text('法定代表人', 32).default(''),
  regionCode: talentRegionCode,
  address: text('住所', 200).default(''),
  tags: z
    .array(z.enum(codesOf(AGENCY_TAGS), '机构类型不正确'))
    .max(AGENCY_TAGS.length)
    .default([]),
  rating: z.enum(codesOf(AGENCY_RATINGS), '请选择评估等级').nullable().default(null),
  ratingYear: year('评估年份').nullable().default(null),
  partyOrg: z.boolean().default(false),
  partyOrgOn: isoDate('党组织成立日期').nullable().default(null),
  contactPhone: phoneSchema.nullable().default(null),
  status: z.enum(codesOf(AGENCY_STATUSES), '请选择机构状态').default('active'),
};

function crossCheck(a: { rating?: string | null; ratingYear?: number | null; partyOrg?: boolean; partyOrgOn?: string | null }, ctx: z.RefinementCtx) {
  if (a.rating && !a.ratingYear) ctx.addIssue({ code: 'custom', path: ['ratingYear'], message: '请填写评估年份' });
  if (a.partyOrg === false && a.partyOrgOn) ctx.addIssue({ code: 'custom', path: ['partyOrgOn'], message: '未建立党组织时不填写成立日期' });
}

export const agencyInputSchema = z.strictObject(agencyCoreShape).superRefine(crossCheck);
export type AgencyInput = z.infer<typeof agencyInputSchema>;
export type AgencyInputRaw = z.input<typeof agencyInputSchema>;

export const agencyPatchSchema = z
  .strictObject(
    patchShape(agencyCoreShape) as {
      [K in keyof typeof agencyCoreShape]: z.ZodOptional<z.ZodType<AgencyInput[K], unknown>>;
    },
  )
  .superRefine((a, ctx) => crossCheck(a as never, ctx))
  .refine((b) => Object.keys(b).filter((k) => k !== 'overrideCreditCheck').length > 0, '没有要修改的内容');
export type AgencyPatch = Partial<AgencyInput>;

export const pairingInputSchema = z
  .strictObject({
    mentorId: z.string('请选择帮扶机构').min(1, '请选择帮扶机构').max(36),
    menteeId: z.string('请选择受帮扶机构').min(1, '请选择受帮扶机构').max(36),
    program: z.enum(codesOf(PAIRING_PROGRAMS), '请选择结对类型'),
    startOn: isoDate('开始日期'),
    endOn: isoDate('结束日期').nullable().default(null),
    results: text('帮扶成效', 1000).default(''),
  })
  .refine((p) => p.mentorId !== p.menteeId, { message: '帮扶机构与受帮扶机构不能相同', path: ['menteeId'] })
  .refine((p) => !p.endOn || p.startOn <= p.endOn, { message: '结束日期不能早于开始日期', path: ['endOn'] });
export type PairingInput = z.infer<typeof pairingInputSchema>;

/** The agency list's filters (list page, export and the web's query form share them). */
export const agencyFilterShape = {
  regionCode: regionCodeFilter().optional(),
  q: z.string().trim().max(40, '搜索内容不超过 40 个字').optional(),
  tag: z.enum(codesOf(AGENCY_TAGS), '机构类型不正确').optional(),
  rating: z.enum(codesOf(AGENCY_RATINGS), '评估等级不正确').optional(),
  eligible: queryFlag().optional(),
  status: z.enum(codesOf(AGENCY_STATUSES), '机构状态不正确').optional(),
  sort: z.enum(['region_code', 'name', 'updated_at'], '排序字段不正确').optional(),
  order: z.enum(['asc', 'desc'], '排序方向应为 asc 或 desc').optional(),
};
export type AgencyFilterInput = { [K in keyof typeof agencyFilterShape]?: z.input<(typeof agencyFilterShape)[K]> };

/**
 * What an agency administrator may change about their own agency (PATCH /my-agency): contact and
 * self-declared details only. The credit code, region, rating, eligibility and status stay with the
 * civil-affairs department; naming them is refused as an unknown field.
 */
export const myAgencyPatchSchema = z
  .strictObject({
    contactPhone: phoneSchema.nullable().optional(),
    address: text('住所', 200).optional(),
    legalRep: text('法定代表人', 32).optional(),
    partyOrg: z.boolean().optional(),
    partyOrgOn: isoDate('党组织成立日期').nullable().optional(),
    tags: z
      .array(z.enum(codesOf(AGENCY_TAGS), '机构类型不正确'))
      .max(AGENCY_TAGS.length)
      .optional(),
  })
  .superRefine((a, ctx) => crossCheck(a, ctx))
  .refine((b) => Object.keys(b).length > 0, '没有要修改的内容');
export type MyAgencyPatch = z.infer<typeof myAgencyPatchSchema>;

/**
 * An agency administrator adds a worker by ID number and name (they cannot search the registry):
 * both must match a talent who works in the field.
 */
export const ownStaffAddSchema = z.strictObject({
  idNumber: z.string('请填写身份证号码').trim().min(1, '请填写身份证号码').max(32, '身份证号码过长'),
  name: requiredText('姓名', 32),
  post: text('岗位', 64).default(''),
  fullTime: z.boolean().default(true),
  since: isoDate('到岗日期').nullable().default(null),
});
export type OwnStaffAdd = z.infer<typeof ownStaffAddSchema>;

const regionPathItem = z.object({ code: z.string(), name: z.string(), level: z.number() });

export const agencyListItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  creditCode: z.string(),
  creditCheckOverridden: z.boolean(),
  regionCode: z.string(),
  /** The region's path under the province, e.g. "贵阳市 / 南明区". */
  regionName: z.string().nullable(),
  legalRep: z.string(),
  tags: z.array(z.string()),
  rating: z.string().nullable(),
  ratingYear: z.number().nullable(),
  partyOrg: z.boolean(),
  eligible: z.boolean(),
  status: z.string(),
  staffCount: z.number(),
  certifiedCount: z.number(),
  platformCount: z.number(),
  updatedAt: z.string(),
});
export type AgencyListItem = z.infer<typeof agencyListItemSchema>;

/** A talent linked to an agency or platform as staff, as details show it. */
export const staffMemberSchema = z.object({
  talentId: z.string(),
  name: z.string(),
  /** The talent's certificate tier code (none / junior / intermediate / senior). */
  tier: z.string(),
  post: z.string(),
  fullTime: z.boolean(),
  since: z.string().nullable(),
});
export type StaffMember = z.infer<typeof staffMemberSchema>;

export const agencyPairingSchema = z.object({
  id: z.string(),
  /** What the agency whose detail lists the pairing is in it. */
  role: z.enum(['mentor', 'mentee']),
  otherId: z.string(),
  otherName: z.string(),
  program: z.string(),
  startOn: z.string(),
  endOn: z.string().nullable(),
  results: z.string(),
});

/** A pairing as POST /agency-pairings answers it. */
export const pairingSchema = z.object({
  id: z.string(),
  mentorId: z.string(),
  mentorName: z.string(),
  menteeId: z.string(),
  menteeName: z.string(),
  program: z.string(),
  startOn: z.string(),
  endOn: z.string().nullable(),
  results: z.string(),
  createdAt: z.string(),
});
export type Pairing = z.infer<typeof pairingSchema>;

export const agencyDetailSchema = z.object({
  id: z.string(),
  name: z.string(),
  creditCode: z.string(),
  creditCheckOverridden: z.boolean(),
  registrationAuthority: z.string(),
  registeredOn: z.string().nullable(),
  legalRep: z.string(),
  regionCode: z.string(),
  regionPath: z.array(regionPathItem),
  address: z.string(),
  tags: z.array(z.string()),
  rating: z.string().nullable(),
  ratingYear: z.number().nullable(),
  partyOrg: z.boolean(),
  partyOrgOn: z.string().nullable(),
  contactPhone: z.string().nullable(),
  status: z.string(),
  eligible: z.boolean(),
  ineligibleYear: z.number().nullable(),
  ineligibleReason: z.string().nullable(),
  staff: z.array(staffMemberSchema),
  staffCount: z.number(),
  certifiedCount: z.number(),
  platforms: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string(), regionName: z.string().nullable(), status: z.string() })),
  pairings: z.array(agencyPairingSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AgencyDetail = z.infer<typeof agencyDetailSchema>;
