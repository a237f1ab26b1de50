import type { Kysely, Transaction } from 'kysely';
import { hasPermission } from '../../../domain/auth/roles.ts';
import type { AgencyDetail, AgencyInput, AgencyListItem, AgencyPatch, MyAgencyPatch } from '../../../domain/network/agency.schema.ts';
import type { StaffLinkInput } from '../../../domain/network/platform.schema.ts';
import { parseCreditCode } from '../../../domain/standards/credit-code.ts';
import { assertInScope, isInScope, type Scope } from '../../auth/scope.ts';
import type { Actor, Deps } from '../../context.ts';
import type { Database } from '../../db/schema.ts';
import { DomainError, type FieldIssue, notFound, validationFailed } from '../../errors.ts';
import { aboutRow, recordAudit } from '../audit/audit.service.ts';
import { regionNamesOf, regionPathOf } from '../regions/region-names.ts';
import { findRegion } from '../regions/regions.repository.ts';
import { tierCode } from '../talents/talent-views.ts';
import * as repo from './agencies.repository.ts';
import { buildAgencyRow, type StoredAgency, storedAgency } from './agency-record.ts';

type Conn = Kysely<Database> | Transaction<Database>;

/**
 * A credit code whose check character is wrong: 422 with the warning under `creditCode`, so the form
 * can offer an administrator the "确认保留" override.
 */
export class CreditCheckWarning extends DomainError {
  constructor(message: string) {
    super('CREDIT_CHECK_WARNING', message, [{ field: 'creditCode', message, code: 'CREDIT_CHECK_WARNING' }]);
  }
}

function toListItem(r: repo.AgencyRow, regionName: string | null, c: repo.AgencyCounts | undefined): AgencyListItem {
  const s = storedAgency(r);
  return {
    id: r.id,
    name: r.name,
    creditCode: r.credit_code,
    creditCheckOverridden: s.creditCheckOverridden,
    regionCode: r.region_code,
    regionName,
    legalRep: r.legal_rep,
    tags: s.tags,
    rating: r.rating,
    ratingYear: s.ratingYear,
    partyOrg: s.partyOrg,
    eligible: r.eligible === 1,
    status: r.status,
    staffCount: c?.staff ?? 0,
    certifiedCount: c?.certified ?? 0,
    platformCount: c?.platforms ?? 0,
    updatedAt: r.updated_at,
  };
}

export async function listAgencies(deps: Deps, scope: Scope, filter: repo.AgencyFilter & { page: number; pageSize: number }) {
  const { items, total } = await repo.listAgencies(deps.db, scope, filter);
  const [names, counts] = await Promise.all([
    regionNamesOf(
      deps.db,
      items.map((r) => r.region_code),
    ),
    repo.countsOf(
      deps.db,
      items.map((r) => r.id),
    ),
  ]);
  return { items: items.map((r) => toListItem(r, names.get(r.region_code) ?? null, counts.get(r.id))), total };
}

