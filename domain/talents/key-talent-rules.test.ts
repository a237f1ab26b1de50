import { describe, expect, it } from 'vitest';
import type { TalentFacts } from './facts.ts';
import {
  defaultRuleSetFor,
  describeCondition,
  describeRule,
  evaluateKeyTalent,
  GUIZHOU_DEFAULT_RULES,
  type KeyCondition,
  type KeyRuleSet,
  keyRuleSetSchema,
} from './key-talent-rules.ts';

const GZ = '520000000000';
const GUIYANG = '520102000000';
const YUNNAN = '530102000000';

const facts = (p: Partial<TalentFacts> = {}): TalentFacts => ({
  birthDate: '1985-03-03',
  nativePlace: GUIYANG,
  regionCode: '520102001001',
  certificates: [],
  educations: [],
  titleLevel: 'none',
  teachingSubject: 'none',
  trainings: [],
  ...p,
});
const cert = (level: 'assistant' | 'intermediate' | 'senior') => ({ level, obtainedYear: 2020, registeredOn: null, reregisteredOn: null });
const ids = (set: KeyRuleSet, f: TalentFacts, province = GZ) => evaluateKeyTalent(set, province, f).map((r) => r.ruleId);
const gz = (f: TalentFacts) => ids(GUIZHOU_DEFAULT_RULES, f);

describe('Guizhou default rules (黔民发〔2022〕21号)', () => {
  it('are valid against the schema and labelled 黔籍', () => {
    expect(keyRuleSetSchema.parse(GUIZHOU_DEFAULT_RULES)).toEqual(GUIZHOU_DEFAULT_RULES);
    expect(GUIZHOU_DEFAULT_RULES.rules.map((r) => r.id)).toEqual(['certificate', 'teacher', 'doctorate']);
    for (const r of GUIZHOU_DEFAULT_RULES.rules) {
      expect(r.label.startsWith('黔籍,')).toBe(true);
      expect(r.conditions[0]).toEqual({ type: 'nativeOfProvince' });
    }
    expect(GUIZHOU_DEFAULT_RULES.rules[0].label).toBe('黔籍,持社会工作师及以上证书');
  });

  it('nobody is key without any route', () => {
    expect(gz(facts())).toEqual([]);
  });

  describe('route 1: 社会工作师 or higher certificate', () => {
    it('in: 社会工作师, 高级社会工作师', () => {
      expect(gz(facts({ certificates: [cert('intermediate')] }))).toEqual(['certificate']);
      expect(gz(facts({ certificates: [cert('senior')] }))).toEqual(['certificate']);
      expect(gz(facts({ certificates: [cert('assistant'), cert('intermediate')] }))).toEqual(['certificate']);
    });

    it('out: only 助理社会工作师', () => {
      expect(gz(facts({ certificates: [cert('assistant')] }))).toEqual([]);
    });

    it('out: not 黔籍 (other province, or native place unknown), even with a senior certificate', () => {
      expect(gz(facts({ nativePlace: YUNNAN, certificates: [cert('senior')] }))).toEqual([]);
      expect(gz(facts({ nativePlace: null, certificates: [cert('senior')] }))).toEqual([]);
    });

    it('the work region does not matter, only the native place', () => {
      expect(gz(facts({ regionCode: '530102001001', certificates: [cert('intermediate')] }))).toEqual(['certificate']);
    });
  });

  describe('route 2: teaches social work or sociology with a 副高级 or higher title', () => {
    it('in: 副高 teaching social work, 正高 teaching sociology', () => {
      expect(gz(facts({ teachingSubject: 'social_work', titleLevel: 'associate_senior' }))).toEqual(['teacher']);
      expect(gz(facts({ teachingSubject: 'sociology', titleLevel: 'senior' }))).toEqual(['teacher']);
    });

    it('out: 副高 teaching another subject, or not teaching', () => {
      expect(gz(facts({ teachingSubject: 'other', titleLevel: 'associate_senior' }))).toEqual([]);
      expect(gz(facts({ teachingSubject: 'none', titleLevel: 'senior' }))).toEqual([]);
    });

    it('out: 中级 title teaching social work', () => {
      expect(gz(facts({ teachingSubject: 'social_work', titleLevel: 'intermediate' }))).toEqual([]);
    });

    it('out: not 黔籍', () => {
      expect(gz(facts({ nativePlace: YUNNAN, teachingSubject: 'social_work', titleLevel: 'senior' }))).toEqual([]);
    });
  });

  describe('route 3: doctorate in social work or sociology', () => {
    const phd = (majorClass: 'social_work' | 'sociology' | 'other', degree: 'none' | 'bachelor' | 'master' | 'doctor' = 'doctor') => ({
      level: 'doctor' as const,
      majorClass,
      degree,
      graduationYear: 2015,
    });

    it('in: 社会工作 or 社会学 博士', () => {
      expect(gz(facts({ educations: [phd('social_work')] }))).toEqual(['doctorate']);
      expect(gz(facts({ educations: [{ ...phd('other'), degree: 'master', level: 'master' }, phd('sociology')] }))).toEqual(['doctorate']);
    });

    it('out: a master’s in social work', () => {
      expect(gz(facts({ educations: [{ level: 'master', majorClass: 'social_work', degree: 'master', graduationYear: 2012 }] }))).toEqual([]);
    });

    it('out: a doctorate in another major, or 博士研究生 without the degree', () => {
      expect(gz(facts({ educations: [phd('other')] }))).toEqual([]);
      expect(gz(facts({ educations: [phd('social_work', 'none')] }))).toEqual([]);
    });

    it('the degree and the major must be on the same education', () => {
      const f = facts({
        educations: [
          { level: 'doctor', majorClass: 'other', degree: 'doctor', graduationYear: 2015 },
          { level: 'bachelor', majorClass: 'social_work', degree: 'bachelor', graduationYear: 2005 },
        ],
      });
      expect(gz(f)).toEqual([]);
    });

    it('out: not 黔籍', () => {
      expect(gz(facts({ nativePlace: '110101000000', educations: [phd('social_work')] }))).toEqual([]);
    });
  });

  it('lists every route that holds, in rule order, with labels', () => {
    const f = facts({
      certificates: [cert('senior')],
      teachingSubject: 'social_work',
      titleLevel: 'senior',
      educations: [{ level: 'doctor', majorClass: 'social_work', degree: 'doctor', graduationYear: 2010 }],
    });
    expect(evaluateKeyTalent(GUIZHOU_DEFAULT_RULES, GZ, f)).toEqual(GUIZHOU_DEFAULT_RULES.rules.map((r) => ({ ruleId: r.id, label: r.label })));
  });

  it('accepts the province as 2 or 12 digits, refuses anything else', () => {
    const f = facts({ certificates: [cert('intermediate')] });
    expect(ids(GUIZHOU_DEFAULT_RULES, f, '52')).toEqual(['certificate']);
    expect(ids(GUIZHOU_DEFAULT_RULES, f, '53')).toEqual([]);
    expect(() => evaluateKeyTalent(GUIZHOU_DEFAULT_RULES, '5', f)).toThrow();
    expect(() => evaluateKeyTalent(GUIZHOU_DEFAULT_RULES, '00', f)).toThrow();
    expect(() => evaluateKeyTalent(GUIZHOU_DEFAULT_RULES, '5201', f)).toThrow();
  });

  it('is frozen', () => {
    expect(() => {
      (GUIZHOU_DEFAULT_RULES.rules[0] as { label: string }).label = 'x';
    }).toThrow();
  });
});

