import { ETHNIC_GROUPS } from '../../../domain/standards/code-lists.ts';
import { ageOn } from '../../../domain/talents/age.ts';
import {
  CERTIFICATE_LEVELS,
  codeName,
  DISPATCH_PROGRAMS,
  EDUCATION_LEVELS,
  fromMask,
  HONOUR_LEVELS,
  SERVICE_FIELDS,
  TALENT_CATEGORIES,
  TALENT_ROLES,
  TIERS,
} from '../../../domain/talents/code-lists.ts';
import type { KeyReason } from '../../../domain/talents/key-talent-rules.ts';
import type { TalentInput, TalentListItem } from '../../../domain/talents/talent.schema.ts';
import type { FieldCrypto } from '../../security/field-crypto.ts';
import type { TalentChildren } from './talent-record.ts';
import type { TalentRow } from './talents.repository.ts';

/** Conversions between stored rows and the API's shapes (no I/O). */

export const tierCode = (rank: number) => TIERS[rank]?.code ?? 'none';
export const keyReasonsOf = (row: Pick<TalentRow, 'key_reasons'>): KeyReason[] => JSON.parse(row.key_reasons);

export function toListItem(r: TalentRow, regionName: string | null, today: string): TalentListItem {
  return {
    id: r.id,
    name: r.name,
    idNumberMasked: r.id_masked,
    sex: r.sex,
    birthDate: r.birth_date,
    age: ageOn(r.birth_date, today),
    regionCode: r.region_code,
    regionName,
    tier: tierCode(r.tier),
    categories: fromMask(TALENT_CATEGORIES, r.categories),
    fields: fromMask(SERVICE_FIELDS, r.fields),
    roles: fromMask(TALENT_ROLES, r.roles),
    employer: r.employer,
    isKey: r.is_key === 1,
    keyReasons: keyReasonsOf(r),
    reregistrationDue: r.rereg_due,
    ceHours: Number(r.ce_hours),
    ceRequired: Number(r.ce_required),
    status: r.status as TalentListItem['status'],
    updatedAt: r.updated_at,
  };
}

/** The stored record as an input again (decrypted), so an edit can merge a patch and rebuild. */
export function storedInput(r: TalentRow, c: TalentChildren, crypto: FieldCrypto): TalentInput {
  return {
    name: r.name,
    idNumber: crypto.decrypt(r.id_enc),
    sex: r.sex as '1' | '2',
    birthDate: r.birth_date,
    ethnicity: r.ethnicity,
    nativePlace: r.native_place,
    phone: r.phone_enc ? crypto.decrypt(r.phone_enc) : null,
    partyMember: r.party_member === 1,
    regionCode: r.region_code,
    categories: fromMask(TALENT_CATEGORIES, r.categories),
    fields: fromMask(SERVICE_FIELDS, r.fields),
    roles: fromMask(TALENT_ROLES, r.roles),
    titleLevel: r.title_level as TalentInput['titleLevel'],
    titleName: r.title_name,
    teachingSubject: r.teaching_subject as TalentInput['teachingSubject'],
    employer: r.employer,
    post: r.post,
    professionalPost: r.professional_post === 1,
    employmentStart: r.employment_start,
    status: r.status as TalentInput['status'],
    certificates: c.certificates.map((x) => ({
      level: x.level as TalentInput['certificates'][number]['level'],
      certificateNo: x.certificate_no,
      obtainedYear: Number(x.obtained_year),
      registeredOn: x.registered_on,
      reregisteredOn: x.reregistered_on,
    })),
    educations: c.educations.map((x) => ({
      level: x.level as TalentInput['educations'][number]['level'],
      school: x.school,
      majorClass: x.major_class as TalentInput['educations'][number]['majorClass'],
      major: x.major,
      graduationYear: x.graduation_year === null ? null : Number(x.graduation_year),
      degree: x.degree as TalentInput['educations'][number]['degree'],
    })),
    employments: c.employments.map((x) => ({
      employer: x.employer,
      post: x.post,
      professionalPost: x.professional_post === 1,
      startDate: x.start_date,
      endDate: x.end_date,
    })),
    trainings: c.trainings.map((x) => ({ date: x.date, hours: Number(x.hours), title: x.title, organizer: x.organizer })),
    honours: c.honours.map((x) => ({ level: x.level as TalentInput['honours'][number]['level'], title: x.title, year: Number(x.year) })),
    dispatches: c.dispatches.map((x) => ({
      program: x.program as TalentInput['dispatches'][number]['program'],
      fromRegion: x.from_region,
      toRegion: x.to_region,
      startDate: x.start_date,
      endDate: x.end_date,
    })),
  };
}

/**
 * What the audit log records of a talent: readable values, identity masked (the log is read by
 * more people than may see ID numbers), lists as one line per item.
 */
export function auditView(t: TalentInput, masked: { idNumber: string; phone: string | null }, isKey: boolean): Record<string, unknown> {
  return {
    name: t.name,
    idNumber: masked.idNumber,
    ethnicity: codeName(ETHNIC_GROUPS, t.ethnicity),
    nativePlace: t.nativePlace,
    phone: masked.phone,
    partyMember: t.partyMember,
    regionCode: t.regionCode,
    categories: t.categories.map((c) => codeName(TALENT_CATEGORIES, c)).join('、'),
    fields: t.fields.map((c) => codeName(SERVICE_FIELDS, c)).join('、'),
    roles: t.roles.map((c) => codeName(TALENT_ROLES, c)).join('、'),
    titleLevel: t.titleLevel,
    titleName: t.titleName,
    teachingSubject: t.teachingSubject,
    employer: t.employer,
    post: t.post,
    professionalPost: t.professionalPost,
    employmentStart: t.employmentStart,
    status: t.status,
    isKey,
    certificates: t.certificates.map((c) => `${codeName(CERTIFICATE_LEVELS, c.level)} ${c.certificateNo} ${c.obtainedYear}`).join(';'),
    educations: t.educations.map((e) => `${codeName(EDUCATION_LEVELS, e.level)} ${e.school} ${e.major}`.trim()).join(';'),
    employments: t.employments.map((e) => `${e.employer} ${e.post} ${e.startDate ?? ''}–${e.endDate ?? ''}`).join(';'),
    trainings: `${t.trainings.length} 条,共 ${t.trainings.reduce((s, x) => s + x.hours, 0)} 学时`,
    honours: t.honours.map((h) => `${codeName(HONOUR_LEVELS, h.level)} ${h.title} ${h.year}`).join(';'),
    dispatches: t.dispatches.map((d) => `${codeName(DISPATCH_PROGRAMS, d.program)} ${d.startDate}`).join(';'),
  };
}
