import type { Kysely, Transaction } from 'kysely';
import { parseIdNumber } from '../../../domain/standards/id-number.ts';
import { ancestorCodes, COUNTRY_CODE } from '../../../domain/standards/region-code.ts';
import { ageOn, isYouth } from '../../../domain/talents/age.ts';
import { isReregistrationDue } from '../../../domain/talents/continuing-education.ts';
import type { TalentDetail, TalentInput, TalentPatch } from '../../../domain/talents/talent.schema.ts';
import { assertInScope, type Scope } from '../../auth/scope.ts';
import { chinaToday } from '../../clock.ts';
import type { Actor, Deps } from '../../context.ts';
import type { Database } from '../../db/schema.ts';
import { DomainError, notFound, validationFailed } from '../../errors.ts';
import { browseAudit, recordAudit } from '../audit/audit.service.ts';
import { findRegion, findRegions } from '../regions/regions.repository.ts';
import { ruleSetFor } from './key-rules.service.ts';
import { buildTalentRecord, provinceOf, type TalentRecord } from './talent-record.ts';
import { applyStatDeltas } from './talent-stats.repository.ts';
import { statDelta } from './talent-stats.ts';
import { auditView, keyReasonsOf, storedInput, tierCode, toListItem } from './talent-views.ts';
import * as repo from './talents.repository.ts';

type Conn = Kysely<Database> | Transaction<Database>;

export const TALENT_ELSEWHERE_MESSAGE = '该身份证号码已在其他地区登记,不能重复登记。如本人已到您的辖区工作,可提交调入申请,由其原所在地的管理员审核。';

/** The hash to search by when a list query looks like an ID number (exact match, never a scan). */
export function idHashOfQuery(deps: Deps, q: string | undefined): string | null {
  if (!q) return null;
  const parsed = parseIdNumber(q);
  return parsed.ok ? deps.crypto.lookupHash(parsed.value.idNumber) : null;
}

export async function listTalents(deps: Deps, scope: Scope, filter: repo.TalentFilter & { page: number; pageSize: number }) {
  const today = chinaToday(deps.clock);
  const { items, total, totalCapped } = await repo.listTalents(deps.db, scope, filter, today, idHashOfQuery(deps, filter.q));
  const names = new Map((await findRegions(deps.db, [...new Set(items.map((r) => r.region_code))])).map((r) => [r.code, r.name]));
  return { items: items.map((r) => toListItem(r, names.get(r.region_code) ?? null, today)), total, totalCapped };
}

/** The region a talent is registered in must exist, be active, and lie in the actor's scope. */
async function checkRegion(db: Conn, scope: Scope, regionCode: string, field = 'regionCode') {
  assertInScope(scope, regionCode);
  const region = await findRegion(db, regionCode);
  if (region?.status !== 'active') throw validationFailed([{ field, message: '所选工作地区不存在或已撤销' }]);
  if (region.level < 3) throw validationFailed([{ field, message: '工作地区请选择到县(市、区)或乡镇(街道)、村(社区)' }]);
  return region;
}

/** Builds a record with the rules and region facts it depends on. */
export async function recordFor(db: Conn, deps: Deps, input: TalentInput, previous: repo.TalentRow | null, at: string): Promise<TalentRecord> {
  const [{ ruleSet }, region] = await Promise.all([ruleSetFor(db, provinceOf(input.regionCode)), findRegion(db, input.regionCode)]);
  return buildTalentRecord(input, { crypto: deps.crypto, ruleSet, urbanRuralClass: region?.urban_rural_class ?? null, at, previous });
}

/** Refuses an ID number registered to another record, without revealing anything outside the scope. */
async function assertIdFree(db: Conn, deps: Deps, scope: Scope, idNumber: string, selfId: string | null) {
  const existing = await repo.findTalentByIdHash(
    db,
    deps.crypto.lookupHash(parseIdNumber(idNumber).ok ? (parseIdNumber(idNumber) as { value: { idNumber: string } }).value.idNumber : idNumber),
  );
  if (!existing || existing.id === selfId) return;
  const inScope = (await repo.findTalentInScope(db, scope, existing.id)) !== undefined;
  if (inScope) {
    throw new DomainError('CONFLICT', `该身份证号码已登记(${existing.name}),请勿重复登记`, [
      { field: 'idNumber', message: '该身份证号码已登记', code: 'TALENT_EXISTS' },
      { field: 'existingId', message: existing.id },
    ]);
  }
  throw new DomainError('TALENT_ELSEWHERE', TALENT_ELSEWHERE_MESSAGE, [
    { field: 'idNumber', message: '该身份证号码已在其他地区登记,可申请调入', code: 'TALENT_ELSEWHERE' },
  ]);
}

