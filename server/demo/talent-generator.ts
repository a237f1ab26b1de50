/**
 * Deterministic generator of plausible talents (TalentInput, as a form or an import would give them)
 * for the demo province and the national benchmark. Same seed, same `today`, same places → the same
 * people. Nothing here is a hand-typed figure: shares come from the weighted tables beside this file
 * (talent-generator/names.ts and tables.ts), and every ID number, certificate number and date is
 * derived.
 *
 * ID numbers never collide within one generator: the 3-digit sequence is allocated per (birth date,
 * sex) from a counter, so two people differ in birth date or sequence whatever their address code.
 * Capacity: 16,071 birth dates (1960–2003) × 500 sequences per sex = 16 million people; a date whose
 * sequences run out passes its person on to the next date.
 */
import { checkCharOf } from '../../domain/standards/id-number.ts';
import { townshipKind } from '../../domain/standards/region-code.ts';
import { addDays, addYears } from '../../domain/talents/age.ts';
import {
  type CertificateLevel,
  type EducationLevel,
  type MajorClass,
  SERVICE_FIELDS,
  type ServiceField,
  TALENT_CATEGORIES,
  TALENT_ROLES,
  type TalentCategory,
  type TalentRole,
  type TeachingSubject,
  type TitleLevel,
} from '../../domain/talents/code-lists.ts';
import { requiredHours } from '../../domain/talents/continuing-education.ts';
import type { CertificateInput, EducationInput, EmploymentInput, HonourInput, TalentInput, TrainingInput } from '../../domain/talents/talent.schema.ts';
import { between, pick, prng, type Rand, WeightedPicker } from './prng.ts';
import { ETHNIC_PICKERS, FEMALE_CHARS, MALE_CHARS, NEUTRAL_CHARS, PHONE_PREFIXES, SURNAMES } from './talent-generator/names.ts';
import {
  AGENCY_WORDS,
  BIRTH_YEARS,
  CERT_TIERS,
  DEGREE_OF,
  DISPATCH_PROGRAMS,
  EDUCATION_BY_TIER,
  EMPLOYER_KINDS,
  type EmployerKind,
  FIELD_WEIGHTS,
  GRADUATION_AGE,
  HONOUR_LEVELS,
  LEADER_POST,
  OTHER_MAJORS,
  ROLE_CHANCES,
  SCHOOLS,
  SCHOOLS_52,
  SESSION_HOURS,
  STATUSES,
  TRAINING_TITLES,
  UNIVERSITIES_52,
  VILLAGE_WORDS,
} from './talent-generator/tables.ts';

/** Words of agency names: imported by the network generator from here. */
export { AGENCY_WORDS };

/** A place talents work in (a township, usually), with the names employers are built from. */
export interface TalentPlace {
  /** 12-digit region code the talent is registered in. */
  code: string;
  name: string;
  county: string;
  city: string;
  province: string;
  /** Relative density of talents. */
  weight: number;
}

export interface TalentGeneratorOptions {
  seed: number;
  /** Reference day YYYY-MM-DD: registrations, re-registration due dates and employment lie before it. */
  today: string;
  places: readonly TalentPlace[];
  /** 12-digit county codes of the country (at least of the places' provinces): native places and ID address codes. */
  counties: readonly string[];
  /** Share of talents whose native place lies in the province they work in (default 0.88). */
  nativeShare?: number;
}

export interface GeneratedTalent {
  input: TalentInput;
  /** When the record was entered (ISO timestamp, before `today`). */
  at: string;
}

// ---------------------------------------------------------------------------------------------
// Helpers (the lists the generator draws from are in talent-generator/names.ts and tables.ts)

const FIRST_BIRTH = Date.UTC(1960, 0, 1);
const BIRTH_DAYS = Math.round((Date.UTC(2004, 0, 1) - FIRST_BIRTH) / 86_400_000); // 16,071
const DAY = 86_400_000;

