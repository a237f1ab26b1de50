import { describe, expect, it } from 'vitest';
import { URBAN_RURAL_CLASSES } from '../standards/region-code.ts';
import { urbanRuralOf } from './urban-rural.ts';

describe('urbanRuralOf', () => {
  it('uses the NBS class at village level', () => {
    expect(urbanRuralOf('520102001001', '111')).toBe('urban');
    expect(urbanRuralOf('520102001001', '112')).toBe('urban');
    expect(urbanRuralOf('520121100201', '121')).toBe('urban');
    expect(urbanRuralOf('520121100201', '122')).toBe('urban');
    expect(urbanRuralOf('520121100201', '123')).toBe('urban');
    expect(urbanRuralOf('520121200201', '210')).toBe('rural');
    expect(urbanRuralOf('520121200201', '220')).toBe('rural');
  });

  it('classifies every listed class as 1xx urban, 2xx rural', () => {
    for (const cls of Object.keys(URBAN_RURAL_CLASSES)) expect(urbanRuralOf('520121100201', cls)).toBe(cls.startsWith('1') ? 'urban' : 'rural');
  });

  it('the class decides even against the township kind (a village of a 街道 can be rural)', () => {
    expect(urbanRuralOf('520102001201', '220')).toBe('rural');
    expect(urbanRuralOf('520121200001', '111')).toBe('urban');
  });

  it('is null for a village without a known class', () => {
    expect(urbanRuralOf('520102001001', null)).toBeNull();
    expect(urbanRuralOf('520102001001', '999')).toBeNull();
    expect(urbanRuralOf('520102001001', '')).toBeNull();
    expect(urbanRuralOf('520102001001', 'toString')).toBeNull();
  });

  it('uses the township kind at township level', () => {
    expect(urbanRuralOf('520102001000', null)).toBe('urban'); // 街道
    expect(urbanRuralOf('520121100000', null)).toBe('rural'); // 镇
    expect(urbanRuralOf('520121200000', null)).toBe('rural'); // 乡
    expect(urbanRuralOf('520121400000', null)).toBeNull(); // 类似乡级单位
    expect(urbanRuralOf('520121100000', '111')).toBe('rural'); // a class on a township is ignored
  });

  it('is null at county level and above', () => {
    for (const code of ['520102000000', '520100000000', '520000000000', '000000000000']) expect(urbanRuralOf(code, '111'), code).toBeNull();
  });
});
