import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { diffRecords } from '../../../domain/audit/diff.ts';
import { isWithin } from '../../../domain/standards/region-code.ts';
import type { TalentInput } from '../../../domain/talents/talent.schema.ts';
import { isInScope } from '../../auth/scope.ts';
import type { Actor, Deps } from '../../context.ts';
import type { Database, ImportJobsTable, RegionsTable } from '../../db/schema.ts';
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
import { StatAccumulator } from './talent-stats.ts';
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

/** Jobs a restart cut short: their transaction never committed, so nothing was written. */
export async function failInterruptedImports(deps: Deps) {
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

interface ValidRow {
  rowNumber: number;
  input: TalentInput;
  existingId: string | null;
}

async function validate(deps: Deps, actor: Actor, job: ImportJobsTable) {
  const dir = jobDir(deps, job.id);
  const counts = { ...EMPTY_COUNTS };
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
      for (const r of batch) {
        counts.rows++;
        if (r.errors.length || !r.input) {
          counts.invalid++;
          await write(errorOut, { rowNumber: r.rowNumber, raw: r.raw, errors: r.errors });
        } else {
          const existingId = (r as { existingId?: string }).existingId ?? null;
          if (existingId) counts.update++;
          else counts.new++;
          await write(validOut, { rowNumber: r.rowNumber, input: r.input, existingId } satisfies ValidRow);
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
    validOut.end();
    errorOut.end();
    await Promise.all([once(validOut, 'close'), once(errorOut, 'close')]);
  }
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
    else if (!region || region.status !== 'active') fail(REGION_HEADER, '工作地区的区划代码不存在或已撤销');
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
      if (!conflict) console.error('import commit failed', err);
      await setJob(deps, id, {
        status: 'failed',
        message: conflict
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
  return { ...stored, ...row, certificates, educations, employments: stored.employments, trainings: stored.trainings, honours: stored.honours, dispatches: stored.dispatches };
}

async function commit(deps: Deps, actor: Actor, job: ImportJobsTable, updateExisting: boolean, counts: ImportCounts): Promise<ImportCounts> {
  const bulk = deps.openBulk?.();
  const db: Kysely<Database> = bulk?.db ?? deps.db;
  const at = deps.clock.now().toISOString();
  const result = { ...counts, created: 0, updated: 0, skipped: 0 };
  try {
    await db.transaction().execute(async (trx) => {
      const ruleSets = new Map<string, Awaited<ReturnType<typeof ruleSetFor>>['ruleSet']>();
      const classes = new Map<string, string | null>();
      const stats = new StatAccumulator();
      let batch: ValidRow[] = [];
      const flush = async () => {
        const codes = [...new Set(batch.map((r) => r.input.regionCode))].filter((c) => !classes.has(c));
        if (codes.length) {
          const rows = await trx.selectFrom('regions').select(['code', 'urban_rural_class']).where('code', 'in', codes).execute();
          for (const c of codes) classes.set(c, rows.find((r) => r.code === c)?.urban_rural_class ?? null);
        }
        for (const p of new Set(batch.map((r) => provinceOf(r.input.regionCode)))) if (!ruleSets.has(p)) ruleSets.set(p, (await ruleSetFor(trx, p)).ruleSet);
        const fresh: TalentRecord[] = [];
        const audits: ReturnType<typeof auditRow>[] = [];
        for (const r of batch) {
          const ctx = { crypto: deps.crypto, ruleSet: ruleSets.get(provinceOf(r.input.regionCode)) as never, urbanRuralClass: classes.get(r.input.regionCode) ?? null, at };
          if (!r.existingId) {
            const record = buildTalentRecord(r.input, ctx);
            fresh.push(record);
            stats.add(record.row, 1);
            // The created record's history starts with where it came from; its content is the record itself.
            audits.push(auditRow(actor, at, 'create', record.row.id, record.row.name, record.row.region_code, null, { import: job.file_name, row: r.rowNumber }));
            result.created++;
            continue;
          }
          if (!updateExisting) {
            result.skipped++;
            continue;
          }
          const stored = await repo.findTalentById(trx, r.existingId);
          // Moved out of the uploader's scope (or deleted) since validation: the whole import stops.
          if (!stored || !isWithin(stored.region_code, actor.scope.regionCode)) throw new DomainError('CONFLICT', `第 ${r.rowNumber} 行的人才在校验后已变动`);
          const before = storedInput(stored, await repo.loadChildren(trx, stored.id), deps.crypto);
          const merged = mergeForUpdate(before, r.input);
          const record = buildTalentRecord(merged, { ...ctx, previous: stored });
          await repo.replaceTalent(trx, record);
          stats.add(stored, -1);
          stats.add(record.row, 1);
          audits.push(
            auditRow(actor, at, 'update', stored.id, stored.name, record.row.region_code,
              auditView(before, { idNumber: stored.id_masked, phone: stored.phone_masked }, stored.is_key === 1),
              auditView(merged, { idNumber: record.row.id_masked, phone: record.row.phone_masked }, record.row.is_key === 1)),
          );
          result.updated++;
        }
        await repo.insertTalents(trx, fresh);
        for (let i = 0; i < audits.length; i += 500) await trx.insertInto('audit_log').values(audits.slice(i, i + 500)).execute();
        const p = live.get(job.id);
        if (p) p.processed += batch.length;
        batch = [];
      };
      for await (const r of readNdjson<ValidRow>(path.join(jobDir(deps, job.id), 'valid.ndjson'))) {
        batch.push(r);
        if (batch.length >= 500) await flush();
      }
      await flush();
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
  return result;
}

function auditRow(actor: Actor, at: string, action: 'create' | 'update', id: string, label: string, regionCode: string, before: Record<string, unknown> | null, after: Record<string, unknown>) {
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
