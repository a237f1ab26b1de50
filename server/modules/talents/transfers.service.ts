import type { Kysely, Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { parseIdNumber } from '../../../domain/standards/id-number.ts';
import { normalizeName } from '../../../domain/talents/duplicates.ts';
import { inScope, isInScope, type Scope } from '../../auth/scope.ts';
import type { Actor, Deps } from '../../context.ts';
import type { Database, TalentTransfersTable } from '../../db/schema.ts';
import { DomainError, notFound, validationFailed } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { findRegion, findRegions } from '../regions/regions.repository.ts';
import { applyStatDeltas } from './talent-stats.repository.ts';
import { statDelta } from './talent-stats.ts';
import { storedInput } from './talent-views.ts';
import * as repo from './talents.repository.ts';
import { recordFor } from './talents.service.ts';

/**
 * Transfers (调入): a talent registered elsewhere moves to the requester's region once an administrator
 * whose scope covers the record's current region approves. The record keeps its id, lists and history.
 */
export interface TransferRequest {
  idNumber: string;
  name: string;
  toRegionCode: string;
  reason: string;
}

const NO_MATCH = '未找到与该身份证号码和姓名相符的在其他地区登记的人才,请核对后重试';

export async function requestTransfer(deps: Deps, actor: Actor, input: TransferRequest) {
  const parsed = parseIdNumber(input.idNumber);
  if (!parsed.ok) throw validationFailed([{ field: 'idNumber', message: parsed.message }]);
  if (!inScopeCode(actor.scope, input.toRegionCode)) throw new DomainError('SCOPE_FORBIDDEN', '调入地区不在您的管辖范围内');
  const region = await findRegion(deps.db, input.toRegionCode);
  if (region?.status !== 'active' || region.level < 3)
    throw validationFailed([{ field: 'toRegionCode', message: '请选择有效的县级或乡镇(街道)、村(社区)区划' }]);
  const now = deps.clock.now().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const talent = await repo.findTalentByIdHash(trx, deps.crypto.lookupHash(parsed.value.idNumber));
    // Name and number must both match: the request cannot be used to probe who is registered where.
    if (!talent || normalizeName(talent.name) !== normalizeName(input.name)) throw validationFailed([{ field: 'idNumber', message: NO_MATCH }], NO_MATCH);
    if (inScopeCode(actor.scope, talent.region_code)) {
      throw validationFailed([{ field: 'idNumber', message: '该人才已在您的管辖范围内,可直接在人才详情中修改工作地区' }]);
    }
    const pending = await trx.selectFrom('talent_transfers').select('id').where('talent_id', '=', talent.id).where('status', '=', 'pending').executeTakeFirst();
    if (pending) throw new DomainError('CONFLICT', '该人才已有待审核的调入申请,请等待审核结果');
    const row: TalentTransfersTable = {
      id: uuidv7(),
      talent_id: talent.id,
      talent_name: input.name,
      from_region: talent.region_code,
      to_region: input.toRegionCode,
      reason: input.reason,
      status: 'pending',
      requested_by: actor.userId,
      requested_by_name: actor.username,
      requested_at: now,
      decided_by_name: null,
      decided_at: null,
      decision_note: null,
    };
    await trx.insertInto('talent_transfers').values(row).execute();
    await recordAudit(trx, deps, actor, {
      action: 'transfer_request',
      entityType: 'talent_transfer',
      entityId: row.id,
      entityLabel: input.name,
      regionCode: input.toRegionCode,
      after: { toRegion: input.toRegionCode, reason: input.reason },
    });
    return toDto(row, new Map([[region.code, region.name]]), actor.scope);
  });
}

const inScopeCode = (scope: Pick<Scope, 'regionCode'>, code: string) => isInScope(scope, code);

function toDto(t: TalentTransfersTable, names: Map<string, string>, scope: Pick<Scope, 'regionCode'>) {
  const mayDecide = t.status === 'pending' && inScopeCode(scope, t.from_region);
  return {
    id: t.id,
    talentName: t.talent_name,
    // The record's current region is shown only to those who may see it.
    fromRegion: inScopeCode(scope, t.from_region) ? t.from_region : null,
    fromRegionName: inScopeCode(scope, t.from_region) ? (names.get(t.from_region) ?? null) : null,
    talentId: inScopeCode(scope, t.from_region) || (t.status === 'approved' && inScopeCode(scope, t.to_region)) ? t.talent_id : null,
    toRegion: t.to_region,
    toRegionName: names.get(t.to_region) ?? null,
    reason: t.reason,
    status: t.status as 'pending' | 'approved' | 'rejected',
    requestedBy: t.requested_by_name,
    requestedAt: t.requested_at,
    decidedBy: t.decided_by_name,
    decidedAt: t.decided_at,
    decisionNote: t.decision_note,
    mayDecide,
  };
}
export type TransferDto = ReturnType<typeof toDto>;

