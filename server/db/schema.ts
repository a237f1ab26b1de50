import type { Generated } from 'kysely';

/**
 * Table shapes as Kysely sees them. Booleans are integers (0/1) on both dialects and JSON is text,
 * so one repository serves SQLite and PostgreSQL; repositories convert at the edge.
 */
export interface RegionsTable {
  code: string;
  name: string;
  level: number;
  parent_code: string | null;
  urban_rural_class: string | null;
  population: number | null;
  /** census2020 | estimate | manual: where the population figure came from. */
  population_source: string | null;
  /** JSON array of designation keys. */
  designations: string;
  valid_from: string;
  valid_to: string | null;
  status: string;
  /** For a revoked division merged into another: the successor's code. */
  replaced_by: string | null;
  updated_at: string;
}

export interface RegionStatsTable {
  code: string;
  level: number;
  n: number;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  role: string;
  region_code: string;
  bound_entity_type: string | null;
  bound_entity_id: string | null;
  status: string;
  must_change_password: number;
  is_demo: number;
  failed_attempts: number;
  locked_until: string | null;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  /** sha256 of the cookie token: a leaked table does not yield usable cookies. */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  entity_label: string | null;
  region_code: string;
  /** JSON object: field → [before, after]. */
  changes: string | null;
  ip: string | null;
  request_id: string | null;
}

export interface Database {
  regions: RegionsTable;
  region_stats: RegionStatsTable;
  users: UsersTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  _seq?: { id: Generated<number> };
}
