/**
 * Key talents (重点人才). Who counts is provincial policy, so the rules are DATA: a rule set per province,
 * stored as JSON and edited by the province's administrator; the code only knows the condition types.
 * A talent is key when ANY rule holds, and a rule holds when ALL its conditions hold. The result lists
 * every rule that holds, so the record can show why someone is key.
 *
 * Default: 黔民发〔2022〕21号 names three kinds of 黔籍 people — 获得全国社会工作师及以上职业等级资格证书;
 * 讲授社会工作或社会学专业课程并获得副高级及以上职称; 获得社会工作或社会学专业博士学位.
 */
import { z } from 'zod';
import {
  CERTIFICATE_LEVELS,
  codeName,
  codesOf,
  DEGREES,
  EDUCATION_LEVELS,
  MAJOR_CLASSES,
  type MajorClass,
  TEACHING_SUBJECTS,
  TITLE_LEVELS,
  type TitleLevel,
} from './code-lists.ts';
import type { TalentFacts } from './facts.ts';
import { certificateRank, degreeRank, educationRank } from './tier.ts';

const without = <T extends string, X extends T>(codes: readonly T[], excluded: X) => codes.filter((c) => c !== excluded) as [Exclude<T, X>, ...Exclude<T, X>[]];

const distinct = (a: readonly string[]) => new Set(a).size === a.length;

const majorClasses = z
  .array(z.enum(codesOf(MAJOR_CLASSES), '专业类别不正确'), '请选择专业类别')
  .min(1, '请至少选择一个专业类别')
  .refine(distinct, '专业类别重复');

export const keyConditionSchema = z.discriminatedUnion(
  'type',
  [
    /** The 籍贯 lies in the province whose rules these are. */
    z.strictObject({ type: z.literal('nativeOfProvince') }),
    /** Holds a certificate of this level or higher. */
    z.strictObject({ type: z.literal('minCertificate'), level: z.enum(codesOf(CERTIFICATE_LEVELS), '请选择证书等级') }),
    /** Teaches one of these subjects. */
    z.strictObject({
      type: z.literal('teaches'),
      subjects: z
        .array(z.enum(without(codesOf(TEACHING_SUBJECTS), 'none'), '讲授课程不正确'), '请选择讲授课程')
        .min(1, '请至少选择一门讲授课程')
        .refine(distinct, '讲授课程重复'),
    }),
    /** Has a professional title of this level or higher ('none' would always hold, so it is refused). */
    z.strictObject({ type: z.literal('minTitle'), level: z.enum(without(codesOf(TITLE_LEVELS), 'none'), '请选择职称等级') }),
    /**
     * Some education has this degree OR HIGHER in one of these major classes: a 博士 also meets a 硕士
     * condition, so a 硕士 rule need not be repeated for 博士. For 博士 (the top) it is exact.
     */
    z.strictObject({
      type: z.literal('degree'),
      degree: z.enum(without(codesOf(DEGREES), 'none'), '请选择学位'),
      majorClasses,
    }),
    /** Some education has this level or higher, in one of these major classes when given. */
    z.strictObject({
      type: z.literal('minEducation'),
      level: z.enum(codesOf(EDUCATION_LEVELS), '请选择学历'),
      majorClasses: majorClasses.optional(),
    }),
  ],
  '条件类型不正确',
);
export type KeyCondition = z.infer<typeof keyConditionSchema>;

export const keyRuleSchema = z.strictObject({
  id: z.string('请填写规则标识').regex(/^[a-z][a-z0-9-]{0,31}$/, '规则标识应为小写字母开头的字母、数字或连字符,不超过 32 个字符'),
  label: z.string('请填写规则名称').trim().min(1, '请填写规则名称').max(60, '规则名称不能超过 60 个字'),
  conditions: z.array(keyConditionSchema, '请填写规则条件').min(1, '每条规则至少要有一个条件').max(6, '每条规则最多 6 个条件'),
});
export type KeyRule = z.infer<typeof keyRuleSchema>;

export const keyRuleSetSchema = z
  .strictObject({
    rules: z.array(keyRuleSchema, '请填写认定规则').min(1, '至少要有一条认定规则').max(20, '认定规则不超过 20 条'),
  })
  .superRefine((set, ctx) => {
    const seen = new Set<string>();
    set.rules.forEach((r, i) => {
      if (seen.has(r.id)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: '规则标识重复' });
      seen.add(r.id);
    });
  });
export type KeyRuleSet = z.infer<typeof keyRuleSetSchema>;

/** One reason a talent is key; matches keyReasonSchema in talent.schema.ts. */
export interface KeyReason {
  ruleId: string;
  label: string;
}

/** The labels' placeholder for the province's short name, e.g. 黔籍. */
const NATIVE = '{籍}';

