/**
 * Imports of the platform, agency and community-group registers, the talent import's way: upload →
 * validate every row (a worker reads the workbook, rows are checked a batch at a time) → preview
 * counts and row errors → commit ALL valid rows in ONE transaction through the owners' create/update
 * functions (a failure writes nothing). Files live under DATA_DIR/imports/<id>/; valid rows wait
 * there as NDJSON, not in memory. Jobs belong to their uploader.
 */
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { v7 as uuidv7 } from 'uuid';
import { hasPermission } from '../../../domain/auth/roles.ts';
import type { Actor, Deps } from '../../context.ts';
import type { ImportJobsTable } from '../../db/schema.ts';
import { DomainError, notFound } from '../../errors.ts';
import { writeErrorWorkbook } from '../../io/xlsx/error-workbook.ts';
import { FIELD_COLUMN, type RowError } from '../../io/xlsx/network-rows.ts';
import type { NetworkSheetKind } from '../../io/xlsx/network-template.ts';
import { readWorkbookRows } from '../../io/xlsx/read-workbook.ts';
import { WorkbookError } from '../../io/xlsx/workbook-error.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { agencyImport } from './import/agency-import.ts';
import { groupImport } from './import/group-import.ts';
import type { CheckContext, ImportSpec, PendingRow } from './import/import-spec.ts';
import { platformImport } from './import/platform-import.ts';

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
export const MAX_NETWORK_IMPORT_BYTES = 50 * 1024 * 1024;
const BATCH = 200;

// biome-ignore lint/suspicious/noExplicitAny: each spec has its own input type; the engine only moves them around
type AnySpec = ImportSpec<any, any>;
export const IMPORT_SPECS: Record<NetworkSheetKind, AnySpec> = { platform: platformImport, agency: agencyImport, community_group: groupImport };
export const isNetworkKind = (kind: string): kind is NetworkSheetKind => kind in IMPORT_SPECS;

/** Live progress of running jobs (the job row is written at the start and the end only). */
const live = new Map<string, { processed: number; total: number | null }>();
/** Background work per job, so tests (and shutdown) can wait for it. */
const running = new Map<string, Promise<unknown>>();
export const waitForNetworkImport = (id: string) => running.get(id) ?? Promise.resolve();

const jobDir = (deps: Deps, id: string) => path.join(deps.dataDir, 'imports', id);

