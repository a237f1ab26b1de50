import { v7 as uuidv7 } from 'uuid';
import { maskIdNumber, parseIdNumber } from '../../../domain/standards/id-number.ts';
import { isWithin } from '../../../domain/standards/region-code.ts';
import { SERVICE_FIELDS, TALENT_CATEGORIES, TALENT_ROLES, toMask } from '../../../domain/talents/code-lists.ts';
import { continuingEducationPeriod } from '../../../domain/talents/continuing-education.ts';
import type { TalentFacts } from '../../../domain/talents/facts.ts';
import { evaluateKeyTalent, type KeyReason, type KeyRuleSet } from '../../../domain/talents/key-talent-rules.ts';
import type { TalentInput } from '../../../domain/talents/talent.schema.ts';
import { highestEducation, tierOf, tierRank } from '../../../domain/talents/tier.ts';
import { urbanRuralOf } from '../../../domain/talents/urban-rural.ts';
import { chinaToday } from '../../clock.ts';
import type {
  TalentCertificatesTable,
  TalentDispatchesTable,
  TalentEducationsTable,
  TalentEmploymentsTable,
  TalentHonoursTable,
  TalentsTable,
  TalentTrainingsTable,
} from '../../db/schema.ts';
import type { FieldCrypto } from '../../security/field-crypto.ts';

/**
 * The one builder of stored talent rows: every path that writes a talent (form, import, transfer,
 * merge, demo, bench) goes through here, so the derived columns (tier, key status, continuing
 * education, masks, hashes, urban/rural) can never disagree with the lists they come from.
 */
export interface TalentChildren {
  certificates: TalentCertificatesTable[];
  educations: TalentEducationsTable[];
  employments: TalentEmploymentsTable[];
  trainings: TalentTrainingsTable[];
  honours: TalentHonoursTable[];
  dispatches: TalentDispatchesTable[];
}

export interface TalentRecord {
  row: TalentsTable;
  children: TalentChildren;
}

export interface RecordContext {
  crypto: FieldCrypto;
  /** The key-talent rules of the talent's province. */
  ruleSet: KeyRuleSet;
  /** NBS urban-rural class of the talent's region (villages), when known. */
  urbanRuralClass: string | null;
  /** ISO timestamp of the write. */
  at: string;
  /** The stored row being replaced, if any: keeps id, created_at and key_since. */
  previous?: Pick<TalentsTable, 'id' | 'created_at' | 'key_since' | 'is_key'> | null;
  /** Id for a new record (bulk paths pre-compute them). */
  id?: string;
}

export const normalizedIdNumber = (idNumber: string): string => {
  const parsed = parseIdNumber(idNumber);
  if (!parsed.ok) throw new Error('buildTalentRecord expects a validated ID number');
  return parsed.value.idNumber;
};

export function maskPhone(phone: string): string {
  return phone.length >= 11 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : `${phone.slice(0, 2)}****${phone.slice(-2)}`;
}

export function factsOf(
  input: Pick<TalentInput, 'birthDate' | 'nativePlace' | 'regionCode' | 'certificates' | 'educations' | 'titleLevel' | 'teachingSubject' | 'trainings'> & {
    birthDate: string;
  },
): TalentFacts {
  return {
    birthDate: input.birthDate,
    nativePlace: input.nativePlace,
    regionCode: input.regionCode,
    certificates: input.certificates,
    educations: input.educations,
    titleLevel: input.titleLevel,
    teachingSubject: input.teachingSubject,
    trainings: input.trainings,
  };
}

export function provinceOf(regionCode: string): string {
  return `${regionCode.slice(0, 2)}0000000000`;
}

