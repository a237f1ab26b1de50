import { v7 as uuidv7 } from 'uuid';
import { ROLE_DEFINITIONS, type Role } from '../../../domain/auth/roles.ts';
import type { UsersTable } from '../../db/schema.ts';

export interface UserRowInput {
  username: string;
  displayName: string;
  passwordHash: string;
  role: Role;
  regionCode: string;
  at: string;
  mustChangePassword?: boolean;
  isDemo?: boolean;
  status?: 'active' | 'disabled';
  id?: string;
}

/** A new account's row with the defaults every creator shares (no failures, no lock, never logged in). */
export function buildUserRow(u: UserRowInput): UsersTable {
  return {
    id: u.id ?? uuidv7(),
    username: u.username,
    display_name: u.displayName,
    password_hash: u.passwordHash,
    role: u.role,
    region_code: u.regionCode,
    bound_entity_type: ROLE_DEFINITIONS[u.role].boundTo,
    bound_entity_id: null,
    status: u.status ?? 'active',
    must_change_password: u.mustChangePassword ? 1 : 0,
    is_demo: u.isDemo ? 1 : 0,
    failed_attempts: 0,
    locked_until: null,
    last_login_at: null,
    created_at: u.at,
    updated_at: u.at,
  };
}
