import { checkNewRegionCode, checkRevocationDate, checkSuccessor } from '../../../domain/regions/region-edit.ts';
import { ancestorCodes, parentCodeOf, subtreeRange } from '../../../domain/standards/region-code.ts';
import { assertInScope, type Scope } from '../../auth/scope.ts';
import type { Actor, Deps } from '../../context.ts';
import { DomainError, notFound, validationFailed } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { type RegionDto, toRegionDto } from './region.dto.ts';
import { buildRegionRow } from './region-row.ts';
import { adjustAncestors, deleteStatsInRange, statsOf, statsOfChildren } from './region-stats.repository.ts';
import * as repo from './regions.repository.ts';

export interface RegionDetail {
  region: RegionDto;
  /** Ancestors, country root first: names for breadcrumbs, even above the caller's scope. */
  path: Array<{ code: string; name: string; level: number }>;
  /** Active divisions in the subtree by level, e.g. { 4: 112, 5: 1503 }. */
  counts: Record<string, number>;
}

async function loadInScope(deps: Deps, scope: Scope, code: string) {
  assertInScope(scope, code);
  const row = await repo.findRegion(deps.db, code);
  if (!row) throw notFound('区划');
  return row;
}

export async function getRegion(deps: Deps, scope: Scope, code: string): Promise<RegionDetail> {
  const row = await loadInScope(deps, scope, code);
  const ancestors = await repo.findRegions(deps.db, ancestorCodes(code));
  const counts = await statsOf(deps.db, code);
  return {
    region: toRegionDto(row),
    path: ancestors.sort((a, b) => a.code.localeCompare(b.code)).map((r) => ({ code: r.code, name: r.name, level: Number(r.level) })),
    counts: Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, v])),
  };
}

/** Children with their direct child count and, per level below them, their descendants' counts. */
export async function listChildren(deps: Deps, scope: Scope, code: string, includeRevoked: boolean) {
  const parent = await loadInScope(deps, scope, code);
  const rows = await repo.listChildren(deps.db, code, includeRevoked);
  if (Number(parent.level) >= 4 || !rows.length) return rows.map((r) => ({ ...toRegionDto(r), childCount: r.child_count, descendantCounts: {} }));
  const counts = await statsOfChildren(deps.db, code);
  return rows.map((r) => ({ ...toRegionDto(r), childCount: r.child_count, descendantCounts: counts.get(r.code) ?? {} }));
}

export async function searchRegions(deps: Deps, scope: Scope, q: string, limit: number, maxLevel?: number) {
  const rows = await repo.searchRegions(deps.db, scope, q, limit, maxLevel);
  // Give each hit its ancestors' names so "云岩区" and "南明区 / 中华北路街道" are told apart.
  const ancestorSet = new Set(rows.flatMap((r) => ancestorCodes(r.code).filter((c) => c !== '000000000000')));
  const names = new Map((await repo.findRegions(deps.db, [...ancestorSet])).map((r) => [r.code, r.name]));
  return rows.map((r) => ({
    ...toRegionDto(r),
    pathName: [
      ...ancestorCodes(r.code)
        .filter((c) => c !== '000000000000')
        .map((c) => names.get(c) ?? c),
      r.name,
    ].join(' / '),
  }));
}

export interface NewRegionInput {
  code: string;
  name: string;
  urbanRuralClass?: string | null;
  population?: number | null;
  designations?: string[];
  validFrom?: string;
}

export async function createRegion(deps: Deps, actor: Actor, input: NewRegionInput): Promise<RegionDto> {
  const problems = checkNewRegionCode(input.code, actor.scope.regionCode);
  if (problems.length)
    throw problems[0].code === 'SCOPE_FORBIDDEN' ? new DomainError('SCOPE_FORBIDDEN', problems[0].message, problems) : validationFailed(problems);
  const parentCode = parentCodeOf(input.code) as string;
  const now = deps.clock.now().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    if (await repo.findRegion(trx, input.code)) {
      throw new DomainError('CONFLICT', '该区划代码已存在(含已撤销的区划,代码不可重复使用)', [{ field: 'code', message: '该区划代码已存在' }]);
    }
    const parent = await repo.findRegion(trx, parentCode);
    if (parent?.status !== 'active') {
      throw validationFailed([{ field: 'code', message: `上级区划 ${parentCode} 不存在或已撤销` }]);
    }
    const row = buildRegionRow({
      code: input.code,
      name: input.name,
      validFrom: input.validFrom ?? now.slice(0, 10),
      at: now,
      urbanRuralClass: input.urbanRuralClass,
      population: input.population,
      populationSource: input.population != null ? 'manual' : null,
      designations: input.designations,
    });
    await repo.insertRegion(trx, row);
    const ancestors = (await repo.findRegions(trx, ancestorCodes(row.code))).map((a) => a.code);
    await adjustAncestors(trx, ancestors, { [row.level]: 1 });
    const dto = toRegionDto(row);
    await recordAudit(trx, deps, actor, {
      action: 'create',
      entityType: 'region',
      entityId: row.code,
      entityLabel: row.name,
      regionCode: row.code,
      before: null,
      after: { ...dto },
    });
    return dto;
  });
}

