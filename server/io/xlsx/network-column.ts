/**
 * What the platform, agency and community-group spreadsheets have in common: the shape of a column
 * (one list per sheet serves the template, the import and the export, like talent-columns.ts), how
 * a cell of each kind is read, and how a stored value is written back. Keeping one definition per
 * column is what makes an exported file importable again.
 */
import type { CodeItem } from '../../../domain/standards/code-lists.ts';
import { normalizeRegionCode } from '../../../domain/standards/region-code.ts';
import { type CellResult, cellBool, cellCode, cellCodes, cellDate, cellNumberText, cellPlain, cellText, cellYear } from './cells.ts';
import { codeName, codeNames } from './code-names.ts';
import type { HeaderSpec } from './header-match.ts';

/**
 * text; a code of digits/letters kept as text (phone, credit code); region code; date; year;
 * whole number; decimal number; 是/否; one coded value; several coded values.
 */
export type SheetColumnKind = 'text' | 'code-text' | 'region' | 'date' | 'year' | 'int' | 'decimal' | 'bool' | 'code' | 'codes';

export interface SheetColumn<K extends string = string> extends HeaderSpec {
  readonly key: K;
  readonly header: string;
  readonly required: boolean;
  readonly aliases: readonly string[];
  readonly kind: SheetColumnKind;
  readonly codeList?: readonly CodeItem[];
  /** Other spellings of values → code. */
  readonly valueAliases?: Readonly<Record<string, string>>;
  readonly multi: boolean;
  /** Short explanation for the instructions sheet and the header note. */
  readonly note: string;
  readonly example: string;
  readonly width: number;
  readonly numFmt?: string;
}

export const TEXT_FMT = '@';
export const DATE_FMT = 'yyyy-mm-dd';
export const REGION_NOTE = '12 位统计用区划代码（也可填 6 位县级或 9 位乡镇级代码，系统自动补足 12 位）';

/** Drop-down of 'bool' columns. */
export const YES_NO: readonly CodeItem[] = Object.freeze([Object.freeze({ code: '1', name: '是' }), Object.freeze({ code: '0', name: '否' })]);

type ColumnDraft<K extends string> = Omit<SheetColumn<K>, 'multi' | 'required' | 'aliases' | 'numFmt'> &
  Partial<Pick<SheetColumn<K>, 'multi' | 'required' | 'aliases' | 'numFmt'>>;

/** A column with the usual defaults; code-like columns are text-formatted so Excel keeps leading zeros. */
export function sheetColumn<K extends string>(c: ColumnDraft<K>): SheetColumn<K> {
  const numFmt = c.numFmt ?? (c.kind === 'code-text' || c.kind === 'region' ? TEXT_FMT : c.kind === 'date' ? DATE_FMT : undefined);
  return Object.freeze({ multi: c.kind === 'codes', required: false, aliases: [], ...c, numFmt });
}

export { headerText } from './header-match.ts';

/** 联系电话 reads the same in every register; only the example differs. */
export const contactPhoneColumn = (example: string) =>
  sheetColumn({
    key: 'contactPhone',
    header: '联系电话',
    aliases: ['电话', '联系方式'],
    kind: 'code-text',
    note: '11 位手机号或带区号的固定电话',
    example,
    width: 14,
  });

/** A column's header by its key (import messages name the column as the template does). */
export const headerOf = (columns: readonly SheetColumn[], key: string) => columns.find((c) => c.key === key)?.header ?? key;

/** Names offered by a coded or yes/no column's drop-down (none for free-text columns). */
export function dropDownNames(c: SheetColumn): readonly string[] {
  if (c.kind === 'bool') return YES_NO.map((x) => x.name);
  return c.codeList?.map((x) => x.name) ?? [];
}

export type CellValue = string | number | boolean | string[] | null;

/** A number cell: numbers as they are, text with full-width digits, spaces or thousands separators tolerated. */
function cellNumber(value: unknown, label: string, integer: boolean): CellResult<number | null> {
  const plain = cellPlain(value);
  if (typeof plain === 'number') {
    if (integer && !Number.isInteger(plain)) return { ok: false, message: `${label}应为整数。` };
    return { ok: true, value: plain };
  }
  const t = cellText(value);
  if (!t.ok) return t;
  const s = t.value.replace(/[,\s]/g, '').replace(/(平方米|平米|㎡|个|人|间)$/, '');
  if (s === '') return { ok: true, value: null };
  const n = Number(s);
  if (!/^-?\d+(\.\d+)?$/.test(s) || !Number.isFinite(n)) return { ok: false, message: `${label}“${t.value}”不是数字。` };
  if (integer && !Number.isInteger(n)) return { ok: false, message: `${label}应为整数。` };
  return { ok: true, value: n };
}

/**
 * Region codes come as 12 digits; a 2/4/6/9-digit code is padded with zeros (its 12-digit form).
 * Whether the region exists, has the right level and is in scope is for the importer to check.
 */
function cellRegion(value: unknown, label: string): CellResult<string | null> {
  const t = cellNumberText(value, label);
  if (!t.ok || t.value === '') return t.ok ? { ok: true, value: null } : t;
  const code = normalizeRegionCode(t.value);
  return code ? { ok: true, value: code } : { ok: false, message: `${label}“${t.value}”不是有效的统计用区划代码，应为 12 位数字（如 520102001000）。` };
}

/** Reads one cell as its column says; blanks are null ('' for text, [] for several codes). */
export function parseCell(c: SheetColumn, value: unknown): CellResult<CellValue> {
  const label = c.header;
  switch (c.kind) {
    case 'text':
      return cellText(value);
    case 'code-text':
      return cellNumberText(value, label);
    case 'region':
      return cellRegion(value, label);
    case 'date':
      return cellDate(value, label);
    case 'year':
      return cellYear(value, label);
    case 'int':
      return cellNumber(value, label, true);
    case 'decimal':
      return cellNumber(value, label, false);
    case 'bool':
      return cellBool(value, label);
    case 'code':
      return cellCode(c.codeList ?? [], value, { label, aliases: c.valueAliases });
    case 'codes':
      return cellCodes(c.codeList ?? [], value, { label, aliases: c.valueAliases });
  }
}

export const isBlankValue = (v: CellValue) => v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** A stored value (code, code array or bit mask, 0/1, ISO date …) as the spreadsheet shows it. */
export function exportCell(c: SheetColumn, value: unknown): string | number | null {
  if (value === null || value === undefined || value === '') return null;
  const list = c.codeList ?? [];
  switch (c.kind) {
    case 'code':
      return codeName(list, value);
    case 'codes':
      return codeNames(list, value);
    case 'bool':
      return value === true || value === 1 || value === '1' ? '是' : '否';
    case 'int':
    case 'decimal':
    case 'year':
      return typeof value === 'number' ? value : Number(value);
    default:
      return String(value);
  }
}