describe('defaultRuleSetFor', () => {
  it('labels 黔籍 for Guizhou, 本省籍 elsewhere, with the same conditions', () => {
    expect(defaultRuleSetFor(GZ)).toEqual(GUIZHOU_DEFAULT_RULES);
    const yn = defaultRuleSetFor('530000000000');
    expect(yn.rules.map((r) => r.label)).toEqual(GUIZHOU_DEFAULT_RULES.rules.map((r) => r.label.replace('黔籍', '本省籍')));
    expect(yn.rules.map((r) => r.conditions)).toEqual(GUIZHOU_DEFAULT_RULES.rules.map((r) => r.conditions));
    expect(keyRuleSetSchema.safeParse(yn).success).toBe(true);
  });

  it('applies nativeOfProvince to the province evaluated', () => {
    const yn = defaultRuleSetFor('53');
    expect(ids(yn, facts({ nativePlace: YUNNAN, certificates: [cert('intermediate')] }), '53')).toEqual(['certificate']);
    expect(ids(yn, facts({ nativePlace: GUIYANG, certificates: [cert('intermediate')] }), '53')).toEqual([]);
  });

  it('returns a fresh, editable copy', () => {
    const a = defaultRuleSetFor(GZ);
    a.rules[0].label = '改过';
    (a.rules[1].conditions[1] as { subjects: string[] }).subjects.push('other');
    expect(defaultRuleSetFor(GZ).rules[0].label).toBe('黔籍,持社会工作师及以上证书');
    expect(GUIZHOU_DEFAULT_RULES.rules[1].conditions[1]).toEqual({ type: 'teaches', subjects: ['social_work', 'sociology'] });
  });
});

