import type { Kysely, Transaction } from 'kysely';
import { type ChecklistItem, checklistSetSchema, DEFAULT_CHECKLIST, evaluateChecklist } from '../../../domain/network/checklist.ts';
import { addPlatformContribution, type NetworkDeltas } from '../../../domain/network/network-stats.ts';
import { COUNTRY_CODE, isWithin, levelOf, subtreeRange } from '../../../domain/standards/region-code.ts';
import { assertInScope } from '../../auth/scope.ts';
import type { Actor, Deps } from '../../context.ts';
import type { Database } from '../../db/schema.ts';
import { DomainError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { findRegion } from '../regions/regions.repository.ts';
import { applyNetworkDeltas } from './network-stats.repository.ts';
import { provincePlatformsPage, setChecklistOutcome } from './platforms.repository.ts';

type Conn = Kysely<Database> | Transaction<Database>;

export const provinceOf = (regionCode: string) => `${regionCode.slice(0, 2)}0000000000`;

/** The province's checklist: stored, or DEFAULT_CHECKLIST until an administrator sets its own. */
export async function checklistFor(
  db: Conn,
  provinceCode: string,
): Promise<{ items: ChecklistItem[]; custom: boolean; updatedAt: string | null; updatedBy: string | null }> {
  const row = await db.selectFrom('checklist_standards').selectAll().where('province_code', '=', provinceCode).executeTakeFirst();
  if (!row) return { items: DEFAULT_CHECKLIST.map((i) => ({ ...i })), custom: false, updatedAt: null, updatedBy: null };
  return { items: checklistSetSchema.parse(JSON.parse(row.items)), custom: true, updatedAt: row.updated_at, updatedBy: row.updated_by };
}

/** Everyone working inside a province may read its checklist; administrators of the province (or the country) change it. */
export function assertChecklistProvince(actor: Actor, provinceCode: string, mode: 'read' | 'write') {
  if (levelOf(provinceCode) !== 1)
    throw new DomainError('VALIDATION_FAILED', '规范化检查项目按省设置,请选择省级区划', [{ field: 'provinceCode', message: '请选择省级区划' }]);
  if (mode === 'read' && isWithin(actor.scope.regionCode, provinceCode)) return;
  if (actor.scope.regionCode !== COUNTRY_CODE) assertInScope(actor.scope, provinceCode);
}

export async function getChecklist(deps: Deps, actor: Actor, provinceCode: string) {
  assertChecklistProvince(actor, provinceCode, 'read');
  if (!(await findRegion(deps.db, provinceCode))) throw new DomainError('NOT_FOUND', '省级区划不存在');
  return { provinceCode, ...(await checklistFor(deps.db, provinceCode)) };
}

/**
 * Saves a province's item set and re-decides every platform of the province (checks met, 规范化)
 * in the same transaction, with the summary, so lists and coverage agree the moment it is saved.
 */
export async function updateChecklist(deps: Deps, actor: Actor, provinceCode: string, items: ChecklistItem[]) {
  assertChecklistProvince(actor, provinceCode, 'write');
  const region = await findRegion(deps.db, provinceCode);
  if (!region) throw new DomainError('NOT_FOUND', '省级区划不存在');
  const now = deps.clock.now().toISOString();
  let recomputed = 0;
  await deps.db.transaction().execute(async (trx) => {
    const before = await checklistFor(trx, provinceCode);
    const json = JSON.stringify(items);
    await trx
      .insertInto('checklist_standards')
      .values({ province_code: provinceCode, items: json, updated_at: now, updated_by: actor.username })
      .onConflict((oc) => oc.column('province_code').doUpdateSet({ items: json, updated_at: now, updated_by: actor.username }))
      .execute();
    recomputed = await redecideProvince(trx, provinceCode, items);
    await recordAudit(trx, deps, actor, {
      action: 'update',
      entityType: 'checklist_standard',
      entityId: provinceCode,
      entityLabel: `${region.name}阵地规范化检查项目`,
      regionCode: provinceCode,
      changes: { items: [before.items.map((i) => i.name).join('、'), items.map((i) => i.name).join('、')], recomputed: [null, recomputed] },
    });
  });
  return { provinceCode, ...(await checklistFor(deps.db, provinceCode)), recomputed };
}

/** Re-evaluates every platform of the province against `items`; returns how many changed. */
async function redecideProvince(trx: Transaction<Database>, provinceCode: string, items: ChecklistItem[]): Promise<number> {
  const { lower, upper } = subtreeRange(provinceCode);
  let after = '';
  let changed = 0;
  for (;;) {
    const { rows, checks } = await provincePlatformsPage(trx, lower, upper, after, 2000);
    if (!rows.length) break;
    after = rows[rows.length - 1].id;
    const metBy = new Map<string, { itemKey: string; met: boolean }[]>();
    for (const c of checks) {
      const list = metBy.get(c.platform_id) ?? [];
      list.push({ itemKey: c.item_key, met: true });
      metBy.set(c.platform_id, list);
    }
    // Only the 'standard' dimension moves (status and region stay), so coverage needs no recount.
    const deltas: NetworkDeltas = new Map();
    for (const r of rows) {
      const outcome = evaluateChecklist(items, metBy.get(r.id) ?? []);
      const standard = outcome.standard ? 1 : 0;
      if (outcome.met === Number(r.checks_met) && standard === r.standard_met) continue;
      await setChecklistOutcome(trx, r.id, outcome.met, outcome.standard);
      if (standard !== r.standard_met) {
        addPlatformContribution(deltas, r, -1);
        addPlatformContribution(deltas, { ...r, standard_met: standard }, 1);
      }
      changed++;
    }
    await applyNetworkDeltas(trx, deltas);
  }
  return changed;
}
