import type { Kysely, Transaction } from 'kysely';
import { evaluateChecklist } from '../../../domain/network/checklist.ts';
import {
  type CheckInput,
  type PlatformDetail,
  type PlatformFilter,
  type PlatformInput,
  type PlatformPatch,
  platformInputSchema,
  type StaffLinkInput,
} from '../../../domain/network/platform.schema.ts';
import { kindLevelError } from '../../../domain/network/platform-kind.ts';
import { ancestorCodes, COUNTRY_CODE } from '../../../domain/standards/region-code.ts';
import { TIERS } from '../../../domain/talents/code-lists.ts';
import { assertInScope, isInScope, type Scope } from '../../auth/scope.ts';
import type { Actor, Deps } from '../../context.ts';
import type { Database } from '../../db/schema.ts';
import { type FieldIssue, notFound, validationFailed } from '../../errors.ts';
import { aboutRow, recordAudit } from '../audit/audit.service.ts';
import { regionNamesOf } from '../regions/region-names.ts';
import { findRegion, findRegions } from '../regions/regions.repository.ts';
import { checklistFor, provinceOf } from './checklist.service.ts';
import { applyPlatformWrite } from './network-stats.repository.ts';
import { removePlatformPhotos } from './photos.service.ts';
import { buildPlatformRecord } from './platform-record.ts';
import { checksView, platformAuditView, storedPlatformInput, toPlatformListItem } from './platform-views.ts';
import * as repo from './platforms.repository.ts';

type Conn = Kysely<Database> | Transaction<Database>;

const tierCode = (rank: number) => TIERS[rank]?.code ?? 'none';

export async function listPlatforms(deps: Deps, scope: Scope, filter: PlatformFilter & { page: number; pageSize: number }) {
  const { items, total } = await repo.listPlatforms(deps.db, scope, filter);
  const [names, staff] = await Promise.all([
    regionNamesOf(deps.db, [...new Set(items.map((r) => r.region_code))]),
    repo.staffCountsOf(
      deps.db,
      items.map((r) => r.id),
    ),
  ]);
  const totals = new Map<string, number>();
  for (const p of new Set(items.map((r) => provinceOf(r.region_code)))) totals.set(p, (await checklistFor(deps.db, p)).items.length);
  return {
    items: items.map((r) => toPlatformListItem(r, names.get(r.region_code) ?? r.region_code, totals.get(provinceOf(r.region_code)) ?? 0, staff.get(r.id))),
    total,
  };
}

async function loadInScope(db: Conn, scope: Pick<Scope, 'regionCode'>, id: string) {
  const row = await repo.findPlatformInScope(db, scope, id);
  if (!row) throw notFound('阵地');
  return row;
}

