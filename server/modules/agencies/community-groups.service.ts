import type { Kysely, Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { CommunityGroupInput, CommunityGroupPatch, GroupDetail, GroupListItem } from '../../../domain/network/community-group.schema.ts';
import { assertInScope, type Scope } from '../../auth/scope.ts';
import type { Actor, Deps } from '../../context.ts';
import type { Database } from '../../db/schema.ts';
import { notFound, validationFailed } from '../../errors.ts';
import { aboutRow, recordAudit } from '../audit/audit.service.ts';
import { regionNamesOf } from '../regions/region-names.ts';
import { findRegion } from '../regions/regions.repository.ts';
import * as repo from './community-groups.repository.ts';

type Conn = Kysely<Database> | Transaction<Database>;

/** Platforms that incubate community groups: township stations and village rooms. */
const INCUBATOR_KINDS = new Set(['station', 'room']);

function buildGroupRow(input: CommunityGroupInput, at: string, previous: repo.GroupRow | null): repo.GroupRow {
  return {
    id: previous?.id ?? uuidv7(),
    name: input.name,
    region_code: input.regionCode,
    kind: input.kind,
    members: input.members,
    registration: input.registration,
    incubator_id: input.incubatorId,
    established_on: input.establishedOn,
    contact_name: input.contactName,
    contact_phone: input.contactPhone ?? '',
    status: input.status,
    note: input.note,
    created_at: previous?.created_at ?? at,
    updated_at: at,
  };
}

/** A stored row back as form input (patches merge onto it; the audit log diffs two of these). */
function storedGroup(r: repo.GroupRow): CommunityGroupInput {
  return {
    name: r.name,
    regionCode: r.region_code,
    kind: r.kind as CommunityGroupInput['kind'],
    members: Number(r.members),
    registration: r.registration as CommunityGroupInput['registration'],
    incubatorId: r.incubator_id,
    establishedOn: r.established_on,
    contactName: r.contact_name,
    contactPhone: r.contact_phone || null,
    status: r.status as CommunityGroupInput['status'],
    note: r.note,
  };
}

function toListItem(r: repo.GroupRow, regionName: string | null, incubatorName: string | null): GroupListItem {
  return {
    id: r.id,
    name: r.name,
    regionCode: r.region_code,
    regionName,
    kind: r.kind,
    members: Number(r.members),
    registration: r.registration,
    incubatorId: r.incubator_id,
    incubatorName,
    establishedOn: r.established_on,
    status: r.status,
    updatedAt: r.updated_at,
  };
}

async function namesOf(db: Conn, rows: repo.GroupRow[]) {
  const [regions, incubators] = await Promise.all([
    regionNamesOf(
      db,
      rows.map((r) => r.region_code),
    ),
    repo.platformNames(
      db,
      rows.flatMap((r) => (r.incubator_id ? [r.incubator_id] : [])),
    ),
  ]);
  return (r: repo.GroupRow) => toListItem(r, regions.get(r.region_code) ?? null, r.incubator_id ? (incubators.get(r.incubator_id) ?? null) : null);
}

export async function listGroups(deps: Deps, scope: Scope, filter: repo.GroupFilter & { page: number; pageSize: number }) {
  const { items, total } = await repo.listGroups(deps.db, scope, filter);
  const item = await namesOf(deps.db, items);
  return { items: items.map(item), total };
}

async function loadInScope(db: Conn, scope: Pick<Scope, 'regionCode'>, id: string) {
  const row = await repo.findGroupInScope(db, scope, id);
  if (!row) throw notFound('社区社会组织');
  return row;
}

export async function getGroup(deps: Deps, scope: Pick<Scope, 'regionCode'>, id: string): Promise<GroupDetail> {
  const row = await loadInScope(deps.db, scope, id);
  const item = (await namesOf(deps.db, [row]))(row);
  return { ...item, contactName: row.contact_name, contactPhone: row.contact_phone || null, note: row.note, createdAt: row.created_at };
}

/** A group lives in a township (street) or a village (community) of the scope. */
async function checkRegion(db: Conn, scope: Scope, regionCode: string) {
  assertInScope(scope, regionCode);
  const region = await findRegion(db, regionCode);
  if (region?.status !== 'active') throw validationFailed([{ field: 'regionCode', message: '所选地区不存在或已撤销' }]);
  if (Number(region.level) < 4) throw validationFailed([{ field: 'regionCode', message: '社区社会组织的所在地区请选择到乡镇(街道)或村(社区)' }]);
}

/** The incubator is a township station or village room of the scope. */
async function checkIncubator(db: Conn, scope: Scope, incubatorId: string) {
  const platform = await repo.findPlatformInScope(db, scope, incubatorId);
  if (!platform) throw validationFailed([{ field: 'incubatorId', message: '孵化阵地不存在或不在您的管辖范围内' }]);
  if (!INCUBATOR_KINDS.has(platform.kind)) throw validationFailed([{ field: 'incubatorId', message: '孵化阵地应为乡镇(街道)社工站或村(社区)社工室' }]);
}

/** Creates a group in the caller's transaction (form, import, demo); returns its id. */
export async function createGroupTx(trx: Transaction<Database>, deps: Pick<Deps, 'clock'>, actor: Actor, input: CommunityGroupInput): Promise<string> {
  await checkRegion(trx, actor.scope, input.regionCode);
  if (input.incubatorId) await checkIncubator(trx, actor.scope, input.incubatorId);
  const row = buildGroupRow(input, deps.clock.now().toISOString(), null);
  await repo.insertGroup(trx, row);
  await recordAudit(trx, deps, actor, {
    action: 'create',
    entityType: 'community_group',
    ...aboutRow(row),
    before: null,
    after: storedGroup(row),
  });
  return row.id;
}

/** Edits a group of the scope in the caller's transaction (form, import). */
export async function updateGroupTx(
  trx: Transaction<Database>,
  deps: Pick<Deps, 'clock'>,
  actor: Actor,
  id: string,
  patch: CommunityGroupPatch,
): Promise<void> {
  const row = await loadInScope(trx, actor.scope, id);
  const before = storedGroup(row);
  const merged: CommunityGroupInput = { ...before, ...patch } as CommunityGroupInput;
  if (merged.regionCode !== row.region_code) await checkRegion(trx, actor.scope, merged.regionCode);
  if (merged.incubatorId && merged.incubatorId !== row.incubator_id) await checkIncubator(trx, actor.scope, merged.incubatorId);
  const next = buildGroupRow(merged, deps.clock.now().toISOString(), row);
  await repo.replaceGroup(trx, next);
  await recordAudit(trx, deps, actor, {
    action: 'update',
    entityType: 'community_group',
    ...aboutRow(next),
    before,
    after: storedGroup(next),
  });
}

export async function createGroup(deps: Deps, actor: Actor, input: CommunityGroupInput): Promise<GroupDetail> {
  const id = await deps.db.transaction().execute((trx) => createGroupTx(trx, deps, actor, input));
  return getGroup(deps, actor.scope, id);
}

export async function updateGroup(deps: Deps, actor: Actor, id: string, patch: CommunityGroupPatch): Promise<GroupDetail> {
  await deps.db.transaction().execute((trx) => updateGroupTx(trx, deps, actor, id, patch));
  return getGroup(deps, actor.scope, id);
}

export async function deleteGroup(deps: Deps, actor: Actor, id: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const row = await loadInScope(trx, actor.scope, id);
    await repo.deleteGroup(trx, id);
    await recordAudit(trx, deps, actor, {
      action: 'delete',
      entityType: 'community_group',
      ...aboutRow(row),
      before: storedGroup(row),
      after: null,
    });
  });
}
