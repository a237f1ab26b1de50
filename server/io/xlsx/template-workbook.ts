/**
 * The import template every register downloads (talents, platforms, agencies, community groups): a
 * data sheet (header only, formats and drop-downs ready), a 填写说明 sheet (general rules and one line
 * per column) and a hidden 代码表 sheet holding the drop-down lists. Each register gives its column
 * list, its rules and how it names a column's format; the layout is the same for all.
 */
import ExcelJS from 'exceljs';
import { headerText } from './header-match.ts';
import { HEADER_FILL } from './stream-writer.ts';

/** What the template needs to know about a column (talent and network columns both have it). */
export interface TemplateColumn {
  readonly key: string;
  readonly header: string;
  readonly required: boolean;
  /** Several names in one cell: the drop-down then accepts typed combinations. */
  readonly multi: boolean;
  /** Short explanation for the instructions sheet and the header note. */
  readonly note: string;
  readonly example: string;
  readonly width: number;
  readonly numFmt?: string;
}

export interface TemplateSpec<C extends TemplateColumn> {
  /** Name of the data sheet. */
  sheetName: string;
  /** Title of the instructions sheet. */
  title: string;
  rules: readonly string[];
  columns: readonly C[];
  /** What the instructions sheet says about a column's format. */
  formatOf(c: C): string;
  /** Names offered by a column's drop-down (none for free-text columns). */
  dropDownNames(c: C): readonly string[];
}

export const INSTRUCTIONS_SHEET = '填写说明';
export const CODES_SHEET = '代码表';
/** Rows 2…5001 get the drop-downs; one range per column keeps the file small and quick to open. */
export const TEMPLATE_ROWS = 5000;

/** Excel's limits for the input message of a data validation. */
const PROMPT_TITLE_MAX = 32;
const PROMPT_MAX = 255;
const REQUIRED_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FFC00000' } };

const colLetter = (n: number): string =>
  n <= 26 ? String.fromCharCode(64 + n) : colLetter(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26));

type ValidationTarget = { dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void } };

function addDropDowns<C extends TemplateColumn>(spec: TemplateSpec<C>, data: ExcelJS.Worksheet, codes: ExcelJS.Worksheet): void {
  let codeCol = 0;
  spec.columns.forEach((c, i) => {
    const names = spec.dropDownNames(c);
    if (names.length === 0) return;
    codeCol++;
    const letter = colLetter(codeCol);
    codes.getColumn(codeCol).values = [headerText(c), ...names];
    codes.getColumn(codeCol).width = Math.max(10, c.width);
    const col = colLetter(i + 1);
    // ExcelJS types the sheet without its dataValidations collection; it is there at runtime.
    (data as unknown as ValidationTarget).dataValidations.add(`${col}2:${col}${TEMPLATE_ROWS + 1}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`'${CODES_SHEET}'!$${letter}$2:$${letter}$${names.length + 1}`],
      showInputMessage: true,
      promptTitle: c.header.slice(0, PROMPT_TITLE_MAX),
      prompt: (c.multi ? `${c.note}。可从列表选择一项，或手动输入多项，如：${c.example}` : c.note || '请从下拉列表中选择').slice(0, PROMPT_MAX),
      // Several names in one cell are not a list entry: typing them must not be refused.
      showErrorMessage: !c.multi,
      errorStyle: 'stop',
      errorTitle: '输入值无效',
      error: `请从下拉列表中选择${c.header}。`,
    });
  });
}

function dataSheet<C extends TemplateColumn>(spec: TemplateSpec<C>, wb: ExcelJS.Workbook): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(spec.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = spec.columns.map((c) => ({ header: headerText(c), key: c.key, width: c.width, style: c.numFmt ? { numFmt: c.numFmt } : {} }));
  const header = ws.getRow(1);
  header.height = 30;
  spec.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    // The header keeps the General format, whatever the column's format.
    cell.style = {
      font: c.required ? REQUIRED_FONT : { bold: true },
      fill: HEADER_FILL,
      alignment: { vertical: 'middle', horizontal: 'center', wrapText: true },
    };
    cell.note = [c.required ? '必填' : '选填', c.note, c.example ? `示例：${c.example}` : ''].filter(Boolean).join('\n');
  });
  return ws;
}

function instructionsSheet<C extends TemplateColumn>(spec: TemplateSpec<C>, wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet(INSTRUCTIONS_SHEET);
  ws.columns = [{ width: 20 }, { width: 10 }, { width: 22 }, { width: 50 }, { width: 60 }, { width: 24 }];
  ws.addRow([`${spec.title} 填写说明`]).font = { bold: true, size: 16 };
  ws.mergeCells(1, 1, 1, 6);
  ws.addRow([]);
  ws.addRow(['一、通用规则']).font = { bold: true, size: 12 };
  spec.rules.forEach((rule, i) => {
    const row = ws.addRow([`${i + 1}. ${rule}`]);
    ws.mergeCells(row.number, 1, row.number, 6);
    row.alignment = { wrapText: true, vertical: 'top' };
    row.height = rule.length > 70 ? 32 : 18;
  });
  ws.addRow([]);
  ws.addRow(['二、各列填写要求']).font = { bold: true, size: 12 };
  const header = ws.addRow(['列名', '是否必填', '格式', '说明', '可选值', '示例']);
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
  });
  for (const c of spec.columns) {
    const row = ws.addRow([headerText(c), c.required ? '必填' : '选填', spec.formatOf(c), c.note, spec.dropDownNames(c).join('、'), c.example]);
    row.alignment = { wrapText: true, vertical: 'top' };
    if (c.required) row.getCell(1).font = REQUIRED_FONT;
  }
}

/** Builds the template workbook of one register. */
export function buildTemplateWorkbook<C extends TemplateColumn>(spec: TemplateSpec<C>): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '社工人才与社工站管理平台';
  const data = dataSheet(spec, wb);
  instructionsSheet(spec, wb);
  const codes = wb.addWorksheet(CODES_SHEET, { state: 'hidden' });
  addDropDowns(spec, data, codes);
  return wb;
}