export interface RegionPatch {
  name?: string;
  urbanRuralClass?: string | null;
  population?: number | null;
  designations?: string[];
}

export async function updateRegion(deps: Deps, actor: Actor, code: string, patch: RegionPatch): Promise<RegionDto> {
  assertInScope(actor.scope, code);
  return deps.db.transaction().execute(async (trx) => {
    const row = await repo.findRegion(trx, code);
    if (!row) throw notFound('区划');
    if (row.status !== 'active') throw new DomainError('CONFLICT', '已撤销的区划不能修改');
    const before = toRegionDto(row);
    const set: Partial<repo.RegionRow> = { updated_at: deps.clock.now().toISOString() };
    if (patch.name !== undefined) set.name = patch.name;
    if (patch.urbanRuralClass !== undefined) set.urban_rural_class = patch.urbanRuralClass;
    if (patch.population !== undefined) {
      set.population = patch.population;
      set.population_source = patch.population === null ? null : 'manual';
    }
    if (patch.designations !== undefined) set.designations = JSON.stringify([...new Set(patch.designations)]);
    await repo.updateRegion(trx, code, set);
    const after = toRegionDto({ ...row, ...set });
    await recordAudit(trx, deps, actor, {
      action: 'update',
      entityType: 'region',
      entityId: code,
      entityLabel: row.name,
      regionCode: code,
      before: { ...before },
      after: { ...after },
    });
    return after;
  });
}

export interface RevokeInput {
  validTo: string;
  replacedBy?: string | null;
}

/**
 * Revokes a division and its whole subtree (their codes embed it, so they cannot outlive it).
 * Rows stay with status 'revoked' and valid_to: history and old records keep resolving.
 */
export async function revokeRegion(deps: Deps, actor: Actor, code: string, input: RevokeInput): Promise<{ revoked: number }> {
  assertInScope(actor.scope, code);
  if (code === actor.scope.regionCode) throw new DomainError('SCOPE_FORBIDDEN', '不能撤销您本人所管辖的区划,请联系上级管理员');
  return deps.db.transaction().execute(async (trx) => {
    const row = await repo.findRegion(trx, code);
    if (!row) throw notFound('区划');
    if (row.status !== 'active') throw new DomainError('CONFLICT', '该区划已撤销');
    const problems = checkRevocationDate(row.valid_from, input.validTo);
    if (input.replacedBy) {
      problems.push(...checkSuccessor(code, input.replacedBy));
      const succ = await repo.findRegion(trx, input.replacedBy);
      if (!problems.length && succ?.status !== 'active') problems.push({ field: 'replacedBy', code: 'NOT_FOUND', message: '合并目标区划不存在或已撤销' });
      else if (!problems.length) assertInScope(actor.scope, input.replacedBy);
    }
    if (problems.length) throw validationFailed(problems);
    const { lower, upper } = subtreeRange(code);
    const now = deps.clock.now().toISOString();
    // Claim the row before touching anything: on PostgreSQL a parallel revoke of the same region
    // waits on this row lock and then matches nothing, instead of also passing the check above and
    // subtracting the subtree from region_stats (and auditing) twice (tests/api/regions.test.ts).
    const claimed = await trx.updateTable('regions').set({ updated_at: now }).where('code', '=', code).where('status', '=', 'active').executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw new DomainError('CONFLICT', '该区划已撤销');
    const affected = await trx
      .selectFrom('regions')
      .select(['code', 'status'])
      .where('code', '>=', lower)
      .where('code', '<', upper)
      .where('status', '=', 'active')
      .execute();
    // The summary loses the subtree: its counts leave every ancestor, its own rows go.
    const removed: Record<number, number> = { [Number(row.level)]: -1 };
    for (const [lvl, n] of Object.entries(await statsOf(trx, code))) removed[Number(lvl)] = -n;
    const ancestors = (await repo.findRegions(trx, ancestorCodes(code))).map((a) => a.code);
    await adjustAncestors(trx, ancestors, removed);
    await deleteStatsInRange(trx, lower, upper);
    await trx
      .updateTable('regions')
      .set({ status: 'revoked', valid_to: input.validTo, updated_at: now })
      .where('code', '>=', lower)
      .where('code', '<', upper)
      .where('status', '=', 'active')
      .execute();
    await repo.updateRegion(trx, code, { replaced_by: input.replacedBy ?? null });
    await recordAudit(trx, deps, actor, {
      action: 'revoke',
      entityType: 'region',
      entityId: code,
      entityLabel: row.name,
      regionCode: code,
      changes: {
        status: ['active', 'revoked'],
        validTo: [null, input.validTo],
        replacedBy: [null, input.replacedBy ?? null],
        subtreeRevoked: [null, affected.length],
      },
    });
    return { revoked: affected.length };
  });
}
