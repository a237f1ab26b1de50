import { api, uploadWithProgress } from '../../../api/client.ts';

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

export const importKeys = {
  job: (id: string) => ['talent-imports', id] as const,
  errors: (id: string, page: number, pageSize: number) => ['talent-imports', id, 'errors', page, pageSize] as const,
};

/** Upload limit of the import endpoint. */
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;

export const importsApi = {
  upload: (file: File, onProgress?: (percent: number) => void) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return uploadWithProgress<ImportJob>('/talent-imports', form, onProgress);
  },
  get: (id: string) => api.get<ImportJob>(`/talent-imports/${id}`),
  errors: (id: string, page: number, pageSize: number) =>
    api.get<{ items: ImportRowError[]; total: number }>(`/talent-imports/${id}/errors`, { query: { page, pageSize } }),
  commit: (id: string, updateExisting: boolean) => api.post<ImportJob>(`/talent-imports/${id}/commit`, { updateExisting }),
};
