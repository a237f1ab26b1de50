/**
 * The facts about one talent that the registry's derived values (tier, continuing education, age,
 * key-talent status) are computed from. A plain shape rather than the API's TalentInput so the rules
 * can be fed from a form, a stored row or an import line alike, and tests can build it in one line.
 * Callers pass only verified certificates and trainings: the rules trust what they are given.
 */
import type { CertificateLevel, Degree, EducationLevel, MajorClass, TeachingSubject, TitleLevel } from './code-lists.ts';

export interface CertificateFacts {
  level: CertificateLevel;
  obtainedYear: number;
  /** YYYY-MM-DD, null while not registered. */
  registeredOn: string | null;
  /** YYYY-MM-DD of the latest re-registration, null if never re-registered. */
  reregisteredOn: string | null;
}

export interface EducationFacts {
  level: EducationLevel;
  majorClass: MajorClass;
  degree: Degree;
  graduationYear: number | null;
}

export interface TrainingFacts {
  /** YYYY-MM-DD. */
  date: string;
  hours: number;
}

export interface TalentFacts {
  /** YYYY-MM-DD. */
  birthDate: string;
  /** 12-digit region code of the 籍贯, null when unknown. */
  nativePlace: string | null;
  /** 12-digit region code of the place of work. */
  regionCode: string;
  certificates: CertificateFacts[];
  educations: EducationFacts[];
  titleLevel: TitleLevel;
  teachingSubject: TeachingSubject;
  trainings: TrainingFacts[];
}
