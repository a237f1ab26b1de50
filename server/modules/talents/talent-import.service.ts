import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Kysely, Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { diffRecords } from '../../../domain/audit/diff.ts';
import { isWithin } from '../../../domain/standards/region-code.ts';
import type { KeyRuleSet } from '../../../domain/talents/key-talent-rules.ts';
import type { TalentInput } from '../../../domain/talents/talent.schema.ts';
import { isInScope } from '../../auth/scope.ts';
import type { Actor, Deps } from '../../context.ts';
import type { Database, ImportJobsTable, RegionsTable, TalentsTable } from '../../db/schema.ts';
import { DomainError, notFound } from '../../errors.ts';
import { writeErrorWorkbook } from '../../io/xlsx/error-workbook.ts';
import { readWorkbookRows } from '../../io/xlsx/read-workbook.ts';
import { TALENT_COLUMN_BY_KEY, TALENT_COLUMNS } from '../../io/xlsx/talent-columns.ts';
import { mapTalentRow, type RowError } from '../../io/xlsx/talent-row.ts';
import { WorkbookError } from '../../io/xlsx/workbook-error.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { ruleSetFor } from './key-rules.service.ts';
import { buildTalentRecord, provinceOf, type TalentRecord } from './talent-record.ts';
import { applyStatDeltas } from './talent-stats.repository.ts';
import { StatAccumulator, type StatDeltas } from './talent-stats.ts';
import { auditView, storedInput } from './talent-views.ts';
import * as repo from './talents.repository.ts';

/**
 * Talent import: upload → validate every row (in a worker-read stream, a batch at a time, so the
 * server keeps serving) → preview counts and row errors → commit all valid rows in ONE transaction
 * (a failure or an interruption writes nothing). Validated rows wait on disk as NDJSON, not in memory.
 */
export type ImportStatus = 'validating' | 'validated' | 'failed' | 'committing' | 'done';

export interface ImportCounts {
  rows: number;
  new: number;
  update: number;
  invalid: number;
  created: number;
  updated: number;
  skipped: number;
}

const EMPTY_COUNTS: ImportCounts = { rows: 0, new: 0, update: 0, invalid: 0, created: 0, updated: 0, skipped: 0 };
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** Live progress of running jobs (the job row is written at the start and the end only). */
const live = new Map<string, { processed: number; total: number | null }>();

const jobDir = (deps: Deps, id: string) => path.join(deps.dataDir, 'imports', id);
const REGION_HEADER = TALENT_COLUMN_BY_KEY.get('regionCode')?.header ?? '工作地区';
const ID_HEADER = TALENT_COLUMN_BY_KEY.get('idNumber')?.header ?? '身份证号码';

export function toJobDto(j: ImportJobsTable) {
  const p = live.get(j.id);
  return {
    id: j.id,
    status: j.status as ImportStatus,
    fileName: j.file_name,
    processedRows: p?.processed ?? j.processed_rows,
    totalRows: p ? p.total : j.total_rows,
    counts: { ...EMPTY_COUNTS, ...JSON.parse(j.counts) } as ImportCounts,
    updateExisting: j.update_existing === 1,
    message: j.message,
    createdAt: j.created_at,
    updatedAt: j.updated_at,
  };
}
export type ImportJobDto = ReturnType<typeof toJobDto>;

async function setJob(deps: Deps, id: string, patch: Partial<ImportJobsTable>) {
  await deps.db
    .updateTable('import_jobs')
    .set({ ...patch, updated_at: deps.clock.now().toISOString() })
    .where('id', '=', id)
    .execute();
}

/**
 * At start-up: jobs a restart cut short are failed (their transaction never committed, so nothing
 * was written), and the files of jobs older than a day are removed — they hold personal data
 * (uploads, validated rows, error reports) that is not kept longer than the import needs.
 */
