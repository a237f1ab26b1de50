import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CertificateLevel, Degree, MajorClass } from './code-lists.ts';
import {
  continuingEducation,
  continuingEducationPeriod,
  DUE_WINDOW_DAYS,
  dueCutoff,
  isReregistrationDue,
  requiredHours,
  trackedCertificate,
} from './continuing-education.ts';
import type { CertificateFacts, EducationFacts, TalentFacts, TrainingFacts } from './facts.ts';

type CeFacts = Pick<TalentFacts, 'certificates' | 'educations' | 'trainings'>;

const cert = (level: CertificateLevel, registeredOn: string | null, reregisteredOn: string | null = null, obtainedYear = 2020): CertificateFacts => ({
  level,
  obtainedYear,
  registeredOn,
  reregisteredOn,
});
const edu = (majorClass: MajorClass, degree: Degree, graduationYear: number | null): EducationFacts => ({
  level: 'bachelor',
  majorClass,
  degree,
  graduationYear,
});
const tr = (date: string, hours: number): TrainingFacts => ({ date, hours });
const facts = (p: Partial<CeFacts>): CeFacts => ({ certificates: [], educations: [], trainings: [], ...p });

const TODAY = '2025-06-30';

describe('requiredHours', () => {
  it('is 72 for 助理, 90 for 社会工作师 and 高级', () => {
    expect(requiredHours('assistant')).toBe(72);
    expect(requiredHours('intermediate')).toBe(90);
    expect(requiredHours('senior')).toBe(90);
    expect(DUE_WINDOW_DAYS).toBe(90);
  });
});

describe('no registered certificate', () => {
  const empty = { periodStart: null, reregistrationDue: null, required: 0, hours: 0, short: false, due: false };

  it('without certificates everything is empty', () => {
    expect(continuingEducation(facts({ trainings: [tr('2024-01-01', 100)] }), TODAY)).toEqual(empty);
  });

  it('an unregistered certificate is not tracked, even with re-registration filled in', () => {
    expect(continuingEducation(facts({ certificates: [cert('senior', null)], trainings: [tr('2024-01-01', 10)] }), TODAY)).toEqual(empty);
    expect(continuingEducation(facts({ certificates: [cert('senior', null, '2024-01-01')] }), TODAY)).toEqual(empty);
  });
});

describe('the period', () => {
  it('starts at registration and lasts 3 years', () => {
    const r = continuingEducation(facts({ certificates: [cert('intermediate', '2023-04-10')] }), TODAY);
    expect(r).toEqual({ periodStart: '2023-04-10', reregistrationDue: '2026-04-10', required: 90, hours: 0, short: true, due: false });
  });

  it('starts at the latest re-registration when there is one', () => {
    const r = continuingEducationPeriod(facts({ certificates: [cert('assistant', '2019-03-01', '2022-03-01')] }));
    expect(r).toMatchObject({ periodStart: '2022-03-01', reregistrationDue: '2025-03-01', required: 72 });
  });

  it('ignores a re-registration date before the registration (entered out of order)', () => {
    const r = continuingEducationPeriod(facts({ certificates: [cert('assistant', '2022-03-01', '2019-03-01')] }));
    expect(r.periodStart).toBe('2022-03-01');
  });

  it('a period starting on Feb 29 is due on Feb 28 three years later', () => {
    expect(continuingEducationPeriod(facts({ certificates: [cert('senior', '2024-02-29')] })).reregistrationDue).toBe('2027-02-28');
  });

  it('a period starting on Feb 28 before a leap year ends on Feb 28', () => {
    expect(continuingEducationPeriod(facts({ certificates: [cert('senior', '2021-02-28')] })).reregistrationDue).toBe('2024-02-28');
  });
});

