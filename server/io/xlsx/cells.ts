/**
 * Parsing messy spreadsheet cells. ExcelJS hands over whatever the file holds: strings, numbers,
 * booleans, Dates, rich text, formulas with their cached result, hyperlinks and error values. Each
 * parser here turns one such value into what the talent schema expects, or a Chinese message that
 * says what is wrong and how to fix it in Excel. Blank cells are never an error here (the caller
 * knows whether the column is required): text parsers give '', the others null or [].
 */

import { isRealDate } from '../../../domain/standards/calendar.ts';
import { type CodeItem, ETHNIC_GROUPS, findEthnicGroup, findSex, SEXES } from '../../../domain/standards/code-lists.ts';
import { cleanCell, compactCode } from '../../../domain/standards/normalize.ts';

export type CellResult<T> = { ok: true; value: T } | { ok: false; message: string };

/** A cell reduced to one plain value: what Excel shows, without formatting or formula. */
export type PlainCell = string | number | boolean | Date | null;

const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });

const clean = cleanCell;
const fail = (message: string): { ok: false; message: string } => ({ ok: false, message });

/** Excel keeps 15 significant digits; anything longer was rounded when it was stored as a number. */
const EXCEL_DIGITS = 15;
const DAY_MS = 86_400_000;
/** Serial 60 is 1900-02-29, a day that never existed (kept by Excel for Lotus 1-2-3 compatibility). */
const FAKE_LEAP_DAY = 60;
/** Largest serial Excel accepts: 9999-12-31. */
const MAX_SERIAL = 2_958_465;

type Unwrapped = { plain: PlainCell } | { problem: string };

