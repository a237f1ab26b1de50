/**
 * Code lists of the talent registry. Codes are short stable strings stored in the database and used in
 * the API; names are what forms, templates and exports show. Multi-valued lists (categories, fields,
 * roles) are stored as bit masks: the bit of a code is its position in the list, so these lists are
 * append-only — never reorder or remove an entry.
 */
import type { CodeItem } from '../standards/code-lists.ts';

export type { CodeItem };

const items = <const T extends readonly (readonly [string, string])[]>(pairs: T) =>
  Object.freeze(pairs.map(([code, name]) => Object.freeze({ code, name }))) as readonly { readonly code: T[number][0]; readonly name: string }[];

/** 人才类别 (seed 002 §四–六): practice, research, management. A talent can be in several. */
export const TALENT_CATEGORIES = items([
  ['practice', '实务人才'],
  ['research', '研究人才'],
  ['management', '管理人才'],
] as const);
export type TalentCategory = (typeof TALENT_CATEGORIES)[number]['code'];

/** 服务领域. */
export const SERVICE_FIELDS = items([
  ['elderly', '养老服务'],
  ['children', '儿童福利'],
  ['assistance', '社会救助'],
  ['disability', '残障康复'],
  ['community', '社区治理'],
  ['rural', '乡村振兴'],
  ['drug', '禁毒戒毒'],
  ['correction', '社区矫正'],
  ['family', '婚姻家庭'],
  ['school', '学校社工'],
  ['medical', '医务社工'],
  ['emergency', '应急救援'],
  ['veterans', '退役军人服务'],
  ['other', '其他'],
] as const);
export type ServiceField = (typeof SERVICE_FIELDS)[number]['code'];

/** 人员身份/角色: the related roles seed 002 §四 asks to bring into social work. */
export const TALENT_ROLES = items([
  ['village_cadre', '村(社区)干部'],
  ['grid_worker', '网格员'],
  ['child_director', '儿童主任'],
  ['assistance_aide', '救助协理员'],
  ['local_worker', '社会工作员/乡土社工'],
  ['counselor', '心理咨询师'],
  ['volunteer_lead', '志愿者骨干'],
  ['child_supervisor', '儿童督导员'],
  ['school_counselor', '学校辅导员'],
  ['legal_worker', '法律服务工作者'],
  ['veteran', '退役军人'],
  ['other', '其他'],
] as const);
export type TalentRole = (typeof TALENT_ROLES)[number]['code'];

/** 职业资格证书等级; the numeric tier is the position + 1 (0 = no certificate). */
export const CERTIFICATE_LEVELS = items([
  ['assistant', '助理社会工作师'],
  ['intermediate', '社会工作师'],
  ['senior', '高级社会工作师'],
] as const);
export type CertificateLevel = (typeof CERTIFICATE_LEVELS)[number]['code'];

/** Tier of a talent = highest verified certificate. */
export const TIERS = items([
  ['none', '无证书'],
  ['junior', '初级(助理社会工作师)'],
  ['intermediate', '中级(社会工作师)'],
  ['senior', '高级(高级社会工作师)'],
] as const);
export type Tier = (typeof TIERS)[number]['code'];

/** 学历, ordered from lowest to highest. */
export const EDUCATION_LEVELS = items([
  ['junior_high', '初中及以下'],
  ['senior_high', '高中/中专'],
  ['college', '大专'],
  ['bachelor', '本科'],
  ['master', '硕士研究生'],
  ['doctor', '博士研究生'],
] as const);
export type EducationLevel = (typeof EDUCATION_LEVELS)[number]['code'];

/** 学位. */
export const DEGREES = items([
  ['none', '无'],
  ['bachelor', '学士'],
  ['master', '硕士'],
  ['doctor', '博士'],
] as const);
export type Degree = (typeof DEGREES)[number]['code'];

