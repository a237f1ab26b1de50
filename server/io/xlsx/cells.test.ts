import { describe, expect, it } from 'vitest';
import { ETHNIC_GROUPS, SEXES } from '../../../domain/standards/code-lists.ts';
import { EDUCATION_LEVELS, SERVICE_FIELDS, TALENT_ROLES } from '../../../domain/talents/code-lists.ts';
import { cellBool, cellCode, cellCodes, cellDate, cellIdNumber, cellNumberText, cellPlain, cellText, cellYear, isBlankCell } from './cells.ts';

const value = <T>(r: { ok: true; value: T } | { ok: false; message: string }) => {
  if (!r.ok) throw new Error(`expected ok, got: ${r.message}`);
  return r.value;
};
const message = (r: { ok: boolean; message?: string }) => {
  if (r.ok) throw new Error('expected an error');
  return r.message as string;
};

describe('cellText', () => {
  it('unwraps every ExcelJS value shape', () => {
    expect(value(cellText('  张三 '))).toBe('张三');
    expect(value(cellText({ richText: [{ text: '张', font: { bold: true } }, { text: '三' }] }))).toBe('张三');
    expect(value(cellText({ formula: 'A1&B1', result: '李四' }))).toBe('李四');
    expect(value(cellText({ sharedFormula: 'A2', result: 12 }))).toBe('12');
    expect(value(cellText({ text: '官网', hyperlink: 'https://example.org' }))).toBe('官网');
    expect(value(cellText(null))).toBe('');
    expect(value(cellText(undefined))).toBe('');
    expect(value(cellText(true))).toBe('TRUE');
    expect(value(cellText(new Date(Date.UTC(2020, 0, 2))))).toBe('2020-01-02');
    expect(value(cellText(13812345678))).toBe('13812345678');
  });

  it('cleans full-width characters, zero-width characters and spaces', () => {
    expect(value(cellText('\u200b ＡＢＣ１２３\u3000'))).toBe('ABC123');
    expect(value(cellText('南明区\n社会工作  服务中心'))).toBe('南明区 社会工作 服务中心');
  });

  it('explains error values and formulas without a result', () => {
    expect(message(cellText({ error: '#N/A' }))).toContain('#N/A');
    expect(message(cellText({ formula: 'VLOOKUP(A1,B:C,2,0)' }))).toContain('选择性粘贴为数值');
    expect(message(cellText(Number.NaN))).toContain('错误值');
  });

  it('treats whitespace-only cells as blank', () => {
    expect(isBlankCell(' \u3000 ')).toBe(true);
    expect(isBlankCell({ richText: [] })).toBe(true);
    expect(isBlankCell(0)).toBe(false);
  });

  it('cellPlain gives what Excel shows', () => {
    expect(cellPlain({ formula: 'SUM(A1:A2)', result: 3 })).toBe(3);
    expect(cellPlain({ error: '#REF!' })).toBe('#REF!');
    expect(cellPlain({ richText: [{ text: 'a' }, { text: 'b' }] })).toBe('ab');
  });
});

describe('cellIdNumber / cellNumberText', () => {
  it('refuses numbers longer than 15 digits: Excel has rounded them', () => {
    const m = message(cellIdNumber(520102199003070000));
    expect(m).toContain('数字格式');
    expect(m).toContain('15 位');
    expect(m).toContain('变成 0');
    expect(m).toContain('文本');
    expect(m).toContain('520102199003070000');
  });

  it('keeps a number of up to 15 digits exactly, as text', () => {
    expect(value(cellIdNumber(520102900307001))).toBe('520102900307001');
    expect(value(cellNumberText(13812345678, '联系电话'))).toBe('13812345678');
  });

  it('refuses text in scientific notation', () => {
    expect(message(cellIdNumber('5.20102E+17'))).toContain('科学计数法');
    expect(message(cellIdNumber('5.20102e17'))).toContain('科学计数法');
  });

  it('compacts text: full-width, spaces, lowercase x', () => {
    expect(value(cellIdNumber(' ５２０１ 0219 9003 0700 1x '))).toBe('52010219900307001X');
  });

  it('refuses dates and fractions', () => {
    expect(message(cellIdNumber(new Date(Date.UTC(2020, 0, 1))))).toContain('日期');
    expect(message(cellNumberText(12.5, '证书编号'))).toContain('证书编号');
  });
});

