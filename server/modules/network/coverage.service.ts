import type { Writable } from 'node:stream';
import { PLATFORM_KIND_SHORT, PLATFORM_KINDS, PLATFORM_STATUSES } from '../../../domain/network/code-lists.ts';
import { type CoverageChild, type CoverageResponse, coverageKindsFor, coverageOf } from '../../../domain/network/coverage.ts';
import { NETWORK_SUMMARY_MAX_LEVEL } from '../../../domain/network/network-stats.ts';
import type { CoverageKind } from '../../../domain/network/platform-kind.ts';
import type { RegionLevel } from '../../../domain/standards/region-code.ts';
import { assertInScope, type Scope } from '../../auth/scope.ts';
import type { Deps } from '../../context.ts';
import { notFound } from '../../errors.ts';
import { type TableColumn, writeTableExport } from '../../io/xlsx/table-export.ts';
import { regionNamesOf } from '../regions/region-names.ts';
import { statsOf, statsOfChildren } from '../regions/region-stats.repository.ts';
import { findRegion } from '../regions/regions.repository.ts';
import { stationStaffByPrefix, uncoveredUnits } from './coverage.repository.ts';
import { computeDirectByChild, readNetworkStats, readNetworkStatsOf, type StatCount } from './network-stats.repository.ts';

/**
 * Coverage of a region and its children. Country, province, city and county figures come from the
 * network summary and region_stats (never a scan of the platforms); townships and villages are
 * counted directly (they are small). Staff figures come from one grouped query per request.
 */

const countOf = (stats: StatCount[], dim: string, bucket: string) => stats.find((s) => s.dim === dim && s.bucket === bucket)?.n ?? 0;

const coveredOf = (stats: StatCount[]) => Object.fromEntries(stats.filter((s) => s.dim === 'covered').map((s) => [s.bucket, s.n]));

async function regionInScope(deps: Deps, scope: Scope, regionCode: string | undefined) {
  const code = regionCode ?? scope.regionCode;
  assertInScope(scope, code);
  const region = await findRegion(deps.db, code);
  if (!region) throw notFound('区划');
  return region;
}

/** The direct children's counts: from the summary when they are counties or above, else from the platforms. */
async function childStats(deps: Deps, code: string, childCodes: string[], childLevel: number): Promise<Map<string, StatCount[]>> {
  if (childLevel <= NETWORK_SUMMARY_MAX_LEVEL) return readNetworkStatsOf(deps.db, childCodes);
  return computeDirectByChild(deps.db, code, childLevel as RegionLevel);
}

export async function coverage(deps: Deps, scope: Scope, regionCode: string | undefined): Promise<CoverageResponse> {
  const region = await regionInScope(deps, scope, regionCode);
  const level = Number(region.level);
  const [stats, units, childRows] = await Promise.all([
    readNetworkStats(deps.db, region.code),
    statsOf(deps.db, region.code),
    level < 5
      ? deps.db
          .selectFrom('regions')
          .select(['code', 'name', 'level'])
          .where('parent_code', '=', region.code)
          .where('status', '=', 'active')
          .orderBy('code')
          .execute()
      : Promise.resolve([]),
  ]);
  // Children are one level down, except below cities without counties (东莞: townships under the city).
  const childLevel = childRows.length ? Number(childRows[0].level) : level + 1;
  const childPrefix = [0, 2, 4, 6, 9, 12][Math.min(childLevel, 5)];
  const [byChild, unitsByChild, staff] = await Promise.all([
    childRows.length
      ? childStats(
          deps,
          region.code,
          childRows.map((c) => c.code),
          childLevel,
        )
      : Promise.resolve(new Map<string, StatCount[]>()),
    childRows.length && childLevel <= 4 ? statsOfChildren(deps.db, region.code) : Promise.resolve(new Map<string, Record<number, number>>()),
    stationStaffByPrefix(deps.db, region.code, childPrefix),
  ]);
  const total = { stations: 0, residentWorkers: 0, certifiedWorkers: 0 };
  for (const f of staff.values()) {
    total.stations += f.stations;
    total.residentWorkers += f.residentWorkers;
    total.certifiedWorkers += f.certifiedWorkers;
  }

  const platforms: CoverageResponse['platforms'] = {};
  const standard: Record<string, number> = {};
  const demo: Record<string, number> = {};
  for (const { code: kind } of PLATFORM_KINDS) {
    platforms[kind] = Object.fromEntries(
      PLATFORM_STATUSES.map((s) => [s.code, countOf(stats, 'platforms', `${kind}.${s.code}`)]),
    ) as CoverageResponse['platforms'][string];
    standard[kind] = countOf(stats, 'standard', kind);
    demo[kind] = countOf(stats, 'demo', kind);
  }
  const stationsBySource = stats
    .filter((s) => s.dim === 'source' && s.bucket.startsWith('station.') && s.n > 0)
    .map((s) => ({ source: s.bucket.slice('station.'.length), n: s.n }))
    .sort((a, b) => b.n - a.n);

  const children: CoverageChild[] = childRows.map((c) => {
    const cs = byChild.get(c.code) ?? [];
    const f = staff.get(c.code);
    return {
      code: c.code,
      name: c.name,
      level: Number(c.level),
      kinds: coverageOf(Number(c.level), unitsByChild.get(c.code) ?? {}, coveredOf(cs)),
      stations: countOf(cs, 'platforms', 'station.operating'),
      standardStations: countOf(cs, 'standard', 'station'),
      demoStations: countOf(cs, 'demo', 'station'),
      residentWorkers: f?.residentWorkers ?? 0,
      certifiedWorkers: f?.certifiedWorkers ?? 0,
    };
  });

  return {
    region: { code: region.code, name: region.name, level },
    kinds: coverageOf(level, units, coveredOf(stats)),
    platforms,
    standard,
    demo,
    stationsBySource,
    staff: { stations: countOf(stats, 'platforms', 'station.operating'), residentWorkers: total.residentWorkers, certifiedWorkers: total.certifiedWorkers },
    children,
  };
}

