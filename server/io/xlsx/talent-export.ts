/**
 * Talent export: the list the user filtered, one talent per row, with the same columns (and
 * headers) as the import template, so an export can be corrected and imported again. Codes are
 * written as their names; what identity data to show (masked by default in the UI) is the
 * caller's decision — this writes what it is given.
 */
import type { Writable } from 'node:stream';
import type { CodeItem } from '../../../domain/standards/code-lists.ts';
import { fromMask } from '../../../domain/talents/code-lists.ts';
import { cellPlain } from './cells.ts';
import { HEADER_FILL, HEADER_FONT, PACE_EVERY, pace, safeCell, safeText, sheetName, streamingWorkbook } from './stream-writer.ts';
import { headerText, TALENT_COLUMN_BY_KEY, TALENT_COLUMNS, type TalentColumn, type TalentColumnKey } from './talent-columns.ts';

/** The generic table writer, also offered here next to the talent export. */
export { type TableColumn, writeTableExport } from './table-export.ts';

export type TalentExportRow = Partial<Record<TalentColumnKey, unknown>> & Record<string, unknown>;

export interface ExtraColumn {
  header: string;
  key: string;
  width?: number;
}

export interface TalentExportOptions {
  /** Which template columns, in which order (default: all). */
  columns?: readonly TalentColumnKey[];
  /** Columns the template does not have (e.g. 工作地区名称, 人才等级), written after the template's. */
  extraColumns?: readonly ExtraColumn[];
  sheetName?: string;
}

const nameOf = (list: readonly CodeItem[], code: string) => list.find((x) => x.code === code)?.name ?? code;

/** A stored value (code, code list or bit mask, boolean, ISO date …) as the spreadsheet shows it. */
export function exportValue(column: TalentColumn, value: unknown): string | number | Date | null {
  if (value === null || value === undefined || value === '') return null;
  const list = column.codeList ?? [];
  switch (column.kind) {
    case 'code':
      return nameOf(list, String(value));
    case 'codes': {
      const codes = typeof value === 'number' ? fromMask(list, value) : Array.isArray(value) ? value.map(String) : String(value).split(',');
      return codes.map((c) => nameOf(list, c)).join('、');
    }
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
export async function writeTalentExport(
  out: Writable,
  rows: AsyncIterable<TalentExportRow> | Iterable<TalentExportRow>,
  options: TalentExportOptions = {},
): Promise<{ rows: number }> {
  const columns = options.columns ? options.columns.map((k) => TALENT_COLUMN_BY_KEY.get(k) as TalentColumn) : TALENT_COLUMNS;
  const extra = options.extraColumns ?? [];
  const wb = streamingWorkbook(out);
  const ws = wb.addWorksheet(sheetName(options.sheetName ?? '人才信息'), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    ...columns.map((c) => ({ width: c.width, style: c.numFmt ? { numFmt: c.numFmt } : {} })),
    ...extra.map((c) => ({ width: c.width ?? 14 })),
  ] as typeof ws.columns;
  const header = ws.addRow([...columns.map(headerText), ...extra.map((c) => safeText(c.header))]);
  header.font = HEADER_FONT;
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
  });
  header.commit();

  let count = 0;
  for await (const row of rows) {
    const values = columns.map((c) => {
      const v = exportValue(c, row[c.key]);
      return typeof v === 'string' ? safeText(v) : v;
    });
    ws.addRow([...values, ...extra.map((c) => safeCell(row[c.key]))]).commit();
    if (++count % PACE_EVERY === 0) await pace(out);
  }
  ws.commit();
  await wb.commit();
  return { rows: count };
}