/** The detail of a stored agency; platforms are those the viewer's scope covers. */
async function detailOf(db: Conn, row: repo.AgencyRow, scope: Pick<Scope, 'regionCode'>): Promise<AgencyDetail> {
  const [regionPath, staff, counts, platforms, pairings] = await Promise.all([
    regionPathOf(db, row.region_code),
    repo.loadStaff(db, row.id),
    repo.countsOf(db, [row.id]),
    repo.platformsOf(db, row.id),
    repo.pairingsOf(db, row.id),
  ]);
  const visible = platforms.filter((p) => isInScope(scope, p.region_code));
  const platformNames = await regionNamesOf(
    db,
    visible.map((p) => p.region_code),
  );
  const s = storedAgency(row);
  const c = counts.get(row.id);
  return {
    id: row.id,
    name: row.name,
    creditCode: row.credit_code,
    creditCheckOverridden: s.creditCheckOverridden,
    registrationAuthority: row.registration_authority,
    registeredOn: row.registered_on,
    legalRep: row.legal_rep,
    regionCode: row.region_code,
    regionPath,
    address: row.address,
    tags: s.tags,
    rating: row.rating,
    ratingYear: s.ratingYear,
    partyOrg: s.partyOrg,
    partyOrgOn: row.party_org_on,
    contactPhone: s.contactPhone,
    status: row.status,
    eligible: row.eligible === 1,
    ineligibleYear: row.ineligible_year === null ? null : Number(row.ineligible_year),
    ineligibleReason: row.ineligible_reason,
    staff: staff.map((m) => ({
      talentId: m.talent_id,
      name: m.name,
      tier: tierCode(Number(m.tier)),
      post: m.post,
      fullTime: m.full_time === 1,
      since: m.since,
    })),
    staffCount: c?.staff ?? 0,
    certifiedCount: c?.certified ?? 0,
    platforms: visible.map((p) => ({ id: p.id, name: p.name, kind: p.kind, regionName: platformNames.get(p.region_code) ?? null, status: p.status })),
    pairings: pairings.map((p) => ({
      id: p.id,
      role: p.role,
      otherId: p.other_id,
      otherName: p.other_name,
      program: p.program,
      startOn: p.start_on,
      endOn: p.end_on,
      results: p.results,
    })),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** An agency in the scope, or 404 (an id outside the scope is indistinguishable from a missing one). */
export async function loadAgencyInScope(db: Conn, scope: Pick<Scope, 'regionCode'>, id: string, what = '机构') {
  const row = await repo.findAgencyInScope(db, scope, id);
  if (!row) throw notFound(what);
  return row;
}

export async function getAgency(deps: Deps, scope: Pick<Scope, 'regionCode'>, id: string): Promise<AgencyDetail> {
  return detailOf(deps.db, await loadAgencyInScope(deps.db, scope, id), scope);
}

/** The region an agency is registered in must lie in the scope, exist, be active, and be a province or below. */
async function checkRegion(db: Conn, scope: Scope, regionCode: string) {
  assertInScope(scope, regionCode);
  const region = await findRegion(db, regionCode);
  if (region?.status !== 'active') throw validationFailed([{ field: 'regionCode', message: '所选地区不存在或已撤销' }]);
  if (Number(region.level) < 1) throw validationFailed([{ field: 'regionCode', message: '机构所在地区请选择到省级或以下区划' }]);
}

/**
 * The credit code of a new or changed agency: unique in the whole database (the message names the
 * holder only when the actor may see it), and a wrong check character is refused unless an
 * administrator overrides it. Returns whether the stored code is an accepted override.
 */
async function checkCreditCode(db: Conn, actor: Actor, code: string, override: boolean, selfId: string | null): Promise<boolean> {
  const existing = await repo.findAgencyByCreditCode(db, code);
  if (existing && existing.id !== selfId) {
    const visible = await repo.findAgencyInScope(db, actor.scope, existing.id);
    const issue: FieldIssue = { field: 'creditCode', message: '该统一社会信用代码已登记', code: 'AGENCY_EXISTS' };
    if (visible)
      throw new DomainError('CONFLICT', `该统一社会信用代码已登记为「${visible.name}」,请勿重复登记`, [issue, { field: 'existingId', message: visible.id }]);
    throw new DomainError('CONFLICT', '该统一社会信用代码已由其他地区登记,不能重复登记', [issue]);
  }
  const parsed = parseCreditCode(code);
  if (!parsed.ok) throw validationFailed([{ field: 'creditCode', message: parsed.message }]);
  if (parsed.value.checksumValid) return false;
  if (!override) throw new CreditCheckWarning(parsed.value.warning ?? '统一社会信用代码校验位不符');
  if (!hasPermission(actor.role, 'agency.override')) {
    throw new DomainError('FORBIDDEN', '只有管理员可以确认保留校验位不符的统一社会信用代码', [
      { field: 'overrideCreditCheck', message: '您没有确认保留的权限' },
    ]);
  }
  return true;
}

/** The rules between fields of a whole (merged) agency that a patch alone cannot see. */
function crossIssues(a: StoredAgency): FieldIssue[] {
  const out: FieldIssue[] = [];
  if (a.rating && !a.ratingYear) out.push({ field: 'ratingYear', message: '请填写评估年份' });
  if (!a.partyOrg && a.partyOrgOn) out.push({ field: 'partyOrgOn', message: '未建立党组织时不填写成立日期' });
  return out;
}

/** Creates an agency in the caller's transaction (form, import, demo); returns its id. */
export async function createAgencyTx(trx: Transaction<Database>, deps: Pick<Deps, 'clock'>, actor: Actor, input: AgencyInput): Promise<string> {
  await checkRegion(trx, actor.scope, input.regionCode);
  const overridden = await checkCreditCode(trx, actor, input.creditCode, input.overrideCreditCheck, null);
  const row = buildAgencyRow(input, { at: deps.clock.now().toISOString(), overridden });
  await repo.insertAgency(trx, row);
  await recordAudit(trx, deps, actor, {
    action: 'create',
    entityType: 'agency',
    ...aboutRow(row),
    before: null,
    after: storedAgency(row),
  });
  return row.id;
}

/** Writes a merged agency over `row` with its audit entry (the checks are the caller's). */
async function writeUpdate(trx: Transaction<Database>, deps: Pick<Deps, 'clock'>, actor: Actor, row: repo.AgencyRow, merged: StoredAgency) {
  const issues = crossIssues(merged);
  if (issues.length) throw validationFailed(issues);
  const next = buildAgencyRow(
    { ...merged, overrideCreditCheck: merged.creditCheckOverridden },
    { at: deps.clock.now().toISOString(), overridden: merged.creditCheckOverridden, previous: row },
  );
  await repo.replaceAgency(trx, next);
  await recordAudit(trx, deps, actor, {
    action: 'update',
    entityType: 'agency',
    ...aboutRow(next),
    before: storedAgency(row),
    after: storedAgency(next),
  });
}

/** Merges a patch; turning the party organisation off clears its date unless the patch sets one. */
function mergePatch(row: repo.AgencyRow, patch: Omit<AgencyPatch, 'overrideCreditCheck'>): StoredAgency {
  const merged: StoredAgency = { ...storedAgency(row), ...patch } as StoredAgency;
  if (patch.partyOrg === false && patch.partyOrgOn === undefined) merged.partyOrgOn = null;
  if (patch.rating === null && patch.ratingYear === undefined) merged.ratingYear = null;
  return merged;
}

/** Edits an agency of the scope in the caller's transaction (form, import). */
export async function updateAgencyTx(trx: Transaction<Database>, deps: Pick<Deps, 'clock'>, actor: Actor, id: string, patch: AgencyPatch): Promise<void> {
  const row = await loadAgencyInScope(trx, actor.scope, id);
  const { overrideCreditCheck, ...rest } = patch;
  const merged = mergePatch(row, rest);
  if (merged.regionCode !== row.region_code) await checkRegion(trx, actor.scope, merged.regionCode);
  if (merged.creditCode !== row.credit_code) {
    merged.creditCheckOverridden = await checkCreditCode(trx, actor, merged.creditCode, overrideCreditCheck ?? false, id);
  }
  await writeUpdate(trx, deps, actor, row, merged);
}

export async function createAgency(deps: Deps, actor: Actor, input: AgencyInput): Promise<AgencyDetail> {
  const id = await deps.db.transaction().execute((trx) => createAgencyTx(trx, deps, actor, input));
  return getAgency(deps, actor.scope, id);
}

export async function updateAgency(deps: Deps, actor: Actor, id: string, patch: AgencyPatch): Promise<AgencyDetail> {
  await deps.db.transaction().execute((trx) => updateAgencyTx(trx, deps, actor, id, patch));
  return getAgency(deps, actor.scope, id);
}

export async function deleteAgency(deps: Deps, actor: Actor, id: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const row = await loadAgencyInScope(trx, actor.scope, id);
    const platforms = await repo.countPlatformsOf(trx, id);
    if (platforms > 0) {
      throw new DomainError('CONFLICT', `该机构仍运营 ${platforms} 个阵地,请先在阵地信息中更换运营方后再删除`, [
        { field: 'id', message: '机构仍在运营阵地', code: 'AGENCY_IN_USE' },
      ]);
    }
    // Its administrator accounts stay (their history is kept) but no longer reach the agency.
    await repo.unbindAccounts(trx, id);
    await repo.deleteAgency(trx, id);
    await recordAudit(trx, deps, actor, {
      action: 'delete',
      entityType: 'agency',
      ...aboutRow(row),
      before: storedAgency(row),
      after: null,
    });
  });
}

