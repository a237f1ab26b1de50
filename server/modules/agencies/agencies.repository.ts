import { type Kysely, type SelectQueryBuilder, sql, type Transaction } from 'kysely';
import { AGENCY_TAGS } from '../../../domain/network/code-lists.ts';
import { bitOf } from '../../../domain/talents/code-lists.ts';
import { inScope, type Scope } from '../../auth/scope.ts';
import { containsPattern, countRows, inBatches, type RowsReader, readPage } from '../../db/list-query.ts';
import type { AgenciesTable, AgencyPairingsTable, AgencyStaffTable, Database } from '../../db/schema.ts';

export type AgencyRow = AgenciesTable;
export type PairingRow = AgencyPairingsTable;
type Conn = Kysely<Database> | Transaction<Database>;

export interface AgencyFilter {
  regionCode?: string;
  q?: string;
  tag?: string;
  rating?: string;
  eligible?: boolean;
  status?: string;
  sort?: 'region_code' | 'name' | 'updated_at';
  order?: 'asc' | 'desc';
}

/** The filtered agencies of a scope; the list, its count and exports go through here. */
function filtered(db: Conn, scope: Pick<Scope, 'regionCode'>, f: AgencyFilter) {
  let q = db.selectFrom('agencies').where((eb) => inScope(eb, 'agencies.region_code', scope));
  if (f.regionCode) q = q.where((eb) => inScope(eb, 'agencies.region_code', { regionCode: f.regionCode as string }));
  if (f.tag) q = q.where(sql<boolean>`(tags & ${sql.lit(bitOf(AGENCY_TAGS, f.tag))}) <> 0`);
  if (f.rating) q = q.where('rating', '=', f.rating);
  if (f.eligible !== undefined) q = q.where('eligible', '=', f.eligible ? 1 : 0);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.q) {
    const text = f.q;
    // A name fragment, or a whole credit code (exact, upper-cased as stored).
    q = q.where((eb) => eb.or([sql<boolean>`name like ${containsPattern(text)} escape '\\'`, eb('credit_code', '=', text.replace(/\s/g, '').toUpperCase())]));
  }
  return q;
}

function sorted<O>(q: SelectQueryBuilder<Database, 'agencies', O>, f: AgencyFilter) {
  const dir = f.order ?? 'asc';
  const sort = f.sort ?? 'region_code';
  let out = q.orderBy(sort, dir);
  if (sort === 'region_code') out = out.orderBy('name', dir);
  return out.orderBy('id', dir);
}

/** The filtered rows in list order, `limit` at a time. */
function rowsOf(db: Conn, scope: Pick<Scope, 'regionCode'>, f: AgencyFilter): RowsReader<AgencyRow> {
  return (limit, offset) =>
    sorted(filtered(db, scope, f).selectAll(), f)
      .limit(limit)
      .offset(offset)
      .execute();
}

export function listAgencies(db: Conn, scope: Pick<Scope, 'regionCode'>, f: AgencyFilter & { page: number; pageSize: number }) {
  return readPage(() => countRows(filtered(db, scope, f)), rowsOf(db, scope, f), f);
}

/** The filtered rows in list order, a page at a time (exports stream this). */
export function iterateAgencies(db: Conn, scope: Pick<Scope, 'regionCode'>, f: AgencyFilter, batch = 2000) {
  return inBatches(rowsOf(db, scope, f), batch);
}

/** An agency inside the scope, or undefined (callers cannot tell "absent" from "outside"). */
export function findAgencyInScope(db: Conn, scope: Pick<Scope, 'regionCode'>, id: string): Promise<AgencyRow | undefined> {
  return db
    .selectFrom('agencies')
    .selectAll()
    .where('id', '=', id)
    .where((eb) => inScope(eb, 'agencies.region_code', scope))
    .executeTakeFirst();
}

