import { describe, expect, it } from 'vitest';
import {
  checkCharOf,
  convert15To18,
  crossCheckIdNumber,
  type IdNumberInfo,
  type IdNumberOptions,
  isForeignPermanentResidentId,
  isValidIdNumber,
  maskIdNumber,
  parseIdNumber,
} from './id-number.ts';

const today = '2025-06-30';
/** Builds a valid 18-character number from its parts. */
const build = (address: string, birth: string, seq: string) => {
  const first17 = address + birth + seq;
  return first17 + checkCharOf(first17);
};
const codeOf = (input: string, opts: IdNumberOptions = { today }) => {
  const r = parseIdNumber(input, opts);
  return r.ok ? 'OK' : r.code;
};

describe('checkCharOf', () => {
  it('matches the worked examples', () => {
    expect(checkCharOf('11010519491231002')).toBe('X');
    expect(checkCharOf('44052418800101001')).toBe('4');
    expect(checkCharOf('34052419800101001')).toBe('X');
  });

  it('rejects input that is not 17 ASCII digits', () => {
    expect(() => checkCharOf('1101051949123100')).toThrow(RangeError);
    expect(() => checkCharOf('1101051949123100X')).toThrow(RangeError);
  });
});

describe('parseIdNumber: valid vectors', () => {
  it.each([
    ['11010519491231002X', '110105', '1949-12-31', 2],
    ['440524188001010014', '440524', '1880-01-01', 1],
    ['34052419800101001X', '340524', '1980-01-01', 1],
  ])('%s', (id, addressCode, birthDate, sex) => {
    expect(parseIdNumber(id, { today })).toEqual({
      ok: true,
      value: { idNumber: id, addressCode, birthDate, sex },
    });
  });

  it('normalizes spaces, lowercase x and full-width characters', () => {
    for (const input of [
      '  11010519491231002x ',
      '110105 19491231 002X',
      '１１０１０５１９４９１２３１００２Ｘ',
      '\u3000１１０１０５１９４９１２３１００２ｘ\u3000',
    ]) {
      const r = parseIdNumber(input, { today });
      expect(r.ok && r.value.idNumber).toBe('11010519491231002X');
    }
  });

  it('accepts a leap day and a birth date of today', () => {
    expect(codeOf(build('520102', '20000229', '001'))).toBe('OK');
    expect(codeOf(build('520102', '20250630', '002'))).toBe('OK');
    expect(codeOf(build('520102', '18000101', '002'))).toBe('OK');
  });

  it('accepts foreign permanent-residence cards (first digit 9) with the same checksum', () => {
    const id = build('930840', '19900101', '001');
    expect(codeOf(id)).toBe('OK');
    expect(isForeignPermanentResidentId(id)).toBe(true);
    expect(isForeignPermanentResidentId('11010519491231002X')).toBe(false);
  });

  it('takes "today" as a local Date as well as a string', () => {
    const id = build('520102', '20250101', '001');
    expect(codeOf(id, { today: new Date(2025, 0, 1, 23, 59) })).toBe('OK');
    expect(codeOf(id, { today: new Date(2024, 11, 31, 0, 1) })).toBe('ID_BIRTH_DATE');
  });

  it('defaults "today" to the current date', () => {
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber(build('520102', '29991231', '001'))).toBe(false);
  });
});

