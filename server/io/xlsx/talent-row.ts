/**
 * One spreadsheet row → the talent input the API takes. Cells are parsed first (each with its own
 * Chinese message), then the assembled object goes through the same zod schema as the form, so an
 * imported row and a typed-in record obey exactly the same rules. Errors are reported per column
 * under the template's header; a column gets at most one message (the first problem found).
 */
import { normalizeRegionCode } from '../../../domain/standards/region-code.ts';
import { type TalentInput, talentInputSchema } from '../../../domain/talents/talent.schema.ts';
import { type CellResult, cellBool, cellCode, cellCodes, cellDate, cellNumberText, cellText, cellYear } from './cells.ts';
import { TALENT_COLUMN_BY_KEY, TALENT_COLUMNS, type TalentColumn, type TalentColumnKey } from './talent-columns.ts';

export type TalentRowCells = Partial<Record<TalentColumnKey, unknown>>;

export interface RowError {
  /** The template's header of the column (without `*`), or '' for the row as a whole. */
  column: string;
  message: string;
}

export interface MappedTalentRow {
  input: TalentInput | null;
  errors: RowError[];
}

type Parsed = string | number | boolean | string[] | null;

function parseCell(c: TalentColumn, value: unknown): CellResult<Parsed> {
  const label = c.header;
  switch (c.kind) {
    case 'text':
      return cellText(value);
    case 'id':
    case 'phone':
      return cellNumberText(value, label);
    case 'region':
      return regionCode(value, label);
    case 'date':
      return cellDate(value, label);
    case 'year':
      return cellYear(value, label);
    case 'bool':
      return cellBool(value, label, c.boolAliases);
    case 'code':
      return cellCode(c.codeList ?? [], value, { label, aliases: c.valueAliases });
    case 'codes':
      return cellCodes(c.codeList ?? [], value, { label, aliases: c.valueAliases });
  }
}

/**
 * Region codes come as 12 digits; a 2/4/6/9-digit code of a province, city, county or township is
 * padded with zeros, which is exactly its 12-digit form in the national scheme. Whether the region
 * exists and is in the user's scope is for the service to check.
 */
function regionCode(value: unknown, label: string): CellResult<string | null> {
  const t = cellNumberText(value, label);
  if (!t.ok || t.value === '') return t.ok ? { ok: true, value: null } : t;
  const code = normalizeRegionCode(t.value);
  return code ? { ok: true, value: code } : { ok: false, message: `${label}“${t.value}”不是有效的统计用区划代码，应为 12 位数字（如 520102001000）。` };
}

const COLUMN_ORDER = new Map<TalentColumnKey | '', number>([['', -1], ...TALENT_COLUMNS.map((c, i) => [c.key, i] as const)]);

const isBlank = (v: Parsed) => v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** Schema paths of the two one-element lists → the spreadsheet column. */
const EDUCATION_FIELDS: Record<string, TalentColumnKey> = {
  level: 'educationLevel',
  school: 'school',
  majorClass: 'majorClass',
  major: 'major',
  graduationYear: 'graduationYear',
  degree: 'degree',
};
const CERTIFICATE_FIELDS: Record<string, TalentColumnKey> = {
  level: 'certificateLevel',
  certificateNo: 'certificateNo',
  obtainedYear: 'certificateYear',
  registeredOn: 'registeredOn',
  reregisteredOn: 'reregisteredOn',
};
/** Fields the group needs once any of its cells is filled. */
const GROUP_REQUIRED: Record<'education' | 'certificate', TalentColumnKey[]> = {
  education: ['educationLevel', 'majorClass'],
  certificate: ['certificateLevel', 'certificateNo', 'certificateYear'],
};
const GROUP_NAME = { education: '学历信息', certificate: '证书信息' } as const;

function columnOfPath(path: readonly PropertyKey[]): TalentColumnKey | undefined {
  const [top, , field] = path;
  if (top === 'educations') return EDUCATION_FIELDS[String(field)];
  if (top === 'certificates') return CERTIFICATE_FIELDS[String(field)];
  return TALENT_COLUMN_BY_KEY.has(top as TalentColumnKey) ? (top as TalentColumnKey) : undefined;
}

/** Phone numbers stored as numbers lose a landline's leading 0; say so instead of "invalid phone". */
function phoneHint(raw: unknown, phone: string): string | null {
  if (typeof raw === 'number' && !phone.startsWith('1')) {
    return `联系电话被存成了数字，开头的 0 已丢失（当前值 ${phone}）。请将该列设置为“文本”格式后重新录入。`;
  }
  return null;
}

type Values = Partial<Record<TalentColumnKey, Parsed>>;
type Errors = Map<TalentColumnKey | '', string>;
type Group = 'education' | 'certificate';