export function buildTalentRecord(input: TalentInput, ctx: RecordContext): TalentRecord {
  const parsed = parseIdNumber(input.idNumber);
  if (!parsed.ok) throw new Error('buildTalentRecord expects a validated ID number');
  const idNumber = parsed.value.idNumber;
  const birthDate = parsed.value.birthDate;
  const id = ctx.previous?.id ?? ctx.id ?? uuidv7();
  const facts = factsOf({ ...input, birthDate });
  const reasons: KeyReason[] = evaluateKeyTalent(ctx.ruleSet, provinceOf(input.regionCode), facts);
  const isKey = reasons.length > 0;
  const wasKey = ctx.previous?.is_key === 1;
  const ce = continuingEducationPeriod(facts);
  const highest = highestEducation(input.educations);

  const row: TalentsTable = {
    id,
    region_code: input.regionCode,
    name: input.name,
    id_hash: ctx.crypto.lookupHash(idNumber),
    id_enc: ctx.crypto.encrypt(idNumber),
    id_masked: maskIdNumber(idNumber),
    sex: String(parsed.value.sex),
    birth_date: birthDate,
    ethnicity: input.ethnicity,
    native_place: input.nativePlace,
    phone_enc: input.phone ? ctx.crypto.encrypt(input.phone) : null,
    phone_masked: input.phone ? maskPhone(input.phone) : null,
    party_member: input.partyMember ? 1 : 0,
    urban_rural: urbanRuralOf(input.regionCode, ctx.urbanRuralClass),
    categories: toMask(TALENT_CATEGORIES, input.categories),
    fields: toMask(SERVICE_FIELDS, input.fields),
    roles: toMask(TALENT_ROLES, input.roles),
    tier: tierRank(tierOf(input.certificates)),
    education_level: highest?.level ?? null,
    sw_graduate: input.educations.some((e) => e.majorClass === 'social_work') ? 1 : 0,
    title_level: input.titleLevel,
    title_name: input.titleName,
    teaching_subject: input.teachingSubject,
    employer: input.employer,
    post: input.post,
    professional_post: input.professionalPost ? 1 : 0,
    employment_start: input.employmentStart,
    status: input.status,
    is_key: isKey ? 1 : 0,
    key_reasons: JSON.stringify(reasons),
    // The day the person first met a rule; kept while they stay key, so "new key talents since" counts them once.
    // A day in China like every other date of the registry (at 01:00 in Beijing the UTC date is still
    // yesterday; found by tests/api/talents-summary-rules), matching the rule recompute's chinaToday.
    key_since: isKey ? (wasKey && ctx.previous?.key_since ? ctx.previous.key_since : chinaToday({ now: () => new Date(ctx.at) })) : null,
    ce_period_start: ce.periodStart,
    rereg_due: ce.reregistrationDue,
    ce_required: ce.required,
    ce_hours: ce.hours,
    created_at: ctx.previous?.created_at ?? ctx.at,
    updated_at: ctx.at,
  };

  const child = <T>(items: T[], map: (x: T) => object) => items.map((x, position) => ({ id: uuidv7(), talent_id: id, position, ...map(x) }));
  const children: TalentChildren = {
    certificates: child(input.certificates, (c) => ({
      level: c.level,
      certificate_no: c.certificateNo,
      obtained_year: c.obtainedYear,
      registered_on: c.registeredOn,
      reregistered_on: c.reregisteredOn,
    })) as TalentCertificatesTable[],
    educations: child(input.educations, (e) => ({
      level: e.level,
      school: e.school,
      major_class: e.majorClass,
      major: e.major,
      graduation_year: e.graduationYear,
      degree: e.degree,
    })) as TalentEducationsTable[],
    employments: child(input.employments, (e) => ({
      employer: e.employer,
      post: e.post,
      professional_post: e.professionalPost ? 1 : 0,
      start_date: e.startDate,
      end_date: e.endDate,
    })) as TalentEmploymentsTable[],
    trainings: child(input.trainings, (t) => ({ date: t.date, hours: t.hours, title: t.title, organizer: t.organizer })) as TalentTrainingsTable[],
    honours: child(input.honours, (h) => ({ level: h.level, title: h.title, year: h.year })) as TalentHonoursTable[],
    dispatches: child(input.dispatches, (d) => ({
      program: d.program,
      from_region: d.fromRegion,
      to_region: d.toRegion,
      start_date: d.startDate,
      end_date: d.endDate,
    })) as TalentDispatchesTable[],
  };
  return { row, children };
}

/** True when a native place lies in the talent's own province (shown on the detail page). */
export const isNativeOfProvince = (nativePlace: string | null, regionCode: string) => !!nativePlace && isWithin(nativePlace, provinceOf(regionCode));
