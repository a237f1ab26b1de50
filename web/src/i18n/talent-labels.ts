/**
 * Names of the talent registry's code lists (domain/talents/code-lists.ts, the lists the server
 * validates against) in the current language. Chinese names come from domain/; English ones are
 * kept here, typed against the domain codes so a new code cannot go untranslated.
 */
import { useMemo } from 'react';
import { ETHNIC_GROUPS, SEXES } from '../../../domain/standards/code-lists.ts';
import {
  AGE_BANDS,
  type AgeBand,
  CERTIFICATE_LEVELS,
  type CertificateLevel,
  DEGREES,
  type Degree,
  DISPATCH_PROGRAMS,
  type DispatchProgram,
  EDUCATION_LEVELS,
  type EducationLevel,
  HONOUR_LEVELS,
  type HonourLevel,
  MAJOR_CLASSES,
  type MajorClass,
  SERVICE_FIELDS,
  type ServiceField,
  TALENT_CATEGORIES,
  TALENT_ROLES,
  TALENT_STATUSES,
  type TalentCategory,
  type TalentRole,
  type TalentStatus,
  TEACHING_SUBJECTS,
  type TeachingSubject,
  TIERS,
  TITLE_LEVELS,
  type Tier,
  type TitleLevel,
} from '../../../domain/talents/code-lists.ts';
import { useI18n } from './index.ts';

type Item = { readonly code: string; readonly name: string };

const URBAN_RURAL = [
  { code: 'urban', name: '城镇' },
  { code: 'rural', name: '乡村' },
  { code: 'unknown', name: '未划分' },
] as const;
const SUBMISSION_STATUSES = [
  { code: 'pending', name: '待审核' },
  { code: 'approved', name: '已通过' },
  { code: 'rejected', name: '已退回' },
] as const;

/** Every list the talent pages show, by a short name. */
export const TALENT_LISTS = {
  category: TALENT_CATEGORIES,
  field: SERVICE_FIELDS,
  role: TALENT_ROLES,
  certificateLevel: CERTIFICATE_LEVELS,
  tier: TIERS,
  education: [...EDUCATION_LEVELS, { code: 'unknown', name: '未填写' }],
  degree: DEGREES,
  majorClass: MAJOR_CLASSES,
  titleLevel: TITLE_LEVELS,
  teachingSubject: TEACHING_SUBJECTS,
  status: TALENT_STATUSES,
  honourLevel: HONOUR_LEVELS,
  program: DISPATCH_PROGRAMS,
  ageBand: AGE_BANDS,
  ethnicity: ETHNIC_GROUPS,
  sex: SEXES,
  urbanRural: URBAN_RURAL,
  submissionStatus: SUBMISSION_STATUSES,
} satisfies Record<string, readonly Item[]>;
export type TalentListName = keyof typeof TALENT_LISTS;

const EN: { [K in TalentListName]?: Record<string, string> } = {
  category: { practice: 'Practice', research: 'Research', management: 'Management' } satisfies Record<TalentCategory, string>,
  field: {
    elderly: 'Elderly care',
    children: 'Child welfare',
    assistance: 'Social assistance',
    disability: 'Disability rehabilitation',
    community: 'Community governance',
    rural: 'Rural revitalization',
    drug: 'Drug rehabilitation',
    correction: 'Community correction',
    family: 'Marriage & family',
    school: 'School social work',
    medical: 'Medical social work',
    emergency: 'Emergency relief',
    veterans: 'Veterans services',
    other: 'Other',
  } satisfies Record<ServiceField, string>,
  role: {
    village_cadre: 'Village/community cadre',
    grid_worker: 'Grid worker',
    child_director: 'Children’s director',
    assistance_aide: 'Assistance aide',
    local_worker: 'Local social worker',
    counselor: 'Counselor',
    volunteer_lead: 'Volunteer leader',
    child_supervisor: 'Child welfare supervisor',
    school_counselor: 'School counselor',
    legal_worker: 'Legal service worker',
    veteran: 'Veteran',
    other: 'Other',
  } satisfies Record<TalentRole, string>,
  certificateLevel: { assistant: 'Assistant social worker', intermediate: 'Social worker', senior: 'Senior social worker' } satisfies Record<
    CertificateLevel,
    string
  >,
  tier: { none: 'No certificate', junior: 'Junior', intermediate: 'Intermediate', senior: 'Senior' } satisfies Record<Tier, string>,
  education: {
    junior_high: 'Junior high or below',
    senior_high: 'Senior high / vocational',
    college: 'College',
    bachelor: 'Bachelor',
    master: 'Master',
    doctor: 'Doctorate',
    unknown: 'Not given',
  } satisfies Record<EducationLevel | 'unknown', string>,
  degree: { none: 'None', bachelor: 'Bachelor', master: 'Master', doctor: 'Doctor' } satisfies Record<Degree, string>,
  majorClass: { social_work: 'Social work', sociology: 'Sociology', other: 'Other' } satisfies Record<MajorClass, string>,
  titleLevel: { none: 'None', junior: 'Junior', intermediate: 'Intermediate', associate_senior: 'Associate senior', senior: 'Senior' } satisfies Record<
    TitleLevel,
    string
  >,
  teachingSubject: { none: 'Not teaching', social_work: 'Social work', sociology: 'Sociology', other: 'Other' } satisfies Record<TeachingSubject, string>,
  status: { active: 'Active', left: 'Left the field', deceased: 'Deceased' } satisfies Record<TalentStatus, string>,
  honourLevel: { national: 'National', provincial: 'Provincial', city: 'City', county: 'County', other: 'Other' } satisfies Record<HonourLevel, string>,
  program: { three_regions: '"Three regions" program', hand_in_hand: '"Hand in hand" program', other: 'Other' } satisfies Record<DispatchProgram, string>,
  ageBand: { under30: 'Under 30', '30to35': '30–35', '36to45': '36–45', '46to55': '46–55', over55: 'Over 55' } satisfies Record<AgeBand, string>,
  sex: { '0': 'Unknown', '1': 'Male', '2': 'Female', '9': 'Not stated' },
  urbanRural: { urban: 'Urban', rural: 'Rural', unknown: 'Unclassified' },
  submissionStatus: { pending: 'Pending', approved: 'Approved', rejected: 'Returned' },
  // Ethnic groups keep their Chinese names in English (proper names, as on the ID card).
};

export interface TalentLabels {
  /** The name of `code` in list `list` ('' for a null code, the code itself when unknown). */
  name: (list: TalentListName, code: string | null | undefined) => string;
  /** Select options of a list, in list order. */
  options: (list: TalentListName, exclude?: readonly string[]) => { value: string; label: string }[];
  /** Names of several codes joined by the list separator. */
  names: (list: TalentListName, codes: readonly string[]) => string;
}

export function useTalentLabels(): TalentLabels {
  const { lang, t } = useI18n();
  return useMemo(() => {
    const name = (list: TalentListName, code: string | null | undefined) => {
      if (code === null || code === undefined) return '';
      const zh = (TALENT_LISTS[list] as readonly Item[]).find((x) => x.code === code)?.name;
      if (lang === 'en') return EN[list]?.[code] ?? zh ?? code;
      return zh ?? code;
    };
    return {
      name,
      options: (list, exclude = []) =>
        (TALENT_LISTS[list] as readonly Item[]).filter((x) => !exclude.includes(x.code)).map((x) => ({ value: x.code, label: name(list, x.code) })),
      names: (list, codes) => codes.map((c) => name(list, c)).join(t('common.listSeparator')),
    };
  }, [lang, t]);
}
