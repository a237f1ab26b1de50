/**
 * Small national code lists: ethnic groups (GB 3304) and sex (GB/T 2261.1).
 * Codes are strings because they are zero-padded ('01') and stored as text.
 */
import { cleanCell } from './normalize.ts';

export interface CodeItem {
  readonly code: string;
  readonly name: string;
}

/** The 56 ethnic groups in the standard's order (01–56), then 97 and 98. */
export const ETHNIC_GROUPS: readonly CodeItem[] = Object.freeze(
  [
    '汉族',
    '蒙古族',
    '回族',
    '藏族',
    '维吾尔族',
    '苗族',
    '彝族',
    '壮族',
    '布依族',
    '朝鲜族',
    '满族',
    '侗族',
    '瑶族',
    '白族',
    '土家族',
    '哈尼族',
    '哈萨克族',
    '傣族',
    '黎族',
    '傈僳族',
    '佤族',
    '畲族',
    '高山族',
    '拉祜族',
    '水族',
    '东乡族',
    '纳西族',
    '景颇族',
    '柯尔克孜族',
    '土族',
    '达斡尔族',
    '仫佬族',
    '羌族',
    '布朗族',
    '撒拉族',
    '毛南族',
    '仡佬族',
    '锡伯族',
    '阿昌族',
    '普米族',
    '塔吉克族',
    '怒族',
    '乌孜别克族',
    '俄罗斯族',
    '鄂温克族',
    '德昂族',
    '保安族',
    '裕固族',
    '京族',
    '塔塔尔族',
    '独龙族',
    '鄂伦春族',
    '赫哲族',
    '门巴族',
    '珞巴族',
    '基诺族',
  ]
    .map((name, i) => Object.freeze({ code: String(i + 1).padStart(2, '0'), name }))
    .concat([Object.freeze({ code: '97', name: '其他' }), Object.freeze({ code: '98', name: '外国血统中国籍人士' })]),
);

/** GB/T 2261.1 sex codes. 0 and 9 are distinct: "not known" versus "known but not stated". */
export const SEXES: readonly CodeItem[] = Object.freeze([
  Object.freeze({ code: '0', name: '未知的性别' }),
  Object.freeze({ code: '1', name: '男' }),
  Object.freeze({ code: '2', name: '女' }),
  Object.freeze({ code: '9', name: '未说明的性别' }),
]);

const ETHNIC_BY_CODE = new Map(ETHNIC_GROUPS.map((g) => [g.code, g]));
const ETHNIC_BY_NAME = new Map(ETHNIC_GROUPS.map((g) => [g.name, g]));
const SEX_BY_CODE = new Map(SEXES.map((s) => [s.code, s]));
/** Spellings seen in forms and spreadsheets besides the list names. */
const SEX_ALIASES = new Map([
  ['男性', '1'],
  ['女性', '2'],
  ['未知', '0'],
  ['未说明', '9'],
  ['M', '1'],
  ['F', '2'],
  ['MALE', '1'],
  ['FEMALE', '2'],
]);

/** Ethnic group by code; a number or a one-digit string is zero-padded (Excel drops the 0). */
export function ethnicGroupByCode(code: string | number): CodeItem | undefined {
  const s = cleanCell(String(code));
  if (!/^\d{1,2}$/.test(s)) return undefined;
  return ETHNIC_BY_CODE.get(s.padStart(2, '0'));
}

/** The name for a code, e.g. '01' → '汉族'. */
export function ethnicGroupName(code: string | number): string | undefined {
  return ethnicGroupByCode(code)?.name;
}

/**
 * Finds an ethnic group by code or name. Names are accepted with or without the trailing 族
 * ('汉' → 汉族), since forms are often filled in that way.
 */
export function findEthnicGroup(codeOrName: string | number): CodeItem | undefined {
  const s = cleanCell(String(codeOrName));
  if (/^\d+$/.test(s)) return ethnicGroupByCode(s);
  return ETHNIC_BY_NAME.get(s) ?? ETHNIC_BY_NAME.get(`${s}族`);
}

export function sexByCode(code: string | number): CodeItem | undefined {
  return SEX_BY_CODE.get(cleanCell(String(code)));
}

export function sexName(code: string | number): string | undefined {
  return sexByCode(code)?.name;
}

/** Finds a sex by code, list name, or a common alias (男性, 女性, M, F …). */
export function findSex(codeOrName: string | number): CodeItem | undefined {
  const s = cleanCell(String(codeOrName));
  const byCode = SEX_BY_CODE.get(s);
  if (byCode) return byCode;
  const byName = SEXES.find((x) => x.name === s);
  if (byName) return byName;
  const alias = SEX_ALIASES.get(s.toUpperCase());
  return alias === undefined ? undefined : SEX_BY_CODE.get(alias);
}
