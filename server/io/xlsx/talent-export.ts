/**
 * Talent export: the list the user filtered, one talent per row, with the same columns (and
 * headers) as the import template, so an export can be corrected and imported again. Codes are
 * written as their names; what identity data to show (masked by default in the UI) is the
 * caller's decision — this writes what it is given.
 */
import type { Writable } from 'node:stream';
import { cellPlain } from './cells.ts';
import { codeName, codeNames } from './code-names.ts';
import { type ExtraColumn, writeRecordExport } from './record-export.ts';
import { TALENT_COLUMN_BY_KEY, TALENT_COLUMNS, type TalentColumn, type TalentColumnKey } from './talent-columns.ts';

/** The generic table writer, also offered here next to the talent export. */
export { type TableColumn, writeTableExport } from './table-export.ts';

export type TalentExportRow = Partial<Record<TalentColumnKey, unknown>> & Record<string, unknown>;

export interface TalentExportOptions {
  /** Which template columns, in which order (default: all). */
  columns?: readonly TalentColumnKey[];
  /** Columns the template does not have (e.g. 工作地区名称, 人才等级), written after the template's. */
  extraColumns?: readonly ExtraColumn[];
  sheetName?: string;
}

/** A stored value (code, code list or bit mask, boolean, ISO date …) as the spreadsheet shows it. */
export function exportValue(column: TalentColumn, value: unknown): string | number | Date | null {
  if (value === null || value === undefined || value === '') return null;
  const list = column.codeList ?? [];
  switch (column.kind) {
    case 'code':
      return codeName(list, value);
    case 'codes':
      return codeNames(list, value);
    case 'bool':
      return value === true || value === 1 || value === '1' ? '是' : value === false || value === 0 || value === '0' ? '否' : String(value);
    case 'date':
      return value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
    case 'year':
      return typeof value === 'number' ? value : Number(value) || String(value);
    default: {
      const v = cellPlain(value);
      return typeof v === 'boolean' ? String(v) : v;
    }
  }
}

/** Streams the export to `out` (ended when the returned promise resolves). */
export function writeTalentExport(
  out: Writable,
  rows: AsyncIterable<TalentExportRow> | Iterable<TalentExportRow>,
  options: TalentExportOptions = {},
): Promise<{ rows: number }> {
  const columns = options.columns ? options.columns.map((k) => TALENT_COLUMN_BY_KEY.get(k) as TalentColumn) : TALENT_COLUMNS;
  return writeRecordExport(
    out,
    { sheetName: options.sheetName ?? '人才信息', columns, cellOf: exportValue, extra: options.extraColumns ?? [], extraWidth: 14 },
    rows,
  );
}
