/**
 * The import template of the talent registry: sheet 人才信息 (header only, formats and drop-downs
 * ready), sheet 填写说明 (general rules and one line per column), and a hidden sheet 代码表 holding
 * the drop-down lists. Everything comes from TALENT_COLUMNS, so template, import and export agree.
 */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { dropDownNames, headerText, TALENT_COLUMNS, type TalentColumn } from './talent-columns.ts';

export const TEMPLATE_SHEET = '人才信息';
export const INSTRUCTIONS_SHEET = '填写说明';
export const CODES_SHEET = '代码表';
/** Rows 2…5001 get the drop-downs; one range per column keeps the file small and quick to open. */
export const TEMPLATE_ROWS = 5000;

/** Excel's limits for the input message of a data validation. */
const PROMPT_TITLE_MAX = 32;
const PROMPT_MAX = 255;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const REQUIRED_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FFC00000' } };

export const GENERAL_RULES: readonly string[] = [
  '每行填写一名人员。请勿合并单元格，请勿删除或改动表头行；列的顺序可以调整，表中多出的列会被忽略。',
  '列名带 * 的为必填项。',
  '身份证号码、联系电话、区划代码、证书编号等列已设为“文本”格式，请勿改为数字：Excel 只保留 15 位数字，身份证号码的后几位会变成 0。从其他表格复制时请使用“选择性粘贴—数值”。',
  '日期请填写为 YYYY-MM-DD（如 2020-01-02），也可写成 2020/1/2 或 2020年1月2日；年份填写 4 位数字。',
  '带下拉箭头的列请从列表中选择。人才类别、服务领域、人员身份可填写多项，用顿号“、”分隔（逗号、分号或空格也可以）。',
  '学历只填最高学历；证书只填最高等级的社会工作者职业资格证书。填写证书时，证书等级、证书编号、取得年份均为必填。',
  '性别、出生日期可不填，系统按身份证号码自动识别；填写时须与身份证号码一致。',
  '工作地区须在本账号的管理范围内，填写 12 位统计用区划代码（可在系统“区划管理”中查询）。',
  '上传后系统先校验全部数据：有错误的行可下载“错误报告”，在报告中修改后可直接重新上传；全部无误后才会导入。',
  '身份证号码已登记的人员默认不导入；如需用本表内容更新已有记录，请在导入时勾选“更新已有记录”。',
];

const colLetter = (n: number): string =>
  n <= 26 ? String.fromCharCode(64 + n) : colLetter(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26));

/** What the 填写说明 sheet says about a column's format. */
function formatOf(c: TalentColumn): string {
  switch (c.kind) {
    case 'id':
    case 'phone':
    case 'region':
      return '文本';
    case 'date':
      return '日期 YYYY-MM-DD';
    case 'year':
      return '4 位年份';
    case 'bool':
      return '是/否';
    case 'code':
      return '从下拉列表选择';
    case 'codes':
      return '从下拉列表选择，可多项';
    default:
      return '文字';
  }
}

type ValidationTarget = { dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void } };

function addDropDowns(data: ExcelJS.Worksheet, codes: ExcelJS.Worksheet): void {
  let codeCol = 0;
  TALENT_COLUMNS.forEach((c, i) => {
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

function dataSheet(wb: ExcelJS.Workbook): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(TEMPLATE_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = TALENT_COLUMNS.map((c) => ({ header: headerText(c), key: c.key, width: c.width, style: c.numFmt ? { numFmt: c.numFmt } : {} }));
  const header = ws.getRow(1);
  header.height = 30;
  TALENT_COLUMNS.forEach((c, i) => {
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

function instructionsSheet(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet(INSTRUCTIONS_SHEET);
  ws.columns = [{ width: 20 }, { width: 10 }, { width: 22 }, { width: 50 }, { width: 60 }, { width: 24 }];
  ws.addRow(['社会工作人才信息导入模板 填写说明']).font = { bold: true, size: 16 };
  ws.mergeCells(1, 1, 1, 6);
  ws.addRow([]);
  ws.addRow(['一、通用规则']).font = { bold: true, size: 12 };
  GENERAL_RULES.forEach((rule, i) => {
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
  for (const c of TALENT_COLUMNS) {
    const row = ws.addRow([headerText(c), c.required ? '必填' : '选填', formatOf(c), c.note, dropDownNames(c).join('、'), c.example]);
    row.alignment = { wrapText: true, vertical: 'top' };
    if (c.required) row.getCell(1).font = REQUIRED_FONT;
  }
}

/** Builds the template workbook. */
export function buildTalentTemplate(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '社工人才与社工站管理平台';
  const data = dataSheet(wb);
  instructionsSheet(wb);
  const codes = wb.addWorksheet(CODES_SHEET, { state: 'hidden' });
  addDropDowns(data, codes);
  return wb;
}

/** The template as a Buffer (the same every time: callers may cache it). */
export async function talentTemplateBuffer(): Promise<Buffer> {
  return Buffer.from(await buildTalentTemplate().xlsx.writeBuffer());
}

/** Writes the template to `out`. */
export async function writeTalentTemplate(out: Writable): Promise<void> {
  await buildTalentTemplate().xlsx.write(out);
}
