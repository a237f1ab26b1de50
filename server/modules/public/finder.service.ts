import { STATION_SERVICES } from '../../../domain/network/code-lists.ts';
import { distanceKm, guaranteedRadiusKm } from '../../../domain/network/geo.ts';
import { ringBandRanges } from '../../../domain/network/geo-ranges.ts';
import { ancestorCodes, COUNTRY_CODE } from '../../../domain/standards/region-code.ts';
import { fromMask } from '../../../domain/talents/code-lists.ts';
import type { Deps } from '../../context.ts';
import { DomainError } from '../../errors.ts';
import * as repo from './finder.repository.ts';

/**
 * The public station finder (no login): the nearest operating, public stations and rooms to a point,
 * or every one in a chosen place. Only PUBLIC_PLATFORM_FIELDS leave here.
 */

export type FinderKind = 'station' | 'room' | 'all';
const KINDS: Record<FinderKind, readonly string[]> = { station: ['station'], room: ['room'], all: ['station', 'room'] };

export interface PublicStation {
  id: string;
  kind: string;
  name: string;
  regionCode: string;
  /** 省 / 市 / 县 / 乡镇 (/ 村): the place as people say it. */
  regionPath: string;
  address: string;
  lng: number | null;
  lat: number | null;
  openingHours: string;
  contactPhone: string | null;
  services: string[];
  brand: string;
  distanceKm: number | null;
}

/**
 * Rings are read in growing batches (0–1, 2–3, 4–7, 8–15, 16–31), so a dense city answers from one
 * query and a point in the desert from five; 31 rings (~3°, about 300 km) is the cap: beyond it the
 * finder answers with what it has.
 */
const RING_BATCHES: ReadonlyArray<readonly [number, number]> = [
  [0, 1],
  [2, 3],
  [4, 7],
  [8, 15],
  [16, 31],
];

export async function nearestStations(deps: Deps, q: { lng: number; lat: number; limit: number; kind: FinderKind }): Promise<PublicStation[]> {
  const found: Array<{ row: repo.PublicPlatformRow; d: number }> = [];
  for (const [from, to] of RING_BATCHES) {
    for (const row of await repo.publicPlatformsInCellRanges(deps.db, ringBandRanges(q.lng, q.lat, from, to), KINDS[q.kind])) {
      found.push({ row, d: distanceKm(q.lng, q.lat, row.lng as number, row.lat as number) });
    }
    // Everything outside the rings read so far is at least this far: nearer candidates are final.
    const radius = guaranteedRadiusKm(q.lat, to);
    if (found.filter((f) => f.d <= radius).length >= q.limit) break;
  }
  found.sort((a, b) => a.d - b.d || a.row.id.localeCompare(b.row.id));
  const top = found.slice(0, q.limit);
  const paths = await placePaths(
    deps,
    top.map((f) => f.row.region_code),
  );
  return top.map((f) => toPublic(f.row, paths, Math.round(f.d * 100) / 100));
}

export async function stationsInRegion(
  deps: Deps,
  q: { regionCode: string; page: number; pageSize: number; kind: FinderKind },
): Promise<{ items: PublicStation[]; total: number }> {
  if (q.regionCode !== COUNTRY_CODE && !(await repo.findActiveRegion(deps.db, q.regionCode))) {
    throw new DomainError('NOT_FOUND', '所选地区不存在', [{ field: 'regionCode', message: '所选地区不存在或已撤销' }]);
  }
  const { rows, total } = await repo.publicPlatformsInRegion(deps.db, q.regionCode, KINDS[q.kind], q.page, q.pageSize);
  const paths = await placePaths(
    deps,
    rows.map((r) => r.region_code),
  );
  return { items: rows.map((r) => toPublic(r, paths, null)), total };
}

/** Children of a region for the public picker (the country's provinces when no parent is given). */
export async function publicRegions(deps: Deps, parent: string | undefined) {
  const code = parent ?? COUNTRY_CODE;
  if (code !== COUNTRY_CODE && !(await repo.findActiveRegion(deps.db, code))) {
    throw new DomainError('NOT_FOUND', '所选地区不存在', [{ field: 'parent', message: '所选地区不存在或已撤销' }]);
  }
  return repo.activeChildren(deps.db, code);
}

/** "贵州省 / 贵阳市 / 南明区 / 花果园街道" for each code, from one lookup of all their ancestors. */
async function placePaths(deps: Deps, codes: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(codes)];
  const chains = new Map(unique.map((c) => [c, [...ancestorCodes(c).filter((a) => a !== COUNTRY_CODE), c]]));
  const names = await repo.regionNames(deps.db, [...new Set([...chains.values()].flat())]);
  return new Map(
    unique.map((c) => [
      c,
      (chains.get(c) ?? [])
        .map((a) => names.get(a))
        .filter(Boolean)
        .join(' / '),
    ]),
  );
}

function toPublic(row: repo.PublicPlatformRow, paths: Map<string, string>, d: number | null): PublicStation {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    regionCode: row.region_code,
    regionPath: paths.get(row.region_code) ?? '',
    address: row.address,
    lng: row.lng,
    lat: row.lat,
    openingHours: row.opening_hours,
    contactPhone: row.contact_phone || null,
    services: fromMask(STATION_SERVICES, row.services),
    brand: row.brand,
    distanceKm: d,
  };
}
