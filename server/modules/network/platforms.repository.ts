import { type Kysely, sql, type Transaction } from 'kysely';
import type { CheckInput, PlatformFilter, StaffLinkInput } from '../../../domain/network/platform.schema.ts';
import { inScope, type Scope } from '../../auth/scope.ts';
import { containsPattern, countRows, inBatches, type RowsReader, readPage } from '../../db/list-query.ts';
import type { Database, PlatformsTable } from '../../db/schema.ts';
import type { PlatformRecord } from './platform-record.ts';

export type PlatformRow = PlatformsTable;
type Conn = Kysely<Database> | Transaction<Database>;

/** The filtered platforms of a scope; the list, its count and the export all go through here. */
export function filteredPlatforms(db: Conn, scope: Pick<Scope, 'regionCode'>, f: PlatformFilter) {
  let q = db.selectFrom('platforms').where((eb) => inScope(eb, 'platforms.region_code', scope));
  if (f.regionCode) q = q.where((eb) => inScope(eb, 'platforms.region_code', { regionCode: f.regionCode as string }));
  if (f.kind) q = q.where('platforms.kind', '=', f.kind);
  if (f.status) q = q.where('platforms.status', '=', f.status);
  if (f.standard !== undefined) q = q.where('platforms.standard_met', '=', f.standard ? 1 : 0);
  if (f.demo !== undefined) q = q.where('platforms.demo_level', f.demo ? 'is not' : 'is', null);
  if (f.agencyId) q = q.where('platforms.agency_id', '=', f.agencyId);
  if (f.q) q = q.where(sql<boolean>`platforms.name like ${containsPattern(f.q)} escape '\\'`);
  return q;
}

export type PlatformListRow = PlatformRow & { agency_name: string | null };

function withAgency(q: ReturnType<typeof filteredPlatforms>) {
  return q.leftJoin('agencies', 'agencies.id', 'platforms.agency_id').selectAll('platforms').select('agencies.name as agency_name');
}

function sorted<O>(q: import('kysely').SelectQueryBuilder<Database, 'platforms' | 'agencies', O>, f: PlatformFilter) {
  const dir = f.order ?? 'asc';
  const sort = f.sort ?? 'region_code';
  let out = q.orderBy(`platforms.${sort}`, dir);
  if (sort === 'region_code') out = out.orderBy('platforms.kind', dir).orderBy('platforms.name', dir);
  return out.orderBy('platforms.id', dir);
}

/** The filtered rows (with the agency's name) in list order, `limit` at a time. */
function rowsOf(db: Conn, scope: Pick<Scope, 'regionCode'>, f: PlatformFilter): RowsReader<PlatformListRow> {
  return async (limit, offset) =>
    (await sorted(withAgency(filteredPlatforms(db, scope, f)), f)
      .limit(limit)
      .offset(offset)
      .execute()) as PlatformListRow[];
}

export function listPlatforms(db: Conn, scope: Pick<Scope, 'regionCode'>, f: PlatformFilter & { page: number; pageSize: number }) {
  return readPage(() => countRows(filteredPlatforms(db, scope, f)), rowsOf(db, scope, f), f);
}

/** The filtered rows in list order, a batch at a time (exports stream this). */
export function iteratePlatforms(db: Conn, scope: Pick<Scope, 'regionCode'>, f: PlatformFilter, batch = 2000) {
  return inBatches(rowsOf(db, scope, f), batch);
}

export interface StaffCounts {
  fullTime: number;
  partTime: number;
  certified: number;
}

/** Staff figures of a page of platforms in one grouped query (never one query per row). */
export async function staffCountsOf(db: Conn, platformIds: string[]): Promise<Map<string, StaffCounts>> {
  const out = new Map<string, StaffCounts>();
  if (!platformIds.length) return out;
  const rows = await db
    .selectFrom('platform_staff as s')
    .innerJoin('talents as t', 't.id', 's.talent_id')
    .select([
      's.platform_id',
      sql<number>`sum(s.full_time)`.as('full_time'),
      sql<number>`sum(1 - s.full_time)`.as('part_time'),
      sql<number>`sum(case when t.tier > 0 then 1 else 0 end)`.as('certified'),
    ])
    .where('s.platform_id', 'in', platformIds)
    .groupBy('s.platform_id')
    .execute();
  for (const r of rows) out.set(r.platform_id, { fullTime: Number(r.full_time), partTime: Number(r.part_time), certified: Number(r.certified) });
  return out;
}

