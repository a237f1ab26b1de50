/**
 * The platform (阵地) record as forms, the API and imports exchange it: one definition for server
 * validation, the web's client validation and both sides' types. Field messages are Chinese.
 */
import { z } from 'zod';
import { patchShape, queryFlag, regionCodeFilter, requiredText, text, year } from '../standards/zod-fields.ts';
import { codesOf, HONOUR_LEVELS } from '../talents/code-lists.ts';
import { isoDate, phoneSchema, talentRegionCode } from '../talents/talent.schema.ts';
import { CONSTRUCTION_SOURCES, DEMO_LEVELS, FUNDING_SOURCES, OPERATING_MODES, PLATFORM_KINDS, PLATFORM_STATUSES, STATION_SERVICES } from './code-lists.ts';
import { isInChina } from './geo.ts';

export const regionCodeSchema = talentRegionCode;

const count = (label: string, max = 10_000) => z.number(`${label}应为数字`).int(`${label}应为整数`).min(0, `${label}不能为负数`).max(max, `${label}过大`);

export const fundingSchema = z.strictObject({
  year: year('年度'),
  source: z.enum(codesOf(FUNDING_SOURCES), '请选择资金来源'),
  /** 分 (fen); the UI shows 元 with two decimals. */
  amountFen: z.number('金额应为数字').int('金额以分为单位,应为整数').min(0, '金额不能为负数').max(100_000_000_000, '金额过大'),
  note: text('说明', 200).default(''),
});
export type FundingInput = z.infer<typeof fundingSchema>;

export const platformHonourSchema = z.strictObject({
  level: z.enum(codesOf(HONOUR_LEVELS), '请选择荣誉级别'),
  title: requiredText('荣誉名称', 100),
  year: year('获得年份'),
});
export type PlatformHonourInput = z.infer<typeof platformHonourSchema>;

export const checkInputSchema = z.strictObject({
  itemKey: z.string().trim().min(1).max(24),
  met: z.boolean('请选择是否达标'),
  evidence: text('佐证说明', 500).default(''),
  checkedOn: isoDate('检查日期').nullable().default(null),
});
export type CheckInput = z.infer<typeof checkInputSchema>;

export const staffLinkSchema = z.strictObject({
  talentId: z.string('请选择人员').min(1, '请选择人员').max(36),
  post: text('岗位', 64).default(''),
  fullTime: z.boolean().default(true),
  since: isoDate('到岗日期').nullable().default(null),
});
export type StaffLinkInput = z.infer<typeof staffLinkSchema>;

const platformCoreShape = {
  kind: z.enum(codesOf(PLATFORM_KINDS), '请选择阵地类型'),
  name: requiredText('阵地名称', 100),
  regionCode: regionCodeSchema,
  address: text('地址', 200).default(''),
  lng: z.number('经度应为数字').min(-180).max(180).nullable().default(null),
  lat: z.number('纬度应为数字').min(-90).max(90).nullable().default(null),
  openedOn: isoDate('启用日期').nullable().default(null),
  operatingMode: z.enum(codesOf(OPERATING_MODES), '请选择运营方式').default('self'),
  agencyId: z.string().max(36).nullable().default(null),
  floorArea: z.number('面积应为数字').min(0, '面积不能为负数').max(100_000, '面积过大').nullable().default(null),
  roomsIndividual: count('个案室数量', 100).default(0),
  roomsGroup: count('小组室数量', 100).default(0),
  roomsActivity: count('活动室数量', 100).default(0),
  equipment: text('设施设备', 500).default(''),
  constructionSource: z.enum(codesOf(CONSTRUCTION_SOURCES), '请选择建设来源').nullable().default(null),
  services: z
    .array(z.enum(codesOf(STATION_SERVICES), '服务内容不正确'))
    .max(STATION_SERVICES.length)
    .default([]),
  openingHours: text('开放时间', 100).default(''),
  contactName: text('联系人', 32).default(''),
  contactPhone: phoneSchema.nullable().default(null),
  isPublic: z.boolean().default(true),
  status: z.enum(codesOf(PLATFORM_STATUSES), '请选择运营状态').default('operating'),
  demoLevel: z.enum(codesOf(DEMO_LEVELS), '请选择示范级别').nullable().default(null),
  demoYear: year('示范年份').nullable().default(null),
  brand: text('品牌名称', 64).default(''),
  note: text('备注', 1000).default(''),
};

