import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ancestorCodes,
  COUNTRY_CODE,
  isRegionCode,
  isUrban,
  isWithin,
  LEVEL_NAMES,
  levelOf,
  normalizeRegionCode,
  PREFIX_LENGTH,
  parentCodeOf,
  type RegionLevel,
  regionPrefix,
  subtreeRange,
  townshipKind,
  URBAN_RURAL_CLASSES,
  type UrbanRuralClass,
  villageKind,
} from './region-code.ts';

// Real codes from the 2023 NBS data.
const GUIZHOU = '520000000000';
const GUIYANG = '520100000000';
const NANMING = '520102000000'; // 南明区
const XINHUALU = '520102016000'; // 新华路街道
const JINIANTA = '520102016001'; // 纪念塔社区
const HOUCHAO = '520102200000'; // 后巢乡
const TAICI = '520102200201'; // 太慈村
const DONGGUAN = '441900000000'; // prefecture city without counties
const DONGCHENG_DG = '441900003000'; // its township: the county segment is 00

const inRange = (x: string, r: { lower: string; upper: string }) => x >= r.lower && x < r.upper;

describe('vectors', () => {
  it.each([
    [COUNTRY_CODE, 0, '', null],
    [GUIZHOU, 1, '52', COUNTRY_CODE],
    [GUIYANG, 2, '5201', GUIZHOU],
    [NANMING, 3, '520102', GUIYANG],
    [XINHUALU, 4, '520102016', NANMING],
    [JINIANTA, 5, '520102016001', XINHUALU],
    [DONGCHENG_DG, 4, '441900003', DONGGUAN],
  ])('%s is level %i, prefix "%s", parent %s', (code, level, prefix, parent) => {
    expect(isRegionCode(code)).toBe(level > 0); // the country root is not a division code
    expect(levelOf(code)).toBe(level);
    expect(regionPrefix(code)).toBe(prefix);
    expect(parentCodeOf(code)).toBe(parent);
  });

  it('lists ancestors root first, including across a missing county level', () => {
    expect(ancestorCodes(JINIANTA)).toEqual([COUNTRY_CODE, GUIZHOU, GUIYANG, NANMING, XINHUALU]);
    expect(ancestorCodes(DONGCHENG_DG)).toEqual([COUNTRY_CODE, '440000000000', DONGGUAN]);
    expect(ancestorCodes(GUIZHOU)).toEqual([COUNTRY_CODE]);
    expect(ancestorCodes(COUNTRY_CODE)).toEqual([]);
  });

  it('treats the country root as containing everything', () => {
    const r = subtreeRange(COUNTRY_CODE);
    for (const x of [COUNTRY_CODE, GUIZHOU, TAICI, '999999999999']) {
      expect(isWithin(x, COUNTRY_CODE)).toBe(true);
      expect(inRange(x, r)).toBe(true);
    }
    expect(isWithin(COUNTRY_CODE, GUIZHOU)).toBe(false);
    expect(LEVEL_NAMES[0]).toBe('全国');
  });

  it('rejects malformed codes', () => {
    for (const code of ['', '5201', '52010200000', '5201020000000', '00000000000', '000000000000', '001100000000', '52010200000a', ' 52010200000']) {
      expect(isRegionCode(code)).toBe(false);
    }
  });

  it('normalizes 2/4/6/9/12-digit codes', () => {
    expect(normalizeRegionCode('52')).toBe(GUIZHOU);
    expect(normalizeRegionCode('5201')).toBe(GUIYANG);
    expect(normalizeRegionCode(' 520102 ')).toBe(NANMING);
    expect(normalizeRegionCode('520100')).toBe(GUIYANG);
    expect(normalizeRegionCode('520102016')).toBe(XINHUALU);
    expect(normalizeRegionCode(JINIANTA)).toBe(JINIANTA);
    for (const bad of ['', COUNTRY_CODE, '5', '520', '52010', '5201020', '52010201600', '00', '0000', 'ab', '52-01', '52 01']) {
      expect(normalizeRegionCode(bad)).toBeNull();
    }
  });

  it('computes subtree ranges', () => {
    expect(subtreeRange(GUIZHOU)).toEqual({ lower: GUIZHOU, upper: '530000000000' });
    expect(subtreeRange(GUIYANG)).toEqual({ lower: GUIYANG, upper: '520200000000' });
    expect(subtreeRange('520199000000')).toEqual({ lower: '520199000000', upper: '520200000000' });
    expect(subtreeRange(XINHUALU)).toEqual({ lower: XINHUALU, upper: '520102017000' });
    expect(subtreeRange(JINIANTA)).toEqual({ lower: JINIANTA, upper: '520102016002' });
    expect(subtreeRange('529999999000')).toEqual({ lower: '529999999000', upper: '530000000000' });
  });

  it('keeps the subtree range of an all-nines prefix non-empty', () => {
    const r = subtreeRange('990000000000');
    expect(inRange('990000000000', r)).toBe(true);
    expect(inRange('999999999999', r)).toBe(true);
    expect(inRange('980000000000', r)).toBe(false);
    expect(r.upper).toMatch(/^\d+$/);
  });

  it('tests containment by prefix', () => {
    expect(isWithin(TAICI, GUIZHOU)).toBe(true);
    expect(isWithin(TAICI, NANMING)).toBe(true);
    expect(isWithin(TAICI, TAICI)).toBe(true);
    expect(isWithin(TAICI, XINHUALU)).toBe(false);
    expect(isWithin(GUIZHOU, TAICI)).toBe(false);
    expect(isWithin('530102000000', GUIZHOU)).toBe(false);
    expect(isWithin(DONGCHENG_DG, DONGGUAN)).toBe(true);
  });

  it('classifies township and village segments', () => {
    expect(townshipKind(XINHUALU)).toBe('街道');
    expect(townshipKind('441900101000')).toBe('镇'); // 石碣镇
    expect(townshipKind(HOUCHAO)).toBe('乡');
    expect(townshipKind('110115403000')).toBe('类似乡级单位'); // 北京经济技术开发区
    expect(townshipKind('520102600000')).toBeNull();
    expect(townshipKind(NANMING)).toBeNull();
    expect(townshipKind(COUNTRY_CODE)).toBeNull();
    expect(villageKind(COUNTRY_CODE)).toBeNull();
    expect(townshipKind(TAICI)).toBe('乡'); // a village reports its township's kind
    expect(villageKind(JINIANTA)).toBe('居委会');
    expect(villageKind(TAICI)).toBe('村委会');
    expect(villageKind('110105020400')).toBeNull(); // 4xx units are outside both ranges
    expect(villageKind(XINHUALU)).toBeNull();
  });

  it('names levels and urban–rural classes', () => {
    expect(PREFIX_LENGTH).toEqual({ 0: 0, 1: 2, 2: 4, 3: 6, 4: 9, 5: 12 });
    expect(LEVEL_NAMES[3]).toBe('县级');
    expect(Object.keys(URBAN_RURAL_CLASSES)).toHaveLength(7);
    const urban = (Object.keys(URBAN_RURAL_CLASSES) as UrbanRuralClass[]).filter(isUrban);
    expect(urban).toEqual(['111', '112', '121', '122', '123']);
  });
});

