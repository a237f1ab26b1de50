/**
 * Coverage math (覆盖率): which coverage kinds apply to a region of a level, how many units of the
 * kind's level the region holds, and the rate. A region shows the kinds whose level lies below its
 * own, plus its own level's kind (a city shows whether it has its guidance centre: 1 unit).
 */
import { z } from 'zod';
import { COVERAGE_KINDS, COVERAGE_LEVEL, type CoverageKind } from './platform-kind.ts';

export interface KindCoverage {
  total: number;
  covered: number;
  /** covered / total in 0..1; null when the region holds no unit of the level. */
  rate: number | null;
}

/** The coverage kinds shown for a region of `level` (0 country … 5 village). */
export function coverageKindsFor(level: number): CoverageKind[] {
  return COVERAGE_KINDS.filter((k) => COVERAGE_LEVEL[k] >= level);
}

export function coverageRate(covered: number, total: number): number | null {
  return total > 0 ? covered / total : null;
}

/**
 * Units of the kind's level in a region: 1 for the region's own level, else the region's count of
 * active divisions of that level (region_stats, keyed by level).
 */
export function unitTotal(kind: CoverageKind, level: number, unitsByLevel: Readonly<Record<number, number>>): number {
  const unitLevel = COVERAGE_LEVEL[kind];
  if (unitLevel === level) return 1;
  return unitsByLevel[unitLevel] ?? 0;
}

/** The coverage of every kind shown for a region. `covered` holds covered units per kind (missing = 0). */
export function coverageOf(
  level: number,
  unitsByLevel: Readonly<Record<number, number>>,
  covered: Readonly<Partial<Record<string, number>>>,
): Partial<Record<CoverageKind, KindCoverage>> {
  const out: Partial<Record<CoverageKind, KindCoverage>> = {};
  for (const kind of coverageKindsFor(level)) {
    const total = unitTotal(kind, level, unitsByLevel);
    // A covered count above the unit count can only come from units revoked after their platform
    // opened; the rate never exceeds 1.
    const c = Math.min(covered[kind] ?? 0, total);
    out[kind] = { total, covered: c, rate: coverageRate(c, total) };
  }
  return out;
}

const kindCoverageSchema = z.object({ total: z.number(), covered: z.number(), rate: z.number().nullable() });
const kindsSchema = z.partialRecord(z.enum(COVERAGE_KINDS), kindCoverageSchema);
const countsByKind = z.record(z.string(), z.number());

export const coverageChildSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: z.number(),
  kinds: kindsSchema,
  stations: z.number(),
  standardStations: z.number(),
  demoStations: z.number(),
  residentWorkers: z.number(),
  certifiedWorkers: z.number(),
});
export type CoverageChild = z.infer<typeof coverageChildSchema>;

export const coverageResponseSchema = z.object({
  region: z.object({ code: z.string(), name: z.string(), level: z.number() }),
  kinds: kindsSchema,
  /** Per kind: platforms by status. */
  platforms: z.record(z.string(), z.object({ planned: z.number(), operating: z.number(), suspended: z.number(), closed: z.number() })),
  standard: countsByKind,
  demo: countsByKind,
  stationsBySource: z.array(z.object({ source: z.string(), n: z.number() })),
  staff: z.object({ stations: z.number(), residentWorkers: z.number(), certifiedWorkers: z.number() }),
  children: z.array(coverageChildSchema),
});
export type CoverageResponse = z.infer<typeof coverageResponseSchema>;

export const uncoveredResponseSchema = z.object({
  items: z.array(z.object({ code: z.string(), name: z.string(), path: z.string() })),
  total: z.number(),
});
