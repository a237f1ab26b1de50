import type { Kysely, Transaction } from 'kysely';
import { subtreeRange } from '../../../domain/standards/region-code.ts';
import type { Database } from '../../db/schema.ts';

type Conn = Kysely<Database> | Transaction<Database>;

/**
 * The public finder's SQL. Every query selects only the columns the public may see (never the
 * contact person, agency, notes, staff, money or checks) and only operating platforms marked public.
 */
const PUBLIC_COLUMNS = ['id', 'kind', 'name', 'region_code', 'address', 'lng', 'lat', 'opening_hours', 'contact_phone', 'services', 'brand'] as const;

export interface PublicPlatformRow {
  id: string;
  kind: string;
  name: string;
  region_code: string;
  address: string;
  lng: number | null;
  lat: number | null;
  opening_hours: string;
  contact_phone: string;
  services: number;
  brand: string;
}

const shown = (db: Conn, kinds: readonly string[]) =>
  db.selectFrom('platforms').select(PUBLIC_COLUMNS).where('is_public', '=', 1).where('status', '=', 'operating').where('kind', 'in', kinds);

/**
 * The public platforms whose grid cell falls in the given inclusive ranges (platforms_geo_idx leads
 * with kind, then geo_cell: each range is an index range scan per kind on both databases).
 */
export async function publicPlatformsInCellRanges(
  db: Conn,
  ranges: ReadonlyArray<readonly [number, number]>,
  kinds: readonly string[],
): Promise<PublicPlatformRow[]> {
  if (!ranges.length) return [];
  // One query per kind: with `kind IN (…)` and many OR'ed ranges SQLite's planner gives up the index
  // (1.4 s for a desert point against 4 ms per kind on the national bench).
  const perKind = await Promise.all(
    kinds.map((kind) =>
      shown(db, [kind])
        .where((eb) => eb.or(ranges.map(([lo, hi]) => eb.and([eb('geo_cell', '>=', lo), eb('geo_cell', '<=', hi)]))))
        .where('lng', 'is not', null)
        .where('lat', 'is not', null)
        .execute(),
    ),
  );
  return perKind.flat();
}

/** A page of the public platforms in a region's subtree (range predicate on region_code), by place then name. */
export async function publicPlatformsInRegion(
  db: Conn,
  regionCode: string,
  kinds: readonly string[],
  page: number,
  pageSize: number,
): Promise<{ rows: PublicPlatformRow[]; total: number }> {
  const { lower, upper } = subtreeRange(regionCode);
  const base = shown(db, kinds).where('region_code', '>=', lower).where('region_code', '<', upper);
  const rows = await base
    .orderBy('region_code')
    .orderBy('name')
    .orderBy('id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const count = await db
    .selectFrom('platforms')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('is_public', '=', 1)
    .where('status', '=', 'operating')
    .where('kind', 'in', kinds)
    .where('region_code', '>=', lower)
    .where('region_code', '<', upper)
    .executeTakeFirstOrThrow();
  return { rows, total: Number(count.n) };
}

/** Names of active regions by code (for the public place path). */
export async function regionNames(db: Conn, codes: readonly string[]): Promise<Map<string, string>> {
  if (!codes.length) return new Map();
  const rows = await db
    .selectFrom('regions')
    .select(['code', 'name'])
    .where('code', 'in', [...codes])
    .execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}

export function findActiveRegion(db: Conn, code: string) {
  return db.selectFrom('regions').select(['code', 'name', 'level']).where('code', '=', code).where('status', '=', 'active').executeTakeFirst();
}

/** The active children of a region, by code (codes and names only: the public region picker). */
export function activeChildren(db: Conn, parentCode: string) {
  return db
    .selectFrom('regions')
    .select(['code', 'name', 'level'])
    .where('parent_code', '=', parentCode)
    .where('status', '=', 'active')
    .orderBy('code')
    .execute();
}