export async function getPlatform(deps: Deps, scope: Pick<Scope, 'regionCode'>, id: string): Promise<PlatformDetail> {
  const row = await loadInScope(deps.db, scope, id);
  const [funding, checks, staff, photos, { items }] = await Promise.all([
    repo.loadFunding(deps.db, id),
    repo.loadChecks(deps.db, id),
    repo.loadStaff(deps.db, id),
    repo.loadPhotos(deps.db, id),
    checklistFor(deps.db, provinceOf(row.region_code)),
  ]);
  const codes = [...ancestorCodes(row.region_code).filter((c) => c !== COUNTRY_CODE), row.region_code];
  const byCode = new Map((await findRegions(deps.db, codes)).map((r) => [r.code, r.name]));
  const input = storedPlatformInput(row, funding);
  const outcome = evaluateChecklist(
    items,
    checks.map((c) => ({ itemKey: c.item_key, met: c.met === 1 })),
  );
  return {
    id: row.id,
    ...input,
    regionPath: codes.flatMap((c) => (byCode.has(c) ? [{ code: c, name: byCode.get(c) as string }] : [])),
    agencyName: row.agency_name,
    checks: checksView(items, checks),
    checksMet: Number(row.checks_met),
    checksTotal: items.length,
    standard: row.standard_met === 1,
    lacking: outcome.lacking.map((l) => ({ key: l.key, name: l.name })),
    staff: staff.map((s) => ({
      talentId: s.talent_id,
      name: s.name,
      tier: tierCode(Number(s.tier)),
      post: s.post,
      fullTime: s.full_time === 1,
      since: s.since,
    })),
    staffFullTime: staff.filter((s) => s.full_time === 1).length,
    staffPartTime: staff.filter((s) => s.full_time !== 1).length,
    staffCertified: staff.filter((s) => Number(s.tier) > 0).length,
    photos: photos.map((p) => ({ id: p.id, fileName: p.file_name, mime: p.mime, size: Number(p.size), caption: p.caption, createdAt: p.created_at })),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The platform's region: in scope, existing, active, and of a level the kind may sit at. */
async function checkRegion(db: Conn, scope: Scope, kind: PlatformInput['kind'], regionCode: string) {
  assertInScope(scope, regionCode);
  const region = await findRegion(db, regionCode);
  if (region?.status !== 'active') throw validationFailed([{ field: 'regionCode', message: '所选地区不存在或已撤销' }]);
  const levelError = kindLevelError(kind, region.level);
  if (levelError) throw validationFailed([{ field: 'regionCode', message: levelError }]);
}

/** An agency-run platform's agency: existing, active, inside the actor's scope. Returns its name. */
async function checkAgency(db: Conn, scope: Scope, agencyId: string): Promise<string> {
  const agency = await repo.findAgency(db, agencyId);
  if (!agency || !isInScope(scope, agency.region_code)) throw validationFailed([{ field: 'agencyId', message: '所选运营机构不存在或不在管辖范围内' }]);
  if (agency.status !== 'active') throw validationFailed([{ field: 'agencyId', message: '所选运营机构已注销,不能承接运营' }]);
  return agency.name;
}

/** Checklist outcome of stored checks against the province's item set. */
async function outcomeFor(db: Conn, regionCode: string, platformId: string | null) {
  const { items } = await checklistFor(db, provinceOf(regionCode));
  const checks = platformId ? await repo.loadChecks(db, platformId) : [];
  return evaluateChecklist(
    items,
    checks.map((c) => ({ itemKey: c.item_key, met: c.met === 1 })),
  );
}

/**
 * Creates a platform in the caller's transaction (form, import): region, kind ↔ level, scope and
 * agency checked; summary and audit written. Returns the new id.
 */
export async function createPlatformTx(trx: Transaction<Database>, deps: Deps, actor: Actor, input: PlatformInput): Promise<string> {
  await checkRegion(trx, actor.scope, input.kind, input.regionCode);
  const agencyName = input.operatingMode === 'agency' && input.agencyId ? await checkAgency(trx, actor.scope, input.agencyId) : null;
  const now = deps.clock.now().toISOString();
  const record = buildPlatformRecord(input, { at: now, checks: await outcomeFor(trx, input.regionCode, null) });
  await repo.insertPlatform(trx, record);
  await applyPlatformWrite(trx, deps.dialect, null, record.row);
  await recordAudit(trx, deps, actor, {
    action: 'create',
    entityType: 'platform',
    ...aboutRow(record.row),
    before: null,
    after: platformAuditView(input, agencyName),
  });
  return record.row.id;
}

export async function createPlatform(deps: Deps, actor: Actor, input: PlatformInput): Promise<PlatformDetail> {
  const id = await deps.db.transaction().execute((trx) => createPlatformTx(trx, deps, actor, input));
  return getPlatform(deps, actor.scope, id);
}

/** The cross-field rules again on the merged record (a patch alone cannot see the stored fields). */
function revalidate(merged: PlatformInput): PlatformInput {
  const parsed = platformInputSchema.safeParse(merged);
  if (parsed.success) return parsed.data;
  const issues: FieldIssue[] = parsed.error.issues.map((i) => ({ field: i.path.join('.') || 'body', message: i.message }));
  throw validationFailed(issues);
}

/**
 * Applies a patch in the caller's transaction: the stored record with the patch on top is rebuilt
 * as a whole, so derived columns and the summary follow every change. Moving to another region or
 * kind re-checks both; the checklist outcome follows the (possibly new) province's item set.
 */
export async function updatePlatformTx(trx: Transaction<Database>, deps: Deps, actor: Actor, id: string, patch: PlatformPatch): Promise<void> {
  const row = await loadInScope(trx, actor.scope, id);
  const before = storedPlatformInput(row, await repo.loadFunding(trx, id));
  const next = { ...before, ...patch } as PlatformInput;
  // Switching to self-run drops the agency unless the patch names one (then the rules refuse it).
  if (patch.operatingMode === 'self' && patch.agencyId === undefined) next.agencyId = null;
  const merged = revalidate(next);
  if (merged.regionCode !== row.region_code || merged.kind !== row.kind) await checkRegion(trx, actor.scope, merged.kind, merged.regionCode);
  let agencyName = row.agency_name;
  if (merged.operatingMode === 'agency' && merged.agencyId && merged.agencyId !== row.agency_id)
    agencyName = await checkAgency(trx, actor.scope, merged.agencyId);
  if (merged.operatingMode === 'self') agencyName = null;
  const now = deps.clock.now().toISOString();
  const record = buildPlatformRecord(merged, { at: now, previous: row, checks: await outcomeFor(trx, merged.regionCode, id) });
  await repo.replacePlatform(trx, record);
  await applyPlatformWrite(trx, deps.dialect, row, record.row);
  await recordAudit(trx, deps, actor, {
    action: 'update',
    entityType: 'platform',
    ...aboutRow(record.row),
    before: platformAuditView(before, row.agency_name),
    after: platformAuditView(merged, agencyName),
  });
}

export async function updatePlatform(deps: Deps, actor: Actor, id: string, patch: PlatformPatch): Promise<PlatformDetail> {
  await deps.db.transaction().execute((trx) => updatePlatformTx(trx, deps, actor, id, patch));
  return getPlatform(deps, actor.scope, id);
}

export async function deletePlatform(deps: Deps, actor: Actor, id: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const row = await loadInScope(trx, actor.scope, id);
    const before = storedPlatformInput(row, await repo.loadFunding(trx, id));
    await repo.deletePlatform(trx, id);
    await applyPlatformWrite(trx, deps.dialect, row, null);
    await recordAudit(trx, deps, actor, {
      action: 'delete',
      entityType: 'platform',
      ...aboutRow(row),
      before: platformAuditView(before, row.agency_name),
      after: null,
    });
  });
  // The photo rows went with the platform (ON DELETE CASCADE); the files go once that is committed.
  await removePlatformPhotos(deps, id);
}

