/**
 * Registration and continuing education of certificate holders (STANDARDS.md, social-work
 * qualifications): a certificate is registered within a year of being obtained and re-registered every
 * 3 years; each 3-year period needs at least 72 hours of continuing education for 助理社会工作师 and 90
 * for 社会工作师 and 高级社会工作师; a social-work degree completed in the period counts as 90 hours.
 */
import { addDays, addYears } from './age.ts';
import type { CertificateLevel } from './code-lists.ts';
import type { CertificateFacts, TalentFacts } from './facts.ts';
import { certificateRank } from './tier.ts';

/** Re-registration is shown as due this many days ahead of the date. */
export const DUE_WINDOW_DAYS = 90;

/** Length of a registration period in years. */
export const PERIOD_YEARS = 3;

/** Hours a completed social-work degree in the period counts for. */
export const DEGREE_HOURS = 90;

/** Continuing-education hours needed per 3-year period. */
export function requiredHours(level: CertificateLevel): number {
  return level === 'assistant' ? 72 : 90;
}

/** The part of the status that does not depend on today. */
export interface ContinuingEducationPeriod {
  /** Start of the current period: the latest (re-)registration date; null without a registered certificate. */
  periodStart: string | null;
  /** periodStart + 3 years: re-registration is due then; the period is [periodStart, reregistrationDue). */
  reregistrationDue: string | null;
  required: number;
  hours: number;
  short: boolean;
}

export interface ContinuingEducationStatus extends ContinuingEducationPeriod {
  /** Re-registration falls within the due window or is overdue. */
  due: boolean;
}

const NO_PERIOD: ContinuingEducationPeriod = { periodStart: null, reregistrationDue: null, required: 0, hours: 0, short: false };

/** Latest (re-)registration of a certificate; the later of the two guards against dates entered out of order. */
function periodStartOf(c: CertificateFacts): string | null {
  if (c.registeredOn === null) return null;
  return c.reregisteredOn !== null && c.reregisteredOn > c.registeredOn ? c.reregisteredOn : c.registeredOn;
}

/**
 * The certificate whose registration is tracked: the highest-level one that has been registered
 * (holders register the certificate they practise under; a lower one is superseded). Two registered
 * certificates of the same level: the one registered most recently.
 */
export function trackedCertificate<C extends CertificateFacts>(certificates: readonly C[]): C | null {
  let best: C | null = null;
  for (const c of certificates) {
    if (c.registeredOn === null) continue;
    if (
      best === null ||
      certificateRank(c.level) > certificateRank(best.level) ||
      (c.level === best.level && (periodStartOf(c) as string) > (periodStartOf(best) as string))
    )
      best = c;
  }
  return best;
}

/**
 * Everything except `due`, from the facts alone. These values are stored denormalized on the talent
 * row (list filters "short of hours", sorting by due date), so they must NOT depend on today: otherwise
 * the stored values would go stale overnight. `due` is derived at read time from reregistrationDue
 * (see {@link dueCutoff}).
 *
 * Hours are the verified trainings with periodStart ≤ date < reregistrationDue, plus 90 for a
 * completed social-work degree (major class social_work, a degree other than none) whose graduation
 * year overlaps the period. Only the year is known, so any overlap counts (benefit of the doubt); the
 * credit is given once however many such degrees there are.
 */
export function continuingEducationPeriod(facts: Pick<TalentFacts, 'certificates' | 'educations' | 'trainings'>): ContinuingEducationPeriod {
  const cert = trackedCertificate(facts.certificates);
  if (cert === null) return NO_PERIOD;
  const periodStart = periodStartOf(cert) as string;
  const reregistrationDue = addYears(periodStart, PERIOD_YEARS);

  let hours = 0;
  for (const t of facts.trainings) if (t.date >= periodStart && t.date < reregistrationDue) hours += t.hours;

  const firstYear = Number(periodStart.slice(0, 4));
  const lastYear = Number(addDays(reregistrationDue, -1).slice(0, 4));
  const degreeInPeriod = facts.educations.some(
    (e) => e.majorClass === 'social_work' && e.degree !== 'none' && e.graduationYear !== null && e.graduationYear >= firstYear && e.graduationYear <= lastYear,
  );
  if (degreeInPeriod) hours += DEGREE_HOURS;

  // Hours may be fractional (1.5 h sessions); round away float noise such as 0.1 + 0.2.
  hours = Math.round(hours * 100) / 100;
  const required = requiredHours(cert.level);
  return { periodStart, reregistrationDue, required, hours, short: hours < required };
}

/**
 * The latest re-registration date that counts as due on `today`: due ⇔ reregistrationDue ≤ cutoff.
 * Overdue dates are before the cutoff too, so they count as due. A list filter uses this as a bound on
 * the stored column.
 */
export function dueCutoff(today: string, dueWindowDays = DUE_WINDOW_DAYS): string {
  return addDays(today, dueWindowDays);
}

export function isReregistrationDue(reregistrationDue: string | null, today: string, dueWindowDays = DUE_WINDOW_DAYS): boolean {
  return reregistrationDue !== null && reregistrationDue <= dueCutoff(today, dueWindowDays);
}

/** The full status as the detail page shows it; only `due` depends on today. */
export function continuingEducation(
  facts: Pick<TalentFacts, 'certificates' | 'educations' | 'trainings'>,
  today: string,
  dueWindowDays = DUE_WINDOW_DAYS,
): ContinuingEducationStatus {
  const period = continuingEducationPeriod(facts);
  return { ...period, due: isReregistrationDue(period.reregistrationDue, today, dueWindowDays) };
}
