import { describe, expect, it } from 'vitest';
import { normalizeHeader } from './header-match.ts';
import { headerText, matchTalentHeader, TALENT_COLUMNS } from './talent-columns.ts';

describe('matchTalentHeader', () => {
  it('matches every template header, with or without the required mark', () => {
    for (const c of TALENT_COLUMNS) {
      expect(matchTalentHeader(headerText(c))).toBe(c.key);
      expect(matchTalentHeader(c.header)).toBe(c.key);
    }
  });

  it('tolerates spaces, line breaks, full-width brackets and hints', () => {
    expect(matchTalentHeader(' 姓 名 * ')).toBe('name');
    expect(matchTalentHeader('工作地区\n（区划代码）＊')).toBe('regionCode');
    expect(matchTalentHeader('身份证号码（必填）')).toBe('idNumber');
    expect(matchTalentHeader('籍贯（区划代码）')).toBe('nativePlace');
    expect(matchTalentHeader('工作单位(全称)')).toBe('employer');
  });

  it('knows the usual other names', () => {
    expect(matchTalentHeader('身份证号')).toBe('idNumber');
    expect(matchTalentHeader('身份证')).toBe('idNumber');
    expect(matchTalentHeader('公民身份号码')).toBe('idNumber');
    expect(matchTalentHeader('手机号')).toBe('phone');
    expect(matchTalentHeader('现工作单位')).toBe('employer');
    expect(matchTalentHeader('区划代码')).toBe('regionCode');
    expect(matchTalentHeader('工作地区')).toBe('regionCode');
    expect(matchTalentHeader('籍贯')).toBe('nativePlace');
    expect(matchTalentHeader('政治面貌')).toBe('partyMember');
  });

  it('ignores unknown and report columns', () => {
    for (const h of ['原行号', '错误说明', '备注', '序号', '', '  ']) expect(matchTalentHeader(h)).toBeUndefined();
  });

  it('normalizes to a comparable key', () => {
    expect(normalizeHeader(' Ｅｍａｉｌ（选填）* ')).toBe('email');
  });
});
