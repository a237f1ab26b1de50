import { describe, expect, it } from 'vitest';
import { duplicateKey, normalizeName, orderedPair } from './duplicates.ts';

const base = { name: '张三', birthDate: '1990-05-01', regionCode: '520102001001' };

describe('normalizeName', () => {
  it('removes every kind of whitespace and invisible characters', () => {
    expect(normalizeName(' 张 三 ')).toBe('张三');
    expect(normalizeName('张\u3000三')).toBe('张三');
    expect(normalizeName('张\t三\n')).toBe('张三');
    expect(normalizeName('\ufeff张\u200b三')).toBe('张三');
  });

  it('unifies interpunct variants and full-width letters', () => {
    const canonical = normalizeName('买买提·艾力');
    for (const n of ['买买提•艾力', '买买提・艾力', '买买提.艾力', '买买提．艾力', '买买提 · 艾力']) expect(normalizeName(n), n).toBe(canonical);
    expect(normalizeName('ＪＯＨＮ')).toBe('john');
  });
});

describe('duplicateKey', () => {
  it('is equal for the same person typed differently', () => {
    expect(duplicateKey({ ...base, name: '张 三' })).toBe(duplicateKey(base));
    expect(duplicateKey({ ...base, name: '　张三　' })).toBe(duplicateKey(base));
  });

  it('differs when name, birth date or region differs', () => {
    const k = duplicateKey(base);
    expect(duplicateKey({ ...base, name: '张叁' })).not.toBe(k);
    expect(duplicateKey({ ...base, birthDate: '1990-05-02' })).not.toBe(k);
    expect(duplicateKey({ ...base, regionCode: '520102001002' })).not.toBe(k);
  });

  it('is name|birthDate|regionCode', () => {
    expect(duplicateKey(base)).toBe('张三|1990-05-01|520102001001');
  });
});

describe('orderedPair', () => {
  it('puts the smaller id first whatever the argument order', () => {
    expect(orderedPair('b', 'a')).toEqual(['a', 'b']);
    expect(orderedPair('a', 'b')).toEqual(['a', 'b']);
    const x = '0190a1b2-0000-7000-8000-000000000002';
    const y = '0190a1b2-0000-7000-8000-000000000010';
    expect(orderedPair(y, x)).toEqual(orderedPair(x, y));
  });
});
