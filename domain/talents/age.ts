/**
 * Age (周岁), youth and age bands, plus the UTC calendar arithmetic the talent rules share. Dates are
 * YYYY-MM-DD strings; all math is in UTC so the server's time zone never moves a date by a day.
 */
import type { AgeBand } from './code-lists.ts';

/** Upper age of a youth: 中长期青年发展规划(2016—2025年) counts ages 14–35 as youth. */
export const YOUTH_MAX_AGE = 35;

const parse = (date: string) => new Date(`${date}T00:00:00Z`);
const format = (d: Date) => d.toISOString().slice(0, 10);

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** A date in `year` with the given MM-DD, Feb 29 becoming Feb 28 in a common year. */
function withYear(year: number, monthDay: string): string {
  const md = monthDay === '02-29' && !isLeapYear(year) ? '02-28' : monthDay;
  return `${String(year).padStart(4, '0')}-${md}`;
}

/** The same month and day `years` later (or earlier, when negative); Feb 29 → Feb 28 in a common year. */
export function addYears(date: string, years: number): string {
  return withYear(Number(date.slice(0, 4)) + years, date.slice(5));
}

/** The date `days` days later (earlier when negative). */
export function addDays(date: string, days: number): string {
  const d = parse(date);
  d.setUTCDate(d.getUTCDate() + days);
  return format(d);
}

/**
 * Age in whole years on `onDate`. Someone born on Feb 29 turns a year older on Mar 1 of a common year
 * (the birthday has not been reached on Feb 28), which is what comparing MM-DD as text gives.
 */
export function ageOn(birthDate: string, onDate: string): number {
  const years = Number(onDate.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return onDate.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/**
 * Youth: at most 35. The plan's lower bound of 14 is not checked: nobody that young is a registered
 * talent, and the list filter then stays a single bound on birth_date.
 */
export function isYouth(age: number): boolean {
  return age <= YOUTH_MAX_AGE;
}

/** The band of AGE_BANDS: under 30, 30–35, 36–45, 46–55, over 55. */
export function ageBandOf(age: number): AgeBand {
  if (age < 30) return 'under30';
  if (age <= 35) return '30to35';
  if (age <= 45) return '36to45';
  if (age <= 55) return '46to55';
  return 'over55';
}

/**
 * The band of an age counted as referenceYear − birthYear, i.e. the age at the end of the reference
 * year (what AGE_BANDS is defined on). The analytics summary tables store birth years, not birth dates,
 * so the structure statistics band by year; the list and detail use {@link ageOn} on the exact date and
 * may differ by one year before the birthday.
 */
export function ageBandByBirthYear(birthYear: number, referenceYear: number): AgeBand {
  return ageBandOf(referenceYear - birthYear);
}

/**
 * The inclusive birth-date range of people whose age on `today` lies in [minAge, maxAge], so an age
 * filter becomes a range predicate on birth_date (indexable) instead of a computed age. A null bound is
 * open (null date). minAge > maxAge gives from > to: an empty range.
 *
 * age ≥ n  ⇔  born on or before today minus n years (Feb 29 → Feb 28, see {@link ageOn});
 * age ≤ n  ⇔  not age ≥ n + 1  ⇔  born after today minus (n + 1) years.
 */
export function birthDateRangeForAges(minAge: number | null, maxAge: number | null, today: string): { from: string | null; to: string | null } {
  return {
    from: maxAge === null ? null : addDays(addYears(today, -(maxAge + 1)), 1),
    to: minAge === null ? null : addYears(today, -minAge),
  };
}