const platformListShape = {
  honours: z.array(platformHonourSchema).max(50, '荣誉不超过 50 条').default([]),
  funding: z.array(fundingSchema).max(100, '资金记录不超过 100 条').default([]),
};

type CoreChecked = {
  operatingMode?: string;
  agencyId?: string | null;
  lng?: number | null;
  lat?: number | null;
  demoLevel?: string | null;
  demoYear?: number | null;
};

/** Cross-field rules: an agency-run platform names its agency; coordinates come in pairs inside China; a demonstration has a year. */
function crossCheck(p: CoreChecked, ctx: z.RefinementCtx) {
  if (p.operatingMode === 'agency' && !p.agencyId) ctx.addIssue({ code: 'custom', path: ['agencyId'], message: '委托运营的阵地请选择运营机构' });
  if (p.operatingMode === 'self' && p.agencyId) ctx.addIssue({ code: 'custom', path: ['agencyId'], message: '自建自营的阵地不填写运营机构' });
  const hasLng = p.lng !== null && p.lng !== undefined;
  const hasLat = p.lat !== null && p.lat !== undefined;
  if (hasLng !== hasLat) ctx.addIssue({ code: 'custom', path: [hasLng ? 'lat' : 'lng'], message: '经度和纬度需同时填写' });
  else if (hasLng && hasLat && !isInChina(p.lng as number, p.lat as number))
    ctx.addIssue({ code: 'custom', path: ['lng'], message: '坐标不在中国境内,请检查经纬度是否填反' });
  if (p.demoLevel && !p.demoYear) ctx.addIssue({ code: 'custom', path: ['demoYear'], message: '请填写命名为示范的年份' });
}

/** Body of "create a platform" (and one imported row). Region level vs kind is checked by the service (it needs the region). */
export const platformInputSchema = z.strictObject({ ...platformCoreShape, ...platformListShape }).superRefine(crossCheck);
export type PlatformInput = z.infer<typeof platformInputSchema>;
export type PlatformInputRaw = z.input<typeof platformInputSchema>;

/** Body of "edit a platform": any subset (defaults are not filled in, so a patch never empties a list). */
export const platformPatchSchema = z
  .strictObject({
    ...patchShape(platformCoreShape),
    ...patchShape(platformListShape),
  } as { [K in keyof typeof platformCoreShape | keyof typeof platformListShape]: z.ZodOptional<z.ZodType<PlatformInput[K], unknown>> })
  .refine((b) => Object.keys(b).length > 0, '没有要修改的内容');
export type PlatformPatch = Partial<PlatformInput>;

/** Fields the public finder may show (never the contact person, staff, money or notes). */
export const PUBLIC_PLATFORM_FIELDS = [
  'id',
  'kind',
  'name',
  'regionCode',
  'regionPath',
  'address',
  'lng',
  'lat',
  'openingHours',
  'contactPhone',
  'services',
  'brand',
] as const;

/** The platform list's filters (list page, export, and the web's query form share them). */
export const platformFilterShape = {
  regionCode: regionCodeFilter().optional(),
  kind: z.enum(codesOf(PLATFORM_KINDS), '阵地类型不正确').optional(),
  status: z.enum(codesOf(PLATFORM_STATUSES), '运营状态不正确').optional(),
  standard: queryFlag().optional(),
  demo: queryFlag().optional(),
  agencyId: z.string().max(36).optional(),
  q: z.string().trim().max(40, '搜索内容不超过 40 个字').optional(),
  sort: z.enum(['region_code', 'name', 'opened_on', 'updated_at'], '排序字段不正确').optional(),
  order: z.enum(['asc', 'desc'], '排序方向应为 asc 或 desc').optional(),
};
export type PlatformFilterInput = { [K in keyof typeof platformFilterShape]?: z.input<(typeof platformFilterShape)[K]> };
export type PlatformFilter = { [K in keyof typeof platformFilterShape]?: z.output<(typeof platformFilterShape)[K]> };

