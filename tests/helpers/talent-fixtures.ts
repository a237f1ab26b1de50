import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { checkCharOf } from '../../domain/standards/id-number.ts';
import type { TalentInputRaw } from '../../domain/talents/talent.schema.ts';
import type { TalentsTable } from '../../server/db/schema.ts';
import { headerText, TALENT_COLUMNS } from '../../server/io/xlsx/talent-columns.ts';
import type { Session, TestApp } from './test-app.ts';

/**
 * Talent fixtures for API tests: valid request bodies with ID numbers unique within the test
 * process, and read-backs of the talent tables (fingerprints, summary snapshots).
 */

let seq = 0;
/** A number unique within the test process (fresh ID numbers, certificate numbers, names). */
export const nextSeq = () => ++seq;

export interface IdNumberOptions {
  /** YYYY-MM-DD; default 1990-01-01 plus a few days per call, so birth dates vary. */
  birthDate?: string;
  /** 1 male, 2 female; default alternates. */
  sex?: 1 | 2;
  /** The 6-digit address code (the ID's first six digits); default 520102. */
  area?: string;
}

/**
 * A valid 18-digit ID number (GB 11643 check character), never handed out twice in a process: the
 * sequence digits (odd = male, even = female) and the address code vary with a process-wide counter.
 */
export function newIdNumber(opts: IdNumberOptions = {}): string {
  const n = nextSeq();
  const sex = opts.sex ?? (n % 2 === 0 ? 2 : 1);
  const birth = (opts.birthDate ?? defaultBirthDate(n)).replaceAll('-', '');
  // 499 sequence numbers per sex (001–998); the address code's last two digits take the overflow.
  const slot = n % 499;
  const seqDigits = String(slot * 2 + (sex === 1 ? 1 : 2)).padStart(3, '0');
  const area = opts.area ?? `5201${String(2 + Math.floor(n / 499)).padStart(2, '0')}`;
  const first17 = `${area}${birth}${seqDigits}`;
  return first17 + checkCharOf(first17);
}

function defaultBirthDate(n: number): string {
  const d = new Date(Date.UTC(1990, 0, 1 + (n % 3000)));
  return d.toISOString().slice(0, 10);
}

/** A 15-digit legacy number (its 18-digit form is what the server suggests). */
export function legacyIdNumber(): { id15: string; id18: string } {
  const n = nextSeq();
  const id15 = `520102${'850315'}${String(100 + (n % 800)).padStart(3, '0')}`;
  const first17 = `${id15.slice(0, 6)}19${id15.slice(6)}`;
  return { id15, id18: first17 + checkCharOf(first17) };
}

/** Flips the check character of a valid ID number: a number that fails the checksum only. */
export function withBadChecksum(idNumber: string): string {
  const last = idNumber[17];
  const other = last === '1' ? '2' : '1';
  return idNumber.slice(0, 17) + other;
}

export type TalentBody = TalentInputRaw & Record<string, unknown>;

/** A valid "create a talent" body in 南明区 (override anything; the ID number is fresh). */
export function talentBody(overrides: Partial<TalentBody> = {}, id: IdNumberOptions = {}): TalentBody {
  const n = nextSeq();
  return {
    name: `测试人才${n}`,
    idNumber: newIdNumber(id),
    regionCode: '520102016000',
    categories: ['practice'],
    employer: '南明区社工站',
    ...overrides,
  };
}

/** A certificate entry with a unique number. */
export function certificate(level: 'assistant' | 'intermediate' | 'senior', more: Record<string, unknown> = {}) {
  return { level, certificateNo: `ZS${level.slice(0, 2).toUpperCase()}${String(nextSeq()).padStart(6, '0')}`, obtainedYear: 2020, ...more };
}

export function training(date: string, hours: number, title = '继续教育培训') {
  return { date, hours, title };
}

/** Creates a talent through the API; throws unless 200. Returns the detail answer. */
// biome-ignore lint/suspicious/noExplicitAny: the detail answer is read field by field by the tests
export async function createTalentViaApi(s: Session, overrides: Partial<TalentBody> = {}, id: IdNumberOptions = {}): Promise<any> {
  const body = talentBody(overrides, id);
  const res = await s.request({ method: 'POST', url: '/api/v1/talents', payload: body });
  if (res.statusCode !== 200) throw new Error(`create talent ${body.name}: ${res.statusCode} ${res.body}`);
  return { ...res.json(), _idNumber: body.idNumber };
}

export function talentRow(t: TestApp, id: string): Promise<TalentsTable | undefined> {
  return t.db.db.selectFrom('talents').selectAll().where('id', '=', id).executeTakeFirst();
}

export function talentRowByIdNumber(t: TestApp, idNumber: string): Promise<TalentsTable | undefined> {
  return t.db.db.selectFrom('talents').selectAll().where('id_hash', '=', t.deps.crypto.lookupHash(idNumber)).executeTakeFirst();
}