export async function listTransfers(deps: Deps, scope: Scope, f: { direction: 'to_decide' | 'requested'; status?: string; page: number; pageSize: number }) {
  let q = deps.db
    .selectFrom('talent_transfers')
    .where((eb) => inScope(eb, f.direction === 'to_decide' ? 'talent_transfers.from_region' : 'talent_transfers.to_region', scope));
  if (f.status) q = q.where('status', '=', f.status);
  const [{ total }] = await q.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await q
    .selectAll()
    .orderBy('requested_at', 'desc')
    .orderBy('id', 'desc')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  const names = new Map((await findRegions(deps.db, [...new Set(rows.flatMap((r) => [r.from_region, r.to_region]))])).map((r) => [r.code, r.name]));
  return { items: rows.map((r) => toDto(r, names, scope)), total: Number(total) };
}

async function loadDecidable(db: Kysely<Database> | Transaction<Database>, actor: Actor, id: string) {
  const t = await db
    .selectFrom('talent_transfers')
    .selectAll()
    .where('id', '=', id)
    .where((eb) => inScope(eb, 'talent_transfers.from_region', actor.scope))
    .executeTakeFirst();
  if (!t) throw notFound('调入申请');
  if (t.status !== 'pending') throw new DomainError('CONFLICT', '该申请已处理,不能重复审核');
  return t;
}

export async function decideTransfer(deps: Deps, actor: Actor, id: string, decision: 'approved' | 'rejected', note: string) {
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    // Read on the transaction: SQLite has one connection, and a read on deps.db here would wait for
    // this very transaction to end (every decision hung; found by tests/api/talents-scope-transfers).
    const t = await loadDecidable(trx, actor, id);
    // Claim the decision first, conditionally: of two simultaneous decisions only one finds the request
    // still pending (PostgreSQL makes the second wait for the first's row lock and then sees 0 rows).
    // Before, both passed the status check and both applied (found by tests/api/talents-scope-transfers).
    const claimed = await trx
      .updateTable('talent_transfers')
      .set({ status: decision, decided_by_name: actor.username, decided_at: now, decision_note: note })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw new DomainError('CONFLICT', '该申请已处理,不能重复审核');
    const talent = await repo.findTalentById(trx, t.talent_id);
    if (!talent) throw notFound('人才');
    if (decision === 'approved') {
      if (talent.region_code !== t.from_region) throw new DomainError('CONFLICT', '该人才的所在地区已变化,请驳回后重新申请');
      const before = storedInput(talent, await repo.loadChildren(trx, talent.id), deps.crypto);
      const record = await recordFor(trx, deps, { ...before, regionCode: t.to_region }, talent, now);
      await repo.replaceTalent(trx, record);
      await applyStatDeltas(trx, statDelta(talent, record.row));
      // Linked social-worker accounts follow their record.
      await trx
        .updateTable('users')
        .set({ region_code: t.to_region, updated_at: now })
        .where('bound_entity_type', '=', 'talent')
        .where('bound_entity_id', '=', talent.id)
        .execute();
      await recordAudit(trx, deps, actor, {
        action: 'update',
        entityType: 'talent',
        entityId: talent.id,
        entityLabel: talent.name,
        regionCode: t.to_region,
        changes: { regionCode: [t.from_region, t.to_region] },
      });
    }
    await recordAudit(trx, deps, actor, {
      action: decision === 'approved' ? 'transfer_approve' : 'transfer_reject',
      entityType: 'talent_transfer',
      entityId: id,
      entityLabel: talent.name,
      regionCode: t.from_region,
      changes: { status: ['pending', decision], toRegion: [t.from_region, t.to_region], ...(note ? { note: [null, note] } : {}) },
    });
  });
  const row = await deps.db.selectFrom('talent_transfers').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const names = new Map((await findRegions(deps.db, [row.from_region, row.to_region])).map((r) => [r.code, r.name]));
  return toDto(row, names, actor.scope);
}