export async function failInterruptedImports(deps: Deps) {
  const dayAgo = new Date(deps.clock.now().getTime() - 86_400_000).toISOString();
  const old = await deps.db.selectFrom('import_jobs').select('id').where('created_at', '<', dayAgo).execute();
  for (const j of old) await fs.promises.rm(jobDir(deps, j.id), { recursive: true, force: true });
  await deps.db
    .updateTable('import_jobs')
    .set({ status: 'failed', message: '服务重启,导入已中止,未写入任何数据,请重新上传', updated_at: deps.clock.now().toISOString() })
    .where('status', 'in', ['validating', 'committing'])
    .execute();
}

export async function startImport(deps: Deps, actor: Actor, file: Readable, fileName: string): Promise<ImportJobDto> {
  const id = uuidv7();
  const dir = jobDir(deps, id);
  await fs.promises.mkdir(dir, { recursive: true });
  const source = path.join(dir, 'source.xlsx');
  try {
    await pipeline(file, fs.createWriteStream(source));
  } catch (err) {
    // Too large (the multipart limit aborts the stream) or the client went away: keep nothing.
    await fs.promises.rm(dir, { recursive: true, force: true });
    throw err;
  }
  if ((file as Readable & { truncated?: boolean }).truncated) {
    await fs.promises.rm(dir, { recursive: true, force: true });
    throw new DomainError('PAYLOAD_TOO_LARGE', `文件超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB,请拆分后分批导入`);
  }
  const now = deps.clock.now().toISOString();
  const row: ImportJobsTable = {
    id,
    kind: 'talent',
    user_id: actor.userId,
    scope_code: actor.scope.regionCode,
    file_name: fileName.slice(0, 255),
    status: 'validating',
    processed_rows: 0,
    total_rows: null,
    counts: JSON.stringify(EMPTY_COUNTS),
    update_existing: 0,
    message: null,
    created_at: now,
    updated_at: now,
  };
  await deps.db.insertInto('import_jobs').values(row).execute();
  live.set(id, { processed: 0, total: null });
  const done = validate(deps, actor, row).catch(async (err: unknown) => {
    const message = err instanceof WorkbookError ? err.message : '文件校验失败,请检查文件后重新上传';
    if (!(err instanceof WorkbookError)) console.error('import validation failed', err);
    live.delete(id);
    await setJob(deps, id, { status: 'failed', message });
  });
  running.set(id, done);
  done.finally(() => running.delete(id));
  return toJobDto(row);
}

/** Background work per job, so tests (and shutdown) can wait for it. */
const running = new Map<string, Promise<unknown>>();
export const waitForImport = (id: string) => running.get(id) ?? Promise.resolve();

interface PreparedRecord {
  rowNumber: number;
  record: TalentRecord;
}

/** Builds records with the rules and region facts they depend on, cached per province and region. */
class RecordBuilder {
  readonly ruleVersions: Record<string, string | null> = {};
  private readonly ruleSets = new Map<string, KeyRuleSet>();
  private readonly classes = new Map<string, string | null>();
  constructor(private readonly deps: Deps) {}

  async build(input: TalentInput, db: Kysely<Database> | Transaction<Database> = this.deps.db, previous?: TalentsTable): Promise<TalentRecord> {
    const province = provinceOf(input.regionCode);
    if (!this.ruleSets.has(province)) {
      const r = await ruleSetFor(db, province);
      this.ruleSets.set(province, r.ruleSet);
      this.ruleVersions[province] = r.updatedAt;
    }
    if (!this.classes.has(input.regionCode)) {
      const region = await db.selectFrom('regions').select('urban_rural_class').where('code', '=', input.regionCode).executeTakeFirst();
      this.classes.set(input.regionCode, region?.urban_rural_class ?? null);
    }
    return buildTalentRecord(input, {
      crypto: this.deps.crypto,
      ruleSet: this.ruleSets.get(province) as KeyRuleSet,
      urbanRuralClass: this.classes.get(input.regionCode) ?? null,
      at: this.deps.clock.now().toISOString(),
      previous,
    });
  }
}

