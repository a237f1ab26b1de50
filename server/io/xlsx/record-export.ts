/**
 * Export of a register (talents, platforms, agencies, community groups): the filtered list, one
 * record per row, with the import template's columns and headers (so an export can be corrected and
 * imported again), then read-only extra columns (region name, derived figures) the importer ignores.
 * Streamed with back-pressure: any number of rows in flat memory. Each register says how a stored
 * value is shown.
 */
import type { Writable } from 'node:stream';
import { headerText } from './header-match.ts';
import { safeCell, safeText, sheetName, streamingWorkbook, writeBodyRows, writeHeaderRow } from './stream-writer.ts';

export interface ExtraColumn {
  header: string;
  key: string;
  width?: number;
}

export interface RecordColumn {
  readonly key: string;
  readonly header: string;
  readonly required: boolean;
  readonly width: number;
  readonly numFmt?: string;
}

export interface RecordSheet<C extends RecordColumn> {
  sheetName: string;
  columns: readonly C[];
  /** A stored value as the spreadsheet shows it. */
  cellOf(c: C, value: unknown): string | number | Date | null;
  extra: readonly ExtraColumn[];
  /** Width of an extra column that names none. */
  extraWidth: number;
}

/** Streams the export to `out` (ended when the returned promise resolves). */
export async function writeRecordExport<C extends RecordColumn>(
  out: Writable,
  sheet: RecordSheet<C>,
  rows: AsyncIterable<Record<string, unknown>> | Iterable<Record<string, unknown>>,
): Promise<{ rows: number }> {
  const { columns, extra } = sheet;
  const wb = streamingWorkbook(out);
  const ws = wb.addWorksheet(sheetName(sheet.sheetName), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    ...columns.map((c) => ({ width: c.width, style: c.numFmt ? { numFmt: c.numFmt } : {} })),
    ...extra.map((c) => ({ width: c.width ?? sheet.extraWidth })),
  ] as typeof ws.columns;
  writeHeaderRow(ws, [...columns.map(headerText), ...extra.map((c) => safeText(c.header))]);
  return writeBodyRows(out, wb, ws, rows, (row) => {
    const values = columns.map((c) => {
      const v = sheet.cellOf(c, row[c.key]);
      return typeof v === 'string' ? safeText(v) : v;
    });
    return [...values, ...extra.map((c) => safeCell(row[c.key]))];
  });
}
