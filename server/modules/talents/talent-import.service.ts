import type { Readable } from 'node:stream';
import type { Actor, Deps } from '../../context.ts';
import { importJobs, toJobDto } from '../imports/import-jobs.ts';
import { commitJob } from './import/commit.ts';
import { validateFile } from './import/validate.ts';

export type { ImportCounts } from '../imports/counts.ts';
export { waitForImportJob as waitForImport } from '../imports/import-jobs.ts';

/**
 * Talent import: upload → validate every row (import/validate.ts: parsed and checked in worker
 * threads, a batch at a time, so the server keeps serving) → preview counts and row errors →
 * commit all valid rows in ONE transaction (import/commit.ts: a failure or an interruption writes
 * nothing). Validated rows wait on disk as NDJSON, not in memory. The jobs themselves are kept by
 * ../imports/import-jobs.ts, as for every import.
 */
export type ImportJobDto = ReturnType<typeof toJobDto>;

const jobs = importJobs({
  logName: 'import',
  toDto: toJobDto,
  // Another register's job is not opened through the talent routes (each has its own).
  mayOpen: (_actor, job) => job.kind === 'talent',
  // records.ndjson: the new rows as built at validation, personal data like the upload.
  removedAfterCommit: ['source.xlsx', 'records.ndjson', 'valid.ndjson'],
  explainFailure: (err) =>
    String((err as Error)?.message ?? '').match(/unique|UNIQUE|duplicate/)
      ? '导入期间有相同身份证号码的人才被其他人登记,本次导入未写入任何数据,请重新上传校验'
      : null,
});

export function startImport(deps: Deps, actor: Actor, file: Readable, fileName: string): Promise<ImportJobDto> {
  return jobs.start(deps, actor, 'talent', file, fileName, (_job, dir, onProgress) => validateFile(deps, actor, dir, onProgress));
}

export const getImport = jobs.get;
export const importErrors = jobs.errors;

/** The error workbook (the talent columns are the default ones). */
export const importErrorWorkbook = (deps: Deps, actor: Actor, id: string) => jobs.errorWorkbook(deps, actor, id);

export function commitImport(deps: Deps, actor: Actor, id: string, updateExisting: boolean): Promise<ImportJobDto> {
  return jobs.commit(deps, actor, id, updateExisting, (job, dir, counts, onProgress) => commitJob(deps, actor, job, dir, updateExisting, counts, onProgress));
}
