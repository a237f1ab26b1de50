import type { OwnStaffAdd } from '../../../domain/network/agency.schema.ts';
import type { StaffLinkInput } from '../../../domain/network/platform.schema.ts';
import { parseIdNumber } from '../../../domain/standards/id-number.ts';
import { normalizeName } from '../../../domain/talents/duplicates.ts';
import type { Actor, Deps } from '../../context.ts';
import { validationFailed } from '../../errors.ts';
import { findTalentByIdHash } from '../talents/talents.repository.ts';
import * as repo from './agencies.repository.ts';
import { getMyAgency, loadOwnAgency, writeStaff } from './agencies.service.ts';

/**
 * 本机构人员: an agency administrator keeps their own staff list. They have no region scope and cannot
 * search the registry, so a person is added by ID number and name, which must both match a talent
 * working in the field — the answer is only "found" or "not found", as for transfer requests, so the
 * form cannot be used to probe who is registered. Posts, dates and removals work on the current list.
 */
const NO_MATCH = '人才库中没有与该身份证号码和姓名相符的在岗人员，请核对；尚未登记的人员请联系所在地民政部门登记';

export async function addOwnStaff(deps: Deps, actor: Actor, input: OwnStaffAdd) {
  const parsed = parseIdNumber(input.idNumber);
  if (!parsed.ok) throw validationFailed([{ field: 'idNumber', message: parsed.message }]);
  await deps.db.transaction().execute(async (trx) => {
    const row = await loadOwnAgency(trx, actor);
    const talent = await findTalentByIdHash(trx, deps.crypto.lookupHash(parsed.value.idNumber));
    if (!talent || talent.status !== 'active' || normalizeName(talent.name) !== normalizeName(input.name)) {
      throw validationFailed([{ field: 'idNumber', message: NO_MATCH }], NO_MATCH);
    }
    const current = await repo.loadStaff(trx, row.id);
    if (current.some((m) => m.talent_id === talent.id)) throw validationFailed([{ field: 'idNumber', message: '该人员已是本机构工作人员' }]);
    // People already listed stay listed whatever has become of them: only the newcomer is checked here.
    const allowed = new Map(current.map((m) => [m.talent_id, { name: m.name, status: 'active' }]));
    allowed.set(talent.id, { name: talent.name, status: talent.status });
    const staff: StaffLinkInput[] = [
      ...current.map((m) => ({ talentId: m.talent_id, post: m.post, fullTime: m.full_time === 1, since: m.since })),
      { talentId: talent.id, post: input.post, fullTime: input.fullTime, since: input.since },
    ];
    await writeStaff(trx, deps, actor, row, staff, allowed, NO_MATCH);
  });
  return getMyAgency(deps, actor);
}

/** Changes posts, full-time and dates of the current staff, or removes people; newcomers come through addOwnStaff. */
export async function replaceOwnStaff(deps: Deps, actor: Actor, staff: StaffLinkInput[]) {
  await deps.db.transaction().execute(async (trx) => {
    const row = await loadOwnAgency(trx, actor);
    const current = await repo.loadStaff(trx, row.id);
    const allowed = new Map(current.map((m) => [m.talent_id, { name: m.name, status: m.status }]));
    await writeStaff(trx, deps, actor, row, staff, allowed, '只能调整本机构现有人员；新增人员请按身份证号码和姓名添加');
  });
  return getMyAgency(deps, actor);
}