/** ISO dates of 1950–2059 by day number (Date's formatting is the generator's hot spot). */
const CACHE_FROM = Date.UTC(1950, 0, 1) / DAY;
const ISO_CACHE = Array.from({ length: Math.round((Date.UTC(2060, 0, 1) - Date.UTC(1950, 0, 1)) / DAY) }, (_, i) =>
  new Date((CACHE_FROM + i) * DAY).toISOString().slice(0, 10),
);
const isoOf = (ms: number) => ISO_CACHE[Math.round(ms / DAY) - CACHE_FROM] ?? new Date(ms).toISOString().slice(0, 10);
const msOf = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
/** A day in [from, to] (ISO dates, from ≤ to). */
const dayBetween = (rand: Rand, from: string, to: string) => isoOf(msOf(from) + Math.floor(rand() * ((msOf(to) - msOf(from)) / DAY + 1)) * DAY);
const maxDate = (a: string, b: string) => (a > b ? a : b);
const minDate = (a: string, b: string) => (a < b ? a : b);
const countyOf = (code: string) => `${code.slice(0, 6)}000000`;

function chance(rand: Rand, p: number): boolean {
  return rand() < p;
}

// ---------------------------------------------------------------------------------------------

export class TalentGenerator {
  private readonly rand: Rand;
  private readonly places: WeightedPicker<TalentPlace>;
  private readonly countySet: Set<string>;
  private readonly byCity = new Map<string, string[]>();
  private readonly byProvince = new Map<string, string[]>();
  private readonly allCounties: readonly string[];
  /** Next free sequence per (birth day, sex). */
  private readonly sequences = new Uint16Array(BIRTH_DAYS * 2);
  private certificateSerial = 0;
  private readonly todayYear: number;
  private readonly nativeShare: number;
  /** How many talents were generated (duplicates included). */
  count = 0;

