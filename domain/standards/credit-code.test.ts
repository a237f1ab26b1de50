import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CREDIT_ALPHABET, creditCheckChar, describeCreditCode, isValidCreditCode, parseCreditCode } from './credit-code.ts';

// Check characters below were computed independently (a separate script), not with this module.
const VALID = [
  '91350100M000100Y43', // the commonly cited example (an enterprise in Fuzhou)
  '52520100MJY0000128', // civil affairs, 民办非企业单位, Guiyang
  '51520102000000023Y', // civil affairs, 社会团体, check character Y (value 30)
  '515201020000000040', // Σ mod 31 = 0: "31 becomes 0"
  '11100000000013127D',
];

describe('creditCheckChar', () => {
  it.each(VALID)('%s', (code) => {
    expect(creditCheckChar(code.slice(0, 17))).toBe(code[17]);
  });

  it('rejects wrong lengths and characters outside the alphabet', () => {
    expect(() => creditCheckChar('91350100M000100Y')).toThrow(RangeError);
    expect(() => creditCheckChar('91350100M000100Y4Z')).toThrow(RangeError);
    expect(() => creditCheckChar('91350100I000100Y4')).toThrow(RangeError);
  });
});

describe('parseCreditCode', () => {
  it('parses valid codes into their parts', () => {
    expect(parseCreditCode('52520100MJY0000128')).toEqual({
      ok: true,
      value: {
        code: '52520100MJY0000128',
        authority: '5',
        kind: '2',
        regionCode: '520100',
        checksumValid: true,
      },
    });
    for (const code of VALID) expect(isValidCreditCode(code)).toBe(true);
  });

  it('normalizes case, spaces and full-width characters', () => {
    for (const input of [' 91350100m000100y43 ', '9135 0100 M000 100Y 43', '９１３５０１００Ｍ０００１００Ｙ４３']) {
      const r = parseCreditCode(input);
      expect(r.ok && r.value.code).toBe('91350100M000100Y43');
    }
  });

  it('treats a wrong check character as a warning, not an error', () => {
    const r = parseCreditCode('91350100M000100Y44');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.checksumValid).toBe(false);
    expect(r.value.warning).toContain('校验位不符');
    expect(r.value.warning).toContain('管理员');
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false);
  });

  it('has no warning when the check character is right', () => {
    const r = parseCreditCode('91350100M000100Y43');
    expect(r.ok && 'warning' in r.value).toBe(false);
  });

  it.each([
    ['', '未填写'],
    ['91350100M000100Y4', '应为18位，当前为17位'],
    ['91350100M000100Y433', '当前为19位'],
    ['91350100O000100Y43', '“O”'], // letter O instead of zero
    ['91350100M000100I43', '“I”'],
    ['91350100S000100Y43', '“S”'],
    ['9135010VM00100Y43Z', '“V”'],
    ['91350100M0-0100Y43', '“-”'],
    ['913501A0M000100Y43', '第3至8位'], // region code must be digits
    ['9135010统M000100Y43', '“统”'],
  ])('%s is a format error (%s)', (input, fragment) => {
    const r = parseCreditCode(input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe('CREDIT_FORMAT');
    expect(r.message).toContain(fragment);
  });
});

describe('describeCreditCode', () => {
  it.each([
    ['51520102000000023Y', '民政', '社会团体', true],
    ['52520100MJY0000128', '民政', '民办非企业单位/社会服务机构', true],
    ['53100000500021676K', '民政', '基金会', true],
    ['59520100MJY0000000', '民政', '其他', true],
    ['91350100M000100Y43', '工商', '企业', false],
    ['11100000000013127D', '机构编制', '机关', false],
    ['57520100MJY0000000', '民政', null, true], // unknown kind under a known authority
    ['A1520100MJY0000000', null, null, false], // authority not in our table
  ])('%s → %s / %s', (code, authorityName, kindName, civilAffairs) => {
    expect(describeCreditCode(code)).toEqual({ authorityName, kindName, civilAffairs });
  });

  it('normalizes its input and copes with empty input', () => {
    expect(describeCreditCode(' ５１５２０１０２ ').kindName).toBe('社会团体');
    expect(describeCreditCode('')).toEqual({ authorityName: null, kindName: null, civilAffairs: false });
  });
});

describe('properties', () => {
  const alpha = fc.constantFrom(...CREDIT_ALPHABET);
  const first17 = fc
    .tuple(fc.array(alpha, { minLength: 2, maxLength: 2 }), fc.stringMatching(/^\d{6}$/), fc.array(alpha, { minLength: 9, maxLength: 9 }))
    .map(([head, region, id]) => head.join('') + region + id.join(''));
  const validCode = first17.map((s) => s + creditCheckChar(s));

  it('17 well-formed characters plus the computed check character always validate', () => {
    fc.assert(
      fc.property(validCode, (code) => {
        const r = parseCreditCode(code);
        expect(r).toMatchObject({ ok: true, value: { code, regionCode: code.slice(2, 8), checksumValid: true } });
        expect(parseCreditCode(code.toLowerCase())).toEqual(r);
      }),
    );
  });

  it('changing any single character is detected (31 is prime, all weights are non-zero)', () => {
    fc.assert(
      fc.property(validCode, fc.nat(17), fc.integer({ min: 1, max: 30 }), (code, pos, delta) => {
        const isRegion = pos >= 2 && pos <= 7;
        const pool = isRegion ? '0123456789' : CREDIT_ALPHABET;
        const c = pool[(pool.indexOf(code[pos]) + delta) % pool.length];
        fc.pre(c !== code[pos]);
        const mutated = code.slice(0, pos) + c + code.slice(pos + 1);
        expect(parseCreditCode(mutated)).toMatchObject({ ok: true, value: { checksumValid: false } });
      }),
    );
  });

  it('a character outside the alphabet is always a format error', () => {
    const outsider = fc.constantFrom('I', 'O', 'S', 'V', 'Z', '-', '.', '统');
    fc.assert(
      fc.property(validCode, fc.nat(17), outsider, (code, pos, c) => {
        const mutated = code.slice(0, pos) + c + code.slice(pos + 1);
        expect(parseCreditCode(mutated)).toMatchObject({ ok: false, code: 'CREDIT_FORMAT' });
      }),
    );
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = parseCreditCode(s);
        if (!r.ok) expect(r.message).toMatch(/[\u4e00-\u9fff]/);
        describeCreditCode(s);
      }),
    );
  });
});
