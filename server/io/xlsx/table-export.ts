/**
 * Small generic export for analytics tables (the data behind a chart, a summary by region …): a
 * title row, a header row and the rows, streamed. Not meant to be imported again.
 */
import type { Writable } from 'node:stream';
import { safeCell, safeText, sheetName, streamingWorkbook, writeBodyRows, writeHeaderRow } from './stream-writer.ts';

export interface TableColumn {
  header: string;
  key: string;
  /** Width in characters (default from the header). */
  width?: number;
  /** Excel number format, e.g. '#,##0' or '0.0%'. */
  numFmt?: string;
}

const TITLE_FONT = { bold: true, size: 14 } as const;

/** Streams `rows` under `title` to `out` (ended when the returned promise resolves). */
export async function writeTableExport(
  out: Writable,
  title: string,
  columns: readonly TableColumn[],
  rows: AsyncIterable<Record<string, unknown>> | Iterable<Record<string, unknown>>,
): Promise<{ rows: number }> {
  const wb = streamingWorkbook(out);
  const ws = wb.addWorksheet(sheetName(title), { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.columns = columns.map((c) => ({
    width: c.width ?? Math.max(10, Math.min(40, [...c.header].length * 2 + 2)),
    style: c.numFmt ? { numFmt: c.numFmt } : {},
  })) as typeof ws.columns;
  const titleRow = ws.addRow([safeText(title)]);
  titleRow.font = TITLE_FONT;
  if (columns.length > 1) ws.mergeCells(1, 1, 1, columns.length);
  titleRow.commit();
  writeHeaderRow(
    ws,
    columns.map((c) => safeText(c.header)),
  );
  return writeBodyRows(out, wb, ws, rows, (row) => columns.map((c) => safeCell(row[c.key])));
}
