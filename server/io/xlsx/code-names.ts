/** Stored codes as exports write them: names, so an exported file reads (and imports) like a filled-in template. */
import type { CodeItem } from '../../../domain/standards/code-lists.ts';
import { fromMask } from '../../../domain/talents/code-lists.ts';

/** A stored code as the spreadsheet shows it: its name (an unknown code as it is). */
export const codeName = (list: readonly CodeItem[], code: unknown) => {
  const c = String(code);
  return list.find((x) => x.code === c)?.name ?? c;
};

/** Several stored codes (a bit mask, an array or a comma list) as names joined by 、. */
export function codeNames(list: readonly CodeItem[], value: unknown): string {
  const codes = typeof value === 'number' ? fromMask(list, value) : Array.isArray(value) ? value.map(String) : String(value).split(',');
  return codes.map((c) => codeName(list, c)).join('、');
}
