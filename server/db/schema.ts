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

// ---- Service network and organisations (migration 003) ----

export interface AgenciesTable {
  id: string;
  name: string;
  credit_code: string;
  credit_check_overridden: number;
  registration_authority: string;
  registered_on: string | null;
  legal_rep: string;
  region_code: string;
  address: string;
  /** Bit mask over AGENCY_TAGS. */
  tags: number;
  rating: string | null;
  rating_year: number | null;
  party_org: number;
  party_org_on: string | null;
  contact_phone: string;
  eligible: number;
  ineligible_year: number | null;
  ineligible_reason: string | null;
  status: string;
  created_at: string;
  updated_at: string;
}

export interface PlatformsTable {
  id: string;
  kind: string;
  name: string;
  region_code: string;
  address: string;
  lng: number | null;
  lat: number | null;
  geo_cell: number | null;
  opened_on: string | null;
  operating_mode: string;
  agency_id: string | null;
  floor_area: number | null;
  rooms_individual: number;
  rooms_group: number;
  rooms_activity: number;
  equipment: string;
  construction_source: string | null;
  /** Bit mask over STATION_SERVICES. */
  services: number;
  opening_hours: string;
  contact_name: string;
  contact_phone: string;
  is_public: number;
  status: string;
  checks_met: number;
  standard_met: number;
  demo_level: string | null;
  demo_year: number | null;
  /** JSON: [{ level, title, year }]. */
  honours: string;
  brand: string;
  note: string;
  created_at: string;
  updated_at: string;
}

export interface ChecklistStandardsTable {
  province_code: string;
  /** JSON: [{ key, name, description }]. */
  items: string;
  updated_at: string;
  updated_by: string | null;
}

export interface PlatformChecksTable {
  platform_id: string;
  item_key: string;
  met: number;
  evidence: string;
  checked_on: string | null;
}

export interface PlatformFundingTable {
  id: string;
  platform_id: string;
  year: number;
  source: string;
  amount_fen: number;
  note: string;
}

export interface PlatformStaffTable {
  platform_id: string;
  talent_id: string;
  post: string;
  full_time: number;
  since: string | null;
}

export interface AgencyStaffTable {
  agency_id: string;
  talent_id: string;
  post: string;
  full_time: number;
  since: string | null;
}

export interface PlatformPhotosTable {
  id: string;
  platform_id: string;
  file_name: string;
  mime: string;
  size: number;
  caption: string;
  created_at: string;
}

export interface AgencyPairingsTable {
  id: string;
  mentor_id: string;
  mentee_id: string;
  program: string;
  start_on: string;
  end_on: string | null;
  results: string;
  created_at: string;
}

export interface CommunityGroupsTable {
  id: string;
  name: string;
  region_code: string;
  kind: string;
  members: number;
  registration: string;
  incubator_id: string | null;
  established_on: string | null;
  contact_name: string;
  contact_phone: string;
  status: string;
  note: string;
  created_at: string;
  updated_at: string;
}

export interface NetworkStatsTable {
  region_code: string;
  dim: string;
  bucket: string;
  n: number;
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
  agencies: AgenciesTable;
  platforms: PlatformsTable;
  checklist_standards: ChecklistStandardsTable;
  platform_checks: PlatformChecksTable;
  platform_funding: PlatformFundingTable;
  platform_staff: PlatformStaffTable;
  agency_staff: AgencyStaffTable;
  platform_photos: PlatformPhotosTable;
  agency_pairings: AgencyPairingsTable;
  community_groups: CommunityGroupsTable;
  network_stats: NetworkStatsTable;
  _seq?: { id: Generated<number> };
}