describe('the tracked certificate', () => {
  it('is the highest registered one', () => {
    const a = cert('assistant', '2024-01-01');
    const b = cert('intermediate', '2020-01-01');
    const c = cert('senior', null);
    expect(trackedCertificate([a, b, c])).toBe(b);
    expect(continuingEducationPeriod(facts({ certificates: [a, b, c] }))).toMatchObject({ periodStart: '2020-01-01', required: 90 });
  });

  it('falls back to a lower level when the higher one is not registered yet', () => {
    const r = continuingEducationPeriod(facts({ certificates: [cert('intermediate', null), cert('assistant', '2023-05-05')] }));
    expect(r).toMatchObject({ periodStart: '2023-05-05', required: 72 });
  });

  it('of two of the same level, takes the one registered most recently', () => {
    const older = cert('assistant', '2018-01-01');
    const newer = cert('assistant', '2019-01-01', '2022-01-01');
    expect(trackedCertificate([newer, older])).toBe(newer);
    expect(trackedCertificate([older, newer])).toBe(newer);
  });

  it('is null without registered certificates', () => {
    expect(trackedCertificate([])).toBeNull();
    expect(trackedCertificate([cert('senior', null)])).toBeNull();
  });
});

describe('hours', () => {
  const c = [cert('assistant', '2022-07-01')]; // period [2022-07-01, 2025-07-01)

  it('counts trainings from the period start up to, not including, the due date', () => {
    const r = continuingEducationPeriod(
      facts({
        certificates: c,
        trainings: [tr('2022-06-30', 100), tr('2022-07-01', 8), tr('2024-01-15', 30), tr('2025-06-30', 4), tr('2025-07-01', 100)],
      }),
    );
    expect(r).toMatchObject({ hours: 42, required: 72, short: true });
  });

  it('is not short at exactly the required hours, short just below', () => {
    expect(continuingEducationPeriod(facts({ certificates: c, trainings: [tr('2023-01-01', 40), tr('2024-01-01', 32)] }))).toMatchObject({
      hours: 72,
      short: false,
    });
    expect(continuingEducationPeriod(facts({ certificates: c, trainings: [tr('2023-01-01', 40), tr('2024-01-01', 31.5)] }))).toMatchObject({
      hours: 71.5,
      short: true,
    });
  });

  it('needs 90 for 社会工作师', () => {
    const r = continuingEducationPeriod(facts({ certificates: [cert('intermediate', '2022-07-01')], trainings: [tr('2023-01-01', 80)] }));
    expect(r).toMatchObject({ hours: 80, required: 90, short: true });
  });

  it('rounds away float noise', () => {
    const r = continuingEducationPeriod(facts({ certificates: c, trainings: [tr('2023-01-01', 0.1), tr('2023-01-02', 0.2)] }));
    expect(r.hours).toBe(0.3);
  });

  it('with a Feb 29 start: a training on Feb 28 three years later does not count, on Feb 29 itself does', () => {
    const r = continuingEducationPeriod(
      facts({ certificates: [cert('senior', '2024-02-29')], trainings: [tr('2024-02-28', 1), tr('2024-02-29', 2), tr('2027-02-27', 4), tr('2027-02-28', 8)] }),
    );
    expect(r).toMatchObject({ periodStart: '2024-02-29', reregistrationDue: '2027-02-28', hours: 6 });
  });
});

describe('a social-work degree counts as 90 hours', () => {
  const c = [cert('intermediate', '2022-07-01')]; // period [2022-07-01, 2025-07-01): years 2022–2025

  it('when the graduation year overlaps the period', () => {
    for (const year of [2022, 2023, 2025]) {
      const r = continuingEducationPeriod(facts({ certificates: c, educations: [edu('social_work', 'master', year)] }));
      expect(r, String(year)).toMatchObject({ hours: 90, required: 90, short: false });
    }
  });

  it('not outside the period', () => {
    for (const year of [2021, 2026]) {
      expect(continuingEducationPeriod(facts({ certificates: c, educations: [edu('social_work', 'master', year)] })).hours, String(year)).toBe(0);
    }
  });

  it('a period ending on Jan 1 does not reach into that year', () => {
    const jan = [cert('intermediate', '2022-01-01')]; // [2022-01-01, 2025-01-01): years 2022–2024
    expect(continuingEducationPeriod(facts({ certificates: jan, educations: [edu('social_work', 'bachelor', 2024)] })).hours).toBe(90);
    expect(continuingEducationPeriod(facts({ certificates: jan, educations: [edu('social_work', 'bachelor', 2025)] })).hours).toBe(0);
  });

  it('only a social-work major with a degree', () => {
    const none = (e: EducationFacts) => continuingEducationPeriod(facts({ certificates: c, educations: [e] })).hours;
    expect(none(edu('sociology', 'master', 2023))).toBe(0);
    expect(none(edu('other', 'doctor', 2023))).toBe(0);
    expect(none(edu('social_work', 'none', 2023))).toBe(0);
    expect(none(edu('social_work', 'bachelor', null))).toBe(0);
  });

  it('adds to the trainings, and is credited once', () => {
    const r = continuingEducationPeriod(
      facts({ certificates: c, trainings: [tr('2023-03-03', 6)], educations: [edu('social_work', 'bachelor', 2022), edu('social_work', 'master', 2025)] }),
    );
    expect(r.hours).toBe(96);
  });
});

