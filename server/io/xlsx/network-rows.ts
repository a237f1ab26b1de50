/**
 * One spreadsheet row → the input the API takes, for platforms, agencies and community groups.
 * Cells are parsed first (each with its own Chinese message), then the assembled object goes through
 * the same zod schema as the form, so an imported row obeys exactly the form's rules. References by
 * name (运营机构, 孵化社工站) and the credit code's check character need the database or the
 * uploader's rights: they are returned for the importer to resolve.
 */
import type { z } from 'zod';
import { type AgencyInput, agencyInputSchema } from '../../../domain/network/agency.schema.ts';
import { type CommunityGroupInput, communityGroupInputSchema } from '../../../domain/network/community-group.schema.ts';
import { type PlatformInput, platformInputSchema } from '../../../domain/network/platform.schema.ts';
import { parseCreditCode } from '../../../domain/standards/credit-code.ts';
import { AGENCY_COLUMNS, type AgencyColumnKey } from './agency-columns.ts';
import { GROUP_COLUMNS, type GroupColumnKey } from './group-columns.ts';
import { type CellValue, isBlankValue, parseCell, type SheetColumn } from './network-column.ts';
import { PLATFORM_COLUMNS, type PlatformColumnKey } from './platform-columns.ts';

export interface RowError {
  /** The template's header of the column (without `*`), or '' for the row as a whole. */
  column: string;
  message: string;
}

export interface MappedRow<I, R> {
  /** null when the row has any error. */
  input: I | null;
  errors: RowError[];
  /** What the importer still has to resolve or decide. */
  refs: R;
}

type Values<K extends string> = Partial<Record<K, CellValue>>;

/**
 * Parses the cells, builds the schema's raw object with `toRaw` and validates it. `fieldColumn` maps a
 * schema field to the column it came from (most share their name).
 */
function mapSheetRow<K extends string, I>(
  columns: readonly SheetColumn<K>[],
  cells: Partial<Record<string, unknown>>,
  schema: z.ZodType<I>,
  toRaw: (values: Values<K>) => Record<string, unknown>,
  fieldColumn: Partial<Record<string, K>> = {},
): { input: I | null; errors: RowError[]; values: Values<K> } {
  const errors = new Map<K | '', string>();
  const add = (key: K | '', message: string) => {
    if (!errors.has(key)) errors.set(key, message);
  };
  const values: Values<K> = {};
  for (const c of columns) {
    const r = parseCell(c, cells[c.key]);
    if (!r.ok) add(c.key, r.message);
    else if (!isBlankValue(r.value)) values[c.key] = r.value;
    else if (c.required) add(c.key, `请填写${c.header}。`);
  }
  const keys = new Set<string>(columns.map((c) => c.key));
  const result = schema.safeParse(toRaw(values));
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? '');
      const key = fieldColumn[field] ?? (keys.has(field) ? (field as K) : '');
      add(key, issue.message);
    }
  }
  const order = new Map<K | '', number>([['', -1], ...columns.map((c, i) => [c.key, i] as const)]);
  const byKey = new Map(columns.map((c) => [c.key, c.header]));
  const list = [...errors].sort((a, b) => (order.get(a[0]) ?? 0) - (order.get(b[0]) ?? 0));
  return {
    input: list.length === 0 && result.success ? result.data : null,
    errors: list.map(([key, message]) => ({ column: key ? (byKey.get(key as K) ?? '') : '', message })),
    values,
  };
}

/** Cells that failed are left out, so the schema's own message does not replace the cell's. */
const pick = <K extends string>(values: Values<K>, keys: readonly K[]) =>
  Object.fromEntries(keys.filter((k) => values[k] !== undefined).map((k) => [k, values[k]]));

/**
 * Stands in for the operating agency's id while the row is validated (the schema needs one for an
 * agency-run platform); the importer replaces it with the id it finds for `refs.agency`.
 */
export const PENDING_REF = 'pending-reference';

const PLATFORM_FIELDS: readonly PlatformColumnKey[] = PLATFORM_COLUMNS.map((c) => c.key).filter((k) => k !== 'agency');

export function mapPlatformRow(cells: Partial<Record<string, unknown>>): MappedRow<PlatformInput, { agency: string | null }> {
  let agency: string | null = null;
  const mapped = mapSheetRow(
    PLATFORM_COLUMNS,
    cells,
    platformInputSchema,
    (values) => {
      agency = typeof values.agency === 'string' ? values.agency : null;
      return { ...pick(values, PLATFORM_FIELDS), agencyId: agency ? PENDING_REF : null };
    },
    { agencyId: 'agency' },
  );
  return { input: mapped.input, errors: mapped.errors, refs: { agency } };
}

const AGENCY_FIELDS: readonly AgencyColumnKey[] = AGENCY_COLUMNS.map((c) => c.key).filter((k) => k !== 'confirmCheck');

export interface AgencyRefs {
  /** The check-character warning of a well-formed code, when its check character is wrong. */
  creditWarning: string | null;
  /** 校验位确认 says 是. */
  confirmCheck: boolean;
}

export function mapAgencyRow(cells: Partial<Record<string, unknown>>): MappedRow<AgencyInput, AgencyRefs> {
  const mapped = mapSheetRow(AGENCY_COLUMNS, cells, agencyInputSchema, (values) => pick(values, AGENCY_FIELDS), { overrideCreditCheck: 'creditCode' });
  const parsed = mapped.input ? parseCreditCode(mapped.input.creditCode) : null;
  const creditWarning = parsed?.ok ? (parsed.value.warning ?? null) : null;
  return { input: mapped.input, errors: mapped.errors, refs: { creditWarning, confirmCheck: mapped.values.confirmCheck === true } };
}

const GROUP_FIELDS: readonly GroupColumnKey[] = GROUP_COLUMNS.map((c) => c.key).filter((k) => k !== 'incubator');

export function mapGroupRow(cells: Partial<Record<string, unknown>>): MappedRow<CommunityGroupInput, { incubator: string | null }> {
  const mapped = mapSheetRow(GROUP_COLUMNS, cells, communityGroupInputSchema, (values) => pick(values, GROUP_FIELDS), { incubatorId: 'incubator' });
  const incubator = typeof mapped.values.incubator === 'string' ? mapped.values.incubator : null;
  return { input: mapped.input, errors: mapped.errors, refs: { incubator } };
}

/** Schema field → the column it is read from, to know which fields a file carries (an update changes only those). */
export const FIELD_COLUMN: Record<'platform' | 'agency' | 'community_group', Record<string, string>> = {
  platform: { ...Object.fromEntries(PLATFORM_FIELDS.map((k) => [k, k])), agencyId: 'agency' },
  agency: Object.fromEntries(AGENCY_FIELDS.map((k) => [k, k])),
  community_group: { ...Object.fromEntries(GROUP_FIELDS.map((k) => [k, k])), incubatorId: 'incubator' },
};