/**
 * Replaces an agency's staff list: every talent exists, is 在职在岗 and lies in the scope; a person
 * appears once. Certified counts follow the talents' own certificate tier.
 */
export async function replaceAgencyStaff(deps: Deps, actor: Actor, id: string, staff: StaffLinkInput[]): Promise<AgencyDetail> {
  await deps.db.transaction().execute(async (trx) => {
    const row = await loadAgencyInScope(trx, actor.scope, id);
    const ids = [...new Set(staff.map((s) => s.talentId))];
    const talents = new Map((await repo.activeTalentsInScope(trx, actor.scope, ids)).map((t) => [t.id, t]));
    await writeStaff(trx, deps, actor, row, staff, talents, '人员不存在或不在您的管辖范围内');
  });
  return getAgency(deps, actor.scope, id);
}

/**
 * Checks a whole staff list against the talents it may name (`allowed`: id → name and status) and
 * stores it with its audit entry: a person appears once, is known and still works in the field.
 * `unknown` is the message for a talent not in `allowed`.
 */
export async function writeStaff(
  trx: Transaction<Database>,
  deps: Pick<Deps, 'clock'>,
  actor: Actor,
  row: repo.AgencyRow,
  staff: StaffLinkInput[],
  allowed: Map<string, { name: string; status: string }>,
  unknown: string,
): Promise<void> {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  staff.forEach((s, i) => {
    if (seen.has(s.talentId)) issues.push({ field: `staff.${i}.talentId`, message: '同一人员不能重复添加' });
    seen.add(s.talentId);
    const t = allowed.get(s.talentId);
    if (!t) issues.push({ field: `staff.${i}.talentId`, message: unknown });
    else if (t.status !== 'active') issues.push({ field: `staff.${i}.talentId`, message: `${t.name}已不在社工岗位,不能列为机构工作人员` });
  });
  if (issues.length) throw validationFailed(issues);
  const before = await repo.loadStaff(trx, row.id);
  await repo.replaceStaff(
    trx,
    row.id,
    staff.map((s) => ({ agency_id: row.id, talent_id: s.talentId, post: s.post, full_time: s.fullTime ? 1 : 0, since: s.since })),
  );
  const view = (list: Array<{ name: string; post: string; fullTime: boolean; since: string | null }>) =>
    list.map((s) => `${s.name}(${s.post || '未填岗位'}${s.fullTime ? '' : ',兼职'}${s.since ? `,${s.since}起` : ''})`).sort();
  await recordAudit(trx, deps, actor, {
    action: 'update',
    entityType: 'agency',
    ...aboutRow(row),
    before: { staff: view(before.map((m) => ({ name: m.name, post: m.post, fullTime: m.full_time === 1, since: m.since }))) },
    after: { staff: view(staff.map((s) => ({ ...s, name: allowed.get(s.talentId)?.name ?? s.talentId }))) },
  });
  await trx.updateTable('agencies').set({ updated_at: deps.clock.now().toISOString() }).where('id', '=', row.id).execute();
}