export async function uncovered(deps: Deps, scope: Scope, q: { regionCode?: string; kind: CoverageKind; page: number; pageSize: number }) {
  const region = await regionInScope(deps, scope, q.regionCode);
  const { items, total } = await uncoveredUnits(deps.db, region.code, q.kind, q.page, q.pageSize);
  const paths = await regionNamesOf(
    deps.db,
    items.map((i) => i.code),
  );
  return { items: items.map((i) => ({ code: i.code, name: i.name, path: paths.get(i.code) ?? i.name })), total };
}

const pct = (rate: number | null | undefined) => (rate === null || rate === undefined ? '' : rate);

/** The children table of /coverage as a workbook (one row per child region). */
export async function coverageWorkbook(deps: Deps, scope: Scope, regionCode: string | undefined) {
  const c = await coverage(deps, scope, regionCode);
  const kinds = c.children.length ? coverageKindsFor(c.children[0].level) : [];
  const columns: TableColumn[] = [
    { header: '地区', key: 'name', width: 20 },
    { header: '区划代码', key: 'code', width: 14 },
    ...kinds.flatMap((k): TableColumn[] => [
      { header: `${PLATFORM_KIND_SHORT[k]}应建`, key: `${k}.total`, numFmt: '#,##0' },
      { header: `${PLATFORM_KIND_SHORT[k]}已覆盖`, key: `${k}.covered`, numFmt: '#,##0' },
      { header: `${PLATFORM_KIND_SHORT[k]}覆盖率`, key: `${k}.rate`, numFmt: '0.0%' },
    ]),
    { header: '运营中社工站', key: 'stations', numFmt: '#,##0' },
    { header: '规范化社工站', key: 'standardStations', numFmt: '#,##0' },
    { header: '示范社工站', key: 'demoStations', numFmt: '#,##0' },
    { header: '驻站社工', key: 'residentWorkers', numFmt: '#,##0' },
    { header: '其中持证', key: 'certifiedWorkers', numFmt: '#,##0' },
  ];
  const rows = c.children.map((ch) => {
    const row: Record<string, unknown> = { ...ch };
    for (const k of kinds) {
      row[`${k}.total`] = ch.kinds[k]?.total ?? 0;
      row[`${k}.covered`] = ch.kinds[k]?.covered ?? 0;
      row[`${k}.rate`] = pct(ch.kinds[k]?.rate);
    }
    return row;
  });
  return {
    fileName: `${c.region.name}社会工作阵地覆盖情况.xlsx`,
    write: async (out: Writable) => {
      await writeTableExport(out, `${c.region.name}社会工作阵地覆盖情况`, columns, rows);
    },
  };
}
