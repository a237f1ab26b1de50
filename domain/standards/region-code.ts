/**
 * Statistical division codes (GB/T 2260, GB/T 10114, NBS 统计用区划代码).
 * 12 digits, cumulative prefixes: province 2, city 4, county 6, township 9, village 12.
 */

export type RegionLevel = 0 | 1 | 2 | 3 | 4 | 5;

/**
 * The whole country is the root of the tree: code 000000000000, level 0. A system administrator's
 * scope is this root, so scope checks need no special case for "everything".
 */
export const COUNTRY_CODE = '000000000000';

/** Number of significant digits of a code at each level. */
export const PREFIX_LENGTH: Record<RegionLevel, number> = { 0: 0, 1: 2, 2: 4, 3: 6, 4: 9, 5: 12 };

export const LEVEL_NAMES: Record<RegionLevel, string> = {
  0: '全国',
  1: '省级',
  2: '地级',
  3: '县级',
  4: '乡级',
  5: '村级',
};

const TWELVE_DIGITS = /^\d{12}$/;

/** True when the string is a well-formed 12-digit code with a consistent level structure. */
export function isRegionCode(code: string): boolean {
  if (!TWELVE_DIGITS.test(code)) return false;
  if (code.startsWith('00')) return false;
  const level = levelOf(code);
  // levelOf already makes everything after the prefix zero, so this never fails. Zero segments
  // *inside* the prefix are deliberately allowed: prefectures without counties (东莞 4419, 中山
  // 4420, 儋州 4604) have townships like 441900003000 whose county segment is 00.
  const len = PREFIX_LENGTH[level];
  return /^0*$/.test(code.slice(len));
}

/** Pads a 2/4/6/9/12-digit code with zeros to 12 digits. Returns null for other shapes. */
export function normalizeRegionCode(input: string): string | null {
  const s = input.trim();
  if (!/^\d+$/.test(s)) return null;
  if (![2, 4, 6, 9, 12].includes(s.length)) return null;
  const code = s.padEnd(12, '0');
  return isRegionCode(code) ? code : null;
}

/** The level of a 12-digit code, from its trailing zero segments. */
export function levelOf(code: string): RegionLevel {
  if (code === COUNTRY_CODE) return 0;
  if (code.slice(9) !== '000') return 5;
  if (code.slice(6, 9) !== '000') return 4;
  if (code.slice(4, 6) !== '00') return 3;
  if (code.slice(2, 4) !== '00') return 2;
  return 1;
}

/** The significant prefix of a code (e.g. '5201' for Guiyang). */
export function regionPrefix(code: string): string {
  return code.slice(0, PREFIX_LENGTH[levelOf(code)]);
}

/** The parent's 12-digit code: the country root for a province, null for the root itself. */
export function parentCodeOf(code: string): string | null {
  const level = levelOf(code);
  if (level === 0) return null;
  if (level === 1) return COUNTRY_CODE;
  const parentLen = PREFIX_LENGTH[(level - 1) as RegionLevel];
  return code.slice(0, parentLen).padEnd(12, '0');
}

/** Codes of all ancestors, the country root first, excluding the code itself. */
export function ancestorCodes(code: string): string[] {
  const out: string[] = [];
  let p = parentCodeOf(code);
  while (p) {
    out.unshift(p);
    p = parentCodeOf(p);
  }
  return out;
}

/** True when `code` lies in the subtree of `ancestor` (a code is inside its own subtree). */
export function isWithin(code: string, ancestor: string): boolean {
  return code.startsWith(regionPrefix(ancestor));
}

/**
 * Exclusive upper bound above every 12-digit code, '999999999999' included: 13 nines. Still all
 * digits, and a string sorts after its own proper prefix under any collation.
 */
const ABOVE_ALL_CODES = '9999999999999';

/**
 * Half-open range [lower, upper) of 12-digit codes covering the subtree of `code`.
 * Range predicates use the index on both SQLite and PostgreSQL, where LIKE 'prefix%' does not.
 * The upper bound is the next prefix as a number, so it is all digits and compares correctly
 * under any collation.
 */
export function subtreeRange(code: string): { lower: string; upper: string } {
  if (code === COUNTRY_CODE) return { lower: COUNTRY_CODE, upper: ABOVE_ALL_CODES };
  const prefix = regionPrefix(code);
  const next = (BigInt(prefix) + 1n).toString().padStart(prefix.length, '0');
  // An all-nines prefix ('99', '9999' …) overflows to a longer number ('100'), which would sort
  // *below* the subtree and make the range empty.
  if (next.length > prefix.length) return { lower: code, upper: ABOVE_ALL_CODES };
  return { lower: code, upper: next.padEnd(12, '0') };
}

/** The four municipalities directly under the central government (直辖市): 北京, 天津, 上海, 重庆. */
const MUNICIPALITIES = new Set(['11', '12', '31', '50']);

/**
 * True for a code in a municipality. Their statistical codes keep a city level of containers
 * (110100 市辖区, 500200 县) that no map draws: the boundary files show the districts directly.
 */
export function isInMunicipality(code: string): boolean {
  return MUNICIPALITIES.has(code.slice(0, 2));
}

/** Township segment kind (digits 7–9). */
export function townshipKind(code: string): '街道' | '镇' | '乡' | '类似乡级单位' | null {
  if (levelOf(code) < 4) return null;
  const seg = Number(code.slice(6, 9));
  if (seg >= 1 && seg <= 99) return '街道';
  if (seg >= 100 && seg <= 199) return '镇';
  if (seg >= 200 && seg <= 399) return '乡';
  if (seg >= 400 && seg <= 599) return '类似乡级单位';
  return null;
}

/** Village segment kind (digits 10–12). */
export function villageKind(code: string): '居委会' | '村委会' | null {
  if (levelOf(code) < 5) return null;
  const seg = Number(code.slice(9));
  if (seg >= 1 && seg <= 199) return '居委会';
  if (seg >= 200 && seg <= 399) return '村委会';
  return null;
}

/** Urban–rural classification codes (城乡分类代码) of village-level units. */
export const URBAN_RURAL_CLASSES = {
  '111': '主城区',
  '112': '城乡结合区',
  '121': '镇中心区',
  '122': '镇乡结合区',
  '123': '特殊区域',
  '210': '乡中心区',
  '220': '村庄',
} as const;
export type UrbanRuralClass = keyof typeof URBAN_RURAL_CLASSES;

export function isUrban(cls: UrbanRuralClass): boolean {
  return cls.startsWith('1');
}
