import { describe, expect, it } from 'vitest';
import { checkCharOf } from '../standards/id-number.ts';
import { talentInputSchema, talentPatchSchema } from './talent.schema.ts';

const id = (first17: string) => first17 + checkCharOf(first17);

describe('talentPatchSchema', () => {
  it('keeps only the fields given: no defaults fill the rest (an edit must not empty the lists)', () => {
    expect(talentPatchSchema.parse({ post: '督导' })).toEqual({ post: '督导' });
    expect(talentPatchSchema.parse({ phone: null })).toEqual({ phone: null });
  });
  it('still applies defaults inside a list item it is given', () => {
    expect(talentPatchSchema.parse({ certificates: [{ level: 'assistant', certificateNo: 'A1', obtainedYear: 2020 }] })).toEqual({
      certificates: [{ level: 'assistant', certificateNo: 'A1', obtainedYear: 2020, registeredOn: null, reregisteredOn: null }],
    });
  });
  it('refuses an empty patch and checks an ID number with the birth date given beside it', () => {
    expect(talentPatchSchema.safeParse({}).success).toBe(false);
    const r = talentPatchSchema.safeParse({ idNumber: id('52010219900101123'), birthDate: '1990-01-02' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].path).toEqual(['birthDate']);
  });
});

describe('talentInputSchema', () => {
  const base = { name: '张三', idNumber: id('52010219900101123'), regionCode: '520102016000', categories: ['practice'] };
  it('fills defaults for a new record', () => {
    const t = talentInputSchema.parse(base);
    expect(t).toMatchObject({ ethnicity: '01', status: 'active', fields: [], certificates: [], phone: null });
  });
  it('reports the field of each problem in Chinese', () => {
    const r = talentInputSchema.safeParse({ ...base, categories: [], phone: '12345', certificates: [{ level: 'x', certificateNo: '', obtainedYear: 1900 }] });
    expect(r.success).toBe(false);
    const paths = r.error?.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining(['categories', 'phone', 'certificates.0.level', 'certificates.0.certificateNo', 'certificates.0.obtainedYear']),
    );
    for (const i of r.error?.issues ?? []) expect(i.message).toMatch(/[\u4e00-\u9fff]/);
  });
  it('refuses a date that does not exist and two certificates with one number', () => {
    const r = talentInputSchema.safeParse({
      ...base,
      employmentStart: '2023-02-30',
      certificates: [
        { level: 'assistant', certificateNo: 'A1', obtainedYear: 2020 },
        { level: 'intermediate', certificateNo: 'A1', obtainedYear: 2022 },
      ],
    });
    expect(r.error?.issues.map((i) => i.path.join('.'))).toEqual(expect.arrayContaining(['employmentStart', 'certificates.1.certificateNo']));
  });
});