  constructor(private readonly opts: TalentGeneratorOptions) {
    if (!opts.places.length) throw new Error('TalentGenerator needs places');
    if (!opts.counties.length) throw new Error('TalentGenerator needs counties');
    this.rand = prng(opts.seed);
    this.places = new WeightedPicker(
      opts.places,
      opts.places.map((p) => p.weight),
    );
    this.allCounties = opts.counties;
    this.countySet = new Set(opts.counties);
    for (const c of opts.counties) {
      const city = c.slice(0, 4);
      const province = c.slice(0, 2);
      if (!this.byCity.has(city)) this.byCity.set(city, []);
      this.byCity.get(city)?.push(c);
      if (!this.byProvince.has(province)) this.byProvince.set(province, []);
      this.byProvince.get(province)?.push(c);
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.today) || opts.today < '2024-01-01') throw new Error('TalentGenerator: today must be a date from 2024 on');
    this.todayYear = Number(opts.today.slice(0, 4));
    this.nativeShare = opts.nativeShare ?? 0.88;
  }

  /** The next talent at a place chosen by weight. */
  next(): GeneratedTalent {
    return this.at(this.places.pick(this.rand));
  }

  /** The next talent at the given place. */
  at(place: TalentPlace): GeneratedTalent {
    const r = this.rand;
    const today = this.opts.today;
    const kind = EMPLOYER_KINDS.pick(r);
    const teacher = kind === 'university';
    const villageCadre = kind === 'village' || (kind === 'government' && chance(r, 0.2));
    const female = chance(r, villageCadre ? 0.45 : teacher ? 0.5 : 0.66);

    let birthYear = BIRTH_YEARS.pick(r);
    if (teacher && birthYear > 1990) birthYear = between(r, 1962, 1990);
    const nativePlace = this.nativePlace(place.code);
    const { idNumber, birthDate } = this.idNumber(nativePlace, birthYear, female);
    const birthYearActual = Number(birthDate.slice(0, 4));

    const tier = teacher ? (chance(r, 0.5) ? 2 : 0) : CERT_TIERS.pick(r);
    const educations = this.educations(place, tier, birthYearActual, teacher);
    const certificates = this.certificates(place, tier, birthYearActual);
    const trainings = this.trainings(place, certificates, birthDate);

    const { employer, post, professionalPost, fields, roles } = this.employment(place, kind, villageCadre);
    const adultAt = `${birthYearActual + 19}-09-01`;
    const employmentStart = dayBetween(r, maxDate(adultAt, '2000-01-01'), addDays(today, -30));
    const employments: EmploymentInput[] = [{ employer, post, professionalPost, startDate: employmentStart, endDate: null }];
    if (chance(r, 0.3) && employmentStart > addYears(adultAt, 2)) {
      const prevStart = dayBetween(r, adultAt, addYears(employmentStart, -1));
      const prevEnd = dayBetween(r, addDays(prevStart, 180), addDays(employmentStart, -1));
      employments.unshift({
        employer: `${place.county}${pick(r, ['人民医院', '民政局', '第一中学', '供销社', '妇女联合会', '团委'])}`,
        post: pick(r, ['科员', '干事', '护士', '教师', '办事员']),
        professionalPost: false,
        startDate: prevStart,
        endDate: prevEnd,
      });
    }

    let titleLevel: TitleLevel = 'none';
    let titleName = '';
    let teachingSubject: TeachingSubject = 'none';
    const categories: TalentCategory[] = [];
    if (teacher) {
      teachingSubject = chance(r, 0.7) ? 'social_work' : 'sociology';
      const t = r();
      [titleLevel, titleName] = t < 0.2 ? ['senior', '教授'] : t < 0.75 ? ['associate_senior', '副教授'] : ['intermediate', '讲师'];
      categories.push('research');
      if (chance(r, 0.4)) categories.push('practice');
    } else {
      if (tier === 3 && chance(r, 0.6)) [titleLevel, titleName] = ['associate_senior', '高级社会工作师'];
      else if (tier >= 2 && chance(r, 0.45)) [titleLevel, titleName] = ['intermediate', '社会工作师'];
      else if (tier === 1 && chance(r, 0.3)) [titleLevel, titleName] = ['junior', '助理社会工作师'];
      categories.push('practice');
      if ((LEADER_POST.test(post) && chance(r, 0.75)) || chance(r, 0.03)) categories.push('management');
      if (chance(r, tier >= 2 ? 0.06 : 0.015)) categories.push('research');
    }

    const honours: HonourInput[] = [];
    if (chance(r, tier >= 2 ? 0.1 : 0.03)) {
      const level = HONOUR_LEVELS.pick(r);
      const title =
        level === 'national'
          ? pick(r, ['全国优秀社会工作者', '全国民政系统先进工作者'])
          : level === 'provincial'
            ? `${place.province}${pick(r, ['优秀社会工作者', '最美社工', '优秀社会工作服务项目负责人'])}`
            : level === 'city'
              ? `${place.city}${pick(r, ['优秀社会工作者', '最美社工', '社会工作优秀案例奖'])}`
              : `${place.county}${pick(r, ['优秀社会工作者', '最美社工', '先进工作者'])}`;
      honours.push({ level, title, year: between(r, Math.max(2012, birthYearActual + 22), this.todayYear - 1) });
    }

    const dispatches: TalentInput['dispatches'] = [];
    if (chance(r, kind === 'station' || kind === 'agency' ? 0.03 : 0.005)) {
      const provinceCounties = this.byProvince.get(place.code.slice(0, 2)) ?? this.allCounties;
      // From the province's urban districts (county segment 01–20) to the talent's county.
      const urban = provinceCounties.filter((c) => Number(c.slice(4, 6)) <= 20);
      const startDate = dayBetween(r, maxDate('2017-03-01', `${birthYearActual + 22}-03-01`), addDays(today, -60));
      const end = addYears(startDate, 1);
      dispatches.push({
        program: DISPATCH_PROGRAMS.pick(r),
        fromRegion: pick(r, urban.length ? urban : provinceCounties),
        toRegion: countyOf(place.code),
        startDate,
        endDate: end <= today ? end : null,
      });
    }

    const input: TalentInput = {
      name: this.name(female),
      idNumber,
      sex: female ? '2' : '1',
      birthDate,
      ethnicity: this.ethnicity(nativePlace),
      nativePlace,
      phone: `${pick(r, PHONE_PREFIXES)}${String(Math.floor(r() * 1e8)).padStart(8, '0')}`,
      partyMember: chance(r, villageCadre || kind === 'government' ? 0.7 : teacher ? 0.6 : 0.18),
      regionCode: place.code,
      categories: ALL_CATEGORIES.filter((c) => categories.includes(c)),
      fields,
      roles,
      titleLevel,
      titleName,
      teachingSubject,
      employer,
      post,
      professionalPost,
      employmentStart,
      status: STATUSES.pick(r),
      certificates,
      educations,
      employments,
      trainings,
      honours,
      dispatches,
    };
    this.count++;
    // Entered some time in the three years before today (key_since and "new since" follow it).
    const at = new Date(msOf(today) - between(r, 1, 1095) * DAY + between(r, 0, 86_399) * 1000).toISOString();
    return { input, at };
  }

  /**
   * The same person entered a second time under another ID number (a mistyped sequence): same name,
   * birth date and place, so the duplicate check pairs them.
   */
  duplicateOf(t: TalentInput): TalentInput {
    const female = Number(t.idNumber[16]) % 2 === 0;
    const address = t.idNumber.slice(0, 6);
    const day = Math.round((msOf(`${t.idNumber.slice(6, 10)}-${t.idNumber.slice(10, 12)}-${t.idNumber.slice(12, 14)}`) - FIRST_BIRTH) / DAY);
    if (!(day >= 0 && day < BIRTH_DAYS)) throw new Error('duplicateOf expects a generated talent (born 1960–2003)');
    const idNumber = this.allocate(address, day, female);
    this.count++;
    return {
      ...structuredClone(t),
      idNumber,
      // The birth date's sequences can run out (500 per sex): the number then moves to the next day.
      birthDate: `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`,
      phone: `${pick(this.rand, PHONE_PREFIXES)}${String(Math.floor(this.rand() * 1e8)).padStart(8, '0')}`,
      certificates: [],
      trainings: [],
      honours: [],
      dispatches: [],
    };
  }

  // ---- identity

  private nativePlace(workCode: string): string {
    const r = this.rand;
    const county = countyOf(workCode);
    const x = r();
    if (x < 0.55 && this.countySet.has(county)) return county;
    const city = this.byCity.get(workCode.slice(0, 4));
    if (x < 0.75 && city?.length) return pick(r, city);
    const province = this.byProvince.get(workCode.slice(0, 2));
    if (x < this.nativeShare && province?.length) return pick(r, province);
    return pick(r, this.allCounties);
  }

  private idNumber(nativePlace: string, birthYear: number, female: boolean): { idNumber: string; birthDate: string } {
    const yearStart = Math.round((Date.UTC(birthYear, 0, 1) - FIRST_BIRTH) / DAY);
    const yearDays = Math.round((Date.UTC(birthYear + 1, 0, 1) - Date.UTC(birthYear, 0, 1)) / DAY);
    const day = yearStart + Math.floor(this.rand() * yearDays);
    const idNumber = this.allocate(nativePlace.slice(0, 6), day, female);
    return { idNumber, birthDate: `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}` };
  }

  /** A unique ID number: the first free sequence of the birth day (or a later day, when full). */
  private allocate(address: string, firstDay: number, female: boolean): string {
    for (let step = 0; step < BIRTH_DAYS; step++) {
      const day = (firstDay + step) % BIRTH_DAYS;
      const slot = day * 2 + (female ? 0 : 1);
      const k = this.sequences[slot];
      if (k >= 500) continue;
      this.sequences[slot] = k + 1;
      // A bijection of 0..499 per day, so sequence numbers do not simply count up.
      const j = (k * 419 + day) % 500;
      const seq = String(j * 2 + (female ? 0 : 1)).padStart(3, '0');
      const first17 = `${address}${isoOf(FIRST_BIRTH + day * DAY).replace(/-/g, '')}${seq}`;
      return first17 + checkCharOf(first17);
    }
    throw new Error('ID number space exhausted (over 16 million people)');
  }

  private name(female: boolean): string {
    const r = this.rand;
    const chars = female ? FEMALE_CHARS : MALE_CHARS;
    const one = () => {
      const from = chance(r, 0.15) ? NEUTRAL_CHARS : chars;
      return from[Math.floor(r() * from.length)];
    };
    return SURNAMES.pick(r) + (chance(r, 0.72) ? one() + one() : one());
  }

  private ethnicity(nativePlace: string): string {
    const picker =
      ETHNIC_PICKERS.get(nativePlace.slice(0, 4)) ?? ETHNIC_PICKERS.get(nativePlace.slice(0, 2)) ?? (ETHNIC_PICKERS.get('') as WeightedPicker<string>);
    return picker.pick(this.rand);
  }

  // ---- qualifications

  private educations(place: TalentPlace, tier: number, birthYear: number, teacher: boolean): EducationInput[] {
    const r = this.rand;
    const level: EducationLevel = teacher ? (chance(r, 0.55) ? 'doctor' : 'master') : EDUCATION_BY_TIER[tier].pick(r);
    const low = level === 'junior_high' || level === 'senior_high';
    // Social-work majors are common among the certified; doctors mostly in social work or sociology.
    const swShare = level === 'doctor' ? 0.45 : low ? 0 : tier >= 1 ? 0.3 : 0.12;
    const sociologyShare = level === 'doctor' ? 0.3 : low ? 0 : 0.04;
    const x = r();
    const majorClass: MajorClass = teacher
      ? chance(r, 0.6)
        ? 'social_work'
        : 'sociology'
      : x < swShare
        ? 'social_work'
        : x < swShare + sociologyShare
          ? 'sociology'
          : 'other';
    const schools = place.code.startsWith('52') ? (chance(r, 0.75) ? SCHOOLS_52 : SCHOOLS) : chance(r, 0.3) ? SCHOOLS_52 : SCHOOLS;
    const out: EducationInput[] = [];
    const graduation = (lvl: EducationLevel) => Math.min(birthYear + GRADUATION_AGE[lvl] + between(r, 0, 3), this.todayYear - 1);
    if (level === 'bachelor' && chance(r, 0.15)) {
      // 专升本: a college diploma first.
      out.push({
        level: 'college',
        school: pick(r, schools),
        majorClass,
        major: majorName(r, majorClass),
        graduationYear: graduation('college'),
        degree: 'none',
      });
    }
    if ((level === 'master' || level === 'doctor') && chance(r, 0.6)) {
      out.push({
        level: 'bachelor',
        school: pick(r, schools),
        majorClass,
        major: majorName(r, majorClass),
        graduationYear: graduation('bachelor'),
        degree: 'bachelor',
      });
    }
    out.push({
      level,
      school: low ? '' : pick(r, schools),
      majorClass,
      major: low ? '' : majorName(r, majorClass),
      graduationYear: graduation(level),
      degree: DEGREE_OF[level],
    });
    return out;
  }

  private certificates(place: TalentPlace, tier: number, birthYear: number): CertificateInput[] {
    if (tier === 0) return [];
    const r = this.rand;
    const today = this.opts.today;
    const levels: CertificateLevel[] = [];
    if (tier === 1 || chance(r, 0.45)) levels.push('assistant');
    if (tier >= 2) levels.push('intermediate');
    if (tier === 3) levels.push('senior');
    // National examinations since 2008 (高级 by evaluation since 2018); a year of experience or more between levels.
    const firstYear = Math.max(2008, birthYear + 20);
    const lastYear = this.todayYear - 1;
    const out: CertificateInput[] = [];
    let year = Math.min(lastYear - (levels.length - 1) * 2, between(r, firstYear, lastYear));
    for (const level of levels) {
      if (level === 'senior') year = Math.max(year, 2018);
      year = Math.min(Math.max(year, firstYear), lastYear);
      const serial = String(++this.certificateSerial).padStart(8, '0');
      const certificateNo = `${year}${place.code.slice(0, 2)}${level === 'assistant' ? 1 : level === 'intermediate' ? 2 : 3}${serial}`;
      const registered = chance(r, 0.92);
      // Registered within a year of the examination (results come in the autumn).
      const registeredOn = registered ? minDate(dayBetween(r, `${year}-10-15`, `${year + 1}-09-30`), addDays(today, -1)) : null;
      out.push({ level, certificateNo, obtainedYear: year, registeredOn, reregisteredOn: registeredOn ? this.reregistration(registeredOn) : null });
      year += between(r, 2, 5);
    }
    return out;
  }

  /** The latest re-registration: on time for most, one period missed (overdue) for some. */
  private reregistration(registeredOn: string): string | null {
    const r = this.rand;
    const today = this.opts.today;
    let cycles = 0;
    while (addYears(registeredOn, 3 * (cycles + 1)) <= today) cycles++;
    if (cycles === 0) return null;
    const done = chance(r, 0.88) ? cycles : cycles - 1;
    if (done === 0) return null;
    // Shortly before the date it was due.
    return maxDate(addDays(addYears(registeredOn, 3 * done), -between(r, 0, 45)), addDays(registeredOn, 1));
  }

  private trainings(place: TalentPlace, certificates: CertificateInput[], birthDate: string): TrainingInput[] {
    const r = this.rand;
    const today = this.opts.today;
    const organizer = () =>
      pick(r, [`${place.province}民政厅`, `${place.city}民政局`, `${place.province}社会工作协会`, '中国社会工作联合会', `${place.county}民政局`]);
    const session = (date: string, hours: number): TrainingInput => ({ date, hours, title: pick(r, TRAINING_TITLES), organizer: organizer() });
    const tracked = [...certificates].reverse().find((c) => c.registeredOn !== null);
    if (!tracked) {
      // Uncertified: now and then a short course (counts for nothing, shows on the record).
      if (!chance(r, 0.2)) return [];
      const from = maxDate('2015-01-01', addYears(birthDate, 20));
      return from < today ? [session(dayBetween(r, from, addDays(today, -1)), pick(r, [4, 8, 12]))] : [];
    }
    const start = maxDate(tracked.registeredOn as string, tracked.reregisteredOn ?? '');
    const due = addYears(start, 3);
    const until = minDate(addDays(due, -1), addDays(today, -1));
    if (until < start) return [];
    const required = requiredHours(tracked.level);
    const elapsed = Math.min(1, (msOf(until) - msOf(start)) / (msOf(due) - msOf(start)));
    // Most complete their hours; the rest are partway, roughly in step with the period elapsed.
    const complete = chance(r, 0.62);
    const target = complete ? required + between(r, 0, 24) : Math.floor(required * elapsed * (0.2 + 0.75 * r()));
    const out: TrainingInput[] = [];
    let hours = 0;
    while (hours < target) {
      let h = pick(r, SESSION_HOURS);
      if (!complete && hours + h >= required) h = required - hours - 1;
      if (h <= 0) break;
      out.push(session(dayBetween(r, start, until), h));
      hours += h;
    }
    out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    return out;
  }

  // ---- work

  private employment(
    place: TalentPlace,
    kind: EmployerKind,
    villageCadre: boolean,
  ): { employer: string; post: string; professionalPost: boolean; fields: ServiceField[]; roles: TalentRole[] } {
    const r = this.rand;
    const street = townshipKind(place.code) === '街道';
    const fields = new Set<ServiceField>();
    const roles = new Set<TalentRole>();
    let employer: string;
    let post: string;
    let professional: number;
    switch (kind) {
      case 'station':
        employer = `${place.name}社会工作服务站`;
        post = pick(r, ['站长', '专职社工', '专职社工', '专职社工', '社工', '社工', '社工助理', '社工助理', '督导']);
        professional = 0.75;
        break;
      case 'agency':
        employer = chance(r, 0.6) ? `${place.county}${pick(r, AGENCY_WORDS)}社会工作服务中心` : `${place.city}${pick(r, AGENCY_WORDS)}社会工作服务中心`;
        post = pick(r, ['项目主管', '一线社工', '一线社工', '社工', '社工', '社工', '社工', '督导', '理事长', '主任']);
        professional = 0.85;
        break;
      case 'village':
        employer = street ? `${place.name}${pick(r, VILLAGE_WORDS)}社区居民委员会` : `${place.name}${pick(r, VILLAGE_WORDS)}村村民委员会`;
        post = street
          ? pick(r, ['社区党委书记', '社区居委会主任', '社区居委会委员', '社区居委会委员', '网格员', '网格员', '儿童主任'])
          : pick(r, ['村党支部书记', '村委会主任', '村委会委员', '村委会委员', '村委会委员', '网格员', '儿童主任', '儿童主任']);
        professional = 0.1;
        break;
      case 'government':
        employer = chance(r, 0.6) ? `${place.name}${street ? '办事处' : '人民政府'}` : `${place.county}民政局`;
        post = pick(r, ['民政助理员', '民政助理员', '科员', '科员', '社会事务办主任', '副局长', '社会工作股负责人']);
        professional = 0.15;
        break;
      case 'institution': {
        const which = r();
        if (which < 0.3) {
          employer = `${place.county}社会福利院`;
          fields.add(pick(r, ['elderly', 'disability'] as const));
        } else if (which < 0.55) {
          employer = `${place.city}儿童福利院`;
          fields.add('children');
        } else if (which < 0.8) {
          employer = `${place.name}敬老院`;
          fields.add('elderly');
        } else if (which < 0.92) {
          employer = `${place.city}救助管理站`;
          fields.add('assistance');
        } else {
          employer = `${place.county}未成年人保护中心`;
          fields.add('children');
        }
        post = pick(r, ['社工', '护理员', '院长', '办公室主任', '康复师']);
        professional = 0.4;
        break;
      }
      case 'public':
        if (chance(r, 0.5)) {
          employer = `${place.county}人民医院`;
          fields.add('medical');
        } else {
          employer = `${place.name}中心学校`;
          fields.add('school');
          if (chance(r, 0.4)) roles.add('school_counselor');
        }
        post = pick(r, ['医务社工', '心理辅导教师', '社工', '德育主任']);
        professional = 0.5;
        break;
      case 'university':
        employer = place.code.startsWith('52') ? pick(r, UNIVERSITIES_52) : `${place.province}${pick(r, ['社会工作学院', '行政学院', '民族大学', '师范大学'])}`;
        post = '教师';
        professional = 0;
        break;
      default:
        employer = chance(r, 0.5) ? `${place.city}${pick(r, AGENCY_WORDS)}公益基金会` : `${place.province}慈善总会`;
        post = pick(r, ['项目官员', '项目主管', '专员']);
        professional = 0.3;
    }
    if (villageCadre) roles.add('village_cadre');
    if (/儿童主任/.test(post)) roles.add('child_director');
    if (/网格员/.test(post)) roles.add('grid_worker');
    for (const [role, p] of ROLE_CHANCES) if (chance(r, p)) roles.add(role);
    if (roles.has('child_director') || roles.has('child_supervisor')) fields.add('children');
    if (roles.has('assistance_aide')) fields.add('assistance');
    if (roles.has('village_cadre')) fields.add(street ? 'community' : 'rural');
    if (roles.has('veteran') && chance(r, 0.5)) fields.add('veterans');
    const n = between(r, 1, 3);
    while (fields.size < n) fields.add(FIELD_WEIGHTS.pick(r));
    return {
      employer,
      post,
      professionalPost: chance(r, professional),
      // Stored as bit masks: order does not matter, but a stable order keeps the output deterministic and tidy.
      fields: ALL_FIELDS.filter((f) => fields.has(f)),
      roles: ALL_ROLES.filter((x) => roles.has(x)),
    };
  }
}