/** A talent row with its certificates and trainings, for "left unchanged" comparisons. */
export async function talentState(t: TestApp, id: string) {
  const row = await talentRow(t, id);
  const certs = await t.db.db.selectFrom('talent_certificates').select(['level', 'certificate_no']).where('talent_id', '=', id).orderBy('position').execute();
  const trainings = await t.db.db.selectFrom('talent_trainings').select(['date', 'hours']).where('talent_id', '=', id).orderBy('position').execute();
  return row ? { row, certs, trainings: trainings.map((x) => ({ ...x, hours: Number(x.hours) })) } : undefined;
}

const TALENT_TABLES = [
  'talents',
  'talent_certificates',
  'talent_educations',
  'talent_employments',
  'talent_trainings',
  'talent_honours',
  'talent_dispatches',
  'talent_transfers',
  'talent_submissions',
  'talent_duplicate_dismissals',
  'key_rule_sets',
  'audit_log',
  'users',
] as const;

/**
 * Everything a refused talent request must leave as it was: the row count of every talent table
 * (and audit log, users), each talent's mutable columns, each transfer's and submission's status,
 * and the summary table.
 */
export async function talentFingerprint(t: TestApp): Promise<string> {
  const db = t.db.db;
  const counts: Record<string, number> = {};
  for (const table of TALENT_TABLES) {
    const r = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(r.n);
  }
  const talents = await db
    .selectFrom('talents')
    .select(['id', 'region_code', 'name', 'id_hash', 'phone_masked', 'tier', 'status', 'is_key', 'categories', 'fields', 'ce_hours', 'updated_at'])
    .orderBy('id')
    .execute();
  const transfers = await db.selectFrom('talent_transfers').select(['id', 'status']).orderBy('id').execute();
  const submissions = await db.selectFrom('talent_submissions').select(['id', 'status']).orderBy('id').execute();
  return JSON.stringify({ counts, talents, transfers, submissions, stats: await statsSnapshot(t) });
}

/** The talent_stats summary as sorted "region|dim|bucket:n" lines (zero rows left out). */
export async function statsSnapshot(t: TestApp): Promise<string[]> {
  const rows = await t.db.db.selectFrom('talent_stats').selectAll().execute();
  return rows
    .filter((r) => Number(r.n) !== 0)
    .map((r) => `${r.region_code}|${r.dim}|${r.bucket}:${Number(r.n)}`)
    .sort();
}

/** Inserts a pending transfer directly (scope-matrix probes: a request the API would refuse to make for some roles). */
export async function insertTransfer(t: TestApp, talentId: string, toRegion: string, requestedBy = 'matrix'): Promise<string> {
  const talent = await talentRow(t, talentId);
  if (!talent) throw new Error(`no talent ${talentId}`);
  const id = crypto.randomUUID();
  await t.db.db
    .insertInto('talent_transfers')
    .values({
      id,
      talent_id: talentId,
      talent_name: talent.name,
      from_region: talent.region_code,
      to_region: toRegion,
      reason: '',
      status: 'pending',
      requested_by: null,
      requested_by_name: requestedBy,
      requested_at: t.clock.now().toISOString(),
      decided_by_name: null,
      decided_at: null,
      decision_note: null,
    })
    .execute();
  return id;
}

/** Inserts a pending self-service submission directly (as if the talent's social worker had sent it). */
export async function insertSubmission(t: TestApp, talentId: string, kind: 'certificate' | 'training' = 'training'): Promise<string> {
  const talent = await talentRow(t, talentId);
  if (!talent) throw new Error(`no talent ${talentId}`);
  const id = crypto.randomUUID();
  const payload = kind === 'training' ? training('2026-03-01', 6, '矩阵培训') : { ...certificate('assistant'), registeredOn: null, reregisteredOn: null };
  await t.db.db
    .insertInto('talent_submissions')
    .values({
      id,
      talent_id: talentId,
      region_code: talent.region_code,
      kind,
      payload: JSON.stringify(payload),
      status: 'pending',
      submitted_at: t.clock.now().toISOString(),
      decided_by_name: null,
      decided_at: null,
      decision_note: null,
    })
    .execute();
  return id;
}

/**
 * All the text inside an .xlsx (every ZIP entry inflated and concatenated), synchronously: a
 * response body is compressed, so "the export does not contain X" has to look inside. Reads the
 * central directory, so entries written with data descriptors are sized right.
 */
export function xlsxText(buf: Buffer): string {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`not a ZIP file (${buf.length} bytes): ${buf.subarray(0, 80).toString()}`);
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const parts: string[] = [];
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('bad ZIP central directory');
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLength = buf.readUInt16LE(p + 28);
    const local = buf.readUInt32LE(p + 42);
    const data = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(data, data + size);
    parts.push((method === 8 ? inflateRawSync(raw) : raw).toString('utf8'));
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return parts.join('\n');
}

/** An import workbook (the template's header row) with one row per entry of `rows`, keyed by column key. */
export async function importWorkbook(rows: Array<Record<string, unknown>>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('人才信息');
  ws.addRow(TALENT_COLUMNS.map(headerText));
  for (const r of rows) ws.addRow(TALENT_COLUMNS.map((c) => r[c.key] ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