describe('due', () => {
  const due = (registeredOn: string, today: string, window?: number) =>
    continuingEducation(facts({ certificates: [cert('assistant', registeredOn)] }), today, window).due;

  it('is due within 90 days of the date, not before', () => {
    // Due 2025-09-28; 90 days before is 2025-06-30.
    expect(due('2022-09-28', '2025-06-29')).toBe(false);
    expect(due('2022-09-28', '2025-06-30')).toBe(true);
    expect(due('2022-09-28', '2025-09-28')).toBe(true);
  });

  it('overdue counts as due', () => {
    expect(due('2020-01-01', TODAY)).toBe(true);
  });

  it('takes a custom window', () => {
    expect(due('2022-07-30', TODAY, 30)).toBe(true);
    expect(due('2022-07-31', TODAY, 30)).toBe(false);
    expect(due('2022-06-30', TODAY, 0)).toBe(true);
    expect(due('2022-07-01', TODAY, 0)).toBe(false);
  });

  it('dueCutoff is the bound of the stored column', () => {
    expect(dueCutoff('2025-06-30')).toBe('2025-09-28');
    expect(dueCutoff('2024-12-15', 30)).toBe('2025-01-14');
    expect(isReregistrationDue(null, TODAY)).toBe(false);
    expect(isReregistrationDue('2025-09-28', TODAY)).toBe(true);
    expect(isReregistrationDue('2025-09-29', TODAY)).toBe(false);
  });
});

describe('properties', () => {
  const isoDate = fc
    .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
  const certArb = fc.record({
    level: fc.constantFrom<CertificateLevel>('assistant', 'intermediate', 'senior'),
    obtainedYear: fc.integer({ min: 2000, max: 2030 }),
    registeredOn: fc.option(isoDate, { nil: null }),
    reregisteredOn: fc.option(isoDate, { nil: null }),
  });
  const factsArb = fc.record({
    certificates: fc.array(certArb, { maxLength: 4 }),
    educations: fc.array(
      fc.record({
        level: fc.constant('bachelor' as const),
        majorClass: fc.constantFrom<MajorClass>('social_work', 'sociology', 'other'),
        degree: fc.constantFrom<Degree>('none', 'bachelor', 'master', 'doctor'),
        graduationYear: fc.option(fc.integer({ min: 2000, max: 2030 }), { nil: null }),
      }),
      { maxLength: 3 },
    ),
    trainings: fc.array(fc.record({ date: isoDate, hours: fc.integer({ min: 1, max: 40 }) }), { maxLength: 20 }),
  });

  it('only `due` depends on today', () => {
    fc.assert(
      fc.property(factsArb, isoDate, isoDate, (f, today1, today2) => {
        const { due: _a, ...one } = continuingEducation(f, today1);
        const { due: _b, ...two } = continuingEducation(f, today2);
        expect(one).toEqual(two);
        expect(one).toEqual(continuingEducationPeriod(f));
      }),
    );
  });

  it('hours never decrease when a training is added, and short means hours < required', () => {
    fc.assert(
      fc.property(factsArb, isoDate, fc.integer({ min: 1, max: 40 }), (f, date, hours) => {
        const before = continuingEducationPeriod(f);
        const after = continuingEducationPeriod({ ...f, trainings: [...f.trainings, { date, hours }] });
        expect(after.hours).toBeGreaterThanOrEqual(before.hours);
        expect(after.short).toBe(after.hours < after.required);
        if (after.periodStart !== null) expect(after.reregistrationDue! > after.periodStart).toBe(true);
      }),
    );
  });
});
