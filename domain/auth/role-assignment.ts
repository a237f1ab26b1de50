import { isWithin, levelOf } from '../standards/region-code.ts';
import { ROLE_DEFINITIONS, type Role } from './roles.ts';

export interface Grantor {
  role: Role;
  regionCode: string;
}

export type AssignmentProblem = { field: 'role' | 'regionCode'; code: string; message: string };

/**
 * May `grantor` give `role` over `regionCode`? Returns the problems (empty = allowed).
 * Rules: the region lies in the grantor's subtree; the role ranks at or below the grantor's;
 * a role tied to a level (e.g. county administrator) gets a region of exactly that level.
 */
export function checkRoleAssignment(grantor: Grantor, role: Role, regionCode: string): AssignmentProblem[] {
  const problems: AssignmentProblem[] = [];
  const def = ROLE_DEFINITIONS[role];
  if (def.rank > ROLE_DEFINITIONS[grantor.role].rank) {
    problems.push({ field: 'role', code: 'ROLE_TOO_HIGH', message: `您不能授予高于本人的角色「${def.name}」` });
  }
  if (!isWithin(regionCode, grantor.regionCode)) {
    problems.push({ field: 'regionCode', code: 'SCOPE_FORBIDDEN', message: '所选地区不在您的管辖范围内' });
  } else if (def.regionLevel !== null && levelOf(regionCode) !== def.regionLevel) {
    const levelName = ['全国', '省级', '市级', '县级', '乡镇级', '村(社区)级'][def.regionLevel];
    problems.push({ field: 'regionCode', code: 'ROLE_LEVEL_MISMATCH', message: `「${def.name}」的管辖地区必须是${levelName}区划` });
  }
  return problems;
}

/** Roles `grantor` may hand out (used to fill the role select). */
export function assignableRoles(grantorRole: Role): Role[] {
  const rank = ROLE_DEFINITIONS[grantorRole].rank;
  return (Object.keys(ROLE_DEFINITIONS) as Role[]).filter((r) => ROLE_DEFINITIONS[r].rank <= rank);
}

export interface ManagedUser {
  role: Role;
  regionCode: string;
}

/**
 * May `manager` change, disable or reset `target`? Only someone above them: a lower-ranked role, or
 * a user whose region lies strictly below the manager's. Peers (two county administrators of the
 * same county) cannot lock each other out; the system administrator manages everyone.
 */
export function canManageUser(manager: Grantor, target: ManagedUser): boolean {
  if (manager.role === 'system_admin') return true;
  if (!isWithin(target.regionCode, manager.regionCode)) return false;
  const lowerRank = ROLE_DEFINITIONS[target.role].rank < ROLE_DEFINITIONS[manager.role].rank;
  const deeperRegion = target.regionCode !== manager.regionCode;
  return ROLE_DEFINITIONS[target.role].rank <= ROLE_DEFINITIONS[manager.role].rank && (lowerRank || deeperRegion);
}
