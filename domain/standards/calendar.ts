/**
 * Calendar checks without Date objects: imports check several dates per row, 100,000 rows at a
 * time, and a Date per check was a measurable share of that. Proleptic Gregorian, like Date.
 */

const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Days in month `m` (1–12) of year `y`. */
export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** True when y-m-d (numbers, month 1–12) is a day of the calendar. */
export function isRealDate(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** The number written by the ASCII digits s[from…to), or NaN. */
function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return Number.NaN;
    n = n * 10 + d;
  }
  return n;
}

/** True when `s` is a real calendar day written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  if (s.length !== 10 || s[4] !== '-' || s[7] !== '-') return false;
  return isRealDate(digits(s, 0, 4), digits(s, 5, 7), digits(s, 8, 10));
}
