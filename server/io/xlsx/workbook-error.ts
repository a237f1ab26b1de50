/**
 * A problem with the uploaded file as a whole (not one row): not an .xlsx, no header row, a
 * required column missing. The message is Chinese and tells the user what to do; the code lets the
 * service map it to its own error.
 */
export type WorkbookErrorCode =
  | 'EMPTY_FILE'
  | 'LEGACY_XLS'
  | 'NOT_XLSX'
  | 'CORRUPT'
  | 'TOO_LARGE'
  | 'NO_SHEET'
  | 'NO_HEADER'
  | 'MISSING_COLUMNS'
  | 'DUPLICATE_COLUMNS';

export class WorkbookError extends Error {
  override readonly name = 'WorkbookError';

  constructor(
    readonly code: WorkbookErrorCode,
    message: string,
    /** E.g. the missing headers for MISSING_COLUMNS. */
    readonly details: readonly string[] = [],
  ) {
    super(message);
  }
}

export const NOT_XLSX_MESSAGE = '文件不是有效的 Excel（.xlsx）文件，请在 Excel 中“另存为”Excel 工作簿（.xlsx）后重新上传。';