describe('properties', () => {
  const digits = (n: number) => fc.stringMatching(new RegExp(`^\\d{${n}}$`));
  const SEGMENT_LENGTHS = [2, 2, 2, 3, 3];
  /** A valid code at a random level; intermediate segments may be zero (like Dongguan). */
  const regionCode = fc
    .tuple(fc.integer({ min: 1, max: 5 }), ...SEGMENT_LENGTHS.map(digits))
    .filter(([level, ...segs]) => Number(segs[level - 1]) !== 0 && Number(segs[0]) !== 0)
    .map(([level, ...segs]) => ({
      level: level as RegionLevel,
      code: segs.slice(0, level).join('').padEnd(12, '0'),
    }));
  /** Edge-heavy prefixes: all nines overflow on increment. */
  const nines = fc.integer({ min: 1, max: 5 }).map((level) => ({
    level: level as RegionLevel,
    code: '9'.repeat(PREFIX_LENGTH[level as RegionLevel]).padEnd(12, '0'),
  }));
  const root = fc.constant({ level: 0 as RegionLevel, code: COUNTRY_CODE });
  const anyCode = fc.oneof(regionCode, nines, root);
  /** Candidates near `code`: same prefix, neighbouring prefixes, or anything. */
  const candidate = (code: string) => {
    const prefix = regionPrefix(code);
    return fc.oneof(
      digits(12 - prefix.length).map((rest) => prefix + rest),
      digits(12).map((rest) => (prefix.slice(0, -1) + rest).slice(0, 12)),
      digits(12),
      fc.constantFrom('000000000000', '999999999999'),
    );
  };

  it('levelOf recovers the level a code was built at', () => {
    fc.assert(
      fc.property(regionCode, ({ level, code }) => {
        expect(isRegionCode(code)).toBe(true);
        expect(levelOf(code)).toBe(level);
        expect(regionPrefix(code)).toHaveLength(PREFIX_LENGTH[level]);
      }),
    );
  });

  it('subtreeRange contains exactly the 12-digit codes with the prefix', () => {
    const pair = anyCode.chain(({ code }) => fc.tuple(fc.constant(code), candidate(code)));
    fc.assert(
      fc.property(pair, ([code, x]) => {
        const inside = x.startsWith(regionPrefix(code));
        expect(inRange(x, subtreeRange(code))).toBe(inside);
        expect(isWithin(x, code)).toBe(inside);
      }),
      { numRuns: 500 },
    );
  });

  it('a code and all its ancestors are within each ancestor’s subtree', () => {
    fc.assert(
      fc.property(regionCode, ({ level, code }) => {
        const ancestors = ancestorCodes(code);
        expect(ancestors[0]).toBe(COUNTRY_CODE);
        expect(ancestors.length).toBeLessThanOrEqual(level);
        expect(ancestors.at(-1)).toBe(parentCodeOf(code));
        let previousLevel = -1;
        for (const a of ancestors) {
          expect(isRegionCode(a)).toBe(levelOf(a) > 0);
          expect(levelOf(a)).toBeGreaterThan(previousLevel);
          expect(levelOf(a)).toBeLessThan(level);
          previousLevel = levelOf(a);
          expect(isWithin(code, a)).toBe(true);
          expect(inRange(code, subtreeRange(a))).toBe(true);
          expect(isWithin(a, code)).toBe(false);
        }
        expect(isWithin(code, code)).toBe(true);
        expect(inRange(code, subtreeRange(code))).toBe(true);
        if (ancestors.length > 1) expect(levelOf(ancestors[1])).toBe(1);
      }),
    );
  });

  it('normalizeRegionCode inverts regionPrefix and pads consistently', () => {
    fc.assert(
      fc.property(fc.oneof(regionCode, nines), ({ code }) => {
        expect(normalizeRegionCode(regionPrefix(code))).toBe(code);
        expect(normalizeRegionCode(` ${code} `)).toBe(code);
        for (const len of [2, 4, 6, 9]) {
          if (len >= regionPrefix(code).length) expect(normalizeRegionCode(code.slice(0, len))).toBe(code);
        }
      }),
    );
  });

  it('normalizeRegionCode returns valid codes or null (never throws)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), digits(2), digits(4), digits(6), digits(9), digits(12)), (s) => {
        const n = normalizeRegionCode(s);
        if (n !== null) {
          expect(isRegionCode(n)).toBe(true);
          expect(n.startsWith(s.trim())).toBe(true);
        }
      }),
    );
  });

  it('townshipKind and villageKind follow the segment ranges', () => {
    fc.assert(
      fc.property(regionCode, ({ level, code }) => {
        const t = Number(code.slice(6, 9));
        const v = Number(code.slice(9));
        const expectedTownship = level < 4 ? null : t <= 99 ? '街道' : t <= 199 ? '镇' : t <= 399 ? '乡' : t <= 599 ? '类似乡级单位' : null;
        const expectedVillage = level < 5 ? null : v <= 199 ? '居委会' : v <= 399 ? '村委会' : null;
        expect(townshipKind(code)).toBe(t === 0 && level >= 4 ? null : expectedTownship);
        expect(villageKind(code)).toBe(expectedVillage);
      }),
    );
  });
});
