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

export interface TalentsTable {
  id: string;
  region_code: string;
  name: string;
  id_hash: string;
  id_enc: string;
  id_masked: string;
  sex: string;
  birth_date: string;
  ethnicity: string;
  native_place: string | null;
  phone_enc: string | null;
  phone_masked: string | null;
  party_member: number;
  urban_rural: string | null;
  categories: number;
  fields: number;
  roles: number;
  tier: number;
  education_level: string | null;
  sw_graduate: number;
  title_level: string;
  title_name: string;
  teaching_subject: string;
  employer: string;
  post: string;
  professional_post: number;
  employment_start: string | null;
  status: string;
  is_key: number;
  /** JSON array of { ruleId, label }. */
  key_reasons: string;
  key_since: string | null;
  ce_period_start: string | null;
  rereg_due: string | null;
  ce_required: number;
  ce_hours: number;
  created_at: string;
  updated_at: string;
}

interface ChildRow {
  id: string;
  talent_id: string;
  position: number;
}

export interface TalentCertificatesTable extends ChildRow {
  level: string;
  certificate_no: string;
  obtained_year: number;
  registered_on: string | null;
  reregistered_on: string | null;
}

export interface TalentEducationsTable extends ChildRow {
  level: string;
  school: string;
  major_class: string;
  major: string;
  graduation_year: number | null;
  degree: string;
}

export interface TalentEmploymentsTable extends ChildRow {
  employer: string;
  post: string;
  professional_post: number;
  start_date: string | null;
  end_date: string | null;
}

export interface TalentTrainingsTable extends ChildRow {
  date: string;
  hours: number;
  title: string;
  organizer: string;
}

export interface TalentHonoursTable extends ChildRow {
  level: string;
  title: string;
  year: number;
}

export interface TalentDispatchesTable extends ChildRow {
  program: string;
  from_region: string | null;
  to_region: string | null;
  start_date: string;
  end_date: string | null;
}

export interface TalentStatsTable {
  region_code: string;
  dim: string;
  bucket: string;
  n: number;
}

export interface KeyRuleSetsTable {
  province_code: string;
  /** JSON: domain/talents/key-talent-rules.ts#KeyRuleSet. */
  rules: string;
  updated_at: string;
  updated_by: string | null;
}

export interface TalentTransfersTable {
  id: string;
  talent_id: string;
  talent_name: string;
  from_region: string;
  to_region: string;
  reason: string;
  status: string;
  requested_by: string | null;
  requested_by_name: string | null;
  requested_at: string;
  decided_by_name: string | null;
  decided_at: string | null;
  decision_note: string | null;
}

export interface TalentDuplicateDismissalsTable {
  a_id: string;
  b_id: string;
  dismissed_by: string | null;
  dismissed_at: string;
}

export interface TalentSubmissionsTable {
  id: string;
  talent_id: string;
  region_code: string;
  kind: string;
  /** JSON of the submitted certificate or training record. */
  payload: string;
  status: string;
  submitted_at: string;
  decided_by_name: string | null;
  decided_at: string | null;
  decision_note: string | null;
}

export interface ImportJobsTable {
  id: string;
  kind: string;
  user_id: string;
  scope_code: string;
  file_name: string;
  status: string;
  processed_rows: number;
  total_rows: number | null;
  /** JSON: { new, update, unchanged, invalid }. */
  counts: string;
  update_existing: number;
  message: string | null;
  created_at: string;
  updated_at: string;
}

export interface Database {
  regions: RegionsTable;
  region_stats: RegionStatsTable;
  users: UsersTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  talents: TalentsTable;
  talent_certificates: TalentCertificatesTable;
  talent_educations: TalentEducationsTable;
  talent_employments: TalentEmploymentsTable;
  talent_trainings: TalentTrainingsTable;
  talent_honours: TalentHonoursTable;
  talent_dispatches: TalentDispatchesTable;
  talent_stats: TalentStatsTable;
  key_rule_sets: KeyRuleSetsTable;
  talent_transfers: TalentTransfersTable;
  talent_duplicate_dismissals: TalentDuplicateDismissalsTable;
  talent_submissions: TalentSubmissionsTable;
  import_jobs: ImportJobsTable;
  _seq?: { id: Generated<number> };
}
