import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { v7 as uuidv7 } from 'uuid';
import type { Actor, Deps } from '../../context.ts';
import type { ImportJobsTable } from '../../db/schema.ts';
import { DomainError, notFound } from '../../errors.ts';
import { writeErrorWorkbook } from '../../io/xlsx/error-workbook.ts';
import type { RowError } from '../../io/xlsx/talent-row.ts';
import { WorkbookError } from '../../io/xlsx/workbook-error.ts';
import { commitJob } from './import/commit.ts';
import { EMPTY_COUNTS, type ImportCounts } from './import/counts.ts';
import { readNdjson } from './import/ndjson.ts';
import { validateFile } from './import/validate.ts';

/**
 * Talent import: upload → validate every row (import/validate.ts: parsed and checked in worker
 * threads, a batch at a time, so the server keeps serving) → preview counts and row errors →
 * commit all valid rows in ONE transaction (import/commit.ts: a failure or an interruption writes
 * nothing). Validated rows wait on disk as NDJSON, not in memory. This file keeps the jobs.
 */
export type ImportStatus = 'validating' | 'validated' | 'failed' | 'committing' | 'done';
export type { ImportCounts };

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** Live progress of running jobs (the job row is written at the start and the end only). */
const live = new Map<string, { processed: number; total: number | null }>();

const jobDir = (deps: Deps, id: string) => path.join(deps.dataDir, 'imports', id);

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

async function validate(deps: Deps, actor: Actor, job: ImportJobsTable) {
  const counts = await validateFile(deps, actor, jobDir(deps, job.id), (processed, total) => live.set(job.id, { processed, total }));
  live.delete(job.id);
  await setJob(deps, job.id, {
    status: 'validated',
    processed_rows: counts.rows,
    total_rows: counts.rows,
    counts: JSON.stringify({ ...EMPTY_COUNTS, ...counts }),
    message: counts.rows === 0 ? '文件中没有数据行' : null,
  });
}

async function loadOwnJob(deps: Deps, actor: Actor, id: string) {
  const job = await deps.db.selectFrom('import_jobs').selectAll().where('id', '=', id).where('user_id', '=', actor.userId).executeTakeFirst();
  if (!job) throw notFound('导入任务');
  return job;
}

export async function getImport(deps: Deps, actor: Actor, id: string) {
  return toJobDto(await loadOwnJob(deps, actor, id));
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
  const dir = jobDir(deps, id);
  const done = commitJob(deps, actor, job, dir, updateExisting, counts, (rows) => {
    const p = live.get(id);
    if (p) p.processed += rows;
  })
    .then(async (result) => {
      // The personal data of the upload is not kept once it is in the registry (the error rows stay for the report).
      for (const f of ['source.xlsx', 'records.ndjson', 'valid.ndjson']) await fs.promises.rm(path.join(dir, f), { force: true });
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
