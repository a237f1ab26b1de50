/**
 * Duplicate suspects: two talent records with different ID numbers but the same name, birth date and
 * work region are probably one person entered twice (a mistyped ID number, a 15-digit old number).
 */
import { cleanCell } from '../standards/normalize.ts';

/**
 * Interpunct variants typed in minority and foreign names (买买提·艾力): middle dot, bullet, katakana
 * middle dot, hyphenation point, bullet operator, and the full stop cleanCell makes of a full-width one.
 */
const NAME_DOTS = /[·•・‧∙.]/g;

/**
 * A name as compared for duplicates: {@link cleanCell} (full-width → half-width, zero-width characters
 * removed), all whitespace removed ("张 三" is 张三), interpunct variants unified, Latin letters lower-cased.
 */
export function normalizeName(name: string): string {
  return cleanCell(name).replace(/\s/g, '').replace(NAME_DOTS, '·').toLowerCase();
}

/**
 * The key records are grouped by to find suspects. Birth date (10 characters) and region code (12) have
 * fixed widths, so the key is unambiguous whatever the name contains.
 */
export function duplicateKey(t: { name: string; birthDate: string; regionCode: string }): string {
  return `${normalizeName(t.name)}|${t.birthDate}|${t.regionCode}`;
}

/** The two ids of a pair in a fixed order, so a dismissed pair is stored (and found) once. */
export function orderedPair(a: string, b: string): [string, string] {
  return a <= b ? [a, b] : [b, a];
}
