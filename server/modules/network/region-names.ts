import type { Kysely, Transaction } from 'kysely';
import { ancestorCodes, levelOf } from '../../../domain/standards/region-code.ts';
import type { Database } from '../../db/schema.ts';
import { findRegions } from '../regions/regions.repository.ts';

/**
 * Region names below the province for each code ("贵阳市 / 南明区 / 花果园街道"), in one query for a
 * page of rows; a province keeps its own name.
 */
export async function regionPathNames(db: Kysely<Database> | Transaction<Database>, codes: string[]): Promise<Map<string, string>> {
  const all = new Set<string>();
  for (const c of codes) for (const a of [...ancestorCodes(c), c]) if (levelOf(a) >= 1) all.add(a);
  const names = new Map((await findRegions(db, [...all])).map((r) => [r.code, r.name]));
  const out = new Map<string, string>();
  for (const c of codes) {
    const below = [...ancestorCodes(c), c].filter((a) => levelOf(a) >= 2).map((a) => names.get(a) ?? a);
    out.set(c, below.length ? below.join(' / ') : (names.get(c) ?? c));
  }
  return out;
}
