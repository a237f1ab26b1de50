/** What an import job reports: rows read, then new / update / invalid at validation, then the commit's outcome. */
export interface ImportCounts {
  rows: number;
  new: number;
  update: number;
  invalid: number;
  created: number;
  updated: number;
  skipped: number;
}

export const EMPTY_COUNTS: ImportCounts = { rows: 0, new: 0, update: 0, invalid: 0, created: 0, updated: 0, skipped: 0 };
