import type { Kysely, Transaction } from 'kysely';
import { COUNTRY_CODE, isWithin, levelOf, subtreeRange } from '../../../domain/standards/region-code.ts';
import { defaultRuleSetFor, evaluateKeyTalent, type KeyRuleSet, keyRuleSetSchema } from '../../../domain/talents/key-talent-rules.ts';
import { assertInScope } from '../../auth/scope.ts';
import { chinaToday } from '../../clock.ts';
import type { Actor, Deps } from '../../context.ts';
import type { Database } from '../../db/schema.ts';
import { DomainError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { findRegion } from '../regions/regions.repository.ts';
import { applyStatDeltas } from './talent-stats.repository.ts';
import { addContribution, type StatDeltas } from './talent-stats.ts';
import type { TalentRow } from './talents.repository.ts';

type Conn = Kysely<Database> | Transaction<Database>;

/** The province's rule set: stored, or the default (Guizhou's policy) until an administrator edits it. */
export async function ruleSetFor(
  db: Conn,
  provinceCode: string,
): Promise<{ ruleSet: KeyRuleSet; custom: boolean; updatedAt: string | null; updatedBy: string | null }> {
  const row = await db.selectFrom('key_rule_sets').selectAll().where('province_code', '=', provinceCode).executeTakeFirst();
  if (!row) return { ruleSet: defaultRuleSetFor(provinceCode), custom: false, updatedAt: null, updatedBy: null };
  return { ruleSet: keyRuleSetSchema.parse(JSON.parse(row.rules)), custom: true, updatedAt: row.updated_at, updatedBy: row.updated_by };
}

export function assertProvince(actor: Actor, provinceCode: string, mode: 'read' | 'write' = 'write') {
  if (levelOf(provinceCode) !== 1)
    throw new DomainError('VALIDATION_FAILED', '认定规则按省设置,请选择省级区划', [{ field: 'provinceCode', message: '请选择省级区划' }]);
  // Everyone working inside a province may read its rules (they decide the key status every list
  // shows; the route needs talent.read). Before, a city or county user got 403 for their own province.
  if (mode === 'read' && isWithin(actor.scope.regionCode, provinceCode)) return;
  // A province administrator edits their own province; the national administrator any.
  if (actor.scope.regionCode !== COUNTRY_CODE) assertInScope(actor.scope, provinceCode);
}

/**
 * Saves a province's rules and re-decides every talent of the province in the same transaction,
 * so the list, the counts and the summary agree with the new rules the moment they are saved.
 */
export async function updateRuleSet(deps: Deps, actor: Actor, provinceCode: string, ruleSet: KeyRuleSet) {
  assertProvince(actor, provinceCode);
  const region = await findRegion(deps.db, provinceCode);
  if (!region) throw new DomainError('NOT_FOUND', '省级区划不存在');
  const before = await ruleSetFor(deps.db, provinceCode);
  const now = deps.clock.now().toISOString();
  let changed = 0;
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('key_rule_sets')
      .values({ province_code: provinceCode, rules: JSON.stringify(ruleSet), updated_at: now, updated_by: actor.username })
      .onConflict((oc) => oc.column('province_code').doUpdateSet({ rules: JSON.stringify(ruleSet), updated_at: now, updated_by: actor.username }))
      .execute();
    changed = await reapplyRules(trx, provinceCode, ruleSet, chinaToday(deps.clock), now);
    await recordAudit(trx, deps, actor, {
      action: 'update',
      entityType: 'key_rule_set',
      entityId: provinceCode,
      entityLabel: `${region.name}重点人才认定规则`,
      regionCode: provinceCode,
      changes: { rules: [before.ruleSet.rules.map((r) => r.label), ruleSet.rules.map((r) => r.label)], recomputed: [null, changed] },
    });
  });
  return { ...(await ruleSetFor(deps.db, provinceCode)), recomputed: changed };
}

/** Re-evaluates the key status of every talent in the province; returns how many changed. */
async function reapplyRules(trx: Conn, provinceCode: string, ruleSet: KeyRuleSet, today: string, at: string): Promise<number> {
  const { lower, upper } = subtreeRange(provinceCode);
  let after = '';
  let changed = 0;
  for (;;) {
    const rows: TalentRow[] = await trx
      .selectFrom('talents')
      .selectAll()
      .where('region_code', '>=', lower)
      .where('region_code', '<', upper)
      .where('id', '>', after)
      .orderBy('id')
      .limit(2000)
      .execute();
    if (!rows.length) break;
    after = rows[rows.length - 1].id;
    const ids = rows.map((r) => r.id);
    const [certs, edus] = await Promise.all([
      trx.selectFrom('talent_certificates').selectAll().where('talent_id', 'in', ids).execute(),
      trx.selectFrom('talent_educations').selectAll().where('talent_id', 'in', ids).execute(),
    ]);
    const deltas: StatDeltas = new Map();
    for (const r of rows) {
      const reasons = evaluateKeyTalent(ruleSet, provinceCode, {
        birthDate: r.birth_date,
        nativePlace: r.native_place,
        regionCode: r.region_code,
        certificates: certs
          .filter((c) => c.talent_id === r.id)
          .map((c) => ({ level: c.level as never, obtainedYear: Number(c.obtained_year), registeredOn: c.registered_on, reregisteredOn: c.reregistered_on })),
        educations: edus
          .filter((e) => e.talent_id === r.id)
          .map((e) => ({ level: e.level as never, majorClass: e.major_class as never, degree: e.degree as never, graduationYear: e.graduation_year })),
        titleLevel: r.title_level as never,
        teachingSubject: r.teaching_subject as never,
        trainings: [],
      });
      const isKey = reasons.length > 0 ? 1 : 0;
      const json = JSON.stringify(reasons);
      if (isKey === r.is_key && json === r.key_reasons) continue;
      const next = { ...r, is_key: isKey, key_reasons: json, key_since: isKey ? (r.is_key ? r.key_since : today) : null, updated_at: at };
      await trx.updateTable('talents').set({ is_key: next.is_key, key_reasons: json, key_since: next.key_since }).where('id', '=', r.id).execute();
      addContribution(deltas, r, -1);
      addContribution(deltas, next, 1);
      changed++;
    }
    await applyStatDeltas(trx, deltas);
  }
  return changed;
}
