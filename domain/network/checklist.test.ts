import { describe, expect, it } from 'vitest';
import { checklistSetSchema, DEFAULT_CHECKLIST, evaluateChecklist } from './checklist.ts';

const met = (...keys: string[]) => keys.map((itemKey) => ({ itemKey, met: true }));

describe('evaluateChecklist', () => {
  it('is standard only when every item of the set is met', () => {
    const all = DEFAULT_CHECKLIST.map((i) => i.key);
    expect(evaluateChecklist(DEFAULT_CHECKLIST, met(...all))).toMatchObject({ met: 6, total: 6, standard: true, lacking: [] });
    const some = evaluateChecklist(DEFAULT_CHECKLIST, met('site', 'staff'));
    expect(some).toMatchObject({ met: 2, total: 6, standard: false });
    expect(some.lacking.map((l) => l.key)).toEqual(['equipment', 'projects', 'workflow', 'rules']);
  });

  it('ignores unmet checks and checks of keys outside the set', () => {
    const r = evaluateChecklist(DEFAULT_CHECKLIST.slice(0, 2), [...met('site', 'castle'), { itemKey: 'equipment', met: false }]);
    expect(r).toMatchObject({ met: 1, total: 2, standard: false });
  });

  it('never calls an empty set standard', () => {
    expect(evaluateChecklist([], met('site')).standard).toBe(false);
  });
});

describe('checklistSetSchema', () => {
  it('accepts the default and refuses duplicates, empty sets and bad keys in Chinese', () => {
    expect(checklistSetSchema.safeParse(DEFAULT_CHECKLIST).success).toBe(true);
    const dup = checklistSetSchema.safeParse([DEFAULT_CHECKLIST[0], DEFAULT_CHECKLIST[0]]);
    expect(dup.success).toBe(false);
    expect(dup.error?.issues[0]).toMatchObject({ path: [1, 'key'], message: '项目代码重复' });
    expect(checklistSetSchema.safeParse([]).error?.issues[0].message).toBe('至少保留一个检查项目');
    expect(checklistSetSchema.safeParse([{ key: 'Bad Key', name: '甲' }]).error?.issues[0].message).toMatch(/项目代码/);
  });
});