describe('cellDate', () => {
  it('converts Excel serials of the 1900 system', () => {
    expect(value(cellDate(1))).toBe('1900-01-01');
    expect(value(cellDate(59))).toBe('1900-02-28');
    expect(value(cellDate(61))).toBe('1900-03-01');
    expect(value(cellDate(43831))).toBe('2020-01-01');
    expect(value(cellDate(43831.75))).toBe('2020-01-01');
    expect(message(cellDate(60))).toContain('1900-02-29');
  });

  it('takes the UTC day of a Date', () => {
    expect(value(cellDate(new Date(Date.UTC(2020, 0, 2))))).toBe('2020-01-02');
    expect(value(cellDate(new Date(Date.UTC(2020, 0, 2, 23, 30))))).toBe('2020-01-02');
  });

  it('reads the usual text spellings', () => {
    for (const s of ['2020-01-02', '2020/1/2', '2020.1.2', '2020年1月2日', '20200102', '２０２０－０１－０２', '2020-01-02 00:00:00', ' 2020 年 1 月 2 日 ']) {
      expect(value(cellDate(s)), s).toBe('2020-01-02');
    }
    expect(value(cellDate(20200102))).toBe('2020-01-02');
    expect(value(cellDate('43831'))).toBe('2020-01-01');
  });

  it('explains what is wrong', () => {
    expect(message(cellDate('2020-02-30', '入职日期'))).toContain('没有这一天');
    expect(message(cellDate('2020-13-01'))).toContain('没有这一天');
    expect(message(cellDate(1990, '出生日期'))).toContain('只有年份');
    expect(message(cellDate('1990年'))).toContain('只有年份');
    expect(message(cellDate('2020-05'))).toContain('缺少日');
    expect(message(cellDate('明年'))).toContain('YYYY-MM-DD');
    expect(message(cellDate(true))).toContain('TRUE');
  });

  it('blank is null', () => {
    expect(value(cellDate(''))).toBeNull();
    expect(value(cellDate(null))).toBeNull();
  });
});

describe('cellYear', () => {
  it('reads numbers, text and dates', () => {
    expect(value(cellYear(2019))).toBe(2019);
    expect(value(cellYear('2019'))).toBe(2019);
    expect(value(cellYear('2019年'))).toBe(2019);
    expect(value(cellYear('2019.0'))).toBe(2019);
    expect(value(cellYear('2019-06'))).toBe(2019);
    expect(value(cellYear(new Date(Date.UTC(2019, 5, 1))))).toBe(2019);
    expect(value(cellYear(' '))).toBeNull();
  });

  it('refuses other values', () => {
    expect(message(cellYear(19, '毕业年份'))).toContain('毕业年份');
    expect(message(cellYear('去年'))).toContain('4 位数字年份');
    expect(message(cellYear(2019.5))).toContain('2019.5');
  });
});

describe('cellBool', () => {
  it('reads 是/否 and friends', () => {
    for (const s of ['是', 'Y', 'y', 'yes', '1', 1, 'TRUE', true, '√', 'Ｙ']) expect(value(cellBool(s)), String(s)).toBe(true);
    for (const s of ['否', 'N', 'no', '0', 0, 'false', false, '×']) expect(value(cellBool(s)), String(s)).toBe(false);
    expect(value(cellBool(''))).toBeNull();
  });

  it('takes column-specific words and refuses the rest', () => {
    expect(value(cellBool('中共党员', '是否党员', { 中共党员: true }))).toBe(true);
    expect(message(cellBool('也许', '是否党员'))).toContain('“是”或“否”');
  });
});

describe('cellCode / cellCodes', () => {
  it('finds by name or code', () => {
    expect(value(cellCode(EDUCATION_LEVELS, '本科'))).toBe('bachelor');
    expect(value(cellCode(EDUCATION_LEVELS, 'bachelor'))).toBe('bachelor');
    expect(value(cellCode(EDUCATION_LEVELS, ' 高中/中专 '))).toBe('senior_high');
    expect(value(cellCode(EDUCATION_LEVELS, '硕士', { aliases: { 硕士: 'master' } }))).toBe('master');
    expect(value(cellCode(TALENT_ROLES, '村（社区）干部'))).toBe('village_cadre');
    expect(value(cellCode(EDUCATION_LEVELS, ''))).toBeNull();
  });

  it('finds ethnic groups with or without 族 and by code, sexes by aliases', () => {
    expect(value(cellCode(ETHNIC_GROUPS, '苗'))).toBe('06');
    expect(value(cellCode(ETHNIC_GROUPS, '苗族'))).toBe('06');
    expect(value(cellCode(ETHNIC_GROUPS, 1))).toBe('01');
    expect(value(cellCode(SEXES, '女'))).toBe('2');
    expect(value(cellCode(SEXES, '男性'))).toBe('1');
    expect(value(cellCode(SEXES, 'F'))).toBe('2');
  });

  it('names the invalid value and lists short lists', () => {
    const m = message(cellCode(EDUCATION_LEVELS, '大学', { label: '最高学历' }));
    expect(m).toContain('最高学历“大学”');
    expect(m).toContain('本科');
    expect(message(cellCode(ETHNIC_GROUPS, '火星族', { label: '民族' }))).toContain('下拉列表');
  });

  it('splits multi-valued cells on every usual separator', () => {
    expect(value(cellCodes(SERVICE_FIELDS, '养老服务、儿童福利'))).toEqual(['elderly', 'children']);
    expect(value(cellCodes(SERVICE_FIELDS, '儿童福利，养老服务;社会救助；禁毒戒毒 社区矫正,其他'))).toEqual([
      'elderly',
      'children',
      'assistance',
      'drug',
      'correction',
      'other',
    ]);
    expect(value(cellCodes(SERVICE_FIELDS, '养老服务、养老服务'))).toEqual(['elderly']);
    expect(value(cellCodes(SERVICE_FIELDS, ''))).toEqual([]);
  });

  it('lists every unknown part of a multi-valued cell', () => {
    const m = message(cellCodes(SERVICE_FIELDS, '养老服务、种地、打猎', { label: '服务领域' }));
    expect(m).toContain('种地、打猎');
    expect(m).toContain('顿号');
  });
});
