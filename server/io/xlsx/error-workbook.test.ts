import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellText } from './cells.ts';
import { describeErrors, ERRORS_HEADER, type ErrorReportRow, ROW_NUMBER_HEADER, writeErrorWorkbook } from './error-workbook.ts';
import { readWorkbookRows, type WorkbookRow } from './read-workbook.ts';
import { TALENT_COLUMNS } from './talent-columns.ts';
import { mapTalentRow } from './talent-row.ts';
import { addRows, collect, fileSink, idOf, makeTmpDir, writeWorkbook } from './test-workbooks.ts';

const MALE_ID = idOf('52010219900307001');
const FEMALE_ID = idOf('52010219850611002');
const options = { columns: TALENT_COLUMNS };

let dir: string;
beforeAll(() => {
  dir = makeTmpDir();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Reads a file, validates it, and returns the headers and the rejected rows. */
async function rejected(file: string): Promise<{ headers: readonly string[]; rows: (ErrorReportRow & { cells: WorkbookRow['cells'] })[] }> {
  const book = await readWorkbookRows(file, options);
  const rows: (ErrorReportRow & { cells: WorkbookRow['cells'] })[] = [];
  for await (const row of book) {
    const { errors } = mapTalentRow(row.cells);
    if (errors.length) rows.push({ rowNumber: row.rowNumber, raw: row.raw, errors, cells: row.cells });
  }
  return { headers: book.headers, rows };
}

async function writeReport(name: string, headers: readonly string[], rows: ErrorReportRow[]): Promise<string> {
  const file = path.join(dir, name);
  const sink = fileSink(file);
  const result = await writeErrorWorkbook(sink.stream, headers, rows);
  await sink.done;
  expect(result.rows).toBe(rows.length);
  return file;
}

const text = (v: unknown) => {
  const t = cellText(v);
  return t.ok ? t.value : `!${t.message}`;
};

describe('writeErrorWorkbook', () => {
  it('round trip: the report reads back as the same rows with the same errors', async () => {
    const source = await writeWorkbook(dir, 'source.xlsx', (wb) => {
      const ws = wb.addWorksheet('人才');
      ws.addRow(['人才登记表']);
      addRows(ws, [
        ['姓名*', '身份证号', '性别', '出生日期', '人才类别', '工作地区(区划代码)', '备注', '联系电话'],
        ['好人', MALE_ID, '男', '1990-03-07', '实务人才', '520102001000', '', '13800000000'],
        ['错性别', FEMALE_ID, '男', new Date(Date.UTC(1985, 5, 11)), '实务人才、研究人才', '520102001000', '第一条', '13800000001'],
        [{ richText: [{ text: '错类别' }] }, MALE_ID, null, null, '打杂人才', '520102001000', null, '13800000002'],
        ['缺地区', MALE_ID, null, null, '实务人才', null, '备注 2', '012345'],
      ]);
    });
    const first = await rejected(source);
    expect(first.rows.map((r) => r.rowNumber)).toEqual([4, 5, 6]);

    // The service parks rejected rows in NDJSON between validation and report: go through JSON too.
    const parked = JSON.parse(JSON.stringify(first.rows)) as ErrorReportRow[];
    const report = await writeReport('report.xlsx', first.headers, parked);
    const book = await readWorkbookRows(report, options);
    expect(book.headers).toEqual([...first.headers, ROW_NUMBER_HEADER, ERRORS_HEADER]);
    const sourceBook = await readWorkbookRows(source, options);
    await sourceBook.close();
    expect(book.columnKeys).toEqual([...sourceBook.columnKeys, null, null]);
    const again = await collect(book);
    expect(again.map((r) => r.rowNumber)).toEqual([2, 3, 4]);
    again.forEach((row, i) => {
      const before = first.rows[i];
      expect(Object.keys(row.cells).sort()).toEqual(Object.keys(before.cells).sort());
      for (const key of Object.keys(row.cells)) expect(text(row.cells[key]), key).toBe(text(before.cells[key]));
      expect(mapTalentRow(row.cells).errors).toEqual(before.errors);
      expect(row.raw.at(-2)).toBe(before.rowNumber);
      expect(row.raw.at(-1)).toBe(describeErrors(before.errors));
    });
    expect(String(again[0].raw.at(-1))).toContain('性别：身份证号码显示性别为女');
    expect(again[0].cells.birthDate).toBeInstanceOf(Date);

    // Fixing the rows in the report makes them importable.
    const fixed = again.map((row) => ({ ...row.cells }));
    fixed[0].sex = '女';
    fixed[1].categories = '实务人才';
    fixed[2].regionCode = '520102001000';
    fixed[2].phone = '0851-85551234';
    expect(fixed.map((cells) => mapTalentRow(cells).errors)).toEqual([[], [], []]);
  });

  it('writes code-like columns as text and highlights the cells in error', async () => {
    const headers = ['姓名', '身份证号码', '工作地区', '人才类别', '联系电话'];
    const file = await writeReport('text.xlsx', headers, [
      {
        rowNumber: 7,
        raw: ['甲', 520102199003070000, 520102001000, '实务人才', 13800000000],
        errors: [{ column: '身份证号码', message: '身份证号码被存成了数字格式……' }],
      },
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0];
    expect(ws.getCell('B2').value).toBe('520102199003070000');
    expect(ws.getCell('C2').value).toBe('520102001000');
    expect(ws.getCell('E2').value).toBe('13800000000');
    expect(ws.getCell('B2').numFmt).toBe('@');
    expect((ws.getCell('B2').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    expect((ws.getCell('A2').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFF2CC');
    expect(ws.getCell('F2').value).toBe(7);
    expect(ws.getCell('G2').value).toBe('身份证号码被存成了数字格式……');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('does not pile up 原行号/错误说明 columns when a report is reported again', async () => {
    const headers = ['姓名', '身份证号码', '工作地区', '人才类别', ROW_NUMBER_HEADER, ERRORS_HEADER];
    const file = await writeReport('again.xlsx', headers, [
      { rowNumber: 3, raw: ['甲', MALE_ID, '', '实务人才', 9, '旧的说明'], errors: [{ column: '工作地区(区划代码)', message: '请填写工作地区(区划代码)。' }] },
    ]);
    const book = await readWorkbookRows(file, options);
    expect(book.headers).toEqual(['姓名', '身份证号码', '工作地区', '人才类别', ROW_NUMBER_HEADER, ERRORS_HEADER]);
    const [row] = await collect(book);
    expect(row.raw.slice(4)).toEqual([3, '工作地区(区划代码)：请填写工作地区(区划代码)']);
  });

  it('never writes back a formula, and drops characters XML cannot hold', async () => {
    const file = await writeReport(
      'formula.xlsx',
      ['姓名', '身份证号码', '工作地区', '人才类别'],
      [
        {
          rowNumber: 2,
          raw: [{ formula: 'HYPERLINK("http://evil")', result: '点我' }, 'a\u0001b', null, '实务人才'],
          errors: [{ column: '', message: '整行有误' }],
        },
      ],
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets[0].getCell('A2').value).toBe('点我');
    expect(wb.worksheets[0].getCell('B2').value).toBe('ab');
  });
});
