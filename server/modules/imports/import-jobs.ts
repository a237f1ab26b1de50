/**
 * The jobs of every Excel import (talents; platforms, agencies and community groups): one
 * `import_jobs` row per upload, its files under DATA_DIR/imports/<id>/. Upload → validate (the
 * import's own work) → validated, with counts and row errors → commit (the import's own work, one
 * transaction) → done; any failure → failed, with a message for the user. Progress lives in memory
 * while a job runs. An import says what sets it apart in its ImportJobRules.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { v7 as uuidv7 } from 'uuid';
import type { Actor, Deps } from '../../context.ts';
import type { ImportJobsTable } from '../../db/schema.ts';
import { DomainError, notFound } from '../../errors.ts';
import { type ErrorReportRow, type ErrorWorkbookOptions, writeErrorWorkbook } from '../../io/xlsx/error-workbook.ts';
import { WorkbookError } from '../../io/xlsx/workbook-error.ts';
import { EMPTY_COUNTS, type ImportCounts } from './counts.ts';
import { readNdjson } from './ndjson.ts';

export const IMPORT_STATUSES = ['validating', 'validated', 'failed', 'committing', 'done'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** Live progress of running jobs (the job row is written at the start and the end only). */
const live = new Map<string, { processed: number; total: number | null }>();

/** Background work per job, so tests (and shutdown) can wait for it. */
const running = new Map<string, Promise<unknown>>();
export const waitForImportJob = (id: string) => running.get(id) ?? Promise.resolve();

function track(id: string, work: Promise<unknown>) {
  running.set(id, work);
  work.finally(() => running.delete(id));
}

export const jobDir = (deps: Deps, id: string) => path.join(deps.dataDir, 'imports', id);

/** The rejected rows of a validated job, for the error list and the error workbook. */
export const errorReport = (deps: Deps, id: string) => readNdjson<ErrorReportRow>(path.join(jobDir(deps, id), 'errors.ndjson'));

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

async function setJob(deps: Deps, id: string, patch: Partial<ImportJobsTable>) {
  await deps.db
    .updateTable('import_jobs')
    .set({ ...patch, updated_at: deps.clock.now().toISOString() })
    .where('id', '=', id)
    .execute();
}

/**
 * At start-up, for every kind of import: jobs a restart cut short are failed (their transaction
 * never committed, so nothing was written), and the files of jobs older than a day are removed —
 * they hold personal data (uploads, validated rows, error reports) that is not kept longer than
 * the import needs.
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

/** What sets one import apart from the others. */
export interface ImportJobRules<Dto> {
  /** How the server log names the import. */
  logName: string;
  toDto(job: ImportJobsTable): Dto;
  /** Whether the uploader may still open an own job (else "not found"); every own job when absent. */
  mayOpen?(actor: Actor, job: ImportJobsTable): boolean;
  /** The job's files removed once its rows are in. */
  removedAfterCommit: readonly string[];
  /** The message of a commit failure the import recognises (a DomainError speaks for itself), or null. */
  explainFailure?(err: unknown): string | null;
}

/** Reads the uploaded file in the job's folder, reporting progress; the counts of its rows. */
export type ValidateJob = (
  job: ImportJobsTable,
  dir: string,
  onProgress: (processed: number, total: number | null) => void,
) => Promise<Partial<ImportCounts> & { rows: number }>;

/** Writes the job's valid rows in one transaction, reporting rows written; the final counts. */
export type CommitJob = (job: ImportJobsTable, dir: string, counts: ImportCounts, onProgress: (rows: number) => void) => Promise<ImportCounts>;

