/**
 * Export of a network register (platforms, agencies, community groups) through record-export.ts: the
 * sheet's template columns, then read-only extra columns (region name, derived figures).
 */
import type { Writable } from 'node:stream';
import { exportCell } from './network-column.ts';
import { NETWORK_SHEETS, type NetworkSheetKind } from './network-template.ts';
import { type ExtraColumn, writeRecordExport } from './record-export.ts';

export type { ExtraColumn } from './record-export.ts';

/** Template columns by key, extra columns by their key. */
export type ExportRow = Record<string, unknown>;

export function writeNetworkExport(
  out: Writable,
  kind: NetworkSheetKind,
  rows: AsyncIterable<ExportRow> | Iterable<ExportRow>,
  extra: readonly ExtraColumn[] = [],
): Promise<{ rows: number }> {
  const { sheetName, columns } = NETWORK_SHEETS[kind];
  return writeRecordExport(out, { sheetName, columns, cellOf: exportCell, extra, extraWidth: 16 }, rows);
}
