/**
 * Matching a spreadsheet's header cells to known columns. People edit templates: they delete the
 * required mark `*`, type full-width brackets, add line breaks or a "(必填)" hint, or use the name
 * their own system prints (身份证号 for 身份证号码). A header is compared after normalizing both
 * sides, first as written and then with any bracketed hint removed.
 */
import { cleanCell } from '../../../domain/standards/normalize.ts';

/** What the reader needs to know about a column to find it in a file. */
export interface HeaderSpec {
  readonly key: string;
  /** The template's header, without the required mark. */
  readonly header: string;
  readonly aliases?: readonly string[];
  readonly required?: boolean;
}

/** The header as templates and exports write it: required columns end with `*`. */
export const headerText = (c: Pick<HeaderSpec, 'header' | 'required'>) => (c.required ? `${c.header}*` : c.header);

export type HeaderMatcher = (headerText: string) => string | undefined;

/** Half-width, no whitespace, no required marks or (必填)/(选填) hints, ASCII lower-cased. */
export function normalizeHeader(text: string): string {
  return cleanCell(text)
    .replace(/\s+/g, '')
    .replace(/[*※]/g, '')
    .replace(/\((必填|选填|可选|必选)\)/g, '')
    .replace(/【(必填|选填)】/g, '')
    .toLowerCase();
}

/** The header without any bracketed part: 籍贯(区划代码) → 籍贯. */
function withoutBrackets(normalized: string): string {
  return normalized.replace(/[([【][^)\]】]*[)\]】]/g, '');
}

/**
 * Builds a matcher from header → key. Exact (normalized) names win over bracket-stripped ones, so
 * a file with both 工作地区(区划代码) and 籍贯(区划代码) maps each to its own column.
 */
export function createHeaderMatcher(columns: readonly HeaderSpec[]): HeaderMatcher {
  const exact = new Map<string, string>();
  const loose = new Map<string, string>();
  for (const c of columns) {
    for (const name of [c.header, ...(c.aliases ?? [])]) {
      const n = normalizeHeader(name);
      if (!exact.has(n)) exact.set(n, c.key);
      const l = withoutBrackets(n);
      if (l && !loose.has(l)) loose.set(l, c.key);
    }
  }
  return (headerText) => {
    const n = normalizeHeader(headerText);
    if (!n) return undefined;
    return exact.get(n) ?? loose.get(withoutBrackets(n) || n);
  };
}
