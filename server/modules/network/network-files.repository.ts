/**
 * The SQL of the network imports: the lookups validation needs a batch at a time (regions, existing
 * records by their natural key, operating agencies and incubator stations by name), all scoped.
 */
import type { Kysely, Transaction } from 'kysely';
import { inScope, type Scope } from '../../auth/scope.ts';
import type { Database } from '../../db/schema.ts';

type Conn = Kysely<Database> | Transaction<Database>;
const CHUNK = 500;

async function chunked<T>(values: string[], run: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  const unique = [...new Set(values)];
  for (let i = 0; i < unique.length; i += CHUNK) out.push(...(await run(unique.slice(i, i + CHUNK))));
  return out;
}

export function regionsByCode(db: Conn, codes: string[]) {
  return chunked(codes, (c) => db.selectFrom('regions').select(['code', 'status', 'level']).where('code', 'in', c).execute());
}

/** Platforms in these regions with these names (the natural key is kind + region + name). */
export function platformsByRegionAndName(db: Conn, regions: string[], names: string[]) {
  if (!regions.length || !names.length) return Promise.resolve([]);
  return chunked(regions, (c) =>
    db
      .selectFrom('platforms')
      .select(['id', 'kind', 'region_code', 'name'])
      .where('region_code', 'in', c)
      .where('name', 'in', [...new Set(names)])
      .execute(),
  );
}

export function groupsByRegionAndName(db: Conn, regions: string[], names: string[]) {
  if (!regions.length || !names.length) return Promise.resolve([]);
  return chunked(regions, (c) =>
    db
      .selectFrom('community_groups')
      .select(['id', 'region_code', 'name'])
      .where('region_code', 'in', c)
      .where('name', 'in', [...new Set(names)])
      .execute(),
  );
}

/** Agencies by credit code anywhere (the code is unique nationally; the caller decides what the user may learn). */
export function agenciesByCreditCode(db: Conn, codes: string[]) {
  return chunked(codes, (c) => db.selectFrom('agencies').select(['id', 'credit_code', 'region_code']).where('credit_code', 'in', c).execute());
}

/** Agencies in the scope whose name or credit code is one of `refs` (an operating agency named in a platform row). */
export function agenciesInScopeByRef(db: Conn, scope: Pick<Scope, 'regionCode'>, refs: string[]) {
  return chunked(refs, (c) =>
    db
      .selectFrom('agencies')
      .select(['id', 'name', 'credit_code'])
      .where((eb) =>
        eb.and([
          inScope(eb, 'agencies.region_code', scope),
          eb.or([
            eb('name', 'in', c),
            eb(
              'credit_code',
              'in',
              c.map((r) => r.toUpperCase()),
            ),
          ]),
        ]),
      )
      .execute(),
  );
}

/** Township stations in the scope, by township and name (the incubator named in a group row). */
export function stationsInTownships(db: Conn, scope: Pick<Scope, 'regionCode'>, townships: string[]) {
  return chunked(townships, (c) =>
    db
      .selectFrom('platforms')
      .select(['id', 'name', 'region_code'])
      .where('kind', '=', 'station')
      .where('region_code', 'in', c)
      .where((eb) => inScope(eb, 'platforms.region_code', scope))
      .execute(),
  );
}

/** The ids now holding a natural key (checked again inside the commit's transaction). */
export async function platformIdByKey(db: Conn, kind: string, regionCode: string, name: string): Promise<string | null> {
  const r = await db
    .selectFrom('platforms')
    .select('id')
    .where('kind', '=', kind)
    .where('region_code', '=', regionCode)
    .where('name', '=', name)
    .executeTakeFirst();
  return r?.id ?? null;
}

export async function agencyIdByCreditCode(db: Conn, creditCode: string): Promise<string | null> {
  const r = await db.selectFrom('agencies').select('id').where('credit_code', '=', creditCode).executeTakeFirst();
  return r?.id ?? null;
}

export async function groupIdByKey(db: Conn, regionCode: string, name: string): Promise<string | null> {
  const r = await db.selectFrom('community_groups').select('id').where('region_code', '=', regionCode).where('name', '=', name).executeTakeFirst();
  return r?.id ?? null;
}
