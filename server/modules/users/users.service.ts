import { canManageUser, checkRoleAssignment } from '../../../domain/auth/role-assignment.ts';
import { ROLE_DEFINITIONS, type Role } from '../../../domain/auth/roles.ts';
import type { User } from '../../../domain/users/user.schema.ts';
import { generatePassword, hashPassword } from '../../auth/passwords.ts';
import type { Scope } from '../../auth/scope.ts';
import { deleteUserSessions } from '../../auth/sessions.repository.ts';
import type { Actor, Deps } from '../../context.ts';
import { DomainError, notFound, validationFailed } from '../../errors.ts';
import { findAgencyInScope } from '../agencies/agencies.repository.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { findRegion, findRegions } from '../regions/regions.repository.ts';
import { buildUserRow } from './user-row.ts';
import * as repo from './users.repository.ts';

export type UserDto = User;

function toDto(u: repo.UserRow, regionName: string | null, boundName: string | null, now: Date): UserDto {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    role: u.role as Role,
    roleName: ROLE_DEFINITIONS[u.role as Role].name,
    regionCode: u.region_code,
    regionName,
    status: u.status as 'active' | 'disabled',
    locked: !!u.locked_until && u.locked_until > now.toISOString(),
    mustChangePassword: u.must_change_password === 1,
    lastLoginAt: u.last_login_at,
    boundEntityId: u.bound_entity_id,
    boundEntityName: boundName,
    createdAt: u.created_at,
    updatedAt: u.updated_at,
  };
}

/** The fields of a user that the audit log compares (never the password hash). */
const auditView = (u: repo.UserRow) => ({
  username: u.username,
  displayName: u.display_name,
  role: u.role,
  regionCode: u.region_code,
  status: u.status,
  boundEntityId: u.bound_entity_id,
});

async function withRegionNames(deps: Deps, rows: repo.UserRow[]): Promise<UserDto[]> {
  const regions = await findRegions(deps.db, [...new Set(rows.map((r) => r.region_code))]);
  const names = new Map(regions.map((r) => [r.code, r.name]));
  const bound = await repo.boundEntityNames(deps.db, rows);
  const now = deps.clock.now();
  return rows.map((r) => toDto(r, names.get(r.region_code) ?? null, r.bound_entity_id ? (bound.get(r.bound_entity_id) ?? null) : null, now));
}

export async function listUsers(deps: Deps, scope: Scope, filter: repo.UserFilter) {
  const { items, total } = await repo.listUsers(deps.db, scope, filter);
  return { items: await withRegionNames(deps, items), total };
}

/** A user the actor may manage: inside the scope (else "not found") and not ranked above them. */
async function loadManageable(deps: Deps, actor: Actor, id: string, trx = deps.db) {
  const user = await repo.findUserInScope(trx, actor.scope, id);
  if (!user) throw notFound('用户');
  if (
    user.id !== actor.userId &&
    !canManageUser({ role: actor.role, regionCode: actor.scope.regionCode }, { role: user.role as Role, regionCode: user.region_code })
  ) {
    throw new DomainError('FORBIDDEN', '只能管理角色低于您本人或地区在您下级的用户,请联系上级管理员');
  }
  return user;
}

export async function getUser(deps: Deps, scope: Scope, id: string): Promise<UserDto> {
  const user = await repo.findUserInScope(deps.db, scope, id);
  if (!user) throw notFound('用户');
  return (await withRegionNames(deps, [user]))[0];
}

async function checkAssignment(deps: Deps, actor: Actor, role: Role, regionCode: string) {
  const problems = checkRoleAssignment({ role: actor.role, regionCode: actor.scope.regionCode }, role, regionCode);
  const scopeProblem = problems.find((p) => p.code === 'SCOPE_FORBIDDEN');
  if (scopeProblem) throw new DomainError('SCOPE_FORBIDDEN', scopeProblem.message, [scopeProblem]);
  if (problems.length) throw validationFailed(problems);
  const region = await findRegion(deps.db, regionCode);
  if (region?.status !== 'active') throw validationFailed([{ field: 'regionCode', message: '所选区划不存在或已撤销' }]);
}

/**
 * The entity a role bound to an agency acts for: required, an agency in the creator's scope. Other
 * roles take no binding here (a social worker's record is linked from the talent registry).
 */
async function checkBinding(deps: Deps, actor: Actor, role: Role, boundEntityId: string | null | undefined): Promise<string | null> {
  const boundTo = ROLE_DEFINITIONS[role].boundTo;
  if (boundTo !== 'agency') {
    if (boundEntityId) throw validationFailed([{ field: 'boundEntityId', message: `「${ROLE_DEFINITIONS[role].name}」不需要选择所属机构` }]);
    return null;
  }
  if (!boundEntityId) throw validationFailed([{ field: 'boundEntityId', message: '请选择该管理员所属的社工机构' }]);
  if (!(await findAgencyInScope(deps.db, actor.scope, boundEntityId))) {
    throw validationFailed([{ field: 'boundEntityId', message: '所选机构不存在或不在您的管辖范围内' }]);
  }
  return boundEntityId;
}

export interface NewUserInput {
  username: string;
  displayName: string;
  role: Role;
  regionCode: string;
  boundEntityId?: string | null;
}

