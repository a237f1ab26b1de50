/**
 * The import job protocol every bulk import speaks (talents, platforms, agencies, community groups):
 * upload → job (polled while the server validates) → errors page / errors.xlsx → commit. Only the
 * paths differ, so one configuration object drives the shared wizard.
 */
import type { QueryKey } from '@tanstack/react-query';
import { api, uploadWithProgress } from '../../api/client.ts';

export type ImportStatus = 'validating' | 'validated' | 'failed' | 'committing' | 'done';

export interface ImportJob {
  id: string;
  status: ImportStatus;
  fileName: string;
  processedRows: number;
  totalRows: number | null;
  counts: { rows: number; new: number; update: number; invalid: number; created: number; updated: number; skipped: number };
  updateExisting: boolean;
  message: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ImportRowError {
  rowNumber: number;
  column: string;
  message: string;
}

/** The texts that name what is imported; everything else is the wizard's own (import.* keys). */
export interface ImportLabels {
  /** Modal title: 批量导入人才. */
  title: string;
  /** Under 请使用导入模板填写: what one row is, what makes it unique. */
  templateHelp: string;
  /** Saved template's file name (with .xlsx). */
  templateFileName: string;
  /** 新增人才 (commit plan). */
  willCreate: string;
  /** 更新已有记录（{n} 条…）: the opt-in checkbox; `{n}` is filled in. */
  updateExisting: string;
  /** 新增 {created} …，更新 {updated} …，跳过 {skipped} 行 (done step). */
  doneSummary: string;
  /** 查看人才列表 (done step). */
  toList: string;
}

export interface ImportConfig {
  /** Short name: query keys (`${kind}-imports`) and the session key of the followed job. */
  kind: string;
  /** GET: the template workbook ('/talents/template.xlsx'). */
  templatePath: string;
  /** POST multipart `file`: starts a job ('/talent-imports', '/network-imports/platforms'). */
  uploadPath: string;
  /** Base of a job's paths: `${jobPath}/${id}`, `/errors`, `/errors.xlsx`, `/commit` ('/talent-imports', '/network-imports'). */
  jobPath: string;
  /** Queries refreshed when a job has committed (the list, its analytics …). */
  invalidate: QueryKey[];
  labels: ImportLabels;
  /** Upload limit in MB (the server's; 50 unless said otherwise). */
  maxMb?: number;
}

export const importKeys = {
  job: (kind: string, id: string) => [`${kind}-imports`, id] as const,
  errors: (kind: string, id: string, page: number, pageSize: number) => [`${kind}-imports`, id, 'errors', page, pageSize] as const,
};

export const maxBytesOf = (c: ImportConfig) => (c.maxMb ?? 50) * 1024 * 1024;

export function importApi(c: ImportConfig) {
  return {
    upload: (file: File, onProgress?: (percent: number) => void) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return uploadWithProgress<ImportJob>(c.uploadPath, form, onProgress);
    },
    get: (id: string) => api.get<ImportJob>(`${c.jobPath}/${id}`),
    errors: (id: string, page: number, pageSize: number) =>
      api.get<{ items: ImportRowError[]; total: number }>(`${c.jobPath}/${id}/errors`, { query: { page, pageSize } }),
    errorsPath: (id: string) => `${c.jobPath}/${id}/errors.xlsx`,
    commit: (id: string, updateExisting: boolean) => api.post<ImportJob>(`${c.jobPath}/${id}/commit`, { updateExisting }),
  };
}
