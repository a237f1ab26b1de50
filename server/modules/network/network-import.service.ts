/**
 * Imports of the platform, agency and community-group registers, the talent import's way: upload →
 * validate every row (a worker reads the workbook, rows are checked a batch at a time) → preview
 * counts and row errors → commit ALL valid rows in ONE transaction through the owners' create/update
 * functions (a failure writes nothing). Files live under DATA_DIR/imports/<id>/; valid rows wait
 * there as NDJSON, not in memory. Jobs belong to their uploader; they are kept by
 * ../imports/import-jobs.ts, as for every import.
 */
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { hasPermission } from '../../../domain/auth/roles.ts';
import type { Actor, Deps } from '../../context.ts';
import type { ImportJobsTable } from '../../db/schema.ts';
import { DomainError } from '../../errors.ts';
import { FIELD_COLUMN } from '../../io/xlsx/network-rows.ts';
import type { NetworkSheetKind } from '../../io/xlsx/network-template.ts';
import { readWorkbookRows } from '../../io/xlsx/read-workbook.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { EMPTY_COUNTS, type ImportCounts } from '../imports/counts.ts';
import { importJobs, toJobDto } from '../imports/import-jobs.ts';
import { readNdjson } from '../imports/ndjson.ts';
import { agencyImport } from './import/agency-import.ts';
import { groupImport } from './import/group-import.ts';
import type { CheckContext, ImportSpec, PendingRow } from './import/import-spec.ts';
import { platformImport } from './import/platform-import.ts';

export { waitForImportJob as waitForNetworkImport } from '../imports/import-jobs.ts';

const BATCH = 200;

// biome-ignore lint/suspicious/noExplicitAny: each spec has its own input type; the engine only moves them around
type AnySpec = ImportSpec<any, any>;
export const IMPORT_SPECS: Record<NetworkSheetKind, AnySpec> = { platform: platformImport, agency: agencyImport, community_group: groupImport };
export const isNetworkKind = (kind: string): kind is NetworkSheetKind => kind in IMPORT_SPECS;

/** A job as the API reports it: the register (`kind`) follows the id. */
function toDto(j: ImportJobsTable) {
  const { id, ...job } = toJobDto(j);
  return { id, kind: j.kind as NetworkSheetKind, ...job };
}
export type NetworkImportJob = ReturnType<typeof toDto>;

const jobs = importJobs({
  logName: 'network import',
  toDto,
  // Only the jobs of a register the actor may import (else "not found").
  mayOpen: (actor, job) => isNetworkKind(job.kind) && hasPermission(actor.role, IMPORT_SPECS[job.kind].permission),
  removedAfterCommit: ['source.xlsx', 'valid.ndjson'],
});

function assertMayImport(actor: Actor, spec: AnySpec) {
  if (!hasPermission(actor.role, spec.permission)) throw new DomainError('FORBIDDEN', `您的角色不能导入${spec.noun}`);
}

export async function startNetworkImport(deps: Deps, actor: Actor, kind: NetworkSheetKind, file: Readable, fileName: string): Promise<NetworkImportJob> {
  const spec = IMPORT_SPECS[kind];
  assertMayImport(actor, spec);
  return jobs.start(deps, actor, kind, file, fileName, (_job, dir, onProgress) => validate(deps, actor, spec, dir, onProgress));
}

async function validate(deps: Deps, actor: Actor, spec: AnySpec, dir: string, onProgress: (processed: number, total: number | null) => void) {
  const counts = { ...EMPTY_COUNTS };
  const ctx: CheckContext = { deps, actor, regions: new Map(), seen: new Map() };
  const validOut = fs.createWriteStream(path.join(dir, 'valid.ndjson'));
  const errorOut = fs.createWriteStream(path.join(dir, 'errors.ndjson'));
  const write = async (out: fs.WriteStream, value: unknown) => {
    if (!out.write(`${JSON.stringify(value)}\n`)) await once(out, 'drain');
  };
  const rows = await readWorkbookRows(path.join(dir, 'source.xlsx'), {
    columns: spec.columns,
    onProgress: (p) => onProgress(p.rowsRead, p.fraction ? Math.round(p.rowsRead / Math.max(p.fraction, 0.0001)) : null),
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
  return counts;
}

export const getNetworkImport = jobs.get;
export const networkImportErrors = jobs.errors;

/** The error workbook: the file's own columns plus 原行号 and 错误说明, ready to fix and upload again. */
export const checkErrorWorkbook = (deps: Deps, actor: Actor, id: string) =>
  jobs.errorWorkbook(deps, actor, id, (job) => ({ columns: IMPORT_SPECS[job.kind as NetworkSheetKind].columns }));

export function commitNetworkImport(deps: Deps, actor: Actor, id: string, updateExisting: boolean): Promise<NetworkImportJob> {
  return jobs.commit(deps, actor, id, updateExisting, (job, dir, counts, onProgress) =>
    commit(deps, actor, IMPORT_SPECS[job.kind as NetworkSheetKind], job, dir, updateExisting, counts, onProgress),
  );
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
async function commit(
  deps: Deps,
  actor: Actor,
  spec: AnySpec,
  job: ImportJobsTable,
  dir: string,
  updateExisting: boolean,
  counts: ImportCounts,
  onProgress: (rows: number) => void,
): Promise<ImportCounts> {
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
      onProgress(1);
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
  return result;
}