export async function createUser(deps: Deps, actor: Actor, input: NewUserInput): Promise<{ user: UserDto; initialPassword: string }> {
  await checkAssignment(deps, actor, input.role, input.regionCode);
  const boundEntityId = await checkBinding(deps, actor, input.role, input.boundEntityId);
  const password = generatePassword();
  const hash = await hashPassword(password);
  const now = deps.clock.now().toISOString();
  const row = buildUserRow({
    username: input.username,
    displayName: input.displayName,
    passwordHash: hash,
    role: input.role,
    regionCode: input.regionCode,
    at: now,
    mustChangePassword: true,
  });
  row.bound_entity_id = boundEntityId;
  await deps.db.transaction().execute(async (trx) => {
    if (await repo.findUserByUsername(trx, input.username)) {
      throw new DomainError('CONFLICT', `用户名「${input.username}」已被使用`, [{ field: 'username', message: '该用户名已被使用' }]);
    }
    await repo.insertUser(trx, row);
    await recordAudit(trx, deps, actor, {
      action: 'create',
      entityType: 'user',
      entityId: row.id,
      entityLabel: row.username,
      regionCode: row.region_code,
      before: null,
      after: auditView(row),
    });
  });
  return { user: (await withRegionNames(deps, [row]))[0], initialPassword: password };
}

export interface UserPatch {
  displayName?: string;
  role?: Role;
  regionCode?: string;
  boundEntityId?: string | null;
}

export async function updateUser(deps: Deps, actor: Actor, id: string, patch: UserPatch): Promise<UserDto> {
  const user = await loadManageable(deps, actor, id);
  if ((patch.role !== undefined || patch.regionCode !== undefined || patch.boundEntityId !== undefined) && id === actor.userId) {
    throw new DomainError('FORBIDDEN', '不能修改本人的角色、管辖地区或所属机构,请联系上级管理员');
  }
  const role = patch.role ?? (user.role as Role);
  const regionCode = patch.regionCode ?? user.region_code;
  if (patch.role !== undefined || patch.regionCode !== undefined) await checkAssignment(deps, actor, role, regionCode);
  const set: Partial<repo.UserRow> = { updated_at: deps.clock.now().toISOString() };
  if (patch.displayName !== undefined) set.display_name = patch.displayName;
  if (patch.role !== undefined) {
    set.role = patch.role;
    set.bound_entity_type = ROLE_DEFINITIONS[patch.role].boundTo;
  }
  // The binding follows the role: kept while the role stays bound to the same kind of entity, cleared
  // when it changes kind; becoming an agency administrator needs one (a rename of an account whose
  // agency was deleted still works; /my-agency answers 404 for it until it is bound again).
  const boundTo = ROLE_DEFINITIONS[role].boundTo;
  const kept = boundTo === user.bound_entity_type ? user.bound_entity_id : null;
  const boundEntityId =
    (patch.boundEntityId !== undefined && (boundTo === 'agency' || patch.boundEntityId !== null)) || (boundTo === 'agency' && !kept && patch.role !== undefined)
      ? await checkBinding(deps, actor, role, patch.boundEntityId)
      : kept;
  if (boundEntityId !== user.bound_entity_id) set.bound_entity_id = boundEntityId;
  if (patch.regionCode !== undefined) set.region_code = patch.regionCode;
  const after = { ...user, ...set };
  await deps.db.transaction().execute(async (trx) => {
    await repo.updateUser(trx, id, set);
    // A new role or scope takes effect at once: existing sessions were granted under the old one.
    if (set.role || set.region_code || set.bound_entity_id !== undefined) await deleteUserSessions(trx, id);
    await recordAudit(trx, deps, actor, {
      action: 'update',
      entityType: 'user',
      entityId: id,
      entityLabel: user.username,
      regionCode: after.region_code,
      before: auditView(user),
      after: auditView(after),
    });
  });
  return (await withRegionNames(deps, [after]))[0];
}

export async function setUserStatus(deps: Deps, actor: Actor, id: string, status: 'active' | 'disabled'): Promise<UserDto> {
  const user = await loadManageable(deps, actor, id);
  if (id === actor.userId) throw new DomainError('FORBIDDEN', '不能停用或启用本人账号');
  const set: Partial<repo.UserRow> = { status, updated_at: deps.clock.now().toISOString() };
  if (status === 'active') Object.assign(set, { failed_attempts: 0, locked_until: null });
  await deps.db.transaction().execute(async (trx) => {
    await repo.updateUser(trx, id, set);
    if (status === 'disabled') await deleteUserSessions(trx, id);
    await recordAudit(trx, deps, actor, {
      action: status === 'active' ? 'enable' : 'disable',
      entityType: 'user',
      entityId: id,
      entityLabel: user.username,
      regionCode: user.region_code,
      changes: { status: [user.status, status] },
    });
  });
  return (await withRegionNames(deps, [{ ...user, ...set }]))[0];
}

/** Issues a new one-time password (shown once), unlocks, and ends the user's sessions. */
export async function resetPassword(deps: Deps, actor: Actor, id: string): Promise<{ password: string }> {
  const user = await loadManageable(deps, actor, id);
  if (id === actor.userId) throw new DomainError('FORBIDDEN', '请通过「修改密码」修改本人密码');
  const password = generatePassword();
  const hash = await hashPassword(password);
  await deps.db.transaction().execute(async (trx) => {
    await repo.updateUser(trx, id, {
      password_hash: hash,
      must_change_password: 1,
      failed_attempts: 0,
      locked_until: null,
      updated_at: deps.clock.now().toISOString(),
    });
    await deleteUserSessions(trx, id);
    await recordAudit(trx, deps, actor, {
      action: 'password_reset',
      entityType: 'user',
      entityId: id,
      entityLabel: user.username,
      regionCode: user.region_code,
    });
  });
  return { password };
}
