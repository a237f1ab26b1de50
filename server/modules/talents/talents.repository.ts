import { type Kysely, type SelectQueryBuilder, sql, type Transaction } from 'kysely';
import { birthDateRangeForAges } from '../../../domain/talents/age.ts';
import { bitOf, SERVICE_FIELDS, TALENT_CATEGORIES, TALENT_ROLES, TIERS } from '../../../domain/talents/code-lists.ts';
import { dueCutoff } from '../../../domain/talents/continuing-education.ts';
import { inScope, type Scope } from '../../auth/scope.ts';
import type { Database, TalentsTable } from '../../db/schema.ts';
import type { TalentChildren, TalentRecord } from './talent-record.ts';

export type TalentRow = TalentsTable;
type Conn = Kysely<Database> | Transaction<Database>;

export const CHILD_TABLES = {
  certificates: 'talent_certificates',
  educations: 'talent_educations',
  employments: 'talent_employments',
  trainings: 'talent_trainings',
  honours: 'talent_honours',
  dispatches: 'talent_dispatches',
} as const;

export interface TalentFilter {
  regionCode?: string;
  tier?: (typeof TIERS)[number]['code'];
  category?: string;
  field?: string;
  role?: string;
  minAge?: number;
  maxAge?: number;
  key?: boolean;
  due?: boolean;
  short?: boolean;
  status?: string;
  q?: string;
  sort?: 'region_code' | 'name' | 'birth_date' | 'tier' | 'updated_at';
  order?: 'asc' | 'desc';
}

const TIER_RANK: Record<string, number> = Object.fromEntries(TIERS.map((t, i) => [t.code, i]));

/** The filtered talents of a scope; every list, count and export goes through here. */
function filtered(db: Conn, scope: Scope, f: TalentFilter, today: string, idHash: string | null) {
  let q = db.selectFrom('talents').where((eb) => inScope(eb, 'talents.region_code', scope));
  if (f.regionCode) q = q.where((eb) => inScope(eb, 'talents.region_code', { regionCode: f.regionCode as string }));
  // The tier column leads an index (tier, region_code, fields): keep it a plain equality.
  if (f.tier) q = q.where('tier', '=', TIER_RANK[f.tier]);
  if (f.field) q = q.where(sql<boolean>`(fields & ${sql.lit(bitOf(SERVICE_FIELDS, f.field))}) <> 0`);
  if (f.category) q = q.where(sql<boolean>`(categories & ${sql.lit(bitOf(TALENT_CATEGORIES, f.category))}) <> 0`);
  if (f.role) q = q.where(sql<boolean>`(roles & ${sql.lit(bitOf(TALENT_ROLES, f.role))}) <> 0`);
  if (f.minAge != null || f.maxAge != null) {
    const { from, to } = birthDateRangeForAges(f.minAge ?? null, f.maxAge ?? null, today);
    if (from) q = q.where('birth_date', '>=', from);
    if (to) q = q.where('birth_date', '<=', to);
  }
  if (f.key !== undefined) q = q.where('is_key', '=', f.key ? 1 : 0);
  if (f.due) q = q.where('rereg_due', '<=', dueCutoff(today));
  if (f.short) q = q.where('ce_required', '>', 0).where(sql<boolean>`ce_hours < ce_required`);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.q) {
    const text = f.q;
    if (idHash) q = q.where('id_hash', '=', idHash);
    else
      q = q.where((eb) =>
        eb.or([
          eb(sql`substr(name, 1, ${text.length})`, '=', text),
          eb('id', 'in', eb.selectFrom('talent_certificates').select('talent_id').where('certificate_no', '=', text)),
        ]),
      );
  }
  return q;
}

function sorted<O>(q: SelectQueryBuilder<Database, 'talents', O>, f: TalentFilter) {
  const dir = f.order ?? 'asc';
  const sort = f.sort ?? 'region_code';
  let out = q.orderBy(sort, dir);
  if (sort === 'region_code') out = out.orderBy('name', dir);
  return out.orderBy('id', dir);
}

/**
 * Totals are counted up to this many rows: beyond it the list says "100,000+" instead of counting a
 * national 2 million on every page turn (the count, not the page, is what costs at that size).
 */
export const LIST_COUNT_CAP = 100_000;

export async function listTalents(
  db: Conn,
  scope: Scope,
  f: TalentFilter & { page: number; pageSize: number },
  today: string,
  idHash: string | null,
): Promise<{ items: TalentRow[]; total: number; totalCapped: boolean }> {
  const base = filtered(db, scope, f, today, idHash);
  const [{ n }] = await db
    .selectFrom(
      base
        .select(sql<number>`1`.as('one'))
        .limit(LIST_COUNT_CAP + 1)
        .as('matches'),
    )
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .execute();
  const totalCapped = Number(n) > LIST_COUNT_CAP;
  const total = Math.min(Number(n), LIST_COUNT_CAP);
  const items = await sorted(base.selectAll(), f)
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { items, total, totalCapped };
}

