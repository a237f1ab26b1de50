/**
 * Which region level each platform kind sits at (一市一中心、一县一总站、一乡镇一站、一村一室) and which
 * kind "covers" a level. Bases (培训基地, 实训基地) may sit at any level from province down to county.
 */
import type { PlatformKind } from './code-lists.ts';

/** Allowed region levels (1 province … 5 village/community) per kind. */
export const KIND_LEVELS: Record<PlatformKind, readonly number[]> = {
  guidance_centre: [2],
  county_hub: [3],
  station: [4],
  room: [5],
  training_base: [1, 2, 3],
  practice_base: [1, 2, 3, 4],
};

/** The kinds whose presence in a unit of a level counts as that unit being covered. */
export const COVERAGE_KINDS = ['guidance_centre', 'county_hub', 'station', 'room'] as const satisfies readonly PlatformKind[];
export type CoverageKind = (typeof COVERAGE_KINDS)[number];

/** The region level a coverage kind covers: cities 2, counties 3, townships 4, villages 5. */
export const COVERAGE_LEVEL: Record<CoverageKind, number> = { guidance_centre: 2, county_hub: 3, station: 4, room: 5 };

export const LEVEL_NAMES: Record<number, string> = { 1: '省级', 2: '市(州)级', 3: '县(市、区)级', 4: '乡镇(街道)级', 5: '村(社区)级' };

/** null when the kind may sit at the level; otherwise the Chinese message for the region field. */
export function kindLevelError(kind: PlatformKind, level: number): string | null {
  const allowed = KIND_LEVELS[kind];
  if (allowed.includes(level)) return null;
  return `该类型阵地的所在地区应为${allowed.map((l) => LEVEL_NAMES[l]).join('或')}区划`;
}

export const isCoverageKind = (kind: string): kind is CoverageKind => (COVERAGE_KINDS as readonly string[]).includes(kind);