export function importJobs<Dto>(rules: ImportJobRules<Dto>) {
  /** The job, when it is the actor's own (and the import's rules let the actor open it). */
  async function loadOwnJob(deps: Deps, actor: Actor, id: string) {
    const job = await deps.db.selectFrom('import_jobs').selectAll().where('id', '=', id).where('user_id', '=', actor.userId).executeTakeFirst();
    if (!job || (rules.mayOpen && !rules.mayOpen(actor, job))) throw notFound('导入任务');
    return job;
  }

  async function start(deps: Deps, actor: Actor, kind: string, file: Readable, fileName: string, validate: ValidateJob): Promise<Dto> {
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
      kind,
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
    track(
      id,
      validate(row, dir, (processed, total) => live.set(id, { processed, total }))
        .then(async (counts) => {
          live.delete(id);
          await setJob(deps, id, {
            status: 'validated',
            processed_rows: counts.rows,
            total_rows: counts.rows,
            counts: JSON.stringify({ ...EMPTY_COUNTS, ...counts }),
            message: counts.rows === 0 ? '文件中没有数据行' : null,
          });
        })
        .catch(async (err: unknown) => {
          if (!(err instanceof WorkbookError)) console.error(`${rules.logName} validation failed`, err);
          live.delete(id);
          await setJob(deps, id, { status: 'failed', message: err instanceof WorkbookError ? err.message : '文件校验失败,请检查文件后重新上传' });
        }),
    );
    return rules.toDto(row);
  }

  async function errors(deps: Deps, actor: Actor, id: string, page: number, pageSize: number) {
    await loadOwnJob(deps, actor, id);
    const items: { rowNumber: number; column: string; message: string }[] = [];
    let total = 0;
    const from = (page - 1) * pageSize;
    for await (const r of errorReport(deps, id)) {
      for (const e of r.errors) {
        if (total >= from && items.length < pageSize) items.push({ rowNumber: r.rowNumber, column: e.column, message: e.message });
        total++;
      }
    }
    return { items, total };
  }

  async function commit(deps: Deps, actor: Actor, id: string, updateExisting: boolean, write: CommitJob): Promise<Dto> {
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
    track(
      id,
      write(job, dir, counts, (rows) => {
        const p = live.get(id);
        if (p) p.processed += rows;
      })
        .then(async (result) => {
          // The personal data of the upload is not kept once it is in the registers (the error rows stay for the report).
          for (const f of rules.removedAfterCommit) await fs.promises.rm(path.join(dir, f), { force: true });
          live.delete(id);
          await setJob(deps, id, { status: 'done', counts: JSON.stringify(result), message: null });
        })
        .catch(async (err: unknown) => {
          live.delete(id);
          const known = err instanceof DomainError ? `${err.message};本次导入未写入任何数据` : (rules.explainFailure?.(err) ?? null);
          if (!known) console.error(`${rules.logName} commit failed`, err);
          await setJob(deps, id, { status: 'failed', message: known ?? '导入失败,未写入任何数据,请稍后重试' });
        }),
    );
    return rules.toDto({ ...job, status: 'committing', update_existing: updateExisting ? 1 : 0 });
  }

  /**
   * The error workbook of an own job: the file's own columns plus 原行号 and 错误说明, ready to fix and
   * upload again. Checked before the answer starts: a job whose file was never read has none (409).
   */
  async function errorWorkbook(deps: Deps, actor: Actor, id: string, options: (job: ImportJobsTable) => ErrorWorkbookOptions = () => ({})) {
    const job = await loadOwnJob(deps, actor, id);
    const headersFile = path.join(jobDir(deps, id), 'headers.json');
    if (!fs.existsSync(headersFile)) throw new DomainError('CONFLICT', '该导入任务没有可下载的错误报告');
    const headers = JSON.parse(await fs.promises.readFile(headersFile, 'utf8')) as string[];
    return (out: NodeJS.WritableStream) => writeErrorWorkbook(out as never, headers, errorReport(deps, id), options(job)).then(() => undefined);
  }

  return {
    loadOwnJob,
    start,
    errorWorkbook,
    get: async (deps: Deps, actor: Actor, id: string) => rules.toDto(await loadOwnJob(deps, actor, id)),
    errors,
    commit,
  };
}
