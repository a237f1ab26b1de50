import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanCell, compactCode, toHalfWidth } from './normalize.ts';

describe('toHalfWidth', () => {
  it('maps full-width digits, letters and punctuation to ASCII', () => {
    expect(toHalfWidth('１２３４５６７８９０')).toBe('1234567890');
    expect(toHalfWidth('ＡＢＣｘｙｚ')).toBe('ABCxyz');
    expect(toHalfWidth('！～（）－')).toBe('!~()-');
  });

  it('maps the ideographic space to an ordinary space', () => {
    expect(toHalfWidth('a\u3000b')).toBe('a b');
  });

  it('leaves Chinese text, ASCII and other full-width punctuation alone', () => {
    expect(toHalfWidth('贵阳市、云岩区。abc 123')).toBe('贵阳市、云岩区。abc 123');
  });

  it('covers exactly the block U+FF01–U+FF5E', () => {
    expect(toHalfWidth('\uff00\uff5f')).toBe('\uff00\uff5f');
    expect(toHalfWidth('\uff01\uff5e')).toBe('!~');
  });

  it('is idempotent and length-preserving (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const once = toHalfWidth(s);
        expect(toHalfWidth(once)).toBe(once);
        expect([...once].length).toBe([...s].length);
      }),
    );
  });

  it('inverts the full-width mapping of any printable ASCII (property)', () => {
    const printable = fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c));
    fc.assert(
      fc.property(fc.array(printable), (chars) => {
        const full = chars.map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');
        expect(toHalfWidth(full)).toBe(chars.join(''));
      }),
    );
  });
});

describe('cleanCell', () => {
  it('trims and collapses inner whitespace, including tabs and line breaks', () => {
    expect(cleanCell('  张\t 三 \n ')).toBe('张 三');
    expect(cleanCell('\u3000贵州省\u3000\u3000贵阳市\u3000')).toBe('贵州省 贵阳市');
  });

  it('converts full-width characters', () => {
    expect(cleanCell(' ５２０１０２ ')).toBe('520102');
  });

  it('removes zero-width characters and the BOM', () => {
    expect(cleanCell('\ufeff52\u200b01\u200d02')).toBe('520102');
  });

  it('returns an empty string for blank input', () => {
    expect(cleanCell('')).toBe('');
    expect(cleanCell(' \u3000\t')).toBe('');
  });

  it('never has leading, trailing or doubled whitespace and is idempotent (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const c = cleanCell(s);
        expect(c).toBe(c.trim());
        expect(c).not.toMatch(/\s\s/);
        expect(cleanCell(c)).toBe(c);
      }),
    );
  });
});

describe('compactCode', () => {
  it('removes all whitespace and upper-cases', () => {
    expect(compactCode(' 1101 0519 4912 3100 2x ')).toBe('11010519491231002X');
    expect(compactCode('９１３５０１００ｍ０００１００ｙ４３')).toBe('91350100M000100Y43');
  });
});

describe('control characters', () => {
  it('removes NUL and other C0 controls that spreadsheets carry, keeping the text', () => {
    expect(cleanCell('张\u0000三\u0007')).toBe('张三');
    expect(cleanCell('a\u001fb\u007f')).toBe('ab');
  });
});

describe('fast paths', () => {
  /** The transformation without the shortcut for clean input. */
  const slowClean = (s: string) =>
    toHalfWidth(s)
      // biome-ignore lint/suspicious/noControlCharactersInRegex: as cleanCell
      .replace(/[\u200b-\u200d\u2060\ufeff\u0000-\u0008\u000b\u000e-\u001f\u007f]/g, '')
      .replace(/\s+/g, ' ')
      .trim();
  const tricky = fc.constantFrom(
    ' ',
    '  ',
    '\t',
    '\n',
    '\u3000',
    '\u00a0',
    '\u200b',
    '\ufeff',
    '\u0000',
    '\u0007',
    '\u007f',
    'Ａ',
    '５',
    'a',
    'X',
    '张',
    '1',
    '·',
  );
  const cells = fc.oneof(
    fc.string({ unit: 'binary' }),
    fc.array(tricky, { maxLength: 12 }).map((a) => a.join('')),
  );

  it('cleanCell gives what the full transformation gives, clean input or not (property)', () => {
    fc.assert(
      fc.property(cells, (s) => {
        expect(cleanCell(s)).toBe(slowClean(s));
      }),
      { numRuns: 3000 },
    );
  });

  it('compactCode gives what the full transformation gives (property)', () => {
    fc.assert(
      fc.property(cells, (s) => {
        expect(compactCode(s)).toBe(slowClean(s).replace(/\s/g, '').toUpperCase());
      }),
      { numRuns: 3000 },
    );
  });
});
