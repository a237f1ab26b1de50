import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkbookRows } from './read-workbook.ts';
import { dropDownNames, headerText, TALENT_COLUMNS } from './talent-columns.ts';
import { CODES_SHEET, INSTRUCTIONS_SHEET, TEMPLATE_SHEET, talentTemplateBuffer, writeTalentTemplate } from './talent-template.ts';
import { collect, fileSink, makeTmpDir } from './test-workbooks.ts';
import { readZipDirectory, readZipEntry, type ZipEntryInfo } from './zip-directory.ts';

type WithValidations = ExcelJS.Worksheet & { dataValidations: { model: Record<string, ExcelJS.DataValidation | undefined> } };

let dir: string;
let wb: ExcelJS.Workbook;
beforeAll(async () => {
  dir = makeTmpDir();
  wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await talentTemplateBuffer()) as unknown as ExcelJS.Buffer);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const letterOf = (key: string) => String.fromCharCode(65 + TALENT_COLUMNS.findIndex((c) => c.key === key));

describe('talent template', () => {
  it('has the data sheet first, the instructions, and a hidden code sheet', () => {
    expect(wb.worksheets.map((ws) => [ws.name, ws.state])).toEqual([
      [TEMPLATE_SHEET, 'visible'],
      [INSTRUCTIONS_SHEET, 'visible'],
      [CODES_SHEET, 'hidden'],
    ]);
  });

  it('has a bold, frozen header with required marks, widths and text formats', () => {
    const ws = wb.getWorksheet(TEMPLATE_SHEET) as ExcelJS.Worksheet;
    expect(ws.getRow(1).values).toEqual([undefined, ...TALENT_COLUMNS.map(headerText)]);
    expect(ws.getCell('A1').value).toBe('姓名*');
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getColumn(letterOf('idNumber')).numFmt).toBe('@');
    expect(ws.getColumn(letterOf('phone')).numFmt).toBe('@');
    expect(ws.getColumn(letterOf('idNumber')).width).toBe(21);
    expect(ws.rowCount).toBe(1);
  });

  it('has one drop-down range per coded column, referencing the hidden sheet', () => {
    const ws = wb.getWorksheet(TEMPLATE_SHEET) as WithValidations;
    const ethnic = ws.dataValidations.model[`${letterOf('ethnicity')}2`];
    expect(ethnic).toMatchObject({ type: 'list', showErrorMessage: true });
    expect(ethnic?.formulae[0]).toMatch(/^'代码表'!\$[A-Z]+\$2:\$[A-Z]+\$59$/);
    expect(ws.dataValidations.model[`${letterOf('ethnicity')}5001`]).toBe(ethnic);
    expect(ws.dataValidations.model[`${letterOf('ethnicity')}5002`]).toBeUndefined();
    // Multi-valued columns accept typed combinations.
    expect(ws.dataValidations.model[`${letterOf('categories')}2`]).toMatchObject({ type: 'list' });
    expect(ws.dataValidations.model[`${letterOf('categories')}2`]?.showErrorMessage).toBeFalsy();
    expect(ws.dataValidations.model[`${letterOf('partyMember')}2`]?.formulae[0]).toContain(CODES_SHEET);
    expect(ws.dataValidations.model[`${letterOf('name')}2`]).toBeUndefined();

    const codes = wb.getWorksheet(CODES_SHEET) as ExcelJS.Worksheet;
    const [sheetCol] = /\$([A-Z]+)\$/.exec(ethnic?.formulae[0])?.slice(1) ?? [];
    expect(codes.getCell(`${sheetCol}1`).value).toBe('民族');
    expect(codes.getCell(`${sheetCol}2`).value).toBe('汉族');
    expect(codes.getCell(`${sheetCol}59`).value).toBe('外国血统中国籍人士');
  });

  it('explains every column on the instructions sheet', () => {
    const ws = wb.getWorksheet(INSTRUCTIONS_SHEET) as ExcelJS.Worksheet;
    const texts: string[] = [];
    ws.eachRow((row) => {
      texts.push(String(row.getCell(1).value ?? ''));
    });
    for (const c of TALENT_COLUMNS) expect(texts).toContain(headerText(c));
    expect(texts.join('\n')).toContain('文本');
    expect(texts.join('\n')).toContain('YYYY-MM-DD');
    expect(texts.join('\n')).toContain('更新已有记录');
  });

  it('is recognized by the importer (header found, nothing to import)', async () => {
    const file = path.join(dir, 'template.xlsx');
    const sink = fileSink(file);
    await writeTalentTemplate(sink.stream);
    await sink.done;
    const book = await readWorkbookRows(file, { columns: TALENT_COLUMNS });
    expect(book.sheetName).toBe(TEMPLATE_SHEET);
    expect(book.columnKeys).toEqual(TALENT_COLUMNS.map((c) => c.key));
    expect(await collect(book)).toEqual([]);

    // One <dataValidation> per coded column, each a single A2:A5001-style range.
    const zip = await readZipDirectory(file);
    const xml = (await readZipEntry(file, zip?.entries.get('xl/worksheets/sheet1.xml') as ZipEntryInfo))?.toString('utf8') ?? '';
    const sqrefs = [...xml.matchAll(/sqref="([^"]+)"/g)].map((m) => m[1]);
    expect(sqrefs.length).toBe(TALENT_COLUMNS.filter((c) => dropDownNames(c).length > 0).length);
    for (const ref of sqrefs) expect(ref).toMatch(/^([A-Z]+)2:\1(5001)$/);
  });
});