describe('custom rule sets', () => {
  const set = (...conditions: KeyCondition[]): KeyRuleSet => ({ rules: [{ id: 'r', label: '测试', conditions }] });
  const holds = (s: KeyRuleSet, f: TalentFacts) => evaluateKeyTalent(s, GZ, f).length > 0;

  it('a rule without nativeOfProvince ignores the native place', () => {
    expect(holds(set({ type: 'minCertificate', level: 'senior' }), facts({ nativePlace: null, certificates: [cert('senior')] }))).toBe(true);
    expect(holds(set({ type: 'minCertificate', level: 'senior' }), facts({ certificates: [cert('intermediate')] }))).toBe(false);
    expect(holds(set({ type: 'minCertificate', level: 'assistant' }), facts({ certificates: [cert('assistant')] }))).toBe(true);
    expect(holds(set({ type: 'minCertificate', level: 'assistant' }), facts())).toBe(false);
  });

  it('minTitle compares by rank', () => {
    const s = set({ type: 'minTitle', level: 'intermediate' });
    expect(holds(s, facts({ titleLevel: 'junior' }))).toBe(false);
    expect(holds(s, facts({ titleLevel: 'intermediate' }))).toBe(true);
    expect(holds(s, facts({ titleLevel: 'senior' }))).toBe(true);
  });

  it('teaches matches any listed subject', () => {
    const s = set({ type: 'teaches', subjects: ['other'] });
    expect(holds(s, facts({ teachingSubject: 'other' }))).toBe(true);
    expect(holds(s, facts({ teachingSubject: 'social_work' }))).toBe(false);
  });

  it('a degree condition is met by that degree or a higher one', () => {
    const s = set({ type: 'degree', degree: 'master', majorClasses: ['social_work'] });
    const e = (degree: 'bachelor' | 'master' | 'doctor') =>
      facts({ educations: [{ level: 'master', majorClass: 'social_work', degree, graduationYear: 2010 }] });
    expect(holds(s, e('bachelor'))).toBe(false);
    expect(holds(s, e('master'))).toBe(true);
    expect(holds(s, e('doctor'))).toBe(true);
  });

  it('minEducation with and without major classes', () => {
    const f = facts({ educations: [{ level: 'master', majorClass: 'other', degree: 'master', graduationYear: 2010 }] });
    expect(holds(set({ type: 'minEducation', level: 'bachelor' }), f)).toBe(true);
    expect(holds(set({ type: 'minEducation', level: 'master' }), f)).toBe(true);
    expect(holds(set({ type: 'minEducation', level: 'doctor' }), f)).toBe(false);
    expect(holds(set({ type: 'minEducation', level: 'bachelor', majorClasses: ['social_work', 'sociology'] }), f)).toBe(false);
    expect(holds(set({ type: 'minEducation', level: 'bachelor', majorClasses: ['other'] }), f)).toBe(true);
    expect(holds(set({ type: 'minEducation', level: 'junior_high' }), facts())).toBe(false);
  });

  it('all conditions of a rule must hold; any rule suffices', () => {
    const s: KeyRuleSet = {
      rules: [
        {
          id: 'a',
          label: '持证且副高',
          conditions: [
            { type: 'minCertificate', level: 'intermediate' },
            { type: 'minTitle', level: 'associate_senior' },
          ],
        },
        { id: 'b', label: '本科社工', conditions: [{ type: 'minEducation', level: 'bachelor', majorClasses: ['social_work'] }] },
      ],
    };
    expect(ids(s, facts({ certificates: [cert('senior')] }))).toEqual([]);
    expect(ids(s, facts({ certificates: [cert('senior')], titleLevel: 'senior' }))).toEqual(['a']);
    expect(ids(s, facts({ educations: [{ level: 'bachelor', majorClass: 'social_work', degree: 'bachelor', graduationYear: 2010 }] }))).toEqual(['b']);
  });
});

