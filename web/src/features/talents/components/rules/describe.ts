import { describeCondition as describeZh, type KeyCondition, type KeyRule } from '../../../../../../domain/talents/key-talent-rules.ts';
import type { Lang } from '../../../../i18n/index.ts';
import type { TalentLabels } from '../../../../i18n/talent-labels.ts';

/** A condition in words: the domain's Chinese wording, or an English one built from the same lists. */
export function describeCondition(c: KeyCondition, lang: Lang, labels: TalentLabels): string {
  if (lang === 'zh-CN') return describeZh(c);
  const majors = (m: readonly string[] | undefined) => (m?.length ? ` in ${m.map((x) => labels.name('majorClass', x)).join(' or ')}` : '');
  switch (c.type) {
    case 'nativeOfProvince':
      return 'Native of the province';
    case 'minCertificate':
      return `Holds a ${labels.name('certificateLevel', c.level)} certificate or higher`;
    case 'teaches':
      return `Teaches ${c.subjects.map((s) => labels.name('teachingSubject', s)).join(' or ')}`;
    case 'minTitle':
      return `${labels.name('titleLevel', c.level)} professional title or higher`;
    case 'degree':
      return `${labels.name('degree', c.degree)} degree or higher${majors(c.majorClasses)}`;
    case 'minEducation':
      return `${labels.name('education', c.level)} education or higher${majors(c.majorClasses)}`;
  }
}

export function describeRule(rule: KeyRule, lang: Lang, labels: TalentLabels): string {
  const parts = rule.conditions.map((c) => describeCondition(c, lang, labels));
  if (lang === 'zh-CN') return parts.join('且');
  return parts.map((p, i) => (i ? p.charAt(0).toLowerCase() + p.slice(1) : p)).join(', and ');
}

export const CONDITION_TYPES = ['nativeOfProvince', 'minCertificate', 'teaches', 'minTitle', 'degree', 'minEducation'] as const;
export type ConditionType = (typeof CONDITION_TYPES)[number];

/** A fresh condition of a type, with sensible parameters. */
export function newCondition(type: ConditionType): KeyCondition {
  switch (type) {
    case 'nativeOfProvince':
      return { type };
    case 'minCertificate':
      return { type, level: 'intermediate' };
    case 'teaches':
      return { type, subjects: ['social_work'] };
    case 'minTitle':
      return { type, level: 'associate_senior' };
    case 'degree':
      return { type, degree: 'doctor', majorClasses: ['social_work', 'sociology'] };
    case 'minEducation':
      return { type, level: 'bachelor', majorClasses: ['social_work'] };
  }
}
