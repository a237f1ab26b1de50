/**
 * Import templates of the platform, agency and community-group registers, built like the talent
 * template: a data sheet (header only, formats and drop-downs ready), a 填写说明 sheet (general rules
 * and one line per column) and a hidden 代码表 sheet holding the drop-down lists. Everything comes from
 * the sheet's column list, so template, import and export agree.
 */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AGENCY_COLUMNS } from './agency-columns.ts';
import { GROUP_COLUMNS } from './group-columns.ts';
import { dropDownNames, headerText, type SheetColumn } from './network-column.ts';
import { PLATFORM_COLUMNS } from './platform-columns.ts';

export type NetworkSheetKind = 'platform' | 'agency' | 'community_group';

export interface NetworkSheet {
  kind: NetworkSheetKind;
  /** Name of the data sheet (template and export). */
  sheetName: string;
  /** Title of the instructions sheet and the download's file name. */
  title: string;
  columns: readonly SheetColumn[];
  rules: readonly string[];
}

const COMMON_RULES = [
  '请勿合并单元格，请勿删除或改动表头行；列的顺序可以调整，表中多出的列会被忽略，表头上方可以有标题行。',
  '列名带 * 的为必填项。带下拉箭头的列请从列表中选择；可填多项的列用顿号“、”分隔（逗号、分号或空格也可以）。',
  '区划代码、统一社会信用代码、联系电话等列已设为“文本”格式，请勿改为数字。日期请填写为 YYYY-MM-DD（如 2020-01-02），也可写成 2020/1/2 或 2020年1月2日。',
  '上传后系统先校验全部数据：有错误的行可下载“错误报告”，在报告中修改后可直接重新上传；全部无误后才会导入，导入在一个事务中完成，任何一行失败都不会写入数据。',
];

export const NETWORK_SHEETS: Record<NetworkSheetKind, NetworkSheet> = {
  platform: {
    kind: 'platform',
    sheetName: '阵地信息',
    title: '社会工作服务阵地导入模板',
    columns: PLATFORM_COLUMNS,
    rules: [
      '每行填写一个阵地（指导中心、社工总站、社工站、社工室、培训基地或实训基地）。',
      ...COMMON_RULES,
      '所在地区的层级须与阵地类型一致：指导中心为市(州)，社工总站为县(市、区)，社工站为乡镇(街道)，社工室为村(社区)。',
      '委托社工机构运营的阵地须填写运营机构（机构全称或统一社会信用代码），机构须先在“社工机构”中登记。',
      '同一地区、同一类型、同名的阵地视为同一阵地：已登记的默认不导入，导入时勾选“更新已有记录”可用本表内容更新。资金、荣誉、达标检查、人员和照片请在系统中维护。',
    ],
  },
  agency: {
    kind: 'agency',
    sheetName: '机构信息',
    title: '社会工作服务机构导入模板',
    columns: AGENCY_COLUMNS,
    rules: [
      '每行填写一家社会工作服务机构。',
      ...COMMON_RULES,
      '统一社会信用代码用于识别机构：已登记的机构默认不导入，导入时勾选“更新已有记录”可用本表内容更新。',
      '校验位不符的代码会被列为错误；如已与登记证书逐位核对无误，管理员可在“校验位确认”列填“是”后导入（记入审计日志）。',
    ],
  },
  community_group: {
    kind: 'community_group',
    sheetName: '社区社会组织',
    title: '社区社会组织导入模板',
    columns: GROUP_COLUMNS,
    rules: [
      '每行填写一个社区社会组织。',
      ...COMMON_RULES,
      '所在地区填写村(社区)或乡镇(街道)的区划代码；孵化社工站须为该乡镇(街道)已登记的社工站名称。',
      '同一地区同名的组织视为同一组织：已登记的默认不导入，导入时勾选“更新已有记录”可用本表内容更新。',
    ],
  },
};

export const INSTRUCTIONS_SHEET = '填写说明';
export const CODES_SHEET = '代码表';
/** Rows 2…5001 get the drop-downs; one range per column keeps the file small. */
const TEMPLATE_ROWS = 5000;
const PROMPT_TITLE_MAX = 32;
const PROMPT_MAX = 255;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const REQUIRED_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FFC00000' } };

const colLetter = (n: number): string =>
  n <= 26 ? String.fromCharCode(64 + n) : colLetter(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26));

const FORMAT_TEXT: Record<SheetColumn['kind'], string> = {
  text: '文字',
  'code-text': '文本',
  region: '文本',
  date: '日期 YYYY-MM-DD',
  year: '4 位年份',
  int: '整数',
  decimal: '数字',
  bool: '是/否',
  code: '从下拉列表选择',
  codes: '从下拉列表选择，可多项',
};

type ValidationTarget = { dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void } };

function addDropDowns(sheet: NetworkSheet, data: ExcelJS.Worksheet, codes: ExcelJS.Worksheet): void {
  let codeCol = 0;
  sheet.columns.forEach((c, i) => {
    const names = dropDownNames(c);
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

function dataSheet(sheet: NetworkSheet, wb: ExcelJS.Workbook): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(sheet.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = sheet.columns.map((c) => ({ header: headerText(c), key: c.key, width: c.width, style: c.numFmt ? { numFmt: c.numFmt } : {} }));
  const header = ws.getRow(1);
  header.height = 30;
  sheet.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.style = {
      font: c.required ? REQUIRED_FONT : { bold: true },
      fill: HEADER_FILL,
      alignment: { vertical: 'middle', horizontal: 'center', wrapText: true },
    };
    cell.note = [c.required ? '必填' : '选填', c.note, c.example ? `示例：${c.example}` : ''].filter(Boolean).join('\n');
  });
  return ws;
}

function instructionsSheet(sheet: NetworkSheet, wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet(INSTRUCTIONS_SHEET);
  ws.columns = [{ width: 20 }, { width: 10 }, { width: 22 }, { width: 50 }, { width: 60 }, { width: 24 }];
  ws.addRow([`${sheet.title} 填写说明`]).font = { bold: true, size: 16 };
  ws.mergeCells(1, 1, 1, 6);
  ws.addRow([]);
  ws.addRow(['一、通用规则']).font = { bold: true, size: 12 };
  sheet.rules.forEach((rule, i) => {
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
  for (const c of sheet.columns) {
    const row = ws.addRow([headerText(c), c.required ? '必填' : '选填', FORMAT_TEXT[c.kind], c.note, dropDownNames(c).join('、'), c.example]);
    row.alignment = { wrapText: true, vertical: 'top' };
    if (c.required) row.getCell(1).font = REQUIRED_FONT;
  }
}

/** Builds the template workbook of one register. */
export function buildNetworkTemplate(kind: NetworkSheetKind): ExcelJS.Workbook {
  const sheet = NETWORK_SHEETS[kind];
  const wb = new ExcelJS.Workbook();
  wb.creator = '社工人才与社工站管理平台';
  const data = dataSheet(sheet, wb);
  instructionsSheet(sheet, wb);
  const codes = wb.addWorksheet(CODES_SHEET, { state: 'hidden' });
  addDropDowns(sheet, data, codes);
  return wb;
}

/** Writes the template to `out`. */
export async function writeNetworkTemplate(kind: NetworkSheetKind, out: Writable): Promise<void> {
  await buildNetworkTemplate(kind).xlsx.write(out);
}
