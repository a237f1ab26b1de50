import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addYears, ageBandByBirthYear, ageBandOf, ageOn, birthDateRangeForAges, isYouth } from './age.ts';
import { AGE_BANDS } from './code-lists.ts';

describe('addYears / addDays', () => {
  it('keeps month and day', () => {
    expect(addYears('2021-07-15', 3)).toBe('2024-07-15');
    expect(addYears('2021-07-15', -30)).toBe('1991-07-15');
  });

  it('turns Feb 29 into Feb 28 in a common year, keeps it in a leap year', () => {
    expect(addYears('2024-02-29', 3)).toBe('2027-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears('2000-02-29', 100)).toBe('2100-02-28');
    expect(addYears('2000-02-29', -100)).toBe('1900-02-28');
  });

  it('counts days across month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(addDays('2025-06-30', 90)).toBe('2025-09-28');
  });
});

describe('ageOn', () => {
  it('counts whole years, the birthday itself included', () => {
    expect(ageOn('1990-06-15', '2025-06-14')).toBe(34);
    expect(ageOn('1990-06-15', '2025-06-15')).toBe(35);
    expect(ageOn('1990-06-15', '2025-12-31')).toBe(35);
    expect(ageOn('1990-01-01', '2025-01-01')).toBe(35);
    expect(ageOn('1990-12-31', '2025-12-30')).toBe(34);
    expect(ageOn('2025-03-01', '2025-03-01')).toBe(0);
  });

  it('has a Feb 29 birthday turn a year older on Mar 1 in a common year', () => {
    expect(ageOn('2000-02-29', '2025-02-28')).toBe(24);
    expect(ageOn('2000-02-29', '2025-03-01')).toBe(25);
    expect(ageOn('2000-02-29', '2024-02-28')).toBe(23);
    expect(ageOn('2000-02-29', '2024-02-29')).toBe(24);
  });

  it('handles a check date of Feb 29', () => {
    expect(ageOn('1990-02-28', '2024-02-29')).toBe(34);
    expect(ageOn('1990-03-01', '2024-02-29')).toBe(33);
  });
});

describe('youth and bands', () => {
  it('youth is up to 35', () => {
    expect(isYouth(18)).toBe(true);
    expect(isYouth(35)).toBe(true);
    expect(isYouth(36)).toBe(false);
  });

  it('bands at the boundaries', () => {
    const cases: [number, string][] = [
      [18, 'under30'],
      [29, 'under30'],
      [30, '30to35'],
      [35, '30to35'],
      [36, '36to45'],
      [45, '36to45'],
      [46, '46to55'],
      [55, '46to55'],
      [56, 'over55'],
      [80, 'over55'],
    ];
    for (const [age, band] of cases) expect(ageBandOf(age), String(age)).toBe(band);
  });

  it('every band is a code of AGE_BANDS', () => {
    const codes = AGE_BANDS.map((b) => b.code) as string[];
    for (let age = 0; age < 100; age++) expect(codes).toContain(ageBandOf(age));
  });

  it('bands by birth year as the age at the end of the reference year', () => {
    expect(ageBandByBirthYear(1995, 2025)).toBe('30to35');
    expect(ageBandByBirthYear(1996, 2025)).toBe('under30');
    expect(ageBandByBirthYear(1990, 2025)).toBe('30to35');
    expect(ageBandByBirthYear(1989, 2025)).toBe('36to45');
    expect(ageBandByBirthYear(1969, 2025)).toBe('over55');
    // Equals the exact age on Dec 31 of the reference year.
    expect(ageBandByBirthYear(1990, 2025)).toBe(ageBandOf(ageOn('1990-12-31', '2025-12-31')));
  });
});