describe('parseIdNumber: invalid vectors', () => {
  it.each([
    ['', 'ID_FORMAT'],
    ['1101051949123100', 'ID_FORMAT'],
    ['11010519491231002X1', 'ID_FORMAT'],
    ['11010519491231002Y', 'ID_FORMAT'],
    ['1101051949123100XX', 'ID_FORMAT'],
    ['01010519491231002X', 'ID_FORMAT'],
    ['110105-19491231-002X', 'ID_FORMAT'],
    ['11010519490231002X', 'ID_BIRTH_DATE'], // 31 February
    ['110105190002290010', 'ID_BIRTH_DATE'], // 1900 is not a leap year
    ['110105194913310020', 'ID_BIRTH_DATE'], // month 13
    ['110105194912000020', 'ID_BIRTH_DATE'], // day 0
    [build('520102', '17991231', '001'), 'ID_BIRTH_DATE'], // before 1800
    [build('520102', '20250701', '001'), 'ID_BIRTH_DATE'], // tomorrow
    ['110105194912310021', 'ID_CHECKSUM'],
    ['440524188001010013', 'ID_CHECKSUM'],
    ['340524198001010019', 'ID_CHECKSUM'],
    ['110105491231002', 'ID_LEGACY_15'],
    ['110105490231002', 'ID_BIRTH_DATE'], // legacy number with 31 February
  ])('%s → %s', (id, code) => {
    expect(codeOf(id)).toBe(code);
  });

  it('gives clear Chinese messages', () => {
    const msg = (id: string) => {
      const r = parseIdNumber(id, { today });
      return r.ok ? '' : r.message;
    };
    expect(msg('')).toBe('未填写身份证号码。');
    expect(msg('1101051949123100')).toContain('应为18位，当前为16位');
    expect(msg('01010519491231002X')).toContain('第1位不能为0');
    expect(msg('11010519491231002Y')).toContain('最后一位为数字或字母X');
    expect(msg('11010519490231002X')).toContain('“19490231”');
    expect(msg(build('520102', '20250701', '001'))).toContain('晚于今天');
    expect(msg(build('520102', '17991231', '001'))).toContain('早于1800年');
    // The expected check character is not revealed (the typo is usually elsewhere).
    expect(msg('110105194912310021')).not.toContain('X');
  });

  it('suggests the converted number for a legacy 15-digit number', () => {
    const r = parseIdNumber(' 110105491231002 ', { today });
    expect(r).toMatchObject({ ok: false, code: 'ID_LEGACY_15', suggestion: '11010519491231002X' });
    expect(r.ok ? '' : r.message).toContain('11010519491231002X');
  });
});

describe('convert15To18', () => {
  it('inserts 19 before the year and appends the check character', () => {
    expect(convert15To18('110105491231002')).toBe('11010519491231002X');
    expect(convert15To18('340524800101001')).toBe('34052419800101001X');
    expect(convert15To18(' １１０１０５４９１２３１００２ ')).toBe('11010519491231002X');
  });

  it('returns null for anything but 15 digits', () => {
    expect(convert15To18('11010519491231002X')).toBeNull();
    expect(convert15To18('11010549123100')).toBeNull();
    expect(convert15To18('11010549123100X')).toBeNull();
  });
});

describe('maskIdNumber', () => {
  it('keeps the first 4 and last 4 characters', () => {
    expect(maskIdNumber('52010219800101123X')).toBe('5201**********123X');
    expect(maskIdNumber(' 52010219800101123x ')).toBe('5201**********123X');
    expect(maskIdNumber('110105491231002')).toBe('1101*******1002');
  });

  it('stars short values completely', () => {
    expect(maskIdNumber('12345678')).toBe('********');
    expect(maskIdNumber('')).toBe('');
  });
});

describe('crossCheckIdNumber', () => {
  const info = (parseIdNumber('11010519491231002X', { today }) as { value: IdNumberInfo }).value;

  it('returns nothing when the fields agree or are not entered', () => {
    expect(crossCheckIdNumber(info, {})).toEqual([]);
    expect(crossCheckIdNumber(info, { birthDate: '1949-12-31', sex: 2 })).toEqual([]);
    expect(crossCheckIdNumber(info, { birthDate: null, sex: null })).toEqual([]);
    expect(crossCheckIdNumber(info, { birthDate: ' ', sex: '' })).toEqual([]);
  });

  it('accepts common date and sex spellings', () => {
    for (const birthDate of ['1949/12/31', '1949.12.31', '19491231', '1949年12月31日', '1949-12-31 00:00:00', '1949-12-31T00:00:00Z']) {
      expect(crossCheckIdNumber(info, { birthDate })).toEqual([]);
    }
    for (const sex of ['2', '女', '女性', '０', 9]) {
      expect(crossCheckIdNumber(info, { sex })).toEqual([]);
    }
  });

  it('reports each mismatch in Chinese', () => {
    const problems = crossCheckIdNumber(info, { birthDate: '1950-1-1', sex: '男' });
    expect(problems).toEqual([
      '身份证号码显示出生日期为1949-12-31，与填写的出生日期1950-01-01不一致。',
      '身份证号码显示性别为女（第17位为偶数），与填写的性别“男”不一致。',
    ]);
  });

  it('reports values it cannot read', () => {
    expect(crossCheckIdNumber(info, { birthDate: '1949-02-30' })[0]).toContain('无法识别');
    expect(crossCheckIdNumber(info, { birthDate: '去年' })[0]).toContain('无法识别');
    expect(crossCheckIdNumber(info, { sex: 'x' })[0]).toContain('无法识别');
  });
});
