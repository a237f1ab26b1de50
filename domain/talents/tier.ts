/**
 * Tier (highest certificate) and highest education. Ranks are positions in the ordered code lists of
 * code-lists.ts, so adding a level there (append-only) keeps every comparison right.
 */
import { CERTIFICATE_LEVELS, type CertificateLevel, DEGREES, type Degree, EDUCATION_LEVELS, type EducationLevel, TIERS, type Tier } from './code-lists.ts';

const TIER_OF_LEVEL: Record<CertificateLevel, Tier> = { assistant: 'junior', intermediate: 'intermediate', senior: 'senior' };

/** 1 = 助理社会工作师, 2 = 社会工作师, 3 = 高级社会工作师. */
export function certificateRank(level: CertificateLevel): number {
  return CERTIFICATE_LEVELS.findIndex((c) => c.code === level) + 1;
}

/** 0 = 初中及以下 … 5 = 博士研究生. */
export function educationRank(level: EducationLevel): number {
  return EDUCATION_LEVELS.findIndex((e) => e.code === level);
}

/** 0 = 无 … 3 = 博士. */
export function degreeRank(degree: Degree): number {
  return DEGREES.findIndex((d) => d.code === degree);
}

/** 0 = none, 1 = junior, 2 = intermediate, 3 = senior. */
export function tierRank(tier: Tier): number {
  return TIERS.findIndex((t) => t.code === tier);
}

/** The tier given by the highest certificate; 'none' without certificates. */
export function tierOf(certificates: readonly { level: CertificateLevel }[]): Tier {
  let best: CertificateLevel | null = null;
  for (const c of certificates) if (best === null || certificateRank(c.level) > certificateRank(best)) best = c.level;
  return best === null ? 'none' : TIER_OF_LEVEL[best];
}

/**
 * The education with the highest level; ties go to the higher degree, then the later graduation year
 * (an unknown year loses). Null without educations. Returns the element itself, so callers keep any
 * extra fields (school, major).
 */
export function highestEducation<T extends { level: EducationLevel; degree: Degree; graduationYear: number | null }>(educations: readonly T[]): T | null {
  let best: T | null = null;
  for (const e of educations) if (best === null || compareEducation(e, best) > 0) best = e;
  return best;
}

function compareEducation(
  a: { level: EducationLevel; degree: Degree; graduationYear: number | null },
  b: { level: EducationLevel; degree: Degree; graduationYear: number | null },
): number {
  return (
    educationRank(a.level) - educationRank(b.level) ||
    degreeRank(a.degree) - degreeRank(b.degree) ||
    // Years are 1950–2100 (talent.schema.ts), so 0 puts an unknown year last.
    (a.graduationYear ?? 0) - (b.graduationYear ?? 0)
  );
}
