import type {
  CertificateInput,
  DispatchInput,
  EducationInput,
  EmploymentInput,
  HonourInput,
  TalentDetail,
  TalentInputRaw,
  TalentPatch,
  TrainingInput,
} from '../../../../../../domain/talents/talent.schema.ts';
import { stableKey } from '../../../../shared/form/stable-key.ts';

type Draft<T> = { [K in keyof T]?: T[K] | null };

/** What the talent form holds: the API's input shape, with rows possibly half-filled. */
export interface TalentFormValues {
  name?: string;
  /** Create: the number typed. Edit: only when the user chose to change it. */
  idNumber?: string;
  ethnicity?: string;
  nativePlace?: string | null;
  /** Edit: only when the user chose to change it ('' = remove). */
  phone?: string | null;
  partyMember?: boolean;
  regionCode?: string;
  categories?: string[];
  fields?: string[];
  roles?: string[];
  status?: string;
  titleLevel?: string;
  titleName?: string;
  teachingSubject?: string;
  employer?: string;
  post?: string;
  professionalPost?: boolean;
  employmentStart?: string | null;
  certificates?: Draft<CertificateInput>[];
  educations?: Draft<EducationInput>[];
  employments?: Draft<EmploymentInput>[];
  trainings?: Draft<TrainingInput>[];
  honours?: Draft<HonourInput>[];
  dispatches?: Draft<DispatchInput>[];
}

export const LIST_KEYS = ['certificates', 'educations', 'employments', 'trainings', 'honours', 'dispatches'] as const;

const withoutId = <T extends { id: string }>(rows: T[]) => rows.map(({ id: _id, ...rest }) => rest);

export function emptyFormValues(regionCode?: string): TalentFormValues {
  return {
    ethnicity: '01',
    partyMember: false,
    regionCode,
    categories: ['practice'],
    fields: [],
    roles: [],
    status: 'active',
    titleLevel: 'none',
    titleName: '',
    teachingSubject: 'none',
    employer: '',
    post: '',
    professionalPost: false,
    employmentStart: null,
    nativePlace: null,
    certificates: [],
    educations: [],
    employments: [],
    trainings: [],
    honours: [],
    dispatches: [],
  };
}

/** A stored record as form values (identity and phone left out: they are masked). */
export function toFormValues(d: TalentDetail): TalentFormValues {
  return {
    name: d.name,
    ethnicity: d.ethnicity,
    nativePlace: d.nativePlace,
    partyMember: d.partyMember,
    regionCode: d.regionCode,
    categories: d.categories,
    fields: d.fields,
    roles: d.roles,
    status: d.status,
    titleLevel: d.titleLevel,
    titleName: d.titleName,
    teachingSubject: d.teachingSubject,
    employer: d.employer,
    post: d.post,
    professionalPost: d.professionalPost,
    employmentStart: d.employmentStart,
    certificates: withoutId(d.certificates),
    educations: withoutId(d.educations),
    employments: withoutId(d.employments),
    trainings: withoutId(d.trainings),
    honours: withoutId(d.honours),
    dispatches: withoutId(d.dispatches),
  };
}

const blankToNull = (v: string | null | undefined) => (v === undefined || v === null || v.trim() === '' ? null : v.trim());

/** The body of "create a talent". */
export function toInput(v: TalentFormValues): TalentInputRaw {
  const { idNumber, phone, nativePlace, ...rest } = v;
  return {
    ...(rest as Omit<TalentInputRaw, 'idNumber' | 'phone' | 'nativePlace'>),
    name: v.name ?? '',
    idNumber: idNumber ?? '',
    phone: blankToNull(phone),
    nativePlace: nativePlace ?? null,
  } as TalentInputRaw;
}

/**
 * The body of "edit a talent": only what differs from the stored record (a list that changed goes
 * whole — the server replaces lists); identity and phone only when the user chose to change them.
 */
export function toPatch(initial: TalentFormValues, v: TalentFormValues, changeId: boolean, changePhone: boolean): TalentPatch {
  const patch: Record<string, unknown> = {};
  for (const [k, raw] of Object.entries(v)) {
    if (k === 'idNumber' || k === 'phone') continue;
    // A cleared region picker leaves undefined: 籍贯 removed.
    const value = k === 'nativePlace' ? (raw ?? null) : raw;
    if (value === undefined) continue;
    if (stableKey(value) !== stableKey(initial[k as keyof TalentFormValues])) patch[k] = value;
  }
  if (changeId && v.idNumber) patch.idNumber = v.idNumber;
  if (changePhone) patch.phone = blankToNull(v.phone);
  return patch as TalentPatch;
}