/** Stores the checks (items of the province's set only) and re-decides checks met and 规范化. */
export async function setChecks(deps: Deps, actor: Actor, id: string, checks: CheckInput[]): Promise<PlatformDetail> {
  await deps.db.transaction().execute(async (trx) => {
    const row = await loadInScope(trx, actor.scope, id);
    const { items } = await checklistFor(trx, provinceOf(row.region_code));
    const keys = new Set(items.map((i) => i.key));
    const seen = new Set<string>();
    const issues: FieldIssue[] = [];
    checks.forEach((c, i) => {
      if (!keys.has(c.itemKey)) issues.push({ field: `checks.${i}.itemKey`, message: `“${c.itemKey}”不是本省的规范化检查项目` });
      else if (seen.has(c.itemKey)) issues.push({ field: `checks.${i}.itemKey`, message: '检查项目重复' });
      seen.add(c.itemKey);
    });
    if (issues.length) throw validationFailed(issues);
    const stored = await repo.loadChecks(trx, id);
    await repo.replaceChecks(trx, id, checks);
    const outcome = evaluateChecklist(items, checks);
    const after = { ...row, checks_met: outcome.met, standard_met: outcome.standard ? 1 : 0 };
    await repo.setChecklistOutcome(trx, id, outcome.met, outcome.standard);
    await applyPlatformWrite(trx, deps.dialect, row, after);
    const line = (list: { key: string; met: boolean }[]) => items.map((it) => `${it.name}${list.find((c) => c.key === it.key)?.met ? '✓' : '✗'}`).join(' ');
    await recordAudit(trx, deps, actor, {
      action: 'update',
      entityType: 'platform',
      ...aboutRow(row),
      changes: {
        checks: [line(stored.map((c) => ({ key: c.item_key, met: c.met === 1 }))), line(checks.map((c) => ({ key: c.itemKey, met: c.met })))],
        ...(row.standard_met !== after.standard_met ? { standard: [row.standard_met === 1, after.standard_met === 1] } : {}),
      },
    });
  });
  return getPlatform(deps, actor.scope, id);
}

/** Replaces the staff links: each talent must exist, lie in the actor's scope and be in post. */
export async function setStaff(deps: Deps, actor: Actor, id: string, staff: StaffLinkInput[]): Promise<PlatformDetail> {
  await deps.db.transaction().execute(async (trx) => {
    const row = await loadInScope(trx, actor.scope, id);
    const talents = new Map((await repo.findTalents(trx, [...new Set(staff.map((s) => s.talentId))])).map((t) => [t.id, t]));
    const issues: FieldIssue[] = [];
    const seen = new Set<string>();
    staff.forEach((s, i) => {
      const t = talents.get(s.talentId);
      const field = `staff.${i}.talentId`;
      if (!t || !isInScope(actor.scope, t.region_code)) issues.push({ field, message: '所选人员不存在或不在管辖范围内' });
      else if (t.status !== 'active') issues.push({ field, message: `${t.name}已不在社工岗位,不能关联` });
      else if (seen.has(s.talentId)) issues.push({ field, message: `${t.name}重复` });
      seen.add(s.talentId);
    });
    if (issues.length) throw validationFailed(issues);
    const before = await repo.loadStaff(trx, id);
    await repo.replaceStaff(trx, id, staff);
    await trx.updateTable('platforms').set({ updated_at: deps.clock.now().toISOString() }).where('id', '=', id).execute();
    const line = (list: { name: string; fullTime: boolean }[]) => list.map((s) => `${s.name}${s.fullTime ? '(专职)' : '(兼职)'}`).join('、');
    await recordAudit(trx, deps, actor, {
      action: 'update',
      entityType: 'platform',
      ...aboutRow(row),
      changes: {
        staff: [
          line(before.map((s) => ({ name: s.name, fullTime: s.full_time === 1 }))),
          line(staff.map((s) => ({ name: talents.get(s.talentId)?.name ?? s.talentId, fullTime: s.fullTime }))),
        ],
      },
    });
  });
  return getPlatform(deps, actor.scope, id);
}