/** The filtered rows in list order, a page at a time (exports stream this). */
export async function* iterateTalents(db: Conn, scope: Scope, f: TalentFilter, today: string, idHash: string | null, batch = 2000) {
  for (let offset = 0; ; offset += batch) {
    const rows = await sorted(filtered(db, scope, f, today, idHash).selectAll(), f)
      .limit(batch)
      .offset(offset)
      .execute();
    yield rows;
    if (rows.length < batch) return;
  }
}

/** A talent inside the scope, or undefined (callers cannot tell "absent" from "outside"). */
export function findTalentInScope(db: Conn, scope: Pick<Scope, 'regionCode'>, id: string): Promise<TalentRow | undefined> {
  return db
    .selectFrom('talents')
    .selectAll()
    .where('id', '=', id)
    .where((eb) => inScope(eb, 'talents.region_code', scope))
    .executeTakeFirst();
}

export function findTalentById(db: Conn, id: string): Promise<TalentRow | undefined> {
  return db.selectFrom('talents').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findTalentByIdHash(db: Conn, idHash: string): Promise<TalentRow | undefined> {
  return db.selectFrom('talents').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
}

/** Talents by ID hash, for an import's lookups (chunks keep the IN list small). */
export async function findTalentsByIdHashes(db: Conn, hashes: string[]): Promise<TalentRow[]> {
  const out: TalentRow[] = [];
  for (let i = 0; i < hashes.length; i += 500) {
    const chunk = hashes.slice(i, i + 500);
    if (chunk.length) out.push(...(await db.selectFrom('talents').selectAll().where('id_hash', 'in', chunk).execute()));
  }
  return out;
}

export async function loadChildren(db: Conn, talentId: string): Promise<TalentChildren> {
  const load = (table: (typeof CHILD_TABLES)[keyof typeof CHILD_TABLES]) =>
    // biome-ignore lint/suspicious/noExplicitAny: the six child tables share talent_id and position
    (db as Kysely<any>).selectFrom(table).selectAll().where('talent_id', '=', talentId).orderBy('position').execute();
  const [certificates, educations, employments, trainings, honours, dispatches] = await Promise.all([
    load('talent_certificates'),
    load('talent_educations'),
    load('talent_employments'),
    load('talent_trainings'),
    load('talent_honours'),
    load('talent_dispatches'),
  ]);
  return { certificates, educations, employments, trainings, honours, dispatches } as unknown as TalentChildren;
}

async function insertChildren(db: Conn, children: TalentChildren): Promise<void> {
  for (const [key, table] of Object.entries(CHILD_TABLES) as [keyof TalentChildren, (typeof CHILD_TABLES)[keyof TalentChildren]][]) {
    const rows = children[key];
    // Child tables have at most 8 columns: 1,000 rows per statement stay under every parameter limit.
    for (let i = 0; i < rows.length; i += 1000) {
      await db
        .insertInto(table)
        // biome-ignore lint/suspicious/noExplicitAny: rows match their table by construction (talent-record.ts)
        .values(rows.slice(i, i + 1000) as any)
        .execute();
    }
  }
}

export async function insertTalent(db: Conn, record: TalentRecord): Promise<void> {
  await db.insertInto('talents').values(record.row).execute();
  await insertChildren(db, record.children);
}

/** Inserts many records with multi-row statements (imports, demo, bench). */
export async function insertTalents(db: Conn, records: TalentRecord[]): Promise<void> {
  // 37 columns × 400 rows = 14,800 parameters: under better-sqlite3's 32,766 and PostgreSQL's 65,535.
  for (let i = 0; i < records.length; i += 400) {
    await db
      .insertInto('talents')
      .values(records.slice(i, i + 400).map((r) => r.row))
      .execute();
  }
  const all: TalentChildren = { certificates: [], educations: [], employments: [], trainings: [], honours: [], dispatches: [] };
  for (const r of records) for (const k of Object.keys(all) as (keyof TalentChildren)[]) (all[k] as unknown[]).push(...r.children[k]);
  await insertChildren(db, all);
}

/** Replaces a stored talent with a rebuilt record (row updated, lists replaced). */
export async function replaceTalent(db: Conn, record: TalentRecord): Promise<void> {
  const { id, ...rest } = record.row;
  await db.updateTable('talents').set(rest).where('id', '=', id).execute();
  for (const table of Object.values(CHILD_TABLES)) await db.deleteFrom(table).where('talent_id', '=', id).execute();
  await insertChildren(db, record.children);
}

export async function deleteTalent(db: Conn, id: string): Promise<void> {
  for (const table of Object.values(CHILD_TABLES)) await db.deleteFrom(table).where('talent_id', '=', id).execute();
  await db.deleteFrom('talent_submissions').where('talent_id', '=', id).execute();
  await db.deleteFrom('talent_transfers').where('talent_id', '=', id).execute();
  await db.deleteFrom('talents').where('id', '=', id).execute();
}