describe('keyRuleSetSchema', () => {
  const rule = (p: Record<string, unknown> = {}) => ({ id: 'r1', label: '规则', conditions: [{ type: 'nativeOfProvince' }], ...p });
  const messages = (input: unknown) => {
    const r = keyRuleSetSchema.safeParse(input);
    expect(r.success).toBe(false);
    return r.error?.issues.map((i) => i.message) ?? [];
  };

  it('accepts a minimal set and trims labels', () => {
    expect(keyRuleSetSchema.parse({ rules: [rule({ label: ' 规则 ' })] }).rules[0].label).toBe('规则');
  });

  it('refuses an empty set, more than 20 rules, duplicate ids', () => {
    expect(messages({ rules: [] })).toEqual(['至少要有一条认定规则']);
    expect(messages({ rules: Array.from({ length: 21 }, (_, i) => rule({ id: `r${i}` })) })).toEqual(['认定规则不超过 20 条']);
    expect(messages({ rules: [rule(), rule()] })).toEqual(['规则标识重复']);
  });

  it('refuses bad ids and labels', () => {
    expect(messages({ rules: [rule({ id: 'Bad id' })] })[0]).toMatch(/^规则标识应为/);
    expect(messages({ rules: [rule({ id: '1abc' })] })[0]).toMatch(/^规则标识应为/);
    expect(messages({ rules: [rule({ label: '  ' })] })).toEqual(['请填写规则名称']);
    expect(messages({ rules: [rule({ label: '长'.repeat(61) })] })).toEqual(['规则名称不能超过 60 个字']);
    expect(keyRuleSetSchema.safeParse({ rules: [rule({ label: '长'.repeat(60) })] }).success).toBe(true);
  });

  it('refuses 0 or more than 6 conditions', () => {
    expect(messages({ rules: [rule({ conditions: [] })] })).toEqual(['每条规则至少要有一个条件']);
    expect(messages({ rules: [rule({ conditions: Array.from({ length: 7 }, () => ({ type: 'nativeOfProvince' })) })] })).toEqual(['每条规则最多 6 个条件']);
  });

  it('refuses bad conditions with Chinese messages', () => {
    const one = (c: unknown) => messages({ rules: [rule({ conditions: [c] })] });
    expect(one({ type: 'party' })).toEqual(['条件类型不正确']);
    expect(one({ type: 'minCertificate', level: 'master' })).toEqual(['请选择证书等级']);
    expect(one({ type: 'teaches', subjects: [] })).toEqual(['请至少选择一门讲授课程']);
    expect(one({ type: 'teaches', subjects: ['none'] })).toEqual(['讲授课程不正确']);
    expect(one({ type: 'teaches', subjects: ['sociology', 'sociology'] })).toEqual(['讲授课程重复']);
    expect(one({ type: 'minTitle', level: 'none' })).toEqual(['请选择职称等级']);
    expect(one({ type: 'degree', degree: 'none', majorClasses: ['social_work'] })).toEqual(['请选择学位']);
    expect(one({ type: 'degree', degree: 'doctor', majorClasses: [] })).toEqual(['请至少选择一个专业类别']);
    expect(one({ type: 'degree', degree: 'doctor' })).toEqual(['请选择专业类别']);
    expect(one({ type: 'minEducation', level: 'phd' })).toEqual(['请选择学历']);
    expect(one({ type: 'minEducation', level: 'bachelor', majorClasses: ['law'] })).toEqual(['专业类别不正确']);
  });

  it('refuses unknown keys (strict)', () => {
    expect(keyRuleSetSchema.safeParse({ rules: [rule({ conditions: [{ type: 'nativeOfProvince', province: '53' }] })] }).success).toBe(false);
    expect(keyRuleSetSchema.safeParse({ rules: [rule()], extra: 1 }).success).toBe(false);
  });
});

describe('describeCondition', () => {
  it('reads the Guizhou rules', () => {
    expect(GUIZHOU_DEFAULT_RULES.rules.map(describeRule)).toEqual([
      '籍贯在本省且持社会工作师及以上证书',
      '籍贯在本省且讲授社会工作或社会学专业课程且具有副高级及以上职称',
      '籍贯在本省且获得社会工作或社会学专业博士学位',
    ]);
  });

  it('omits 及以上 at the top of a list', () => {
    expect(describeCondition({ type: 'minCertificate', level: 'senior' })).toBe('持高级社会工作师证书');
    expect(describeCondition({ type: 'minCertificate', level: 'assistant' })).toBe('持助理社会工作师及以上证书');
    expect(describeCondition({ type: 'minTitle', level: 'senior' })).toBe('具有正高级职称');
    expect(describeCondition({ type: 'degree', degree: 'master', majorClasses: ['social_work'] })).toBe('获得社会工作专业硕士及以上学位');
  });

  it('reads education conditions', () => {
    expect(describeCondition({ type: 'minEducation', level: 'bachelor' })).toBe('具有本科及以上学历');
    expect(describeCondition({ type: 'minEducation', level: 'doctor', majorClasses: ['sociology'] })).toBe('具有社会学专业博士研究生学历');
    expect(describeCondition({ type: 'minEducation', level: 'junior_high' })).toBe('有学历记录');
    expect(describeCondition({ type: 'minEducation', level: 'junior_high', majorClasses: ['social_work'] })).toBe('具有社会工作专业学历');
    expect(describeCondition({ type: 'degree', degree: 'bachelor', majorClasses: ['social_work', 'other'] })).toBe('获得社会工作或其他专业学士及以上学位');
    expect(describeCondition({ type: 'teaches', subjects: ['other'] })).toBe('讲授其他专业课程');
  });
});