interface ValidRow {
  rowNumber: number;
  input: TalentInput;
  existingId: string | null;
}

/**
 * New rows are built into stored records here, while the worker thread reads the next batch (the
 * main thread would otherwise wait idle), so the commit only inserts. The rule-set versions used are
 * kept: a rule change before the commit makes the commit refuse (the key flags would be stale).
 */
interface PreparedMeta {
  ruleVersions: Record<string, string | null>;
}

async function validate(deps: Deps, actor: Actor, job: ImportJobsTable) {
  const dir = jobDir(deps, job.id);
  const counts = { ...EMPTY_COUNTS };
  const builder = new RecordBuilder(deps);
  const stats = new StatAccumulator();
  const recordsOut = fs.createWriteStream(path.join(dir, 'records.ndjson'));
  const regionCache = new Map<string, Pick<RegionsTable, 'status' | 'level'> | null>();
  const seen = new Map<string, number>();
  const validOut = fs.createWriteStream(path.join(dir, 'valid.ndjson'));
  const errorOut = fs.createWriteStream(path.join(dir, 'errors.ndjson'));
  const write = async (out: fs.WriteStream, value: unknown) => {
    if (!out.write(`${JSON.stringify(value)}\n`)) await once(out, 'drain');
  };
  const rows = await readWorkbookRows(path.join(dir, 'source.xlsx'), {
    columns: TALENT_COLUMNS,
    onProgress: (p) => live.set(job.id, { processed: p.rowsRead, total: p.fraction ? Math.round(p.rowsRead / Math.max(p.fraction, 0.0001)) : null }),
  });
  try {
    await fs.promises.writeFile(path.join(dir, 'headers.json'), JSON.stringify(rows.headers));
    let batch: { rowNumber: number; raw: unknown[]; input: TalentInput | null; errors: RowError[]; hash: string | null }[] = [];
    const flush = async () => {
      await checkBatch(deps, actor, batch, regionCache, seen);
      for (const [i, r] of batch.entries()) {
        // Building a record costs ~0.2 ms: hand the event loop back every 50 rows so other requests get in.
        if (i % 50 === 49) await nextTurn();
        counts.rows++;
        if (r.errors.length || !r.input) {
          counts.invalid++;
          await write(errorOut, { rowNumber: r.rowNumber, raw: r.raw, errors: r.errors });
        } else {
          const existingId = (r as { existingId?: string }).existingId ?? null;
          if (existingId) {
            counts.update++;
            await write(validOut, { rowNumber: r.rowNumber, input: r.input, existingId } satisfies ValidRow);
          } else {
            counts.new++;
            const record = await builder.build(r.input);
            stats.add(record.row, 1);
            await write(recordsOut, { rowNumber: r.rowNumber, record } satisfies PreparedRecord);
          }
        }
      }
      batch = [];
    };
    for await (const row of rows) {
      const mapped = mapTalentRow(row.cells);
      const hash = mapped.input ? deps.crypto.lookupHash(mapped.input.idNumber) : null;
      batch.push({ rowNumber: row.rowNumber, raw: row.raw, input: mapped.input, errors: mapped.errors, hash });
      if (batch.length >= 500) await flush();
    }
    await flush();
  } finally {
    await rows.close();
    for (const out of [validOut, errorOut, recordsOut]) out.end();
    await Promise.all([once(validOut, 'close'), once(errorOut, 'close'), once(recordsOut, 'close')]);
  }
  await fs.promises.writeFile(path.join(dir, 'stats.json'), JSON.stringify([...stats.deltas()]));
  await fs.promises.writeFile(path.join(dir, 'meta.json'), JSON.stringify({ ruleVersions: builder.ruleVersions } satisfies PreparedMeta));
  live.delete(job.id);
  await setJob(deps, job.id, {
    status: 'validated',
    processed_rows: counts.rows,
    total_rows: counts.rows,
    counts: JSON.stringify(counts),
    message: counts.rows === 0 ? '文件中没有数据行' : null,
  });
}

