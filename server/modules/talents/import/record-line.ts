import type { AuditLogTable, TalentsTable } from '../../../db/schema.ts';
import type { TalentChildren, TalentRecord } from '../talent-record.ts';

/**
 * One validated new talent of an import, ready to insert, as a line of records.ndjson:
 *
 *   [rowNumber, { <child list>: values[][] … }, talentValues[]]
 *
 * Values are arrays in the column orders below, not objects: half the bytes and parse time of
 * 100,000 keyed objects, and they bind straight to prepared statements (SQLite) or become column
 * arrays (PostgreSQL). The three secret columns come last: the worker thread that builds the record
 * has no field key, so it sends the line up to them and the main thread appends them (recordLine).
 */

/** PostgreSQL type of each column, for `unnest($1::text[], …)` inserts. Key order = value order. */
export type PgType = 'text' | 'int4' | 'float4';

export const TALENT_COLUMN_TYPES = {
  id: 'text',
  region_code: 'text',
  name: 'text',
  id_masked: 'text',
  sex: 'text',
  birth_date: 'text',
  ethnicity: 'text',
  native_place: 'text',
  phone_masked: 'text',
  party_member: 'int4',
  urban_rural: 'text',
  categories: 'int4',
  fields: 'int4',
  roles: 'int4',
  tier: 'int4',
  education_level: 'text',
  sw_graduate: 'int4',
  title_level: 'text',
  title_name: 'text',
  teaching_subject: 'text',
  employer: 'text',
  post: 'text',
  professional_post: 'int4',
  employment_start: 'text',
  status: 'text',
  is_key: 'int4',
  key_reasons: 'text',
  key_since: 'text',
  ce_period_start: 'text',
  rereg_due: 'text',
  ce_required: 'int4',
  ce_hours: 'float4',
  created_at: 'text',
  updated_at: 'text',
  // Filled in by the main thread (see above): keep these three last.
  id_hash: 'text',
  id_enc: 'text',
  phone_enc: 'text',
} as const satisfies Record<keyof TalentsTable, PgType>;

const CHILD = { id: 'text', talent_id: 'text', position: 'int4' } as const;
export const CHILD_COLUMN_TYPES = {
  certificates: { ...CHILD, level: 'text', certificate_no: 'text', obtained_year: 'int4', registered_on: 'text', reregistered_on: 'text' },
  educations: { ...CHILD, level: 'text', school: 'text', major_class: 'text', major: 'text', graduation_year: 'int4', degree: 'text' },
  employments: { ...CHILD, employer: 'text', post: 'text', professional_post: 'int4', start_date: 'text', end_date: 'text' },
  trainings: { ...CHILD, date: 'text', hours: 'float4', title: 'text', organizer: 'text' },
  honours: { ...CHILD, level: 'text', title: 'text', year: 'int4' },
  dispatches: { ...CHILD, program: 'text', from_region: 'text', to_region: 'text', start_date: 'text', end_date: 'text' },
} as const satisfies { [K in keyof TalentChildren]: Record<keyof TalentChildren[K][number], PgType> };

export const AUDIT_COLUMN_TYPES = {
  id: 'text',
  at: 'text',
  actor_id: 'text',
  actor_name: 'text',
  action: 'text',
  entity_type: 'text',
  entity_id: 'text',
  entity_label: 'text',
  region_code: 'text',
  changes: 'text',
  ip: 'text',
  request_id: 'text',
} as const satisfies Record<keyof AuditLogTable, PgType>;

export type ChildList = keyof typeof CHILD_COLUMN_TYPES;
export const CHILD_LISTS = Object.keys(CHILD_COLUMN_TYPES) as ChildList[];
export const TALENT_COLUMNS = Object.keys(TALENT_COLUMN_TYPES) as (keyof TalentsTable)[];
/** The columns the worker fills, in order (all but the secret three). */
const PLAIN_COLUMNS = TALENT_COLUMNS.slice(0, -3);
const CHILD_COLUMNS = Object.fromEntries(CHILD_LISTS.map((k) => [k, Object.keys(CHILD_COLUMN_TYPES[k])])) as Record<ChildList, string[]>;

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

export const childColumns = (list: ChildList): readonly string[] => CHILD_COLUMNS[list];