/** A platform inside the scope, or undefined (callers cannot tell "absent" from "outside"). */
export function findPlatformInScope(db: Conn, scope: Pick<Scope, 'regionCode'>, id: string): Promise<PlatformListRow | undefined> {
  return db
    .selectFrom('platforms')
    .leftJoin('agencies', 'agencies.id', 'platforms.agency_id')
    .selectAll('platforms')
    .select('agencies.name as agency_name')
    .where('platforms.id', '=', id)
    .where((eb) => inScope(eb, 'platforms.region_code', scope))
    .executeTakeFirst() as Promise<PlatformListRow | undefined>;
}

export function loadFunding(db: Conn, id: string) {
  return db.selectFrom('platform_funding').selectAll().where('platform_id', '=', id).orderBy('year').orderBy('id').execute();
}

export function loadChecks(db: Conn, id: string) {
  return db.selectFrom('platform_checks').selectAll().where('platform_id', '=', id).execute();
}

export function loadStaff(db: Conn, id: string) {
  return db
    .selectFrom('platform_staff as s')
    .innerJoin('talents as t', 't.id', 's.talent_id')
    .select(['s.talent_id', 't.name', 't.tier', 's.post', 's.full_time', 's.since'])
    .where('s.platform_id', '=', id)
    .orderBy('s.full_time', 'desc')
    .orderBy('t.name')
    .execute();
}

export function loadPhotos(db: Conn, id: string) {
  return db.selectFrom('platform_photos').selectAll().where('platform_id', '=', id).orderBy('created_at').orderBy('id').execute();
}

export async function insertPlatform(db: Conn, record: PlatformRecord): Promise<void> {
  await db.insertInto('platforms').values(record.row).execute();
  if (record.funding.length) await db.insertInto('platform_funding').values(record.funding).execute();
}

/** Replaces a stored platform with a rebuilt record (row updated, funding replaced). */
export async function replacePlatform(db: Conn, record: PlatformRecord): Promise<void> {
  const { id, ...rest } = record.row;
  await db.updateTable('platforms').set(rest).where('id', '=', id).execute();
  await db.deleteFrom('platform_funding').where('platform_id', '=', id).execute();
  if (record.funding.length) await db.insertInto('platform_funding').values(record.funding).execute();
}

export async function deletePlatform(db: Conn, id: string): Promise<void> {
  // Children go explicitly: SQLite enforces the cascades only with foreign_keys on, which a bulk
  // connection might not have.
  for (const table of ['platform_checks', 'platform_funding', 'platform_staff', 'platform_photos'] as const) {
    await db.deleteFrom(table).where('platform_id', '=', id).execute();
  }
  await db.updateTable('community_groups').set({ incubator_id: null }).where('incubator_id', '=', id).execute();
  await db.deleteFrom('platforms').where('id', '=', id).execute();
}

export async function replaceChecks(db: Conn, id: string, checks: CheckInput[]): Promise<void> {
  await db.deleteFrom('platform_checks').where('platform_id', '=', id).execute();
  if (!checks.length) return;
  await db
    .insertInto('platform_checks')
    .values(checks.map((c) => ({ platform_id: id, item_key: c.itemKey, met: c.met ? 1 : 0, evidence: c.evidence, checked_on: c.checkedOn })))
    .execute();
}

export async function replaceStaff(db: Conn, id: string, staff: StaffLinkInput[]): Promise<void> {
  await db.deleteFrom('platform_staff').where('platform_id', '=', id).execute();
  if (!staff.length) return;
  await db
    .insertInto('platform_staff')
    .values(staff.map((s) => ({ platform_id: id, talent_id: s.talentId, post: s.post, full_time: s.fullTime ? 1 : 0, since: s.since })))
    .execute();
}

export function findAgency(db: Conn, id: string) {
  return db.selectFrom('agencies').select(['id', 'name', 'region_code', 'status']).where('id', '=', id).executeTakeFirst();
}

export function findTalents(db: Conn, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db.selectFrom('talents').select(['id', 'name', 'tier', 'status', 'region_code']).where('id', 'in', ids).execute();
}

/** The platforms of a province, a page at a time by id, with their met item keys (checklist re-decisions). */
export async function provincePlatformsPage(db: Conn, lower: string, upper: string, after: string, limit: number) {
  const rows = await db
    .selectFrom('platforms')
    .selectAll()
    .where('region_code', '>=', lower)
    .where('region_code', '<', upper)
    .where('id', '>', after)
    .orderBy('id')
    .limit(limit)
    .execute();
  const ids = rows.map((r) => r.id);
  const checks = ids.length
    ? await db.selectFrom('platform_checks').select(['platform_id', 'item_key', 'met']).where('platform_id', 'in', ids).where('met', '=', 1).execute()
    : [];
  return { rows, checks };
}

export async function setChecklistOutcome(db: Conn, id: string, checksMet: number, standard: boolean): Promise<void> {
  await db
    .updateTable('platforms')
    .set({ checks_met: checksMet, standard_met: standard ? 1 : 0 })
    .where('id', '=', id)
    .execute();
}