/** 专业类别: what the key-talent rules and the graduate count look at. */
export const MAJOR_CLASSES = items([
  ['social_work', '社会工作'],
  ['sociology', '社会学'],
  ['other', '其他专业'],
] as const);
export type MajorClass = (typeof MAJOR_CLASSES)[number]['code'];

/** 职称等级, ordered. */
export const TITLE_LEVELS = items([
  ['none', '无'],
  ['junior', '初级'],
  ['intermediate', '中级'],
  ['associate_senior', '副高级'],
  ['senior', '正高级'],
] as const);
export type TitleLevel = (typeof TITLE_LEVELS)[number]['code'];

/** 讲授课程 (for teachers). */
export const TEACHING_SUBJECTS = items([
  ['none', '不从事教学'],
  ['social_work', '社会工作'],
  ['sociology', '社会学'],
  ['other', '其他'],
] as const);
export type TeachingSubject = (typeof TEACHING_SUBJECTS)[number]['code'];

export const TALENT_STATUSES = items([
  ['active', '在职在岗'],
  ['left', '离开社工领域'],
  ['deceased', '已故'],
] as const);
export type TalentStatus = (typeof TALENT_STATUSES)[number]['code'];

/** 表彰奖励级别. */
export const HONOUR_LEVELS = items([
  ['national', '国家级'],
  ['provincial', '省级'],
  ['city', '市(州)级'],
  ['county', '县(市、区)级'],
  ['other', '其他'],
] as const);
export type HonourLevel = (typeof HONOUR_LEVELS)[number]['code'];

/** 选派计划. */
export const DISPATCH_PROGRAMS = items([
  ['three_regions', '三区计划'],
  ['hand_in_hand', '牵手计划'],
  ['other', '其他'],
] as const);
export type DispatchProgram = (typeof DISPATCH_PROGRAMS)[number]['code'];

/** Verification of self-submitted certificates and training hours. */
export const VERIFICATION_STATUSES = items([
  ['verified', '已核实'],
  ['pending', '待审核'],
  ['rejected', '未通过'],
] as const);
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number]['code'];

/** Age bands of the structure analytics (age in whole years at the end of the reference year). */
export const AGE_BANDS = items([
  ['under30', '30岁以下'],
  ['30to35', '30–35岁'],
  ['36to45', '36–45岁'],
  ['46to55', '46–55岁'],
  ['over55', '55岁以上'],
] as const);
export type AgeBand = (typeof AGE_BANDS)[number]['code'];

/** Bit mask of a set of codes from a multi-valued list. */
export function toMask(list: readonly CodeItem[], codes: readonly string[]): number {
  let mask = 0;
  for (const c of codes) {
    const i = list.findIndex((x) => x.code === c);
    if (i < 0) throw new Error(`unknown code ${c}`);
    mask |= 1 << i;
  }
  return mask;
}

/** Codes of a bit mask, in list order. */
export function fromMask<T extends string>(list: readonly { readonly code: T }[], mask: number): T[] {
  const out: T[] = [];
  for (let i = 0; i < list.length; i++) if ((mask & (1 << i)) !== 0) out.push(list[i].code);
  return out;
}

/** The bit of one code. */
export function bitOf(list: readonly CodeItem[], code: string): number {
  const i = list.findIndex((x) => x.code === code);
  if (i < 0) throw new Error(`unknown code ${code}`);
  return 1 << i;
}

export function codeName(list: readonly CodeItem[], code: string | null | undefined): string {
  return list.find((x) => x.code === code)?.name ?? '';
}

/** Finds a code by its code or its name (spreadsheets carry names). */
export function findCode<T extends string>(list: readonly { readonly code: T; readonly name: string }[], codeOrName: string): T | undefined {
  return list.find((x) => x.code === codeOrName || x.name === codeOrName)?.code;
}

export const codesOf = <T extends string>(list: readonly { readonly code: T }[]) => list.map((x) => x.code) as [T, ...T[]];