const GROUP_COLUMNS: Record<Group, TalentColumn[]> = {
  education: TALENT_COLUMNS.filter((c) => c.group === 'education'),
  certificate: TALENT_COLUMNS.filter((c) => c.group === 'certificate'),
};

/** The first problem of a column is the one reported. */
function addError(errors: Errors, key: TalentColumnKey | '', message: string): void {
  if (!errors.has(key)) errors.set(key, message);
}

function groupFilled(g: Group, values: Values, errors: Errors): boolean {
  for (const c of GROUP_COLUMNS[g]) if (values[c.key] !== undefined || errors.has(c.key)) return true;
  return false;
}

/** Filled and its required cells all valid: the one-element list can be built. */
function groupComplete(g: Group, values: Values, errors: Errors): boolean {
  for (const key of GROUP_REQUIRED[g]) if (values[key] === undefined || errors.has(key)) return false;
  return true;
}

/**
 * Parses one row given as column key → raw cell value (what readWorkbookRows yields) and validates
 * it with talentInputSchema. `input` is null when there is any error.
 */
export function mapTalentRow(cells: TalentRowCells): MappedTalentRow {
  // Plain loops and module-level helpers: this runs once per imported row, 100,000 times per file.
  const errors: Errors = new Map();
  const values: Values = {};
  for (const c of TALENT_COLUMNS) {
    const r = parseCell(c, cells[c.key]);
    if (!r.ok) addError(errors, c.key, r.message);
    else if (!isBlank(r.value)) values[c.key] = r.value;
    else if (c.required) addError(errors, c.key, `请填写${c.header}。`);
  }

  if (typeof values.phone === 'string') {
    const hint = phoneHint(cells.phone, values.phone);
    if (hint) addError(errors, 'phone', hint);
  }

  const education = groupFilled('education', values, errors);
  const certificate = groupFilled('certificate', values, errors);
  for (const g of ['education', 'certificate'] as const) {
    if (g === 'education' ? !education : !certificate) continue;
    for (const key of GROUP_REQUIRED[g]) {
      if (values[key] === undefined) addError(errors, key, `已填写${GROUP_NAME[g]}，请同时填写${TALENT_COLUMN_BY_KEY.get(key)?.header}。`);
    }
  }

  const result = talentInputSchema.safeParse(buildRaw(values, errors, education, certificate));
  if (!result.success) {
    for (const issue of result.error.issues) addError(errors, columnOfPath(issue.path) ?? '', issue.message);
  }

  if (errors.size === 0 && result.success) return { input: result.data, errors: [] };
  // Errors in column order, as the user reads the row; row-level ones first.
  const list = [...errors].sort((a, b) => COLUMN_ORDER.get(a[0])! - COLUMN_ORDER.get(b[0])!);
  return { input: null, errors: list.map(([key, message]) => ({ column: key ? (TALENT_COLUMN_BY_KEY.get(key)?.header ?? '') : '', message })) };
}

/**
 * The object talentInputSchema expects. Cells that failed are left out, so the schema's own
 * messages for them are suppressed (the column already has one) while the rest is still checked.
 */
function buildRaw(values: Values, errors: Errors, education: boolean, certificate: boolean): Record<string, unknown> {
  const sex = values.sex;
  const raw: Record<string, unknown> = {
    name: values.name ?? '',
    idNumber: values.idNumber ?? '',
    // 0 未知 / 9 未说明 carry no information: the ID number says it.
    sex: sex === '1' || sex === '2' ? sex : undefined,
    birthDate: values.birthDate,
    ethnicity: values.ethnicity,
    nativePlace: values.nativePlace ?? null,
    phone: values.phone ?? null,
    partyMember: values.partyMember,
    regionCode: values.regionCode,
    categories: values.categories ?? [],
    fields: values.fields,
    roles: values.roles,
    titleLevel: values.titleLevel,
    titleName: values.titleName,
    teachingSubject: values.teachingSubject,
    employer: values.employer,
    post: values.post,
    professionalPost: values.professionalPost,
    employmentStart: values.employmentStart ?? null,
    status: values.status,
  };
  if (education && groupComplete('education', values, errors)) {
    raw.educations = [
      {
        level: values.educationLevel,
        school: values.school,
        majorClass: values.majorClass,
        major: values.major,
        graduationYear: values.graduationYear ?? null,
        degree: values.degree,
      },
    ];
  }
  if (certificate && groupComplete('certificate', values, errors)) {
    raw.certificates = [
      {
        level: values.certificateLevel,
        certificateNo: values.certificateNo,
        obtainedYear: values.certificateYear,
        registeredOn: values.registeredOn ?? null,
        reregisteredOn: values.reregisteredOn ?? null,
      },
    ];
  }
  return raw;
}
