import { describe, expect, it } from 'vitest';
import { ETHNIC_GROUPS, ethnicGroupByCode, ethnicGroupName, findEthnicGroup, findSex, SEXES, sexByCode, sexName } from './code-lists.ts';

describe('ETHNIC_GROUPS (GB 3304)', () => {
  it('has the 56 groups 01–56, then 97 and 98', () => {
    expect(ETHNIC_GROUPS).toHaveLength(58);
    const codes = ETHNIC_GROUPS.map((g) => g.code);
    expect(codes.slice(0, 56)).toEqual(Array.from({ length: 56 }, (_, i) => String(i + 1).padStart(2, '0')));
    expect(codes.slice(56)).toEqual(['97', '98']);
  });

  it('has unique codes and names, all groups ending in 族', () => {
    expect(new Set(ETHNIC_GROUPS.map((g) => g.code)).size).toBe(58);
    expect(new Set(ETHNIC_GROUPS.map((g) => g.name)).size).toBe(58);
    for (const g of ETHNIC_GROUPS.slice(0, 56)) expect(g.name).toMatch(/族$/);
  });

  it.each([
    ['01', '汉族'],
    ['02', '蒙古族'],
    ['05', '维吾尔族'],
    ['10', '朝鲜族'],
    ['15', '土家族'],
    ['23', '高山族'],
    ['29', '柯尔克孜族'],
    ['30', '土族'],
    ['37', '仡佬族'],
    ['43', '乌孜别克族'],
    ['50', '塔塔尔族'],
    ['56', '基诺族'],
    ['97', '其他'],
    ['98', '外国血统中国籍人士'],
  ])('%s is %s', (code, name) => {
    expect(ethnicGroupName(code)).toBe(name);
  });

  it('is frozen', () => {
    expect(Object.isFrozen(ETHNIC_GROUPS)).toBe(true);
    expect(Object.isFrozen(ETHNIC_GROUPS[0])).toBe(true);
  });
});

describe('ethnic group lookups', () => {
  it('pads one-digit codes and numbers (Excel drops the leading zero)', () => {
    expect(ethnicGroupByCode(1)?.name).toBe('汉族');
    expect(ethnicGroupByCode('3')?.name).toBe('回族');
    expect(ethnicGroupByCode(' ０４ ')?.name).toBe('藏族');
  });

  it('returns undefined for unknown codes', () => {
    for (const code of ['00', '57', '96', '99', '001', '', 'ab', -1]) {
      expect(ethnicGroupByCode(code)).toBeUndefined();
    }
  });

  it('finds by code or by name, with or without 族', () => {
    expect(findEthnicGroup('汉族')?.code).toBe('01');
    expect(findEthnicGroup('汉')?.code).toBe('01');
    expect(findEthnicGroup(' 土家 ')?.code).toBe('15');
    expect(findEthnicGroup('土')?.code).toBe('30');
    expect(findEthnicGroup('外国血统中国籍人士')?.code).toBe('98');
    expect(findEthnicGroup('其他')?.code).toBe('97');
    expect(findEthnicGroup('08')?.name).toBe('壮族');
    expect(findEthnicGroup(11)?.name).toBe('满族');
    expect(findEthnicGroup('火星族')).toBeUndefined();
    expect(findEthnicGroup('')).toBeUndefined();
  });

  it('round-trips every entry', () => {
    for (const g of ETHNIC_GROUPS) {
      expect(findEthnicGroup(g.name)).toBe(g);
      expect(findEthnicGroup(g.code)).toBe(g);
    }
  });
});

describe('SEXES (GB/T 2261.1)', () => {
  it('lists 0, 1, 2, 9', () => {
    expect(SEXES).toEqual([
      { code: '0', name: '未知的性别' },
      { code: '1', name: '男' },
      { code: '2', name: '女' },
      { code: '9', name: '未说明的性别' },
    ]);
  });

  it('looks up by code', () => {
    expect(sexName('1')).toBe('男');
    expect(sexName(2)).toBe('女');
    expect(sexByCode('9')?.name).toBe('未说明的性别');
    expect(sexByCode('3')).toBeUndefined();
  });

  it('finds by code, name or common alias', () => {
    expect(findSex('男')?.code).toBe('1');
    expect(findSex('女性')?.code).toBe('2');
    expect(findSex('f')?.code).toBe('2');
    expect(findSex('Male')?.code).toBe('1');
    expect(findSex('未说明')?.code).toBe('9');
    expect(findSex('未知的性别')?.code).toBe('0');
    expect(findSex('１')?.code).toBe('1');
    expect(findSex('x')).toBeUndefined();
    expect(findSex('constructor')).toBeUndefined();
  });
});
