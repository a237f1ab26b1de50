import { describe, expect, it } from 'vitest';
import type { Degree, EducationLevel } from './code-lists.ts';
import { certificateRank, degreeRank, educationRank, highestEducation, tierOf, tierRank } from './tier.ts';

const edu = (level: EducationLevel, degree: Degree = 'none', graduationYear: number | null = null, school = '') => ({
  level,
  degree,
  graduationYear,
  majorClass: 'other' as const,
  school,
});

describe('tierOf', () => {
  it('is none without certificates', () => {
    expect(tierOf([])).toBe('none');
  });

  it('maps each certificate level to its tier', () => {
    expect(tierOf([{ level: 'assistant' }])).toBe('junior');
    expect(tierOf([{ level: 'intermediate' }])).toBe('intermediate');
    expect(tierOf([{ level: 'senior' }])).toBe('senior');
  });

  it('takes the highest certificate whatever the order', () => {
    expect(tierOf([{ level: 'assistant' }, { level: 'senior' }, { level: 'intermediate' }])).toBe('senior');
    expect(tierOf([{ level: 'intermediate' }, { level: 'assistant' }])).toBe('intermediate');
    expect(tierOf([{ level: 'assistant' }, { level: 'assistant' }])).toBe('junior');
  });
});

describe('ranks', () => {
  it('orders tiers 0..3', () => {
    expect([tierRank('none'), tierRank('junior'), tierRank('intermediate'), tierRank('senior')]).toEqual([0, 1, 2, 3]);
  });

  it('orders certificates 1..3, educations and degrees from 0', () => {
    expect([certificateRank('assistant'), certificateRank('intermediate'), certificateRank('senior')]).toEqual([1, 2, 3]);
    expect(educationRank('junior_high')).toBe(0);
    expect(educationRank('doctor')).toBe(5);
    expect(educationRank('master')).toBeGreaterThan(educationRank('bachelor'));
    expect([degreeRank('none'), degreeRank('bachelor'), degreeRank('master'), degreeRank('doctor')]).toEqual([0, 1, 2, 3]);
  });

  it('agrees between tier and certificate', () => {
    expect(tierRank(tierOf([{ level: 'intermediate' }]))).toBe(certificateRank('intermediate'));
  });
});

describe('highestEducation', () => {
  it('is null without educations', () => {
    expect(highestEducation([])).toBeNull();
  });

  it('takes the highest level', () => {
    const master = edu('master', 'master', 2015);
    expect(highestEducation([edu('bachelor', 'bachelor', 2012), master, edu('college')])).toBe(master);
  });

  it('breaks a level tie by the higher degree', () => {
    const withDegree = edu('bachelor', 'bachelor', 2010);
    expect(highestEducation([edu('bachelor', 'none', 2020), withDegree])).toBe(withDegree);
  });

  it('then by the later graduation year, an unknown year losing', () => {
    const later = edu('bachelor', 'bachelor', 2020, 'B');
    expect(highestEducation([edu('bachelor', 'bachelor', 2010, 'A'), later])).toBe(later);
    const known = edu('college', 'none', 1990);
    expect(highestEducation([edu('college', 'none', null), known])).toBe(known);
    expect(highestEducation([known, edu('college', 'none', null)])).toBe(known);
  });

  it('keeps the first of identical entries and returns the element itself', () => {
    const a = edu('doctor', 'doctor', 2020, 'A');
    const b = edu('doctor', 'doctor', 2020, 'B');
    expect(highestEducation([a, b])?.school).toBe('A');
  });
});
