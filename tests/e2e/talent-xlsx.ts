import ExcelJS from 'exceljs';
import { checkCharOf } from '../../domain/standards/id-number.ts';
import { headerText, TALENT_COLUMN_BY_KEY, TALENT_COLUMNS, type TalentColumnKey } from '../../server/io/xlsx/talent-columns.ts';

/**
 * Spreadsheets for the import journeys: a filled-in copy of the import template (the template's
 * headers, one talent per row) and in-place edits of a downloaded error report.
 */

export type TalentSheetRow = Partial<Record<TalentColumnKey, string | number>>;

/** A valid ID number (GB 11643 check character) for an address code, a birth date and a sequence. */
export function idNumberOf(area: string, birthDate: string, seq: number): string {
  const first17 = `${area}${birthDate.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return first17 + checkCharOf(first17);
}

/** The same number with a wrong check character: fails the checksum only. */
export function withWrongCheckChar(idNumber: string): string {
  return idNumber.slice(0, 17) + (idNumber[17] === '1' ? '2' : '1');
}

/** Writes a workbook laid out like the import template: its headers (required ones with `*`), then the rows. */
export async function writeTalentWorkbook(file: string, rows: readonly TalentSheetRow[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('人才信息');
  ws.addRow(TALENT_COLUMNS.map(headerText));
  TALENT_COLUMNS.forEach((c, i) => {
    if (c.numFmt === '@') ws.getColumn(i + 1).numFmt = '@';
  });
  for (const row of rows) ws.addRow(TALENT_COLUMNS.map((c) => row[c.key] ?? null));
  await wb.xlsx.writeFile(file);
}

/** Header text without the required-column star. */
const plainHeader = (v: unknown) =>
  String(v ?? '')
    .replace(/\*$/, '')
    .trim();

export interface ReportRow {
  /** The row's value in a template column (as text). */
  get(key: TalentColumnKey): string;
  set(key: TalentColumnKey, value: string): void;
  /** 原行号 and 错误说明, the two columns the report adds. */
  rowNumber: number;
  errors: string;
}

/** Reads a downloaded error report and hands each data row to `edit`, then saves it to `out`. */
export async function editErrorReport(file: string, out: string, edit: (rows: ReportRow[]) => void): Promise<ReportRow[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0];
  const columnOf = new Map<string, number>();
  ws.getRow(1).eachCell((cell, col) => {
    columnOf.set(plainHeader(cell.value), col);
  });
  const col = (header: string) => {
    const c = columnOf.get(header);
    if (c === undefined) throw new Error(`error report has no column ${header}: ${[...columnOf.keys()].join(', ')}`);
    return c;
  };
  const headerOf = (key: TalentColumnKey) => (TALENT_COLUMN_BY_KEY.get(key) as { header: string }).header;
  const rows: ReportRow[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if (!row.hasValues) continue;
    rows.push({
      get: (key) => String(row.getCell(col(headerOf(key))).text ?? ''),
      set: (key, value) => {
        row.getCell(col(headerOf(key))).value = value;
      },
      rowNumber: Number(row.getCell(col('原行号')).value),
      errors: String(row.getCell(col('错误说明')).text ?? ''),
    });
  }
  edit(rows);
  await wb.xlsx.writeFile(out);
  return rows;
}
