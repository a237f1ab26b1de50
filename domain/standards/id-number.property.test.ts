import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCharOf, convert15To18, isValidIdNumber, maskIdNumber, parseIdNumber } from './id-number.ts';

const today = '2025-06-30';
const build = (address: string, birth: string, seq: string) => {
  const first17 = address + birth + seq;
  return first17 + checkCharOf(first17);
};
const codeOf = (input: string) => {
  const r = parseIdNumber(input, { today });
  return r.ok ? 'OK' : r.code;
};

describe('properties', () => {
  const address = fc.stringMatching(/^[1-9]\d{5}$/);
  const seq = fc.stringMatching(/^\d{3}$/);
  const birth = fc
    .date({ min: new Date('1800-01-01T00:00:00Z'), max: new Date('2025-06-30T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
  const validId = fc.tuple(address, birth, seq).map(([a, b, s]) => ({
    id: build(a, b.replaceAll('-', ''), s),
    address: a,
    birth: b,
    seq: s,
  }));

  it('17 digits with a valid date plus the computed check character always parse', () => {
    fc.assert(
      fc.property(validId, ({ id, address, birth, seq }) => {
        const r = parseIdNumber(id, { today });
        expect(r).toEqual({
          ok: true,
          value: { idNumber: id, addressCode: address, birthDate: birth, sex: Number(seq[2]) % 2 ? 1 : 2 },
        });
        expect(parseIdNumber(id.toLowerCase(), { today })).toEqual(r);
      }),
    );
  });

  it('changing any single digit breaks the checksum', () => {
    fc.assert(
      fc.property(validId, fc.nat(16), fc.integer({ min: 1, max: 9 }), ({ id }, pos, delta) => {
        const digit = String((Number(id[pos]) + delta) % 10);
        const mutated = id.slice(0, pos) + digit + id.slice(pos + 1);
        expect(checkCharOf(mutated.slice(0, 17))).not.toBe(id[17]);
        expect(isValidIdNumber(mutated, { today })).toBe(false);
        // Outside the birth date (and the first digit, which may become 0) only the check fails.
        if ((pos >= 1 && pos <= 5) || pos >= 14) expect(codeOf(mutated)).toBe('ID_CHECKSUM');
      }),
    );
  });

  it('changing the check character breaks the checksum', () => {
    fc.assert(
      fc.property(validId, fc.constantFrom(...'0123456789X'), ({ id }, c) => {
        fc.pre(c !== id[17]);
        expect(codeOf(id.slice(0, 17) + c)).toBe('ID_CHECKSUM');
      }),
    );
  });

  it('swapping two different adjacent digits breaks the checksum', () => {
    fc.assert(
      fc.property(validId, fc.nat(15), ({ id }, pos) => {
        fc.pre(id[pos] !== id[pos + 1]);
        const swapped = id.slice(0, pos) + id[pos + 1] + id[pos] + id.slice(pos + 2);
        expect(checkCharOf(swapped.slice(0, 17))).not.toBe(id[17]);
      }),
    );
  });

  it('masking keeps length, the first 4 and last 4 characters', () => {
    fc.assert(
      fc.property(validId, ({ id }) => {
        const m = maskIdNumber(id);
        expect(m).toHaveLength(18);
        expect(m).toBe(`${id.slice(0, 4)}**********${id.slice(14)}`);
      }),
    );
  });

  it('a converted legacy number parses with a 19xx birth date', () => {
    fc.assert(
      fc.property(address, birth, seq, (a, b, s) => {
        fc.pre(b >= '1900-01-01' && b <= '1999-12-31');
        const id15 = a + b.replaceAll('-', '').slice(2) + s;
        const r = parseIdNumber(id15, { today });
        expect(r).toMatchObject({ ok: false, code: 'ID_LEGACY_15' });
        const id18 = convert15To18(id15) as string;
        expect(r.ok ? null : r.suggestion).toBe(id18);
        expect(parseIdNumber(id18, { today })).toMatchObject({ ok: true, value: { birthDate: b } });
      }),
    );
  });

  it('never throws and always explains a failure in Chinese', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[\dXx ]{14,20}$/)), (s) => {
        const r = parseIdNumber(s, { today });
        if (!r.ok) expect(r.message).toMatch(/[\u4e00-\u9fff]/);
      }),
    );
  });
});
