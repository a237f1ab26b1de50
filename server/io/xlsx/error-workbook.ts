/**
 * The error report of an import: the rejected rows exactly as uploaded, with two columns added —
 * 原行号 (the row in the uploaded file) and 错误说明 (every problem of the row). The user corrects
 * this file and uploads it again, so it keeps the uploaded headers (re-importable as is; the two
 * added columns are unknown to the importer and ignored) and writes code-like columns as text.
 */
import type { Writable } from 'node:stream';
import { cellText } from './cells.ts';
import { createHeaderMatcher, type HeaderSpec, normalizeHeader } from './header-match.ts';
import { HEADER_FILL, HEADER_FONT, PACE_EVERY, pace, safeCell, safeText, streamingWorkbook, TEXT_FORMAT } from './stream-writer.ts';
import { TALENT_COLUMNS } from './talent-columns.ts';

export interface ErrorReportRow {
  /** Row number in the uploaded file. */
  rowNumber: number;
  /** The row's values, aligned with the headers (as readWorkbookRows gives them, or after a JSON round trip). */
  raw: readonly unknown[];
  /** Problems of the row; `column` is the template's header ('' for the whole row). */
  errors: readonly { column: string; message: string }[];
}

/** A known column: how to find it and how to write it. */
export interface ErrorReportColumn extends HeaderSpec {
  readonly numFmt?: string;
  readonly width?: number;
}

export interface ErrorWorkbookOptions {
  /** The module's columns (default: the talent columns). */
  columns?: readonly ErrorReportColumn[];
  sheetName?: string;
}

export const ROW_NUMBER_HEADER = '原行号';
export const ERRORS_HEADER = '错误说明';

const ROW_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } } as const;
const BAD_CELL_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } } as const;
const BAD_FONT = { color: { argb: 'FF9C0006' } } as const;
const ADDED_HEADERS = new Set([normalizeHeader(ROW_NUMBER_HEADER), normalizeHeader(ERRORS_HEADER)]);

const DATE_FORMAT = 'yyyy-mm-dd';
/** How a Date looks after a JSON round trip (rows are often parked in NDJSON between validation and report). */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/** A Date that went through JSON comes back as a Date, so the report shows 2020-01-02, not an ISO timestamp. */
function revive(value: unknown): unknown {
  return typeof value === 'string' && ISO_DATE_TIME.test(value) ? new Date(value) : value;
}

/** "性别：身份证号码显示性别为女……"; no prefix when the message already starts with the column name. */
export function describeErrors(errors: ErrorReportRow['errors']): string {
  return errors
    .map(({ column, message }) => {
      const m = message.replace(/[。；;\s]+$/, '');
      return column && !m.startsWith(column) ? `${column}：${m}` : m;
    })
    .join('；');
}

/**
 * Streams the report to `out` (ended when the returned promise resolves). A report of a report
 * does not pile up columns: 原行号/错误说明 of the uploaded file are replaced by new ones.
 */
export async function writeErrorWorkbook(
  out: Writable,
  headers: readonly string[],
  rows: AsyncIterable<ErrorReportRow> | Iterable<ErrorReportRow>,
  options: ErrorWorkbookOptions = {},
): Promise<{ rows: number }> {
  const columns = options.columns ?? TALENT_COLUMNS;
  const match = createHeaderMatcher(columns);
  const byKey = new Map(columns.map((c) => [c.key, c]));
  const kept = headers.map((h, i) => ({ header: h, index: i })).filter((h) => !ADDED_HEADERS.has(normalizeHeader(h.header)));
  const specs = kept.map((h) => byKey.get(match(h.header) ?? ''));
  /** Template header → position in the report, to colour the cell an error is about. */
  const positionOf = new Map<string, number>();
  specs.forEach((spec, i) => {
    if (spec && !positionOf.has(spec.header)) positionOf.set(spec.header, i);
  });

  const wb = streamingWorkbook(out);
  const ws = wb.addWorksheet(options.sheetName ?? '错误数据', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    ...kept.map((h, i) => ({
      width: specs[i]?.width ?? Math.max(10, Math.min(30, [...h.header].length * 2 + 2)),
      style: specs[i]?.numFmt ? { numFmt: specs[i]?.numFmt } : {},
    })),
    { width: 8 },
    { width: 60, style: { alignment: { wrapText: true, vertical: 'top' } } },
  ] as typeof ws.columns;

  const headerRow = ws.addRow([...kept.map((h) => safeText(h.header)), ROW_NUMBER_HEADER, ERRORS_HEADER]);
  headerRow.font = HEADER_FONT;
  headerRow.eachCell((cell) => {
    cell.fill = HEADER_FILL;
  });
  headerRow.commit();

  let count = 0;
  for await (const row of rows) {
    const values = kept.map((h, i) => {
      const v = revive(row.raw[h.index]);
      if (specs[i]?.numFmt !== TEXT_FORMAT) return safeCell(v);
      // Code-like columns go back as text, so a number Excel would mangle is shown as the user saw it.
      const t = cellText(v);
      return safeText(t.ok ? t.value : String(safeCell(v) ?? ''));
    });
    const r = ws.addRow([...values, row.rowNumber, safeText(describeErrors(row.errors))]);
    for (let c = 1; c <= kept.length + 2; c++) {
      const cell = r.getCell(c);
      cell.fill = ROW_FILL;
      if (cell.value instanceof Date) cell.numFmt = DATE_FORMAT;
    }
    for (const e of row.errors) {
      const pos = positionOf.get(e.column);
      if (pos === undefined) continue;
      const cell = r.getCell(pos + 1);
      cell.fill = BAD_CELL_FILL;
      cell.font = BAD_FONT;
    }
    r.getCell(kept.length + 2).font = BAD_FONT;
    r.commit();
    if (++count % PACE_EVERY === 0) await pace(out);
  }
  ws.commit();
  await wb.commit();
  return { rows: count };
}
