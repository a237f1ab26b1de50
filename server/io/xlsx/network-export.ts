/**
 * Export of a network register (platforms, agencies, community groups): the filtered list, one record
 * per row, with the template's columns and headers (so an export can be corrected and imported
 * again), then read-only extra columns (region name, derived figures) the importer ignores. Streamed
 * with back-pressure: any number of rows in flat memory.
 */
import type { Writable } from 'node:stream';
import { exportCell, headerText } from './network-column.ts';
import type { NetworkSheetKind } from './network-template.ts';
import { NETWORK_SHEETS } from './network-template.ts';
import { HEADER_FILL, HEADER_FONT, PACE_EVERY, pace, safeCell, safeText, sheetName, streamingWorkbook } from './stream-writer.ts';

export interface ExtraColumn {
  header: string;
  key: string;
  width?: number;
}

/** Template columns by key, extra columns by their key. */
export type ExportRow = Record<string, unknown>;

export async function writeNetworkExport(
  out: Writable,
  kind: NetworkSheetKind,
  rows: AsyncIterable<ExportRow> | Iterable<ExportRow>,
  extra: readonly ExtraColumn[] = [],
): Promise<{ rows: number }> {
  const sheet = NETWORK_SHEETS[kind];
  const wb = streamingWorkbook(out);
  const ws = wb.addWorksheet(sheetName(sheet.sheetName), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    ...sheet.columns.map((c) => ({ width: c.width, style: c.numFmt ? { numFmt: c.numFmt } : {} })),
    ...extra.map((c) => ({ width: c.width ?? 16 })),
  ] as typeof ws.columns;
  const header = ws.addRow([...sheet.columns.map(headerText), ...extra.map((c) => safeText(c.header))]);
  header.font = HEADER_FONT;
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
  });
  header.commit();

  let count = 0;
  for await (const row of rows) {
    const values = sheet.columns.map((c) => {
      const v = exportCell(c, row[c.key]);
      return typeof v === 'string' ? safeText(v) : v;
    });
    ws.addRow([...values, ...extra.map((c) => safeCell(row[c.key]))]).commit();
    if (++count % PACE_EVERY === 0) await pace(out);
  }
  ws.commit();
  await wb.commit();
  return { rows: count };
}
