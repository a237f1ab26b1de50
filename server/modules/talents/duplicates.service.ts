import { sql } from 'kysely';
import { orderedPair } from '../../../domain/talents/duplicates.ts';
import { inScope, type Scope } from '../../auth/scope.ts';
import type { Actor, Deps } from '../../context.ts';
import { DomainError, notFound } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { findRegions } from '../regions/regions.repository.ts';
import { applyStatDeltas } from './talent-stats.repository.ts';
import { statDelta } from './talent-stats.ts';
import { auditView, storedInput, tierCode } from './talent-views.ts';
import * as repo from './talents.repository.ts';
import { recordFor } from './talents.service.ts';

/**
 * Duplicate suspects: the same name and birth date in the same region under different ID numbers
 * (a mistyped number registered twice, usually). An administrator merges the pair or dismisses it.
 */
export async function listDuplicates(deps: Deps, scope: Scope, limit = 100) {
  const groups = await deps.db
    .selectFrom('talents')
    .select(['region_code', 'name', 'birth_date'])
    .where((eb) => inScope(eb, 'talents.region_code', scope))
    .groupBy(['region_code', 'name', 'birth_date'])
    .having(sql`count(*)`, '>', 1)
    .orderBy('region_code')
    .limit(limit)
    .execute();
  const dismissed = new Set((await deps.db.selectFrom('talent_duplicate_dismissals').select(['a_id', 'b_id']).execute()).map((d) => `${d.a_id}|${d.b_id}`));
  const pairs = [];
  for (const g of groups) {
    const members = await deps.db
      .selectFrom('talents')
      .selectAll()
      .where('region_code', '=', g.region_code)
      .where('name', '=', g.name)
      .where('birth_date', '=', g.birth_date)
      .orderBy('created_at')
      .execute();
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const [a, b] = orderedPair(members[i].id, members[j].id);
        if (dismissed.has(`${a}|${b}`)) continue;
        pairs.push([members[i], members[j]]);
      }
    }
  }
  const names = new Map((await findRegions(deps.db, [...new Set(groups.map((g) => g.region_code))])).map((r) => [r.code, r.name]));
  const brief = (t: repo.TalentRow) => ({
    id: t.id,
    name: t.name,
    idNumberMasked: t.id_masked,
    birthDate: t.birth_date,
    tier: tierCode(t.tier),
    employer: t.employer,
    status: t.status,
    createdAt: t.created_at,
    updatedAt: t.updated_at,
  });
  return {
    items: pairs.map(([a, b]) => ({ regionCode: a.region_code, regionName: names.get(a.region_code) ?? null, a: brief(a), b: brief(b) })),
  };
}

async function loadPair(deps: Deps, actor: Actor, aId: string, bId: string) {
  if (aId === bId) throw new DomainError('VALIDATION_FAILED', '请选择两条不同的记录', [{ field: 'mergeId', message: '不能与自身合并' }]);
  const [a, b] = await Promise.all([repo.findTalentInScope(deps.db, actor.scope, aId), repo.findTalentInScope(deps.db, actor.scope, bId)]);
  if (!a || !b) throw notFound('人才');
  if (a.region_code !== b.region_code || a.name !== b.name || a.birth_date !== b.birth_date) {
    throw new DomainError('VALIDATION_FAILED', '只能合并同一地区、姓名和出生日期相同的疑似重复记录');
  }
  return [a, b] as const;
}

export async function dismissDuplicate(deps: Deps, actor: Actor, aId: string, bId: string) {
  const [a] = await loadPair(deps, actor, aId, bId);
  const [x, y] = orderedPair(aId, bId);
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('talent_duplicate_dismissals')
      .values({ a_id: x, b_id: y, dismissed_by: actor.username, dismissed_at: deps.clock.now().toISOString() })
      .onConflict((oc) => oc.columns(['a_id', 'b_id']).doNothing())
      .execute();
    await recordAudit(trx, deps, actor, {
      action: 'dismiss_duplicate',
      entityType: 'talent',
      entityId: aId,
      entityLabel: a.name,
      regionCode: a.region_code,
      changes: { notDuplicateOf: [null, bId] },
    });
  });
}

/**
 * Merges `mergeId` into `keepId`: the kept record gains the other's list entries (certificates by
 * number, others as new entries), linked accounts and open requests move over, the other is deleted.
 * The kept record's identity fields win: the merged one is presumed the mistyped registration.
 */
export async function mergeDuplicates(deps: Deps, actor: Actor, keepId: string, mergeId: string) {
  await loadPair(deps, actor, keepId, mergeId);
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    const keep = (await repo.findTalentById(trx, keepId)) as repo.TalentRow;
    const gone = (await repo.findTalentById(trx, mergeId)) as repo.TalentRow;
    const k = storedInput(keep, await repo.loadChildren(trx, keepId), deps.crypto);
    const m = storedInput(gone, await repo.loadChildren(trx, mergeId), deps.crypto);
    const certNos = new Set(k.certificates.map((c) => c.certificateNo));
    const merged = {
      ...k,
      phone: k.phone ?? m.phone,
      nativePlace: k.nativePlace ?? m.nativePlace,
      fields: [...new Set([...k.fields, ...m.fields])],
      categories: [...new Set([...k.categories, ...m.categories])],
      roles: [...new Set([...k.roles, ...m.roles])],
      certificates: [...k.certificates, ...m.certificates.filter((c) => !certNos.has(c.certificateNo))],
      educations: [...k.educations, ...m.educations],
      employments: [...k.employments, ...m.employments],
      trainings: [...k.trainings, ...m.trainings],
      honours: [...k.honours, ...m.honours],
      dispatches: [...k.dispatches, ...m.dispatches],
    };
    await trx.updateTable('users').set({ bound_entity_id: keepId }).where('bound_entity_type', '=', 'talent').where('bound_entity_id', '=', mergeId).execute();
    await trx.updateTable('talent_submissions').set({ talent_id: keepId }).where('talent_id', '=', mergeId).execute();
    await repo.deleteTalent(trx, mergeId);
    await applyStatDeltas(trx, statDelta(gone, null));
    const record = await recordFor(trx, deps, merged, keep, now);
    await repo.replaceTalent(trx, record);
    await applyStatDeltas(trx, statDelta(keep, record.row));
    await recordAudit(trx, deps, actor, {
      action: 'merge',
      entityType: 'talent',
      entityId: keepId,
      entityLabel: keep.name,
      regionCode: keep.region_code,
      before: auditView(k, { idNumber: keep.id_masked, phone: keep.phone_masked }, keep.is_key === 1),
      after: auditView(merged, { idNumber: record.row.id_masked, phone: record.row.phone_masked }, record.row.is_key === 1),
    });
    await recordAudit(trx, deps, actor, {
      action: 'delete',
      entityType: 'talent',
      entityId: mergeId,
      entityLabel: gone.name,
      regionCode: gone.region_code,
      before: auditView(m, { idNumber: gone.id_masked, phone: gone.phone_masked }, gone.is_key === 1),
      after: null,
      changes: { mergedInto: [null, keepId] },
    });
  });
}
