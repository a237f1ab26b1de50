/**
 * Text clean-up shared by the code parsers. Chinese input methods and Excel exports often produce
 * full-width digits/letters (１２３ＡＢＣ), ideographic spaces and stray zero-width characters that
 * look identical on screen but fail every regex; we normalize them before validating anything.
 */

const FULL_WIDTH_START = 0xff01; // ！
const FULL_WIDTH_END = 0xff5e; // ～
const FULL_TO_HALF_OFFSET = 0xfee0; // U+FF01 − U+0021
const IDEOGRAPHIC_SPACE = '\u3000';

/**
 * Zero-width space/joiners and the BOM (invisible, copied in from web pages and Excel), and C0 control
 * characters other than whitespace: spreadsheets carry them (_x0000_ escapes, pasted binary), and
 * PostgreSQL text cannot hold U+0000 at all.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u0000-\u0008\u000b\u000e-\u001f\u007f]/g;

/**
 * Maps full-width ASCII (U+FF01–U+FF5E) to its half-width form (U+0021–U+007E) and the
 * ideographic space U+3000 to an ordinary space. Everything else is left untouched, so Chinese
 * text and full-width punctuation outside that block (e.g. 、。) survive.
 */
export function toHalfWidth(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number;
    if (cp >= FULL_WIDTH_START && cp <= FULL_WIDTH_END) {
      out += String.fromCharCode(cp - FULL_TO_HALF_OFFSET);
    } else if (ch === IDEOGRAPHIC_SPACE) {
      out += ' ';
    } else {
      out += ch;
    }
  }
  return out;
}

/**
 * Whatever cleanCell would change: full-width ASCII, the ideographic space, zero-width and control
 * characters, whitespace other than a single inner space. Most cells have none of it, and an import
 * cleans millions of cells.
 */
function needsCleaning(s: string): boolean {
  const last = s.length - 1;
  for (let i = 0; i <= last; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x20) {
      if (i === 0 || i === last || s.charCodeAt(i - 1) === 0x20) return true;
    } else if (c < 0x20 || c === 0x7f) return true;
    else if (c >= 0xa0 && isSpecial(c)) return true;
  }
  return false;
}

/** Non-ASCII characters cleanCell changes: JavaScript's other whitespace (\s), zero-width ones, full-width ASCII. */
const isSpecial = (c: number) =>
  c === 0xa0 ||
  c === 0x1680 ||
  (c >= 0x2000 && c <= 0x200d) ||
  c === 0x2028 ||
  c === 0x2029 ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x2060 ||
  c === 0x3000 ||
  c === 0xfeff ||
  (c >= 0xff01 && c <= 0xff5e);

/**
 * Normalizes one spreadsheet/form cell: half-width, zero-width characters removed, trimmed, and
 * every run of inner whitespace (including tabs and line breaks from Alt+Enter) collapsed to one
 * space.
 */
export function cleanCell(s: string): string {
  if (!needsCleaning(s)) return s;
  return toHalfWidth(s).replace(ZERO_WIDTH, '').replace(/\s+/g, ' ').trim();
}

const COMPACT = /^[0-9A-Z]*$/;

/**
 * Normalizes a code-like value (ID number, credit code): {@link cleanCell}, then all whitespace
 * removed and letters upper-cased. Codes are often typed or printed in groups ("1101 0519 …").
 */
export function compactCode(s: string): string {
  if (COMPACT.test(s)) return s;
  return cleanCell(s).replace(/\s/g, '').toUpperCase();
}
