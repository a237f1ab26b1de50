import { type Kysely, sql, type Transaction } from 'kysely';
import { COVERAGE_LEVEL, type CoverageKind } from '../../../domain/network/platform-kind.ts';
import { subtreeRange } from '../../../domain/standards/region-code.ts';
import type { Database } from '../../db/schema.ts';

type Conn = Kysely<Database> | Transaction<Database>;

export interface StaffFigures {
  stations: number;
  residentWorkers: number;
  certifiedWorkers: number;
}

/**
 * Operating stations and their full-time (驻站) workers per child prefix of a region, in one grouped
 * query: platforms by (kind, status, region range) through platforms_kind_idx, then their links by
 * primary key and the talents by id. Keyed by the padded prefix; callers sum for the region.
 */
export async function stationStaffByPrefix(db: Conn, regionCode: string, prefixLength: number): Promise<Map<string, StaffFigures>> {
  const { lower, upper } = subtreeRange(regionCode);
  const prefix = sql<string>`substr(p.region_code, 1, ${sql.lit(prefixLength)})`;
  const workers = await db
    .selectFrom('platforms as p')
    .innerJoin('platform_staff as s', 's.platform_id', 'p.id')
    .innerJoin('talents as t', 't.id', 's.talent_id')
    .select([
      prefix.as('prefix'),
      // Links, not distinct people: a full-time (驻站) worker holds one station, and a plain count
      // needs no sort over the country's links.
      sql<number>`count(*)`.as('resident'),
      sql<number>`sum(case when t.tier > 0 then 1 else 0 end)`.as('certified'),
    ])
    .where('p.kind', '=', 'station')
    .where('p.status', '=', 'operating')
    .where('p.region_code', '>=', lower)
    .where('p.region_code', '<', upper)
    .where('s.full_time', '=', 1)
    .where('t.status', '=', 'active')
    .groupBy(prefix)
    .execute();
  const stations = await db
    .selectFrom('platforms as p')
    .select([prefix.as('prefix'), sql<number>`count(*)`.as('n')])
    .where('p.kind', '=', 'station')
    .where('p.status', '=', 'operating')
    .where('p.region_code', '>=', lower)
    .where('p.region_code', '<', upper)
    .groupBy(prefix)
    .execute();
  const out = new Map<string, StaffFigures>();
  const at = (p: string) => {
    const key = p.padEnd(12, '0');
    let f = out.get(key);
    if (!f) {
      f = { stations: 0, residentWorkers: 0, certifiedWorkers: 0 };
      out.set(key, f);
    }
    return f;
  };
  for (const r of stations) at(r.prefix).stations = Number(r.n);
  for (const r of workers) {
    const f = at(r.prefix);
    f.residentWorkers = Number(r.resident);
    f.certifiedWorkers = Number(r.certified ?? 0);
  }
  return out;
}

/**
 * Active units of the kind's level in a region's subtree without an operating platform of the kind:
 * a range on the region code plus NOT EXISTS on platforms_region_idx (region_code, kind, status).
 */
export async function uncoveredUnits(db: Conn, regionCode: string, kind: CoverageKind, page: number, pageSize: number) {
  const { lower, upper } = subtreeRange(regionCode);
  const base = db
    .selectFrom('regions as r')
    .where('r.code', '>=', lower)
    .where('r.code', '<', upper)
    .where('r.level', '=', COVERAGE_LEVEL[kind])
    .where('r.status', '=', 'active')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('platforms as p')
            .select(sql`1`.as('one'))
            .whereRef('p.region_code', '=', 'r.code')
            .where('p.kind', '=', kind)
            .where('p.status', '=', 'operating'),
        ),
      ),
    );
  const [{ n }] = await base.select((eb) => eb.fn.countAll<number>().as('n')).execute();
  const items = await base
    .select(['r.code', 'r.name'])
    .orderBy('r.code')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { items, total: Number(n) };
}