/** Checks that need the database or the whole file: region, scope, duplicates in the file and in the registry. */
async function checkBatch(
  deps: Deps,
  actor: Actor,
  batch: { rowNumber: number; input: TalentInput | null; errors: RowError[]; hash: string | null }[],
  regionCache: Map<string, Pick<RegionsTable, 'status' | 'level'> | null>,
  seen: Map<string, number>,
) {
  const missing = [...new Set(batch.flatMap((r) => (r.input ? [r.input.regionCode] : [])).filter((c) => !regionCache.has(c)))];
  if (missing.length) {
    const found = await deps.db.selectFrom('regions').select(['code', 'status', 'level']).where('code', 'in', missing).execute();
    for (const c of missing) regionCache.set(c, found.find((f) => f.code === c) ?? null);
  }
  const hashes = batch.flatMap((r) => (r.hash ? [r.hash] : []));
  const existing = new Map((await repo.findTalentsByIdHashes(deps.db, hashes)).map((t) => [t.id_hash, t]));
  for (const r of batch) {
    if (!r.input || !r.hash) continue;
    const fail = (column: string, message: string) => r.errors.push({ column, message });
    const region = regionCache.get(r.input.regionCode);
    if (!isInScope(actor.scope, r.input.regionCode)) fail(REGION_HEADER, '工作地区不在您的管辖范围内');
    else if (region?.status !== 'active') fail(REGION_HEADER, '工作地区的区划代码不存在或已撤销');
    else if (region.level < 3) fail(REGION_HEADER, '工作地区请填写到县(市、区)或乡镇(街道)、村(社区)');
    const first = seen.get(r.hash);
    if (first !== undefined) fail(ID_HEADER, `与第 ${first} 行的身份证号码重复`);
    else seen.set(r.hash, r.rowNumber);
    const e = existing.get(r.hash);
    if (e) {
      if (!isWithin(e.region_code, actor.scope.regionCode)) fail(ID_HEADER, '该身份证号码已在其他地区登记,不能导入;如本人已调入,请通过「调入申请」办理');
      else (r as { existingId?: string }).existingId = e.id;
    }
    if (r.errors.length) r.input = null;
  }
}

async function loadOwnJob(deps: Deps, actor: Actor, id: string) {
  const job = await deps.db.selectFrom('import_jobs').selectAll().where('id', '=', id).where('user_id', '=', actor.userId).executeTakeFirst();
  if (!job) throw notFound('导入任务');
  return job;
}

export async function getImport(deps: Deps, actor: Actor, id: string) {
  return toJobDto(await loadOwnJob(deps, actor, id));
}

async function* readNdjson<T>(file: string): AsyncGenerator<T> {
  if (!fs.existsSync(file)) return;
  const lines = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) if (line) yield JSON.parse(line) as T;
}

export async function importErrors(deps: Deps, actor: Actor, id: string, page: number, pageSize: number) {
  await loadOwnJob(deps, actor, id);
  const items: { rowNumber: number; column: string; message: string }[] = [];
  let total = 0;
  const from = (page - 1) * pageSize;
  for await (const r of readNdjson<{ rowNumber: number; errors: RowError[] }>(path.join(jobDir(deps, id), 'errors.ndjson'))) {
    for (const e of r.errors) {
      if (total >= from && items.length < pageSize) items.push({ rowNumber: r.rowNumber, column: e.column, message: e.message });
      total++;
    }
  }
  return { items, total };
}

/** Streams the error workbook: the file's own columns plus 原行号 and 错误说明, ready to fix and re-upload. */
export async function writeImportErrorWorkbook(deps: Deps, actor: Actor, id: string, out: NodeJS.WritableStream) {
  await loadOwnJob(deps, actor, id);
  const dir = jobDir(deps, id);
  const headers = JSON.parse(await fs.promises.readFile(path.join(dir, 'headers.json'), 'utf8')) as string[];
  await writeErrorWorkbook(out as never, headers, readNdjson(path.join(dir, 'errors.ndjson')));
}

