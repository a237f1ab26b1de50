/**
 * The talent record as forms and the API exchange it: one definition for the server's validation,
 * the web's client-side validation and both sides' types. Field messages are Chinese.
 */
import { z } from 'zod';
import { isIsoDate } from '../standards/calendar.ts';
import { ETHNIC_GROUPS } from '../standards/code-lists.ts';
import { crossCheckIdNumber, parseIdNumber } from '../standards/id-number.ts';
import { isRegionCode } from '../standards/region-code.ts';
import { patchShape, requiredText, text } from '../standards/zod-fields.ts';
import {
  CERTIFICATE_LEVELS,
  codesOf,
  DEGREES,
  DISPATCH_PROGRAMS,
  EDUCATION_LEVELS,
  HONOUR_LEVELS,
  MAJOR_CLASSES,
  SERVICE_FIELDS,
  TALENT_CATEGORIES,
  TALENT_ROLES,
  TALENT_STATUSES,
  TEACHING_SUBJECTS,
  TIERS,
  TITLE_LEVELS,
} from './code-lists.ts';

/** A real calendar date written YYYY-MM-DD. */
export const isoDate = (label: string) =>
  z
    .string(`请填写${label}`)
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为 YYYY-MM-DD`)
    .refine(isIsoDate, `${label}不是有效日期`);

/** Talent years reach back to 1950 (graduations, certificates), further than the network's records. */
const year = (label: string) =>
  z.number(`${label}应为年份数字`).int(`${label}应为整数年份`).min(1950, `${label}不早于 1950 年`).max(2100, `${label}不晚于 2100 年`);

export const talentRegionCode = z
  .string('请选择工作地区')
  .regex(/^\d{12}$/, '区划代码应为 12 位数字')
  .refine((c) => isRegionCode(c), '区划代码不符合国家统计用区划代码规则');

/** Mobile (11 digits starting 1) or a landline with area code; spaces and dashes tolerated. */
export const phoneSchema = z
  .string()
  .trim()
  .transform((s) => s.replace(/[\s-]/g, ''))
  .refine((s) => /^1[3-9]\d{9}$/.test(s) || /^0\d{9,11}$/.test(s), '电话应为 11 位手机号或带区号的固定电话');

export const certificateSchema = z.strictObject({
  level: z.enum(codesOf(CERTIFICATE_LEVELS), '请选择证书等级'),
  certificateNo: requiredText('证书编号', 40),
  obtainedYear: year('取得年份'),
  registeredOn: isoDate('登记日期').nullable().default(null),
  reregisteredOn: isoDate('再登记日期').nullable().default(null),
});
export type CertificateInput = z.infer<typeof certificateSchema>;

export const educationSchema = z.strictObject({
  level: z.enum(codesOf(EDUCATION_LEVELS), '请选择学历'),
  school: text('毕业院校', 64).default(''),
  majorClass: z.enum(codesOf(MAJOR_CLASSES), '请选择专业类别').default('other'),
  major: text('专业名称', 64).default(''),
  graduationYear: year('毕业年份').nullable().default(null),
  degree: z.enum(codesOf(DEGREES), '请选择学位').default('none'),
});
export type EducationInput = z.infer<typeof educationSchema>;

export const employmentSchema = z
  .strictObject({
    employer: requiredText('工作单位', 100),
    post: text('岗位', 64).default(''),
    professionalPost: z.boolean().default(false),
    startDate: isoDate('入职日期').nullable().default(null),
    endDate: isoDate('离职日期').nullable().default(null),
  })
  .refine((e) => !e.startDate || !e.endDate || e.startDate <= e.endDate, { message: '离职日期不能早于入职日期', path: ['endDate'] });
export type EmploymentInput = z.infer<typeof employmentSchema>;

export const trainingSchema = z.strictObject({
  date: isoDate('培训日期'),
  hours: z.number('学时应为数字').positive('学时应大于 0').max(500, '单次学时不超过 500'),
  title: requiredText('培训名称', 100),
  organizer: text('主办单位', 100).default(''),
});
export type TrainingInput = z.infer<typeof trainingSchema>;

export const honourSchema = z.strictObject({
  level: z.enum(codesOf(HONOUR_LEVELS), '请选择表彰级别'),
  title: requiredText('表彰名称', 100),
  year: year('表彰年份'),
});
export type HonourInput = z.infer<typeof honourSchema>;

export const dispatchSchema = z
  .strictObject({
    program: z.enum(codesOf(DISPATCH_PROGRAMS), '请选择选派计划'),
    fromRegion: talentRegionCode.nullable().default(null),
    toRegion: talentRegionCode.nullable().default(null),
    startDate: isoDate('开始日期'),
    endDate: isoDate('结束日期').nullable().default(null),
  })
  .refine((d) => !d.endDate || d.startDate <= d.endDate, { message: '结束日期不能早于开始日期', path: ['endDate'] });
export type DispatchInput = z.infer<typeof dispatchSchema>;

/** Scalar fields of a talent (everything but the lists). */
const talentCoreShape = {
  name: requiredText('姓名', 32),
  idNumber: z.string('请填写身份证号码').trim().min(1, '请填写身份证号码'),
  /** GB/T 2261.1; derived from the ID number when left out, cross-checked when given. */
  sex: z.enum(['1', '2'], '性别应为 1 男 或 2 女').optional(),
  /** Derived from the ID number when left out, cross-checked when given. */
  birthDate: isoDate('出生日期').optional(),
  ethnicity: z.enum(ETHNIC_GROUPS.map((e) => e.code) as [string, ...string[]], '请选择民族').default('01'),
  nativePlace: talentRegionCode.nullable().default(null),
  phone: phoneSchema.nullable().default(null),
  partyMember: z.boolean().default(false),
  regionCode: talentRegionCode,
  categories: z
    .array(z.enum(codesOf(TALENT_CATEGORIES), '人才类别不正确'))
    .min(1, '请至少选择一个人才类别')
    .max(3),
  fields: z
    .array(z.enum(codesOf(SERVICE_FIELDS), '服务领域不正确'))
    .max(SERVICE_FIELDS.length)
    .default([]),
  roles: z
    .array(z.enum(codesOf(TALENT_ROLES), '人员身份不正确'))
    .max(TALENT_ROLES.length)
    .default([]),
  titleLevel: z.enum(codesOf(TITLE_LEVELS), '请选择职称等级').default('none'),
  titleName: text('职称名称', 32).default(''),
  teachingSubject: z.enum(codesOf(TEACHING_SUBJECTS), '请选择讲授课程').default('none'),
  employer: text('工作单位', 100).default(''),
  post: text('岗位', 64).default(''),
  professionalPost: z.boolean().default(false),
  employmentStart: isoDate('入职日期').nullable().default(null),
  status: z.enum(codesOf(TALENT_STATUSES), '请选择人员状态').default('active'),
};

const listShape = {
  certificates: z.array(certificateSchema).max(10, '证书不超过 10 条').default([]),
  educations: z.array(educationSchema).max(10, '学历不超过 10 条').default([]),
  employments: z.array(employmentSchema).max(30, '工作经历不超过 30 条').default([]),
  trainings: z.array(trainingSchema).max(500, '继续教育记录不超过 500 条').default([]),
  honours: z.array(honourSchema).max(50, '表彰奖励不超过 50 条').default([]),
  dispatches: z.array(dispatchSchema).max(30, '选派经历不超过 30 条').default([]),
};

/** Checks the ID number and its agreement with entered birth date and sex; normalizes the number. */
function checkIdentity(t: { idNumber?: string; birthDate?: string; sex?: string }, ctx: z.RefinementCtx) {
  if (t.idNumber === undefined) return;
  const parsed = parseIdNumber(t.idNumber);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', path: ['idNumber'], message: parsed.message });
    return;
  }
  const problems = crossCheckIdNumber(parsed.value, { birthDate: t.birthDate ?? null, sex: t.sex ?? null });
  for (const message of problems) ctx.addIssue({ code: 'custom', path: [message.includes('性别') ? 'sex' : 'birthDate'], message });
}

const certificateUnique = (t: { certificates?: CertificateInput[] }, ctx: z.RefinementCtx) => {
  const seen = new Set<string>();
  t.certificates?.forEach((c, i) => {
    if (seen.has(c.certificateNo)) ctx.addIssue({ code: 'custom', path: ['certificates', i, 'certificateNo'], message: '证书编号重复' });
    seen.add(c.certificateNo);
  });
};

/** Body of "create a talent" (and one imported row). */
export const talentInputSchema = z
  .strictObject({ ...talentCoreShape, ...listShape })
  .superRefine(checkIdentity)
  .superRefine(certificateUnique);
export type TalentInput = z.infer<typeof talentInputSchema>;
export type TalentInputRaw = z.input<typeof talentInputSchema>;

/** Body of "edit a talent": any subset; a list given replaces the stored list. */
export const talentPatchSchema = z
  .strictObject({
    ...patchShape(talentCoreShape),
    ...patchShape(listShape),
  } as { [K in keyof typeof talentCoreShape | keyof typeof listShape]: z.ZodOptional<z.ZodType<TalentInput[K], unknown>> })
  .superRefine((t, ctx) => checkIdentity(t as { idNumber?: string; birthDate?: string; sex?: string }, ctx))
  .superRefine((t, ctx) => certificateUnique(t as { certificates?: CertificateInput[] }, ctx))
  .refine((b) => Object.keys(b).length > 0, '没有要修改的内容');
export type TalentPatch = Partial<TalentInput>;

/** One key-talent reason, e.g. { ruleId: 'cert', label: '黔籍且持社会工作师及以上证书' }. */
export const keyReasonSchema = z.object({ ruleId: z.string(), label: z.string() });

/** A row of the talent list (identity masked). */
export const talentListItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  idNumberMasked: z.string(),
  sex: z.string(),
  birthDate: z.string(),
  age: z.number(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  tier: z.enum(codesOf(TIERS)),
  categories: z.array(z.string()),
  fields: z.array(z.string()),
  roles: z.array(z.string()),
  employer: z.string(),
  isKey: z.boolean(),
  keyReasons: z.array(keyReasonSchema),
  reregistrationDue: z.string().nullable(),
  ceHours: z.number(),
  ceRequired: z.number(),
  status: z.enum(codesOf(TALENT_STATUSES)),
  updatedAt: z.string(),
});
export type TalentListItem = z.infer<typeof talentListItemSchema>;

const withId = <T extends z.ZodType>(s: T) => z.intersection(z.object({ id: z.string() }), s);

/** The whole record as the detail page shows it (identity and phone masked; reveal is separate). */
export const talentDetailSchema = z.object({
  id: z.string(),
  name: z.string(),
  idNumberMasked: z.string(),
  sex: z.string(),
  birthDate: z.string(),
  age: z.number(),
  youth: z.boolean(),
  ethnicity: z.string(),
  nativePlace: z.string().nullable(),
  nativePlaceName: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  partyMember: z.boolean(),
  regionCode: z.string(),
  regionPath: z.array(z.object({ code: z.string(), name: z.string(), level: z.number() })),
  urbanRural: z.enum(['urban', 'rural']).nullable(),
  categories: z.array(z.string()),
  fields: z.array(z.string()),
  roles: z.array(z.string()),
  tier: z.enum(codesOf(TIERS)),
  educationLevel: z.string().nullable(),
  titleLevel: z.string(),
  titleName: z.string(),
  teachingSubject: z.string(),
  employer: z.string(),
  post: z.string(),
  professionalPost: z.boolean(),
  employmentStart: z.string().nullable(),
  status: z.enum(codesOf(TALENT_STATUSES)),
  isKey: z.boolean(),
  keyReasons: z.array(keyReasonSchema),
  keySince: z.string().nullable(),
  continuingEducation: z.object({
    periodStart: z.string().nullable(),
    reregistrationDue: z.string().nullable(),
    required: z.number(),
    hours: z.number(),
    short: z.boolean(),
    due: z.boolean(),
  }),
  certificates: z.array(withId(certificateSchema)),
  educations: z.array(withId(educationSchema)),
  employments: z.array(withId(employmentSchema)),
  trainings: z.array(withId(trainingSchema)),
  honours: z.array(withId(honourSchema)),
  dispatches: z.array(withId(dispatchSchema)),
  hasAccount: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TalentDetail = z.infer<typeof talentDetailSchema>;
