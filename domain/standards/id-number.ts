/**
 * Citizen identity numbers (GB 11643, ISO 7064 MOD 11-2).
 * 18 characters: 6-digit address code, birth date YYYYMMDD, 3-digit sequence (odd = male,
 * even = female), check character. Foreign permanent-residence cards (first digit 9) share the
 * layout and checksum.
 */
import { isRealDate as isCalendarDay } from './calendar.ts';
import { cleanCell, compactCode } from './normalize.ts';

export type IdNumberErrorCode = 'ID_FORMAT' | 'ID_BIRTH_DATE' | 'ID_CHECKSUM' | 'ID_LEGACY_15';

export interface IdNumberInfo {
  /** Normalized 18 characters, check character as uppercase X. */
  idNumber: string;
  addressCode: string;
  /** ISO date YYYY-MM-DD. */
  birthDate: string;
  /** GB/T 2261.1: 1 male (odd sequence), 2 female (even sequence). */
  sex: 1 | 2;
}

export type IdNumberResult = { ok: true; value: IdNumberInfo } | { ok: false; code: IdNumberErrorCode; message: string; suggestion?: string };

export interface IdNumberOptions {
  /** "Today" for the not-in-the-future rule: a Date (local calendar day) or 'YYYY-MM-DD'. */
  today?: Date | string;
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';
/** Lower bound for birth dates. STANDARDS.md lists 440524188001010014 (born 1880) as valid. */
const EARLIEST_BIRTH_DATE = '1800-01-01';

/** ISO 7064 MOD 11-2 check character for the first 17 digits. Throws on malformed input. */
export function checkCharOf(first17: string): string {
  if (!/^\d{17}$/.test(first17)) {
    throw new RangeError(`checkCharOf expects 17 ASCII digits, got "${first17}"`);
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/** True when `yyyymmdd` is a real Gregorian calendar date. */
function isRealDate(yyyymmdd: string): boolean {
  return isCalendarDay(Number(yyyymmdd.slice(0, 4)), Number(yyyymmdd.slice(4, 6)), Number(yyyymmdd.slice(6, 8)));
}

function toIso(yyyymmdd: string): string {
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

function todayIso(today: Date | string | undefined): string {
  if (typeof today === 'string') return today;
  const d = today ?? new Date();
  // Local calendar day: a clerk in China entering a baby born "today" must not be rejected
  // because UTC is still on yesterday.
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Returns an error message for an impossible birth date, or null when the date is acceptable. */
function birthDateProblem(yyyymmdd: string, today: string): string | null {
  if (!isRealDate(yyyymmdd)) {
    return `身份证号码中的出生日期“${yyyymmdd}”（第7至14位）不是有效日期，请核对。`;
  }
  const iso = toIso(yyyymmdd);
  if (iso < EARLIEST_BIRTH_DATE) {
    return `身份证号码中的出生年份${yyyymmdd.slice(0, 4)}年早于1800年，请核对。`;
  }
  if (iso > today) return `身份证号码中的出生日期${iso}晚于今天，请核对。`;
  return null;
}

/**
 * Converts a legacy 15-digit number to 18 digits: '19' inserted before the 2-digit year, check
 * character appended. Returns null when the input is not 15 digits. Does not validate the date.
 */
export function convert15To18(id15: string): string | null {
  const s = compactCode(id15);
  if (!/^\d{15}$/.test(s)) return null;
  const first17 = `${s.slice(0, 6)}19${s.slice(6)}`;
  return first17 + checkCharOf(first17);
}

function formatMessage(s: string): string {
  const length = [...s].length;
  if (length === 0) return '未填写身份证号码。';
  if (length !== 18) {
    return `身份证号码应为18位，当前为${length}位，请核对是否多输或漏输。`;
  }
  if (s.startsWith('0')) return '身份证号码格式不正确：第1位不能为0。';
  return '身份证号码格式不正确：前17位应全部为数字，最后一位为数字或字母X。';
}

/**
 * Parses and validates an ID number. Accepts surrounding/inner spaces, lowercase x and
 * full-width characters. Checks, in order: format, birth date, check character.
 */
export function parseIdNumber(input: string, options: IdNumberOptions = {}): IdNumberResult {
  const s = compactCode(input);
  const today = todayIso(options.today);

  if (/^\d{15}$/.test(s)) {
    // Legacy numbers are accepted only for conversion: we report the converted value rather
    // than storing it silently, because the holder's current card is the authority.
    const problem = birthDateProblem(`19${s.slice(6, 12)}`, today);
    if (problem) return { ok: false, code: 'ID_BIRTH_DATE', message: problem };
    const suggestion = convert15To18(s) as string;
    return {
      ok: false,
      code: 'ID_LEGACY_15',
      message: `这是15位旧身份证号码，系统只登记18位号码。按国家标准换算后为${suggestion}，请与本人现行身份证核对后填写。`,
      suggestion,
    };
  }

  if (!/^[1-9]\d{16}[\dX]$/.test(s)) {
    return { ok: false, code: 'ID_FORMAT', message: formatMessage(s) };
  }

  const birth = s.slice(6, 14);
  const problem = birthDateProblem(birth, today);
  if (problem) return { ok: false, code: 'ID_BIRTH_DATE', message: problem };

  if (checkCharOf(s.slice(0, 17)) !== s[17]) {
    // The expected character is deliberately not shown: the typo is usually elsewhere, and
    // "fixing" the last character would turn a wrong number into a valid-looking wrong number.
    return {
      ok: false,
      code: 'ID_CHECKSUM',
      message: '身份证号码校验不通过，号码中可能有录入错误，请对照证件逐位核对。',
    };
  }

  return {
    ok: true,
    value: {
      idNumber: s,
      addressCode: s.slice(0, 6),
      birthDate: toIso(birth),
      sex: Number(s[16]) % 2 === 1 ? 1 : 2,
    },
  };
}

export function isValidIdNumber(input: string, options: IdNumberOptions = {}): boolean {
  return parseIdNumber(input, options).ok;
}

/** True for a foreign permanent-residence card number (first digit 9); its address code is not a region. */
export function isForeignPermanentResidentId(idNumber: string): boolean {
  return compactCode(idNumber).startsWith('9');
}

/**
 * Masks for display: first 4 and last 4 characters kept, the rest starred
 * ('5201**********123X' for 18 characters). Inputs of 8 characters or fewer are fully starred.
 */
export function maskIdNumber(idNumber: string): string {
  const chars = [...compactCode(idNumber)];
  if (chars.length <= 8) return '*'.repeat(chars.length);
  return chars.slice(0, 4).join('') + '*'.repeat(chars.length - 8) + chars.slice(-4).join('');
}

/** Accepts 1949-12-31, 1949/12/31, 1949.12.31, 19491231, 1949年12月31日, and a trailing time. */
function normalizeEnteredDate(input: string): string | null {
  const s = cleanCell(input).split(/[T ]/)[0];
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(s) ?? /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
  if (!m) return null;
  const yyyymmdd = m[1] + m[2].padStart(2, '0') + m[3].padStart(2, '0');
  return isRealDate(yyyymmdd) ? toIso(yyyymmdd) : null;
}

/** Maps an entered sex to 1/2; 'unknown' for the GB/T 2261.1 codes 0/9 or blank (nothing to compare). */
function normalizeEnteredSex(input: number | string): 1 | 2 | 'unknown' | null {
  const s = cleanCell(String(input));
  if (s === '1' || s === '男' || s === '男性') return 1;
  if (s === '2' || s === '女' || s === '女性') return 2;
  if (s === '' || s === '0' || s === '9' || s === '未知' || s === '未说明') return 'unknown';
  return null;
}

const SEX_NAME = { 1: '男', 2: '女' } as const;

/**
 * Compares the birth date and sex derived from a parsed ID number with separately entered
 * fields. Returns one Chinese message per mismatch (empty when consistent or nothing entered).
 */
export function crossCheckIdNumber(parsed: IdNumberInfo, entered: { birthDate?: string | null; sex?: number | string | null }): string[] {
  const problems: string[] = [];
  if (entered.birthDate != null && cleanCell(entered.birthDate) !== '') {
    const date = normalizeEnteredDate(entered.birthDate);
    if (date === null) {
      problems.push(`填写的出生日期“${cleanCell(entered.birthDate)}”无法识别，无法与身份证号码核对。`);
    } else if (date !== parsed.birthDate) {
      problems.push(`身份证号码显示出生日期为${parsed.birthDate}，与填写的出生日期${date}不一致。`);
    }
  }
  if (entered.sex != null) {
    const sex = normalizeEnteredSex(entered.sex);
    if (sex === null) {
      problems.push(`填写的性别“${cleanCell(String(entered.sex))}”无法识别，无法与身份证号码核对。`);
    } else if (sex !== 'unknown' && sex !== parsed.sex) {
      problems.push(`身份证号码显示性别为${SEX_NAME[parsed.sex]}（第17位为${parsed.sex === 1 ? '奇数' : '偶数'}），与填写的性别“${SEX_NAME[sex]}”不一致。`);
    }
  }
  return problems;
}