export async function commitImport(deps: Deps, actor: Actor, id: string, updateExisting: boolean): Promise<ImportJobDto> {
  const job = await loadOwnJob(deps, actor, id);
  // Claim the job atomically: a double click or a second tab cannot commit it twice.
  const claimed = await deps.db
    .updateTable('import_jobs')
    .set({ status: 'committing', update_existing: updateExisting ? 1 : 0, updated_at: deps.clock.now().toISOString() })
    .where('id', '=', id)
    .where('status', '=', 'validated')
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1) {
    throw new DomainError('CONFLICT', job.status === 'done' ? '该文件已导入,不能重复导入' : '该导入任务当前不能提交(未完成校验或已失败)');
  }
  const counts = { ...EMPTY_COUNTS, ...JSON.parse(job.counts) } as ImportCounts;
  live.set(id, { processed: 0, total: counts.new + (updateExisting ? counts.update : 0) });
  const done = commit(deps, actor, job, updateExisting, counts)
    .then(async (result) => {
      live.delete(id);
      await setJob(deps, id, { status: 'done', counts: JSON.stringify(result), message: null });
    })
    .catch(async (err: unknown) => {
      live.delete(id);
      const conflict = String((err as Error)?.message ?? '').match(/unique|UNIQUE|duplicate/);
      if (!conflict && !(err instanceof DomainError)) console.error('import commit failed', err);
      await setJob(deps, id, {
        status: 'failed',
        message:
          err instanceof DomainError
            ? `${err.message};本次导入未写入任何数据`
            : conflict
              ? '导入期间有相同身份证号码的人才被其他人登记,本次导入未写入任何数据,请重新上传校验'
              : '导入失败,未写入任何数据,请稍后重试',
      });
    });
  running.set(id, done);
  done.finally(() => running.delete(id));
  return toJobDto({ ...job, status: 'committing', update_existing: updateExisting ? 1 : 0 });
}

/** Merges an imported row into the stored record: scalar fields replaced, certificate and education upserted, other lists kept. */
function mergeForUpdate(stored: TalentInput, row: TalentInput): TalentInput {
  const certificates = [...stored.certificates];
  for (const c of row.certificates) {
    const i = certificates.findIndex((x) => x.certificateNo === c.certificateNo);
    if (i >= 0) certificates[i] = c;
    else certificates.push(c);
  }
  const educations = [...stored.educations];
  for (const e of row.educations) {
    const i = educations.findIndex((x) => x.level === e.level);
    if (i >= 0) educations[i] = e;
    else educations.push(e);
  }
  return {
    ...stored,
    ...row,
    certificates,
    educations,
    employments: stored.employments,
    trainings: stored.trainings,
    honours: stored.honours,
    dispatches: stored.dispatches,
  };
}

