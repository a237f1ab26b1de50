import type { Kysely, Transaction } from 'kysely';
import { ancestorCodes, COUNTRY_CODE, levelOf } from '../../../domain/standards/region-code.ts';
import type { Database } from '../../db/schema.ts';
import { findRegions } from './regions.repository.ts';

type Conn = Kysely<Database> | Transaction<Database>;

/** The codes shown in a region's path: its ancestors below the country, and itself. */
const pathCodes = (code: string) => [...ancestorCodes(code).filter((c) => c !== COUNTRY_CODE), code];

/**
 * Readable names of regions for lists: the path under the province ("贵阳市 / 南明区 / 花果园街道"),
 * the province itself for a province-level row. One query for all the rows of a page.
 */
export async function regionNamesOf(db: Conn, codes: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(codes)];
  const all = new Set(unique.flatMap(pathCodes));
  const names = new Map((await findRegions(db, [...all])).map((r) => [r.code, r.name]));
  const out = new Map<string, string>();
  for (const code of unique) {
    if (!names.has(code)) continue;
    const path = pathCodes(code).filter((c) => levelOf(c) > 1 || c === code);
    out.set(code, path.map((c) => names.get(c) ?? c).join(' / '));
  }
  return out;
}

/** A region's path from the province down, for details' breadcrumbs. */
export async function regionPathOf(db: Conn, code: string): Promise<Array<{ code: string; name: string; level: number }>> {
  const rows = await findRegions(db, pathCodes(code));
  return rows.map((r) => ({ code: r.code, name: r.name, level: Number(r.level) })).sort((a, b) => a.level - b.level);
}
