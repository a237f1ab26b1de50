import type { AuditLogTable, TalentsTable } from '../../../db/schema.ts';
import type { TalentChildren, TalentRecord } from '../talent-record.ts';

/**
 * One validated new talent of an import, ready to insert, as a line of records.ndjson:
 *
 *   [rowNumber, { <child list>: values[][] … }, talentValues[]]
 *
 * Values are arrays in the column orders below, not objects: half the bytes and parse time of
 * 100,000 keyed objects, and they bind straight to prepared statements (SQLite) or become COPY
 * lines (PostgreSQL). The three secret columns come last: the worker thread that builds the record
 * has no field key, so it sends the line up to them and the main thread appends them (recordLine).
 */

/** The columns of each table, in value order (key order; `true` only makes the compiler check that none is missing). */
const TALENT_KEYS = {
  id: true,
  region_code: true,
  name: true,
  id_masked: true,
  sex: true,
  birth_date: true,
  ethnicity: true,
  native_place: true,
  phone_masked: true,
  party_member: true,
  urban_rural: true,
  categories: true,
  fields: true,
  roles: true,
  tier: true,
  education_level: true,
  sw_graduate: true,
  title_level: true,
  title_name: true,
  teaching_subject: true,
  employer: true,
  post: true,
  professional_post: true,
  employment_start: true,
  status: true,
  is_key: true,
  key_reasons: true,
  key_since: true,
  ce_period_start: true,
  rereg_due: true,
  ce_required: true,
  ce_hours: true,
  created_at: true,
  updated_at: true,
  // Filled in by the main thread (see above): keep these three last.
  id_hash: true,
  id_enc: true,
  phone_enc: true,
} as const satisfies Record<keyof TalentsTable, true>;

const CHILD = { id: true, talent_id: true, position: true } as const;
const CHILD_KEYS = {
  certificates: { ...CHILD, level: true, certificate_no: true, obtained_year: true, registered_on: true, reregistered_on: true },
  educations: { ...CHILD, level: true, school: true, major_class: true, major: true, graduation_year: true, degree: true },
  employments: { ...CHILD, employer: true, post: true, professional_post: true, start_date: true, end_date: true },
  trainings: { ...CHILD, date: true, hours: true, title: true, organizer: true },
  honours: { ...CHILD, level: true, title: true, year: true },
  dispatches: { ...CHILD, program: true, from_region: true, to_region: true, start_date: true, end_date: true },
} as const satisfies { [K in keyof TalentChildren]: Record<keyof TalentChildren[K][number], true> };

const AUDIT_KEYS = {
  id: true,
  at: true,
  actor_id: true,
  actor_name: true,
  action: true,
  entity_type: true,
  entity_id: true,
  entity_label: true,
  region_code: true,
  changes: true,
  ip: true,
  request_id: true,
} as const satisfies Record<keyof AuditLogTable, true>;

/** Version of this line format (kept in the job's meta.json). */
export const RECORD_FORMAT = 2;

export type ChildList = keyof typeof CHILD_KEYS;
export const CHILD_LISTS = Object.keys(CHILD_KEYS) as ChildList[];
export const TALENT_COLUMNS = Object.keys(TALENT_KEYS) as (keyof TalentsTable)[];
export const CHILD_COLUMNS = Object.fromEntries(CHILD_LISTS.map((k) => [k, Object.keys(CHILD_KEYS[k])])) as unknown as Record<ChildList, readonly string[]>;
export const AUDIT_COLUMNS = Object.keys(AUDIT_KEYS) as (keyof AuditLogTable)[];
/** The columns the worker fills, in order (all but the secret three). */
const PLAIN_COLUMNS = TALENT_COLUMNS.slice(0, -3);

/** Positions in talentValues the commit fills in. */
export const TALENT_AT = Object.fromEntries(TALENT_COLUMNS.map((c, i) => [c, i])) as Record<keyof TalentsTable, number>;

export type ChildValues = Partial<Record<ChildList, unknown[][]>>;
export type RecordLine = [rowNumber: number, children: ChildValues, talent: unknown[]];

/**
 * The line up to the secret columns, built where the record is (the worker). The record's
 * id_hash, id_enc and phone_enc are ignored here.
 */
export function recordLineHead(rowNumber: number, record: TalentRecord): string {
  const children: ChildValues = {};
  for (const list of CHILD_LISTS) {
    const rows = record.children[list] as unknown as Record<string, unknown>[];
    if (rows.length) children[list] = rows.map((r) => CHILD_COLUMNS[list].map((c) => r[c]));
  }
  const row = record.row as unknown as Record<string, unknown>;
  const plain = PLAIN_COLUMNS.map((c) => row[c]);
  // `[n,{…},[v1,…,vk` — the closing brackets come with the secret values.
  return `[${rowNumber},${JSON.stringify(children)},${JSON.stringify(plain).slice(0, -1)}`;
}

/** The whole line (with its newline) from the head and the secret values. */
export function recordLine(head: string, idHash: string, idEnc: string, phoneEnc: string | null): string {
  return `${head},${JSON.stringify(idHash)},${JSON.stringify(idEnc)},${JSON.stringify(phoneEnc)}]]\n`;
}