const GUIZHOU_TEMPLATE: KeyRuleSet = {
  rules: [
    {
      id: 'certificate',
      label: `${NATIVE},持社会工作师及以上证书`,
      conditions: [{ type: 'nativeOfProvince' }, { type: 'minCertificate', level: 'intermediate' }],
    },
    {
      id: 'teacher',
      label: `${NATIVE},讲授社会工作或社会学专业课程并具有副高级及以上职称`,
      conditions: [{ type: 'nativeOfProvince' }, { type: 'teaches', subjects: ['social_work', 'sociology'] }, { type: 'minTitle', level: 'associate_senior' }],
    },
    {
      id: 'doctorate',
      label: `${NATIVE},获社会工作或社会学专业博士学位`,
      conditions: [{ type: 'nativeOfProvince' }, { type: 'degree', degree: 'doctor', majorClasses: ['social_work', 'sociology'] }],
    },
  ],
};

const withNative = (set: KeyRuleSet, native: string): KeyRuleSet => ({
  rules: set.rules.map((r) => ({ ...structuredClone(r), label: r.label.replace(NATIVE, native) })),
});

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

const GUIZHOU = '52';

/** 黔民发〔2022〕21号's three kinds of 黔籍 key talents. Frozen: copy with {@link defaultRuleSetFor} to edit. */
export const GUIZHOU_DEFAULT_RULES: KeyRuleSet = deepFreeze(withNative(GUIZHOU_TEMPLATE, '黔籍'));

/**
 * The rule set a province starts with: Guizhou's rules, labelled 黔籍 for Guizhou and 本省籍 elsewhere
 * (other provinces edit them to their own policy). A fresh copy, safe to modify.
 */
export function defaultRuleSetFor(provinceCode: string): KeyRuleSet {
  return withNative(GUIZHOU_TEMPLATE, provincePrefix(provinceCode) === GUIZHOU ? '黔籍' : '本省籍');
}

/** Two-digit province prefix of a 2- or 12-digit code; only the province matters for the rules. */
function provincePrefix(code: string): string {
  if (!/^\d{2}(\d{10})?$/.test(code) || code.startsWith('00')) throw new Error(`not a province code: ${code}`);
  return code.slice(0, 2);
}

const titleRank = (level: TitleLevel) => TITLE_LEVELS.findIndex((t) => t.code === level);

function holds(c: KeyCondition, province: string, f: TalentFacts): boolean {
  switch (c.type) {
    case 'nativeOfProvince':
      return f.nativePlace?.startsWith(province) ?? false;
    case 'minCertificate':
      return f.certificates.some((x) => certificateRank(x.level) >= certificateRank(c.level));
    case 'teaches':
      return (c.subjects as string[]).includes(f.teachingSubject);
    case 'minTitle':
      return titleRank(f.titleLevel) >= titleRank(c.level);
    case 'degree':
      return f.educations.some((e) => degreeRank(e.degree) >= degreeRank(c.degree) && c.majorClasses.includes(e.majorClass));
    case 'minEducation':
      return f.educations.some(
        (e) => educationRank(e.level) >= educationRank(c.level) && (c.majorClasses === undefined || c.majorClasses.includes(e.majorClass)),
      );
  }
}

/**
 * The rules of `ruleSet` (the rules of province `provinceCode`, 2 or 12 digits) that the talent meets,
 * in rule order; empty = not a key talent. Certificates and educations are taken as given: pass the
 * verified ones.
 */
export function evaluateKeyTalent(ruleSet: KeyRuleSet, provinceCode: string, facts: TalentFacts): KeyReason[] {
  const province = provincePrefix(provinceCode);
  return ruleSet.rules.filter((r) => r.conditions.every((c) => holds(c, province, facts))).map((r) => ({ ruleId: r.id, label: r.label }));
}

/** 社会工作或社会学专业; names ending in 专业 (其他专业) are not doubled. */
function majorsText(classes: readonly MajorClass[]): string {
  return `${classes.map((m) => codeName(MAJOR_CLASSES, m).replace(/专业$/, '')).join('或')}专业`;
}

/** "X及以上" unless X is the top of its list, where "及以上" would add nothing. */
function orHigher(list: readonly { code: string; name: string }[], code: string): string {
  const top = list[list.length - 1].code === code;
  return top ? codeName(list, code) : `${codeName(list, code)}及以上`;
}

/** A condition in words, for the rule editor and the rule list. */
export function describeCondition(c: KeyCondition): string {
  switch (c.type) {
    case 'nativeOfProvince':
      return '籍贯在本省';
    case 'minCertificate':
      return `持${orHigher(CERTIFICATE_LEVELS, c.level)}证书`;
    case 'teaches':
      return `讲授${c.subjects.map((s) => codeName(TEACHING_SUBJECTS, s)).join('或')}专业课程`;
    case 'minTitle':
      return `具有${orHigher(TITLE_LEVELS, c.level)}职称`;
    case 'degree':
      return `获得${majorsText(c.majorClasses)}${orHigher(DEGREES, c.degree)}学位`;
    case 'minEducation': {
      const majors = c.majorClasses ? majorsText(c.majorClasses) : '';
      // 初中及以下 is the bottom of the list: "at least" it just means some education is recorded.
      if (c.level === 'junior_high') return majors ? `具有${majors}学历` : '有学历记录';
      return `具有${majors}${orHigher(EDUCATION_LEVELS, c.level)}学历`;
    }
  }
}

/** A rule's conditions in words, joined by 且. */
export function describeRule(rule: KeyRule): string {
  return rule.conditions.map(describeCondition).join('且');
}