/** Strips rich text, formula, hyperlink and shared-string wrappers down to the shown value. */
function unwrap(value: unknown): Unwrapped {
  if (value === null || value === undefined) return { plain: null };
  if (typeof value === 'string' || typeof value === 'boolean') return { plain: value };
  if (typeof value === 'number') {
    // A formula whose cached result is an error comes back from the stream reader as NaN.
    return Number.isFinite(value) ? { plain: value } : { problem: '单元格是错误值，请修正后重新上传。' };
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? { problem: '单元格中的日期无效。' } : { plain: value };
  if (typeof value !== 'object') return { plain: String(value) };
  const v = value as Record<string, unknown>;
  if (Array.isArray(v.richText)) return { plain: (v.richText as { text?: unknown }[]).map((r) => (typeof r.text === 'string' ? r.text : '')).join('') };
  if (typeof v.error === 'string') return { problem: `单元格是错误值 ${v.error}，请修正公式或改为直接填写内容。` };
  if ('formula' in v || 'sharedFormula' in v) {
    if (v.result === undefined || v.result === null) {
      return { problem: '单元格是公式但没有计算结果，请在 Excel 中复制该列并“选择性粘贴为数值”后重新上传。' };
    }
    return unwrap(v.result);
  }
  if ('text' in v) return unwrap(v.text); // hyperlink: { text, hyperlink }
  if ('sharedString' in v) return { problem: '无法读取单元格内容（共享字符串缺失），文件可能已损坏。' };
  return { problem: '无法识别单元格内容。' };
}

/** The value Excel shows in the cell: for writing cells back into a workbook (error report). */
export function cellPlain(value: unknown): PlainCell {
  const u = unwrap(value);
  if ('plain' in u) return u.plain;
  const v = value as Record<string, unknown>;
  return typeof v?.error === 'string' ? v.error : '';
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const isoDay = (d: Date) => `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;

/**
 * Integers without exponent or float noise, as Excel shows them in the formula bar (beyond 15
 * digits: 15 significant digits then zeros); other numbers rounded to Excel's 15 digits.
 */
function numberText(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 10 ** EXCEL_DIGITS) return n.toFixed(0);
  if (Number.isInteger(n) && n > 0 && n < 1e21) return excelIntegerText(n);
  return String(Number(n.toPrecision(EXCEL_DIGITS)));
}

/** A large integer as Excel displays it: 15 significant digits, then zeros (520102199003070000). */
function excelIntegerText(n: number): string {
  const [mantissa, exponent] = n.toExponential(EXCEL_DIGITS - 1).split('e');
  return mantissa.replace('.', '').padEnd(Number(exponent) + 1, '0');
}

/**
 * The cell as cleaned text: full-width letters/digits to half-width, zero-width characters removed,
 * whitespace collapsed and trimmed. Dates (ExcelJS gives them in UTC) become YYYY-MM-DD.
 */
export function cellText(value: unknown): CellResult<string> {
  const u = unwrap(value);
  if ('problem' in u) return fail(u.problem);
  const p = u.plain;
  if (p === null) return ok('');
  if (typeof p === 'string') return ok(clean(p));
  if (typeof p === 'number') return ok(numberText(p));
  if (typeof p === 'boolean') return ok(p ? 'TRUE' : 'FALSE');
  return ok(isoDay(p));
}

/** True when the cell holds nothing but whitespace (or nothing at all). */
export function isBlankCell(value: unknown): boolean {
  const t = cellText(value);
  return t.ok && t.value === '';
}

/** 5.20102E+17, 5.201021990E17: what a long number looks like after Excel turned it into text. */
const SCIENTIFIC = /^\d(\.\d+)?E\+?\d+$/i;

/**
 * A code made of digits (ID numbers, phone numbers, certificate numbers, region codes) that may
 * have been stored as a number. Up to 15 digits a number is exact and becomes its text; longer ones
 * were rounded by Excel (the last digits became 0), so the value is refused with an explanation.
 * Text is compacted: spaces removed, letters upper-cased.
 */
export function cellNumberText(value: unknown, label = '号码'): CellResult<string> {
  const u = unwrap(value);
  if ('problem' in u) return fail(u.problem);
  const p = u.plain;
  if (p === null) return ok('');
  if (typeof p === 'number') {
    if (!Number.isInteger(p) || p < 0) return fail(`${label}“${numberText(p)}”不是有效的号码。`);
    if (p >= 10 ** EXCEL_DIGITS) {
      return fail(
        `${label}被存成了数字格式：Excel 只保留 15 位有效数字，超出部分（末几位）已变成 0（当前值 ${numberText(p)}），该号码不可靠。请将该列设置为“文本”格式后重新录入${label}。`,
      );
    }
    return ok(numberText(p));
  }
  if (p instanceof Date) return fail(`${label}被 Excel 识别成了日期（${isoDay(p)}），请将该列设置为“文本”格式后重新录入。`);
  if (typeof p === 'boolean') return fail(`${label}不能是 TRUE/FALSE。`);
  const s = compactCode(p);
  if (SCIENTIFIC.test(s)) {
    return fail(`${label}显示为科学计数法“${s}”，后几位数字已经丢失。请将该列设置为“文本”格式后重新录入完整的${label}。`);
  }
  return ok(s);
}

/** An ID number: {@link cellNumberText} with the ID's label; the schema checks the number itself. */
export function cellIdNumber(value: unknown): CellResult<string> {
  return cellNumberText(value, '身份证号码');
}

/** Excel 1900 date system serial → YYYY-MM-DD (the fractional part is the time of day). */
function serialToIso(serial: number): string | null {
  const day = Math.floor(serial);
  if (day < 1 || day > MAX_SERIAL || day === FAKE_LEAP_DAY) return null;
  // Serials after the fake 1900-02-29 are one day ahead of the real calendar.
  const offset = day > FAKE_LEAP_DAY ? day - 1 : day;
  return isoDay(new Date(Date.UTC(1899, 11, 31) + offset * DAY_MS));
}

const DATE_TEXT = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T].*)?$/;
const DATE_COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

/** A year typed where a date belongs: Excel would silently read 1990 as serial 1990 = 1905-06-12. */
const looksLikeYear = (n: number) => Number.isInteger(n) && n >= 1900 && n <= 2100;

/**
 * A date: an Excel serial (1900 system), a Date (ExcelJS gives midnight UTC for whole days), or text
 * 2020-01-02, 2020/1/2, 2020.1.2, 2020年1月2日, 20200102 (a trailing time is ignored) → YYYY-MM-DD.
 */
export function cellDate(value: unknown, label = '日期'): CellResult<string | null> {
  const u = unwrap(value);
  if ('problem' in u) return fail(u.problem);
  const p = u.plain;
  if (p === null) return ok(null);
  if (p instanceof Date) return ok(isoDay(p));
  const hint = `请按 YYYY-MM-DD 填写，如 2020-01-02。`;
  if (typeof p === 'boolean') return fail(`${label}不能是 TRUE/FALSE，${hint}`);
  if (typeof p === 'number') {
    if (looksLikeYear(p)) return fail(`${label}“${p}”只有年份，${hint}`);
    const compact = DATE_COMPACT.exec(numberText(p));
    if (compact) return compactDate(compact, label, hint);
    if (Math.floor(p) === FAKE_LEAP_DAY) return fail(`${label}为 1900-02-29，这一天并不存在，${hint}`);
    const iso = serialToIso(p);
    return iso ? ok(iso) : fail(`${label}“${numberText(p)}”不是有效的日期，${hint}`);
  }
  const s = clean(p);
  if (s === '') return ok(null);
  const m = DATE_TEXT.exec(s);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return isRealDate(y, mo, d) ? ok(`${m[1]}-${pad2(mo)}-${pad2(d)}`) : fail(`${label}“${s}”不是有效的日期（没有这一天），请核对。`);
  }
  const compact = DATE_COMPACT.exec(s);
  if (compact) return compactDate(compact, label, hint);
  // Five digits: a serial that was pasted as text.
  if (/^\d{5}$/.test(s)) {
    const iso = serialToIso(Number(s));
    if (iso) return ok(iso);
  }
  if (/^\d{4}$/.test(s) || /^\d{4}年$/.test(s)) return fail(`${label}“${s}”只有年份，${hint}`);
  if (/^\d{4}\s*[-/.年]\s*\d{1,2}\s*月?$/.test(s)) return fail(`${label}“${s}”缺少日，${hint}`);
  return fail(`${label}“${s}”无法识别，${hint}`);
}

function compactDate(m: RegExpExecArray, label: string, hint: string): CellResult<string | null> {
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isRealDate(y, mo, d) ? ok(`${m[1]}-${m[2]}-${m[3]}`) : fail(`${label}“${m[0]}”不是有效的日期，${hint}`);
}

/** A year: 2019, '2019', '2019年', '2019.0', or a date (its year: someone typed the whole date). */
export function cellYear(value: unknown, label = '年份'): CellResult<number | null> {
  const u = unwrap(value);
  if ('problem' in u) return fail(u.problem);
  const p = u.plain;
  if (p === null) return ok(null);
  if (p instanceof Date) return ok(p.getUTCFullYear());
  const bad = (shown: string) => fail(`${label}“${shown}”不是有效的年份，请填写 4 位数字年份，如 2019。`);
  if (typeof p === 'boolean') return bad(p ? 'TRUE' : 'FALSE');
  if (typeof p === 'number') return Number.isInteger(p) && p >= 1000 && p <= 9999 ? ok(p) : bad(numberText(p));
  const s = clean(p);
  if (s === '') return ok(null);
  const m = /^(\d{4})(?:\.0+)?\s*年?$/.exec(s) ?? /^(\d{4})\s*[-/.年]\s*\d{1,2}/.exec(s);
  return m ? ok(Number(m[1])) : bad(s);
}

const TRUE_WORDS = new Set(['是', 'y', 'yes', '1', 'true', '√', '✓', '✔', '对', '有']);
const FALSE_WORDS = new Set(['否', 'n', 'no', '0', 'false', '×', '✗', '✘', '无', '不是']);

/** 是/否, Y/N, 1/0, TRUE/FALSE, √/×; `aliases` adds column-specific words (e.g. 中共党员 → true). */
export function cellBool(value: unknown, label = '该项', aliases?: Readonly<Record<string, boolean>>): CellResult<boolean | null> {
  const u = unwrap(value);
  if ('problem' in u) return fail(u.problem);
  const p = u.plain;
  if (p === null) return ok(null);
  if (typeof p === 'boolean') return ok(p);
  if (p instanceof Date) return fail(`${label}应填写“是”或“否”。`);
  const s = (typeof p === 'number' ? numberText(p) : clean(p)).toLowerCase();
  if (s === '') return ok(null);
  if (aliases && s in aliases) return ok(aliases[s]);
  if (TRUE_WORDS.has(s)) return ok(true);
  if (FALSE_WORDS.has(s)) return ok(false);
  return fail(`${label}“${s}”无法识别，请填写“是”或“否”。`);
}

export interface CodeCellOptions {
  /** Column name for messages. */
  label?: string;
  /** Other spellings of names → code (e.g. 硕士 → master). Keys are compared after {@link looseName}. */
  aliases?: Readonly<Record<string, string>>;
}

/** Names compared without spaces, with half-width brackets and ASCII lower-cased. */
function looseName(s: string): string {
  return clean(s).replace(/\s+/g, '').toLowerCase();
}

/** Longer lists are not spelled out in messages: the drop-down shows them. */
const MAX_LISTED = 15;

function allowedNames(list: readonly CodeItem[]): string {
  if (list === SEXES) return '男、女';
  if (list.length > MAX_LISTED) return '请从模板的下拉列表中选择';
  return `可选：${list.map((x) => x.name).join('、')}`;
}

type Lookup = Map<string, string>;
/**
 * Loose name/code/alias → code, built once per list and alias table: an import matches the same
 * few lists a hundred thousand times.
 */
const lookups = new WeakMap<readonly CodeItem[], WeakMap<object, Lookup>>();
const NO_ALIASES = {};

function lookupOf(list: readonly CodeItem[], aliases: Readonly<Record<string, string>> = NO_ALIASES): Lookup {
  let byAliases = lookups.get(list);
  if (!byAliases) {
    byAliases = new WeakMap();
    lookups.set(list, byAliases);
  }
  let lookup = byAliases.get(aliases);
  if (!lookup) {
    lookup = new Map();
    for (const [alias, code] of Object.entries(aliases)) lookup.set(looseName(alias), code);
    for (const item of list) {
      lookup.set(item.code.toLowerCase(), item.code);
      lookup.set(looseName(item.name), item.code);
    }
    byAliases.set(aliases, lookup);
  }
  return lookup;
}

function matchCode(list: readonly CodeItem[], text: string, aliases: Readonly<Record<string, string>> | undefined): string | undefined {
  if (list === ETHNIC_GROUPS) return findEthnicGroup(text)?.code;
  if (list === SEXES) return findSex(text)?.code;
  return lookupOf(list, aliases).get(looseName(text));
}

/**
 * A coded value given by its name (what the template's drop-down offers) or its code. Ethnic groups
 * are found with or without 族 and by their two-digit code; sexes by 男/女, 男性, M/F or the code.
 */
export function cellCode(list: readonly CodeItem[], value: unknown, options: CodeCellOptions = {}): CellResult<string | null> {
  const label = options.label ?? '该项';
  const t = cellText(value);
  if (!t.ok) return t;
  if (t.value === '') return ok(null);
  const code = matchCode(list, t.value, options.aliases);
  return code === undefined ? fail(`${label}“${t.value}”不在可选范围内，${allowedNames(list)}。`) : ok(code);
}

/**
 * Separators people use between several names in one cell: 、 , ， ; ； and spaces (full-width
 * ones are already half-width after cleaning).
 */
const MULTI_SEPARATORS = /[、,;\s]+/;

/** Several coded values in one cell; unknown names are all listed in one message. Codes in list order, no duplicates. */
export function cellCodes(list: readonly CodeItem[], value: unknown, options: CodeCellOptions = {}): CellResult<string[]> {
  const label = options.label ?? '该项';
  const t = cellText(value);
  if (!t.ok) return t;
  const parts = t.value.split(MULTI_SEPARATORS).filter((s) => s !== '');
  const found = new Set<string>();
  const unknown: string[] = [];
  for (const part of parts) {
    const code = matchCode(list, part, options.aliases);
    if (code === undefined) unknown.push(part);
    else found.add(code);
  }
  if (unknown.length) {
    return fail(`${label}中的“${unknown.join('、')}”不在可选范围内，${allowedNames(list)}；多个值请用顿号“、”分隔。`);
  }
  return ok(list.map((x) => x.code).filter((c) => found.has(c)));
}
