/**
 * Shared plumbing of the streaming writers (export, error report): a WorkbookWriter on the caller's
 * stream, back-pressure, and cell values that are always safe to write.
 *
 * ExcelJS's streaming writer never waits for its output: rows go into the zip pipeline however slow
 * the receiver (an HTTP client on a bad line) is. `pace()` waits while the output stream is full, so
 * memory stays flat for any number of rows.
 */
import type { Writable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import { cellPlain, type PlainCell } from './cells.ts';

export const TEXT_FORMAT = '@';
export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
export const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true };
/** Excel's limit for the text of one cell. */
const MAX_CELL_TEXT = 32_767;
/** Rows written between two checks of the output. */
export const PACE_EVERY = 200;

/** A streaming workbook on `out`; commit() resolves when `out` has finished. */
export function streamingWorkbook(out: Writable): ExcelJS.stream.xlsx.WorkbookWriter {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = '社工人才与社工站管理平台';
  return wb;
}

/** Waits while `out` is above its buffer limit; throws when the receiver has gone away. */
export async function pace(out: Writable): Promise<void> {
  if (out.destroyed) throw new Error('output stream closed');
  if (out.writableNeedDrain) {
    await new Promise<void>((resolve) => {
      const done = () => {
        out.off('drain', done);
        out.off('close', done);
        resolve();
      };
      out.on('drain', done);
      out.on('close', done);
    });
    if (out.destroyed) throw new Error('output stream closed');
  }
  // Let the zip pipeline (deflate runs off-thread) and other requests have their turn.
  await nextTurn();
}

/**
 * Control characters (other than tab and line breaks) are not allowed in XML: Excel would call the
 * file corrupt. Matching them is the point here, hence the lint exception.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters to remove
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** A string Excel accepts: no control characters, no more than 32,767 characters. */
export function safeText(s: string): string {
  const cleaned = s.replace(XML_INVALID, '');
  return cleaned.length > MAX_CELL_TEXT ? cleaned.slice(0, MAX_CELL_TEXT) : cleaned;
}

/**
 * A value to write: plain (formulas are written as their result, never as formulas, so nothing a
 * user uploaded is ever evaluated again), strings cleaned, non-finite numbers dropped.
 */
export function safeCell(value: unknown): PlainCell {
  const v = cellPlain(value);
  if (typeof v === 'string') return safeText(v);
  if (typeof v === 'number' && !Number.isFinite(v)) return null;
  return v;
}

/** Excel worksheet names: at most 31 characters, none of : \ / ? * [ ]. */
export function sheetName(title: string): string {
  const name = title
    .replace(/[:\\/?*[\]]/g, ' ')
    .trim()
    .slice(0, 31);
  return name || 'Sheet1';
}

/** A sheet of a streaming workbook (ExcelJS types it as a Worksheet). */
type SheetWriter = ExcelJS.Worksheet;

/** The bold, shaded header row every export starts its table with. */
export function writeHeaderRow(ws: SheetWriter, values: readonly PlainCell[]): void {
  const header = ws.addRow([...values]);
  header.font = HEADER_FONT;
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
  });
  header.commit();
}

/** Writes one row per record at the output's pace, then finishes the sheet and the workbook. */
export async function writeBodyRows<R>(
  out: Writable,
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  ws: SheetWriter,
  rows: AsyncIterable<R> | Iterable<R>,
  valuesOf: (row: R) => unknown[],
): Promise<{ rows: number }> {
  let count = 0;
  for await (const row of rows) {
    ws.addRow(valuesOf(row)).commit();
    if (++count % PACE_EVERY === 0) await pace(out);
  }
  ws.commit();
  await wb.commit();
  return { rows: count };
}