const ALL_FIELDS = SERVICE_FIELDS.map((f) => f.code);
const ALL_ROLES = TALENT_ROLES.map((x) => x.code);
const ALL_CATEGORIES = TALENT_CATEGORIES.map((c) => c.code);

function majorName(r: Rand, majorClass: MajorClass): string {
  if (majorClass === 'social_work') return '社会工作';
  if (majorClass === 'sociology') return '社会学';
  return pick(r, OTHER_MAJORS);
}

/**
 * Weight of a township for the demo and the benchmark: `base` (e.g. its county's population divided
 * by the county's townships), raised for urban districts (county segment 01–20), county-level cities
 * (81–99) and 街道 — social-work talent gathers in towns.
 */
export function townshipWeight(code: string, base: number): number {
  const county = Number(code.slice(4, 6));
  const urbanCounty = county >= 1 && county <= 20 ? 3 : county >= 81 ? 1.4 : 1;
  const street = townshipKind(code) === '街道' ? 1.5 : 1;
  return base * urbanCounty * street;
}

/** A division as the generator needs it (a regions row, or a line of the division CSV). */
export interface RegionName {
  code: string;
  name: string;
  level: number;
}

/** Names that stand for a grouping rather than a place (municipalities' 市辖区, 省直辖县级行政区划 …). */
const GROUPING = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

/**
 * The townships (level 4) of `regions` as places, named after their county, city and province,
 * weighted by `weight`; and the counties (level 3), for native places.
 */
export function placesOf(regions: Iterable<RegionName>, weight: (township: RegionName) => number): { places: TalentPlace[]; counties: string[] } {
  const names = new Map<string, string>();
  const townships: RegionName[] = [];
  const counties: string[] = [];
  for (const r of regions) {
    names.set(r.code, r.name);
    if (r.level === 4) townships.push(r);
    else if (r.level === 3) counties.push(r.code);
  }
  const nameOf = (code: string) => names.get(code) ?? '';
  const places = townships.map((t) => {
    const province = nameOf(`${t.code.slice(0, 2)}0000000000`);
    const cityName = nameOf(`${t.code.slice(0, 4)}00000000`);
    const city = !cityName || GROUPING.test(cityName) ? province : cityName;
    const county = nameOf(countyOf(t.code)) || city;
    return { code: t.code, name: t.name, county, city, province, weight: weight(t) };
  });
  return { places, counties: counties.sort() };
}
