import { describe, expect, it } from 'vitest';
import { COVERAGE_KINDS, COVERAGE_LEVEL, isCoverageKind, KIND_LEVELS, kindLevelError } from './platform-kind.ts';

describe('kind ↔ level', () => {
  it.each([
    ['guidance_centre', 2],
    ['county_hub', 3],
    ['station', 4],
    ['room', 5],
    ['training_base', 1],
    ['training_base', 3],
    ['practice_base', 4],
  ] as const)('%s may sit at level %i', (kind, level) => expect(kindLevelError(kind, level)).toBeNull());

  it.each([
    ['guidance_centre', 3, '市(州)级'],
    ['county_hub', 2, '县(市、区)级'],
    ['station', 3, '乡镇(街道)级'],
    ['room', 4, '村(社区)级'],
    ['training_base', 4, '省级或市(州)级或县(市、区)级'],
    ['practice_base', 5, '乡镇(街道)级'],
  ] as const)('%s refuses level %i with a Chinese message naming %s', (kind, level, named) => {
    expect(kindLevelError(kind, level)).toContain(named);
  });

  it('gives each coverage kind exactly the level it covers', () => {
    for (const k of COVERAGE_KINDS) expect(KIND_LEVELS[k]).toEqual([COVERAGE_LEVEL[k]]);
    expect(isCoverageKind('station')).toBe(true);
    expect(isCoverageKind('training_base')).toBe(false);
  });
});
