import { COUNTRY_CODE, isWithin, levelOf, PREFIX_LENGTH, type RegionLevel } from '../../../domain/standards/region-code.ts';
import { ageBandByBirthYear, YOUTH_MAX_AGE } from '../../../domain/talents/age.ts';
import { AGE_BANDS, EDUCATION_LEVELS, SERVICE_FIELDS, TALENT_CATEGORIES, TALENT_ROLES, TIERS } from '../../../domain/talents/code-lists.ts';
import { assertInScope, inScope, type Scope } from '../../auth/scope.ts';
import { chinaToday } from '../../clock.ts';
import type { Deps } from '../../context.ts';
import { notFound } from '../../errors.ts';
import { findRegion, listChildren } from '../regions/regions.repository.ts';
import { childTotalsDirect, readStats, type StatCount, summaryTotals } from './talent-stats.repository.ts';
import { SUMMARY_MAX_LEVEL } from './talent-stats.ts';

/**
 * Structure analytics of a region: totals and breakdowns by tier, category, field, role,
 * urban/rural, age band, sex and education, per child region, per 10,000 residents where the
 * population is known. Counts only active talents. Province and country figures come from the
 * summary table; townships and villages are counted directly (they are small).
 */
export interface Bucket {
  code: string;
  n: number;
}

const per10k = (n: number, population: number | null) => (population ? Math.round((n / population) * 10000 * 100) / 100 : null);

function bucketsOf(stats: StatCount[], dim: string, codes: readonly string[]): Bucket[] {
  const by = new Map(stats.filter((s) => s.dim === dim).map((s) => [s.bucket, Number(s.n)]));
  return codes.map((code) => ({ code, n: by.get(code) ?? 0 }));
}

export async function talentAnalytics(deps: Deps, scope: Scope, regionCode: string | undefined, keySince: string | undefined) {
  const code = regionCode ?? scope.regionCode;
  assertInScope(scope, code);
  const region = await findRegion(deps.db, code);
  if (!region) throw notFound('区划');
  const today = chinaToday(deps.clock);
  const year = Number(today.slice(0, 4));
  const stats = await readStats(deps.db, code);
  const count = (dim: string, bucket: string) => Number(stats.find((s) => s.dim === dim && s.bucket === bucket)?.n ?? 0);
  const total = count('total', 'all');

  const ageBands = new Map<string, number>(AGE_BANDS.map((b) => [b.code, 0]));
  let youth = 0;
  for (const s of stats.filter((x) => x.dim === 'birth_year')) {
    const by = Number(s.bucket);
    ageBands.set(ageBandByBirthYear(by, year), (ageBands.get(ageBandByBirthYear(by, year)) ?? 0) + Number(s.n));
    if (year - by <= YOUTH_MAX_AGE) youth += Number(s.n);
  }

  const level = levelOf(code) as RegionLevel;
  const children = level < 5 ? await childBreakdown(deps, code, level) : [];

  let newKey: { since: string; n: number } | null = null;
  if (keySince) {
    const [{ n }] = await deps.db
      .selectFrom('talents')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('is_key', '=', 1)
      .where((eb) => inScope(eb, 'talents.region_code', { regionCode: code }))
      .where('key_since', '>=', keySince)
      .where('status', '=', 'active')
      .execute();
    newKey = { since: keySince, n: Number(n) };
  }

  return {
    region: { code: region.code, name: region.name, level: region.level, population: region.population === null ? null : Number(region.population) },
    asOf: today,
    totals: {
      total,
      certified: count('flag', 'certified'),
      key: count('flag', 'key'),
      party: count('flag', 'party'),
      swGraduate: count('flag', 'sw_graduate'),
      professionalPost: count('flag', 'professional_post'),
      youth,
      perTenThousand: per10k(total, region.population === null ? null : Number(region.population)),
    },
    byTier: TIERS.map((t, i) => ({ code: t.code, n: count('tier', String(i)) })),
    byCategory: bucketsOf(
      stats,
      'category',
      TALENT_CATEGORIES.map((c) => c.code),
    ),
    byField: bucketsOf(
      stats,
      'field',
      SERVICE_FIELDS.map((c) => c.code),
    ),
    byRole: bucketsOf(
      stats,
      'role',
      TALENT_ROLES.map((c) => c.code),
    ),
    byUrbanRural: bucketsOf(stats, 'ur', ['urban', 'rural', 'unknown']),
    byAgeBand: [...ageBands].map(([code, n]) => ({ code, n })),
    bySex: bucketsOf(stats, 'sex', ['1', '2']),
    byEducation: bucketsOf(stats, 'education', [...EDUCATION_LEVELS.map((e) => e.code), 'unknown']),
    children,
    newKey,
  };
}
export type TalentAnalytics = Awaited<ReturnType<typeof talentAnalytics>>;

async function childBreakdown(deps: Deps, code: string, level: RegionLevel) {
  const kids = (await listChildren(deps.db, code, false)).filter((k) => isWithin(k.code, code) && k.code !== COUNTRY_CODE);
  const totals =
    level + 1 <= SUMMARY_MAX_LEVEL
      ? await summaryTotals(
          deps.db,
          kids.map((k) => k.code),
        )
      : await childTotalsDirect(deps.db, code, PREFIX_LENGTH[(level + 1) as RegionLevel]);
  const by = new Map(totals.map((t) => [t.code, t]));
  return kids.map((k) => {
    const t = by.get(k.code) ?? { total: 0, certified: 0, key: 0 };
    const population = k.population === null ? null : Number(k.population);
    return { code: k.code, name: k.name, total: t.total, certified: t.certified, key: t.key, population, perTenThousand: per10k(t.total, population) };
  });
}