export function findAgencyById(db: Conn, id: string): Promise<AgencyRow | undefined> {
  return db.selectFrom('agencies').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findAgencyByCreditCode(db: Conn, creditCode: string): Promise<AgencyRow | undefined> {
  return db.selectFrom('agencies').selectAll().where('credit_code', '=', creditCode).executeTakeFirst();
}

/** Agencies by credit code, for an import's lookups (chunks keep the IN list small). */
export async function findAgenciesByCreditCodes(db: Conn, codes: string[]): Promise<AgencyRow[]> {
  const out: AgencyRow[] = [];
  for (let i = 0; i < codes.length; i += 500) {
    const chunk = codes.slice(i, i + 500);
    if (chunk.length) out.push(...(await db.selectFrom('agencies').selectAll().where('credit_code', 'in', chunk).execute()));
  }
  return out;
}

export async function insertAgency(db: Conn, row: AgencyRow): Promise<void> {
  await db.insertInto('agencies').values(row).execute();
}

export async function replaceAgency(db: Conn, row: AgencyRow): Promise<void> {
  const { id, ...rest } = row;
  await db.updateTable('agencies').set(rest).where('id', '=', id).execute();
}

export async function deleteAgency(db: Conn, id: string): Promise<void> {
  await db.deleteFrom('agency_staff').where('agency_id', '=', id).execute();
  await db
    .deleteFrom('agency_pairings')
    .where((eb) => eb.or([eb('mentor_id', '=', id), eb('mentee_id', '=', id)]))
    .execute();
  await db.deleteFrom('agencies').where('id', '=', id).execute();
}

export interface AgencyCounts {
  staff: number;
  certified: number;
  platforms: number;
}

/** Staff (certified = a talent with any certificate tier) and platform counts of a page of agencies. */
export async function countsOf(db: Conn, ids: string[]): Promise<Map<string, AgencyCounts>> {
  const out = new Map<string, AgencyCounts>(ids.map((id) => [id, { staff: 0, certified: 0, platforms: 0 }]));
  if (!ids.length) return out;
  const staff = await db
    .selectFrom('agency_staff as s')
    .innerJoin('talents as t', 't.id', 's.talent_id')
    .where('s.agency_id', 'in', ids)
    .select((eb) => [
      's.agency_id',
      eb.fn.countAll<number>().as('n'),
      eb.fn.sum<number>(eb.case().when('t.tier', '>', 0).then(1).else(0).end()).as('certified'),
    ])
    .groupBy('s.agency_id')
    .execute();
  for (const r of staff) Object.assign(out.get(r.agency_id) as AgencyCounts, { staff: Number(r.n), certified: Number(r.certified ?? 0) });
  const platforms = await db
    .selectFrom('platforms')
    .where('agency_id', 'in', ids)
    .select((eb) => ['agency_id', eb.fn.countAll<number>().as('n')])
    .groupBy('agency_id')
    .execute();
  for (const r of platforms) if (r.agency_id) (out.get(r.agency_id) as AgencyCounts).platforms = Number(r.n);
  return out;
}

export interface StaffRow {
  talent_id: string;
  name: string;
  tier: number;
  post: string;
  full_time: number;
  since: string | null;
  status: string;
}

export function loadStaff(db: Conn, agencyId: string): Promise<StaffRow[]> {
  return db
    .selectFrom('agency_staff as s')
    .innerJoin('talents as t', 't.id', 's.talent_id')
    .where('s.agency_id', '=', agencyId)
    .select(['s.talent_id', 't.name', 't.tier', 's.post', 's.full_time', 's.since', 't.status'])
    .orderBy('t.name')
    .orderBy('s.talent_id')
    .execute();
}

/** Replaces an agency's staff list as a whole. */
export async function replaceStaff(db: Conn, agencyId: string, rows: AgencyStaffTable[]): Promise<void> {
  await db.deleteFrom('agency_staff').where('agency_id', '=', agencyId).execute();
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('agency_staff')
      .values(rows.slice(i, i + 500))
      .execute();
}

/** The talents of a staff list that exist, are active and lie in the scope. */
export async function activeTalentsInScope(db: Conn, scope: Pick<Scope, 'regionCode'>, ids: string[]) {
  if (!ids.length) return [];
  return db
    .selectFrom('talents')
    .select(['id', 'name', 'status'])
    .where('id', 'in', ids)
    .where((eb) => inScope(eb, 'talents.region_code', scope))
    .execute();
}

export function platformsOf(db: Conn, agencyId: string) {
  return db
    .selectFrom('platforms')
    .select(['id', 'name', 'kind', 'region_code', 'status'])
    .where('agency_id', '=', agencyId)
    .orderBy('region_code')
    .orderBy('name')
    .execute();
}

export async function countPlatformsOf(db: Conn, agencyId: string): Promise<number> {
  const r = await db
    .selectFrom('platforms')
    .where('agency_id', '=', agencyId)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function insertPairing(db: Conn, row: PairingRow): Promise<void> {
  await db.insertInto('agency_pairings').values(row).execute();
}

export function findPairing(db: Conn, id: string): Promise<PairingRow | undefined> {
  return db.selectFrom('agency_pairings').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function deletePairing(db: Conn, id: string): Promise<void> {
  await db.deleteFrom('agency_pairings').where('id', '=', id).execute();
}

/** The pairings in which an agency is on one side (`role`), with the other agency's name. */
async function pairingsAs(db: Conn, agencyId: string, role: 'mentor' | 'mentee') {
  const [own, other] = role === 'mentor' ? (['p.mentor_id', 'p.mentee_id'] as const) : (['p.mentee_id', 'p.mentor_id'] as const);
  const rows = await db
    .selectFrom('agency_pairings as p')
    .innerJoin('agencies as o', 'o.id', other)
    .where(own, '=', agencyId)
    .select((eb) => ['p.id', eb.ref(other).as('other_id'), 'o.name as other_name', 'p.program', 'p.start_on', 'p.end_on', 'p.results'])
    .execute();
  return rows.map((r) => ({ ...r, role }));
}

/** The pairings an agency takes part in, on either side, with the other agency's name. */
export async function pairingsOf(db: Conn, agencyId: string) {
  const asMentor = await pairingsAs(db, agencyId, 'mentor');
  const asMentee = await pairingsAs(db, agencyId, 'mentee');
  return [...asMentor, ...asMentee].sort((a, b) => b.start_on.localeCompare(a.start_on) || a.id.localeCompare(b.id));
}

/** An overlapping pairing of the same two agencies in the same role (a duplicate entry). */
export function findOverlappingPairing(db: Conn, p: { mentorId: string; menteeId: string; startOn: string; endOn: string | null }) {
  let q = db
    .selectFrom('agency_pairings')
    .select('id')
    .where('mentor_id', '=', p.mentorId)
    .where('mentee_id', '=', p.menteeId)
    .where((eb) => eb.or([eb('end_on', 'is', null), eb('end_on', '>=', p.startOn)]));
  if (p.endOn) q = q.where('start_on', '<=', p.endOn);
  return q.executeTakeFirst();
}

/** Accounts bound to the agency (an agency administrator). */
export async function unbindAccounts(db: Conn, agencyId: string): Promise<void> {
  await db.updateTable('users').set({ bound_entity_id: null }).where('bound_entity_type', '=', 'agency').where('bound_entity_id', '=', agencyId).execute();
}