const kindEnum = z.enum(codesOf(PLATFORM_KINDS));
const statusEnum = z.enum(codesOf(PLATFORM_STATUSES));

export const platformListItemSchema = z.object({
  id: z.string(),
  kind: kindEnum,
  name: z.string(),
  regionCode: z.string(),
  /** Path under the province, e.g. "贵阳市 / 南明区 / 花果园街道". */
  regionName: z.string(),
  address: z.string(),
  status: statusEnum,
  operatingMode: z.enum(codesOf(OPERATING_MODES)),
  agencyId: z.string().nullable(),
  agencyName: z.string().nullable(),
  checksMet: z.number(),
  checksTotal: z.number(),
  standard: z.boolean(),
  demoLevel: z.enum(codesOf(DEMO_LEVELS)).nullable(),
  demoYear: z.number().nullable(),
  brand: z.string(),
  staffFullTime: z.number(),
  staffPartTime: z.number(),
  staffCertified: z.number(),
  openedOn: z.string().nullable(),
  updatedAt: z.string(),
});
export type PlatformListItem = z.infer<typeof platformListItemSchema>;

export const platformStaffSchema = z.object({
  talentId: z.string(),
  name: z.string(),
  tier: z.string(),
  post: z.string(),
  fullTime: z.boolean(),
  since: z.string().nullable(),
});

export const platformPhotoSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  mime: z.string(),
  size: z.number(),
  caption: z.string(),
  createdAt: z.string(),
});

export const platformCheckSchema = z.object({
  itemKey: z.string(),
  name: z.string(),
  description: z.string(),
  met: z.boolean(),
  evidence: z.string(),
  checkedOn: z.string().nullable(),
});

export const platformDetailSchema = z.object({
  id: z.string(),
  kind: kindEnum,
  name: z.string(),
  regionCode: z.string(),
  regionPath: z.array(z.object({ code: z.string(), name: z.string() })),
  address: z.string(),
  lng: z.number().nullable(),
  lat: z.number().nullable(),
  openedOn: z.string().nullable(),
  operatingMode: z.enum(codesOf(OPERATING_MODES)),
  agencyId: z.string().nullable(),
  agencyName: z.string().nullable(),
  floorArea: z.number().nullable(),
  roomsIndividual: z.number(),
  roomsGroup: z.number(),
  roomsActivity: z.number(),
  equipment: z.string(),
  constructionSource: z.enum(codesOf(CONSTRUCTION_SOURCES)).nullable(),
  services: z.array(z.enum(codesOf(STATION_SERVICES))),
  openingHours: z.string(),
  contactName: z.string(),
  contactPhone: z.string().nullable(),
  isPublic: z.boolean(),
  status: statusEnum,
  demoLevel: z.enum(codesOf(DEMO_LEVELS)).nullable(),
  demoYear: z.number().nullable(),
  brand: z.string(),
  note: z.string(),
  honours: z.array(z.object({ level: z.string(), title: z.string(), year: z.number() })),
  funding: z.array(z.object({ year: z.number(), source: z.enum(codesOf(FUNDING_SOURCES)), amountFen: z.number(), note: z.string() })),
  checks: z.array(platformCheckSchema),
  checksMet: z.number(),
  checksTotal: z.number(),
  standard: z.boolean(),
  lacking: z.array(z.object({ key: z.string(), name: z.string() })),
  staff: z.array(platformStaffSchema),
  staffFullTime: z.number(),
  staffPartTime: z.number(),
  staffCertified: z.number(),
  photos: z.array(platformPhotoSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PlatformDetail = z.infer<typeof platformDetailSchema>;

/** Body of PUT /platforms/:id/checks and /staff. */
export const checksBodySchema = z.strictObject({ checks: z.array(checkInputSchema).max(12, '检查项目不超过 12 项') });
export const staffBodySchema = z.strictObject({ staff: z.array(staffLinkSchema).max(200, '人员不超过 200 人') });