const maskedOf = (r: repo.TalentRow) => ({ idNumber: r.id_masked, phone: r.phone_masked });

export async function createTalent(deps: Deps, actor: Actor, input: TalentInput): Promise<TalentDetail> {
  const now = deps.clock.now().toISOString();
  const id = await deps.db.transaction().execute(async (trx) => {
    await checkRegion(trx, actor.scope, input.regionCode);
    await assertIdFree(trx, deps, actor.scope, input.idNumber, null);
    const record = await recordFor(trx, deps, input, null, now);
    await repo.insertTalent(trx, record);
    await applyStatDeltas(trx, statDelta(null, record.row));
    await recordAudit(trx, deps, actor, {
      action: 'create',
      entityType: 'talent',
      entityId: record.row.id,
      entityLabel: record.row.name,
      regionCode: record.row.region_code,
      before: null,
      after: auditView(input, maskedOf(record.row), record.row.is_key === 1),
    });
    return record.row.id;
  });
  return getTalent(deps, actor.scope, id);
}

async function loadInScope(db: Conn, scope: Pick<Scope, 'regionCode'>, id: string) {
  const row = await repo.findTalentInScope(db, scope, id);
  if (!row) throw notFound('人才');
  return row;
}

export async function getTalent(deps: Deps, scope: Pick<Scope, 'regionCode'>, id: string): Promise<TalentDetail> {
  const row = await loadInScope(deps.db, scope, id);
  const children = await repo.loadChildren(deps.db, id);
  const today = chinaToday(deps.clock);
  const codes = [...ancestorCodes(row.region_code).filter((c) => c !== COUNTRY_CODE), row.region_code];
  const regions = await findRegions(deps.db, [...codes, ...(row.native_place ? [row.native_place] : [])]);
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const account = await deps.db.selectFrom('users').select('id').where('bound_entity_type', '=', 'talent').where('bound_entity_id', '=', id).executeTakeFirst();
  const input = storedInput(row, children, deps.crypto);
  const age = ageOn(row.birth_date, today);
  const withIds = <T extends object>(rows: { id: string }[], items: T[]) => items.map((x, i) => ({ id: rows[i].id, ...x }));
  return {
    id: row.id,
    name: row.name,
    idNumberMasked: row.id_masked,
    sex: row.sex,
    birthDate: row.birth_date,
    age,
    youth: isYouth(age),
    ethnicity: row.ethnicity,
    nativePlace: row.native_place,
    nativePlaceName: row.native_place ? (byCode.get(row.native_place)?.name ?? null) : null,
    phoneMasked: row.phone_masked,
    partyMember: row.party_member === 1,
    regionCode: row.region_code,
    regionPath: codes.flatMap((c) => {
      const r = byCode.get(c);
      return r ? [{ code: r.code, name: r.name, level: r.level }] : [];
    }),
    urbanRural: (row.urban_rural as 'urban' | 'rural' | null) ?? null,
    categories: input.categories,
    fields: input.fields,
    roles: input.roles,
    tier: tierCode(row.tier),
    educationLevel: row.education_level,
    titleLevel: row.title_level,
    titleName: row.title_name,
    teachingSubject: row.teaching_subject,
    employer: row.employer,
    post: row.post,
    professionalPost: row.professional_post === 1,
    employmentStart: row.employment_start,
    status: input.status,
    isKey: row.is_key === 1,
    keyReasons: keyReasonsOf(row),
    keySince: row.key_since,
    continuingEducation: {
      periodStart: row.ce_period_start,
      reregistrationDue: row.rereg_due,
      required: Number(row.ce_required),
      hours: Number(row.ce_hours),
      short: Number(row.ce_required) > 0 && Number(row.ce_hours) < Number(row.ce_required),
      due: isReregistrationDue(row.rereg_due, today),
    },
    certificates: withIds(children.certificates, input.certificates),
    educations: withIds(children.educations, input.educations),
    employments: withIds(children.employments, input.employments),
    trainings: withIds(children.trainings, input.trainings),
    honours: withIds(children.honours, input.honours),
    dispatches: withIds(children.dispatches, input.dispatches),
    hasAccount: !!account,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * Applies a patch: the stored record (decrypted) with the patch on top is rebuilt as a whole, so the
 * derived columns and the summary follow every change. Moving a talent to another region inside the
 * scope is an edit; moving it in from outside is a transfer.
 */
export async function updateTalent(deps: Deps, actor: Actor, id: string, patch: TalentPatch, who: 'admin' | 'self' = 'admin'): Promise<TalentDetail> {
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute((trx) => applyTalentUpdate(trx, deps, actor, id, patch, who, now));
  return getTalent(deps, who === 'self' ? { regionCode: COUNTRY_CODE } : actor.scope, id);
}

/**
 * The edit itself, in the caller's transaction (an approved submission joins the record in the same
 * transaction that marks it approved, so two simultaneous approvals cannot both add it).
 */
export async function applyTalentUpdate(
  trx: Transaction<Database>,
  deps: Deps,
  actor: Actor,
  id: string,
  patch: TalentPatch,
  who: 'admin' | 'self',
  now: string,
): Promise<void> {
  const row = who === 'self' ? await repo.findTalentById(trx, id) : await loadInScope(trx, actor.scope, id);
  if (!row) throw notFound('人才');
  const before = storedInput(row, await repo.loadChildren(trx, id), deps.crypto);
  const merged: TalentInput = { ...before, ...patch } as TalentInput;
  if (patch.idNumber !== undefined || patch.birthDate !== undefined || patch.sex !== undefined) {
    // Derived identity fields follow the (new) ID number unless given together with it.
    const parsed = parseIdNumber(merged.idNumber);
    if (!parsed.ok) throw validationFailed([{ field: 'idNumber', message: parsed.message }]);
    if (patch.birthDate === undefined) merged.birthDate = parsed.value.birthDate;
    if (patch.sex === undefined) merged.sex = String(parsed.value.sex) as '1' | '2';
    if (merged.birthDate !== parsed.value.birthDate)
      throw validationFailed([{ field: 'birthDate', message: `身份证号码显示出生日期为${parsed.value.birthDate}` }]);
    if (merged.sex !== String(parsed.value.sex)) throw validationFailed([{ field: 'sex', message: '性别与身份证号码第17位不一致' }]);
  }
  if (patch.regionCode !== undefined && patch.regionCode !== row.region_code) await checkRegion(trx, actor.scope, patch.regionCode);
  if (patch.idNumber !== undefined) await assertIdFree(trx, deps, actor.scope, merged.idNumber, id);
  const record = await recordFor(trx, deps, merged, row, now);
  await repo.replaceTalent(trx, record);
  await applyStatDeltas(trx, statDelta(row, record.row));
  await recordAudit(trx, deps, actor, {
    action: 'update',
    entityType: 'talent',
    entityId: id,
    entityLabel: record.row.name,
    regionCode: record.row.region_code,
    before: auditView(before, maskedOf(row), row.is_key === 1),
    after: auditView(merged, maskedOf(record.row), record.row.is_key === 1),
  });
}

export async function deleteTalent(deps: Deps, actor: Actor, id: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const row = await loadInScope(trx, actor.scope, id);
    const before = storedInput(row, await repo.loadChildren(trx, id), deps.crypto);
    await trx.updateTable('users').set({ bound_entity_id: null }).where('bound_entity_type', '=', 'talent').where('bound_entity_id', '=', id).execute();
    await repo.deleteTalent(trx, id);
    await applyStatDeltas(trx, statDelta(row, null));
    await recordAudit(trx, deps, actor, {
      action: 'delete',
      entityType: 'talent',
      entityId: id,
      entityLabel: row.name,
      regionCode: row.region_code,
      before: auditView(before, maskedOf(row), row.is_key === 1),
      after: null,
    });
  });
}

/** The full ID number and phone, for roles that may see them; every reveal is in the audit log. */
export async function revealTalent(deps: Deps, actor: Actor, id: string): Promise<{ idNumber: string; phone: string | null }> {
  const row = await loadInScope(deps.db, actor.scope, id);
  await recordAudit(deps.db, deps, actor, {
    action: 'reveal',
    entityType: 'talent',
    entityId: id,
    entityLabel: row.name,
    regionCode: row.region_code,
    changes: { revealed: [null, '身份证号码、联系电话'] },
  });
  return { idNumber: deps.crypto.decrypt(row.id_enc), phone: row.phone_enc ? deps.crypto.decrypt(row.phone_enc) : null };
}

/** The record's change history: every audit entry about it, including those from before a transfer. */
export async function talentHistory(deps: Deps, scope: Scope, id: string, page: number, pageSize: number) {
  await loadInScope(deps.db, scope, id);
  return browseAudit(deps, { regionCode: COUNTRY_CODE, bound: null }, { entityType: 'talent', entityId: id, page, pageSize });
}