function toDto(j: ImportJobsTable) {
  const p = live.get(j.id);
  return {
    id: j.id,
    kind: j.kind as NetworkSheetKind,
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
export type NetworkImportJob = ReturnType<typeof toDto>;

async function setJob(deps: Deps, id: string, patch: Partial<ImportJobsTable>) {
  await deps.db
    .updateTable('import_jobs')
    .set({ ...patch, updated_at: deps.clock.now().toISOString() })
    .where('id', '=', id)
    .execute();
}

function assertMayImport(actor: Actor, spec: AnySpec) {
  if (!hasPermission(actor.role, spec.permission)) throw new DomainError('FORBIDDEN', `您的角色不能导入${spec.noun}`);
}

function track(id: string, work: Promise<unknown>) {
  running.set(id, work);
  work.finally(() => running.delete(id));
}

export async function startNetworkImport(deps: Deps, actor: Actor, kind: NetworkSheetKind, file: Readable, fileName: string): Promise<NetworkImportJob> {
  const spec = IMPORT_SPECS[kind];
  assertMayImport(actor, spec);
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
    throw new DomainError('PAYLOAD_TOO_LARGE', `文件超过 ${MAX_NETWORK_IMPORT_BYTES / 1024 / 1024} MB,请拆分后分批导入`);
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
    validate(deps, actor, spec, row).catch(async (err: unknown) => {
      if (!(err instanceof WorkbookError)) console.error('network import validation failed', err);
      live.delete(id);
      await setJob(deps, id, { status: 'failed', message: err instanceof WorkbookError ? err.message : '文件校验失败,请检查文件后重新上传' });
    }),
  );
  return toDto(row);
}

async function validate(deps: Deps, actor: Actor, spec: AnySpec, job: ImportJobsTable) {
  const dir = jobDir(deps, job.id);
  const counts = { ...EMPTY_COUNTS };
  const ctx: CheckContext = { deps, actor, regions: new Map(), seen: new Map() };
  const validOut = fs.createWriteStream(path.join(dir, 'valid.ndjson'));
  const errorOut = fs.createWriteStream(path.join(dir, 'errors.ndjson'));
  const write = async (out: fs.WriteStream, value: unknown) => {
    if (!out.write(`${JSON.stringify(value)}\n`)) await once(out, 'drain');
  };
  const rows = await readWorkbookRows(path.join(dir, 'source.xlsx'), {
    columns: spec.columns,
    onProgress: (p) => live.set(job.id, { processed: p.rowsRead, total: p.fraction ? Math.round(p.rowsRead / Math.max(p.fraction, 0.0001)) : null }),
  }).catch(async (err) => {
    validOut.end();
    errorOut.end();
    throw err;
  });
  try {
    await fs.promises.writeFile(path.join(dir, 'headers.json'), JSON.stringify(rows.headers));
    // The fields this file carries: an update changes those and leaves the others as they are.
    const present = new Set(rows.columnKeys.filter((k): k is string => k !== null));
    const fields = Object.entries(FIELD_COLUMN[spec.kind])
      .filter(([, column]) => present.has(column))
      .map(([field]) => field);
    await fs.promises.writeFile(path.join(dir, 'fields.json'), JSON.stringify(fields));
    let batch: PendingRow<unknown, unknown>[] = [];
    const flush = async () => {
      await spec.check(ctx, batch);
      for (const r of batch) {
        counts.rows++;
        if (!r.input || r.errors.length) {
          counts.invalid++;
          await write(errorOut, { rowNumber: r.rowNumber, raw: r.raw, errors: r.errors });
        } else {
          if (r.existingId) counts.update++;
          else counts.new++;
          await write(validOut, { rowNumber: r.rowNumber, input: r.input, existingId: r.existingId });
        }
      }
      batch = [];
    };
    for await (const row of rows) {
      const mapped = spec.map(row.cells);
      batch.push({ rowNumber: row.rowNumber, raw: row.raw, input: mapped.input, errors: mapped.errors, refs: mapped.refs, existingId: null });
      if (batch.length >= BATCH) await flush();
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

/** The job, when it is the actor's own and of a register the actor may import (else "not found"). */
async function loadOwnJob(deps: Deps, actor: Actor, id: string) {
  const job = await deps.db.selectFrom('import_jobs').selectAll().where('id', '=', id).where('user_id', '=', actor.userId).executeTakeFirst();
  if (!job || !isNetworkKind(job.kind) || !hasPermission(actor.role, IMPORT_SPECS[job.kind].permission)) throw notFound('导入任务');
  return job;
}

export async function getNetworkImport(deps: Deps, actor: Actor, id: string) {
  return toDto(await loadOwnJob(deps, actor, id));
}

async function* readNdjson<T>(file: string): AsyncGenerator<T> {
  if (!fs.existsSync(file)) return;
  const lines = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) if (line) yield JSON.parse(line) as T;
}

export async function networkImportErrors(deps: Deps, actor: Actor, id: string, page: number, pageSize: number) {
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

/** The error workbook: the file's own columns plus 原行号 and 错误说明, ready to fix and upload again. */
export async function checkErrorWorkbook(deps: Deps, actor: Actor, id: string) {
  const job = await loadOwnJob(deps, actor, id);
  const headersFile = path.join(jobDir(deps, id), 'headers.json');
  if (!fs.existsSync(headersFile)) throw new DomainError('CONFLICT', '该导入任务没有可下载的错误报告');
  const headers = JSON.parse(await fs.promises.readFile(headersFile, 'utf8')) as string[];
  const spec = IMPORT_SPECS[job.kind as NetworkSheetKind];
  return (out: NodeJS.WritableStream) =>
    writeErrorWorkbook(out as never, headers, readNdjson(path.join(jobDir(deps, id), 'errors.ndjson')), { columns: spec.columns }).then(() => undefined);
}

export async function commitNetworkImport(deps: Deps, actor: Actor, id: string, updateExisting: boolean): Promise<NetworkImportJob> {
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
  const spec = IMPORT_SPECS[job.kind as NetworkSheetKind];
  const counts = { ...EMPTY_COUNTS, ...JSON.parse(job.counts) } as ImportCounts;
  live.set(id, { processed: 0, total: counts.new + (updateExisting ? counts.update : 0) });
  track(
    id,
    commit(deps, actor, spec, job, updateExisting, counts)
      .then(async (result) => {
        live.delete(id);
        await setJob(deps, id, { status: 'done', counts: JSON.stringify(result), message: null });
      })
      .catch(async (err: unknown) => {
        live.delete(id);
        if (!(err instanceof DomainError)) console.error('network import commit failed', err);
        await setJob(deps, id, {
          status: 'failed',
          message: err instanceof DomainError ? `${err.message};本次导入未写入任何数据` : '导入失败,未写入任何数据,请稍后重试',
        });
      }),
  );
  return toDto({ ...job, status: 'committing', update_existing: updateExisting ? 1 : 0 });
}

/** A rule of the owners' create/update refused a row: say which row and which column. */
function rowError(rowNumber: number, err: DomainError, spec: AnySpec): DomainError {
  const details = Array.isArray(err.details) ? err.details : [];
  const columnOf = (field: string) => spec.columns.find((c) => c.key === (FIELD_COLUMN[spec.kind][field] ?? field))?.header;
  const parts = details.length ? details.map((d) => `${columnOf(d.field) ?? d.field}:${d.message}`) : [err.message];
  return new DomainError('CONFLICT', `第 ${rowNumber} 行:${parts.join(';')}`);
}

interface ValidRow {
  rowNumber: number;
  input: Record<string, unknown>;
  existingId: string | null;
}

/**
 * All valid rows in one transaction on the main connection: these registers hold thousands of rows,
 * not millions, and the owners' functions may read through `deps` as well as `trx`.
 */
async function commit(deps: Deps, actor: Actor, spec: AnySpec, job: ImportJobsTable, updateExisting: boolean, counts: ImportCounts): Promise<ImportCounts> {
  const dir = jobDir(deps, job.id);
  const fields = JSON.parse(await fs.promises.readFile(path.join(dir, 'fields.json'), 'utf8')) as string[];
  const result = { ...counts, created: 0, updated: 0, skipped: 0 };
  await deps.db.transaction().execute(async (trx) => {
    for await (const r of readNdjson<ValidRow>(path.join(dir, 'valid.ndjson'))) {
      // The natural key may have been taken (or freed) since validation: the whole import stops.
      const holder = await spec.holderOf(trx, r.input);
      if (holder !== r.existingId) throw new DomainError('CONFLICT', `第 ${r.rowNumber} 行的${spec.noun}在校验后已被他人登记或修改,请重新上传校验`);
      try {
        if (!r.existingId) {
          await spec.create(trx, deps, actor, r.input);
          result.created++;
        } else if (updateExisting) {
          const patch = Object.fromEntries(Object.entries(r.input).filter(([k]) => fields.includes(k) || k === 'overrideCreditCheck'));
          await spec.update(trx, deps, actor, r.existingId, patch);
          result.updated++;
        } else {
          result.skipped++;
        }
      } catch (err) {
        throw err instanceof DomainError ? rowError(r.rowNumber, err, spec) : err;
      }
      const p = live.get(job.id);
      if (p) p.processed++;
    }
    await recordAudit(trx, deps, actor, {
      action: 'import',
      entityType: 'import_job',
      entityId: job.id,
      entityLabel: job.file_name,
      regionCode: actor.scope.regionCode,
      changes: {
        kind: [null, spec.kind],
        created: [null, result.created],
        updated: [null, result.updated],
        skipped: [null, result.skipped],
        invalid: [null, result.invalid],
      },
    });
  });
  // The upload is not kept once it is in the register (the error rows stay for the report).
  for (const f of ['source.xlsx', 'valid.ndjson']) await fs.promises.rm(path.join(dir, f), { force: true });
  return result;
}
