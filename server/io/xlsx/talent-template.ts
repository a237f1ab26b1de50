/**
 * The import template of the talent registry: sheet 人才信息 (header only, formats and drop-downs
 * ready), sheet 填写说明 (general rules and one line per column), and a hidden sheet 代码表 holding
 * the drop-down lists. Everything comes from TALENT_COLUMNS, so template, import and export agree;
 * the layout is template-workbook.ts's, shared with the network registers.
 */
import type { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { dropDownNames, TALENT_COLUMNS, type TalentColumn } from './talent-columns.ts';
import { buildTemplateWorkbook } from './template-workbook.ts';

export { CODES_SHEET, INSTRUCTIONS_SHEET, TEMPLATE_ROWS } from './template-workbook.ts';
export const TEMPLATE_SHEET = '人才信息';

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

/** Builds the template workbook. */
export function buildTalentTemplate(): ExcelJS.Workbook {
  return buildTemplateWorkbook({
    sheetName: TEMPLATE_SHEET,
    title: '社会工作人才信息导入模板',
    rules: GENERAL_RULES,
    columns: TALENT_COLUMNS,
    formatOf,
    dropDownNames,
  });
}

/** The template as a Buffer (the same every time: callers may cache it). */
export async function talentTemplateBuffer(): Promise<Buffer> {
  return Buffer.from(await buildTalentTemplate().xlsx.writeBuffer());
}

/** Writes the template to `out`. */
export async function writeTalentTemplate(out: Writable): Promise<void> {
  await buildTalentTemplate().xlsx.write(out);
}