async function commit(deps: Deps, actor: Actor, job: ImportJobsTable, updateExisting: boolean, counts: ImportCounts): Promise<ImportCounts> {
  const dir = jobDir(deps, job.id);
  const meta = JSON.parse(await fs.promises.readFile(path.join(dir, 'meta.json'), 'utf8')) as PreparedMeta;
  const bulk = deps.openBulk?.();
  const db: Kysely<Database> = bulk?.db ?? deps.db;
  const at = deps.clock.now().toISOString();
  const result = { ...counts, created: 0, updated: 0, skipped: 0 };
  try {
    await db.transaction().execute(async (trx) => {
      for (const [province, version] of Object.entries(meta.ruleVersions)) {
        if ((await ruleSetFor(trx, province)).updatedAt !== version) {
          throw new DomainError('CONFLICT', '校验后本省重点人才认定规则已修改,请重新上传校验');
        }
      }
      // New rows: prepared at validation, stamped with the commit time, inserted in large batches.
      let batch: PreparedRecord[] = [];
      const flushNew = async () => {
        const records = batch.map((p) => {
          const row = { ...p.record.row, created_at: at, updated_at: at, key_since: p.record.row.is_key ? at.slice(0, 10) : null };
          return { row, children: p.record.children };
        });
        await repo.insertTalents(trx, records);
        const audits = batch.map((p) =>
          auditRow(actor, at, 'create', p.record.row.id, p.record.row.name, p.record.row.region_code, null, { import: job.file_name, row: p.rowNumber }),
        );
        for (let i = 0; i < audits.length; i += 500)
          await trx
            .insertInto('audit_log')
            .values(audits.slice(i, i + 500))
            .execute();
        result.created += batch.length;
        const p = live.get(job.id);
        if (p) p.processed += batch.length;
        batch = [];
      };
      for await (const r of readNdjson<PreparedRecord>(path.join(dir, 'records.ndjson'))) {
        batch.push(r);
        if (batch.length >= 800) await flushNew();
      }
      await flushNew();
      const deltas: StatDeltas = new Map(JSON.parse(await fs.promises.readFile(path.join(dir, 'stats.json'), 'utf8')));
      await applyStatDeltas(trx, deltas);

      // Existing records: merged with what is stored now, one by one (usually few).
      const stats = new StatAccumulator();
      const builder = new RecordBuilder(deps);
      for await (const r of readNdjson<ValidRow>(path.join(dir, 'valid.ndjson'))) {
        if (!updateExisting) {
          result.skipped++;
          continue;
        }
        const stored = await repo.findTalentById(trx, r.existingId as string);
        // Moved out of the uploader's scope (or deleted) since validation: the whole import stops.
        if (!stored || !isWithin(stored.region_code, actor.scope.regionCode)) throw new DomainError('CONFLICT', `第 ${r.rowNumber} 行的人才在校验后已变动`);
        const before = storedInput(stored, await repo.loadChildren(trx, stored.id), deps.crypto);
        const merged = mergeForUpdate(before, r.input);
        const record = { ...(await builder.build(merged, trx, stored)) };
        record.row = { ...record.row, updated_at: at };
        await repo.replaceTalent(trx, record);
        stats.add(stored, -1);
        stats.add(record.row, 1);
        await trx
          .insertInto('audit_log')
          .values(
            auditRow(
              actor,
              at,
              'update',
              stored.id,
              stored.name,
              record.row.region_code,
              auditView(before, { idNumber: stored.id_masked, phone: stored.phone_masked }, stored.is_key === 1),
              auditView(merged, { idNumber: record.row.id_masked, phone: record.row.phone_masked }, record.row.is_key === 1),
            ),
          )
          .execute();
        result.updated++;
        const p = live.get(job.id);
        if (p) p.processed++;
      }
      await applyStatDeltas(trx, stats.deltas());
      await recordAudit(trx, deps, actor, {
        action: 'import',
        entityType: 'import_job',
        entityId: job.id,
        entityLabel: job.file_name,
        regionCode: actor.scope.regionCode,
        changes: { created: [null, result.created], updated: [null, result.updated], skipped: [null, result.skipped], invalid: [null, result.invalid] },
      });
    });
  } finally {
    await bulk?.close();
  }
  // The personal data of the upload is not kept once it is in the registry (the error rows stay for the report).
  for (const f of ['source.xlsx', 'records.ndjson', 'valid.ndjson']) await fs.promises.rm(path.join(dir, f), { force: true });
  return result;
}

function auditRow(
  actor: Actor,
  at: string,
  action: 'create' | 'update',
  id: string,
  label: string,
  regionCode: string,
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
) {
  // Same shape as recordAudit's entries, written in multi-row batches (one per record would be 100,000 statements).
  const changes = diffRecords(before, after);
  return {
    id: uuidv7(),
    at,
    actor_id: actor.userId,
    actor_name: actor.username,
    action,
    entity_type: 'talent',
    entity_id: id,
    entity_label: label,
    region_code: regionCode,
    changes: Object.keys(changes).length ? JSON.stringify(changes) : null,
    ip: actor.ip,
    request_id: actor.requestId,
  };
}