/** The agency an agency administrator's account is bound to, or 404 when it is bound to none. */
export async function loadOwnAgency(db: Conn, actor: Actor) {
  const id = actor.scope.bound?.type === 'agency' ? actor.scope.bound.id : null;
  const row = id ? await repo.findAgencyById(db, id) : undefined;
  if (!row) throw new DomainError('NOT_FOUND', '您的账号尚未绑定社工机构或机构已被删除,请联系民政部门管理员');
  return row;
}

/** The own agency is the administrator's whole view: its platforms are listed wherever they are. */
export const OWN_VIEW = { regionCode: '000000000000' };

export async function getMyAgency(deps: Deps, actor: Actor): Promise<AgencyDetail> {
  return detailOf(deps.db, await loadOwnAgency(deps.db, actor), OWN_VIEW);
}

/** An agency administrator's edit of their own agency (contact and self-declared details only). */
export async function updateMyAgency(deps: Deps, actor: Actor, patch: MyAgencyPatch): Promise<AgencyDetail> {
  const id = await deps.db.transaction().execute(async (trx) => {
    const row = await loadOwnAgency(trx, actor);
    await writeUpdate(trx, deps, actor, row, mergePatch(row, patch));
    return row.id;
  });
  return detailOf(deps.db, (await repo.findAgencyById(deps.db, id)) as repo.AgencyRow, OWN_VIEW);
}