describe('birthDateRangeForAges', () => {
  it('gives the inclusive birth-date range', () => {
    // 30 to 35 on 2025-06-30: born 1989-07-01 (35, turns 36 tomorrow) … 1995-06-30 (turned 30 today).
    expect(birthDateRangeForAges(30, 35, '2025-06-30')).toEqual({ from: '1989-07-01', to: '1995-06-30' });
    expect(ageOn('1989-07-01', '2025-06-30')).toBe(35);
    expect(ageOn('1989-06-30', '2025-06-30')).toBe(36);
    expect(ageOn('1995-06-30', '2025-06-30')).toBe(30);
    expect(ageOn('1995-07-01', '2025-06-30')).toBe(29);
  });

  it('leaves an open bound null', () => {
    expect(birthDateRangeForAges(null, 35, '2025-06-30')).toEqual({ from: '1989-07-01', to: null });
    expect(birthDateRangeForAges(60, null, '2025-06-30')).toEqual({ from: null, to: '1965-06-30' });
    expect(birthDateRangeForAges(null, null, '2025-06-30')).toEqual({ from: null, to: null });
  });

  it('one exact age is a one-year range', () => {
    expect(birthDateRangeForAges(35, 35, '2025-01-01')).toEqual({ from: '1989-01-02', to: '1990-01-01' });
  });

  it('handles today = Feb 29', () => {
    // Age ≥ 1 on 2024-02-29: born by 2023-02-28. Age ≤ 0: born after 2023-02-28.
    expect(birthDateRangeForAges(1, 1, '2024-02-29')).toEqual({ from: '2022-03-01', to: '2023-02-28' });
    expect(birthDateRangeForAges(4, 4, '2024-02-29')).toEqual({ from: '2019-03-01', to: '2020-02-29' });
  });

  it('handles a Feb 29 birth on Feb 28 of a common year', () => {
    // On 2025-02-28 someone born 2000-02-29 is 24, so the range for 24 must include that date.
    const r = birthDateRangeForAges(24, 24, '2025-02-28');
    expect(r).toEqual({ from: '2000-02-29', to: '2001-02-28' });
  });

  it('min > max is empty (from after to)', () => {
    const r = birthDateRangeForAges(40, 30, '2025-06-30');
    expect((r.from as string) > (r.to as string)).toBe(true);
  });

  const isoDate = (min: string, max: string) =>
    fc.date({ min: new Date(`${min}T00:00:00Z`), max: new Date(`${max}T00:00:00Z`), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  // Feb 29 and the days around it, often: the interesting cases are rare among uniform dates.
  const leapish = fc.constantFrom('2000-02-29', '2024-02-29', '2023-02-28', '2024-02-28', '2023-03-01', '2024-03-01', '2001-02-28');
  const date = fc.oneof(isoDate('1920-01-01', '2030-12-31'), leapish);
  const age = fc.option(fc.integer({ min: 0, max: 100 }), { nil: null });

  it('property: a birth date is inside the range exactly when its age is inside the bounds', () => {
    fc.assert(
      fc.property(date, date, age, age, (birth, today, minAge, maxAge) => {
        fc.pre(birth <= today);
        const { from, to } = birthDateRangeForAges(minAge, maxAge, today);
        const a = ageOn(birth, today);
        const byAge = (minAge === null || a >= minAge) && (maxAge === null || a <= maxAge);
        const byRange = (from === null || birth >= from) && (to === null || birth <= to);
        expect(byRange).toBe(byAge);
      }),
      { numRuns: 5000 },
    );
  });

  it('property: the range ends are the exact youngest and oldest of the ages', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 90 }), fc.integer({ min: 0, max: 10 }), (today, minAge, span) => {
        const maxAge = minAge + span;
        const { from, to } = birthDateRangeForAges(minAge, maxAge, today) as { from: string; to: string };
        expect(ageOn(to, today)).toBe(minAge);
        expect(ageOn(addDays(to, 1), today)).toBe(minAge - 1);
        expect(ageOn(from, today)).toBe(maxAge);
        expect(ageOn(addDays(from, -1), today)).toBe(maxAge + 1);
      }),
      { numRuns: 3000 },
    );
  });

  it('property: ageOn grows by one on each birthday and is one more a year later', () => {
    fc.assert(
      fc.property(isoDate('1920-01-01', '2010-12-31'), isoDate('2011-01-01', '2030-12-31'), (birth, day) => {
        const a = ageOn(birth, day);
        const next = ageOn(birth, addDays(day, 1));
        expect(next === a || next === a + 1).toBe(true);
        if (!day.endsWith('-02-29')) expect(ageOn(birth, addYears(day, 1))).toBe(a + 1);
      }),
    );
  });
});
