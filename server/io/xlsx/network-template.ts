/**
 * Import templates of the platform, agency and community-group registers, laid out like the talent
 * template by template-workbook.ts (data sheet, 填写说明, hidden 代码表). Everything comes from the
 * sheet's column list, so template, import and export agree.
 */
import type { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { AGENCY_COLUMNS } from './agency-columns.ts';
import { GROUP_COLUMNS } from './group-columns.ts';
import { dropDownNames, type SheetColumn } from './network-column.ts';
import { PLATFORM_COLUMNS } from './platform-columns.ts';
import { buildTemplateWorkbook } from './template-workbook.ts';

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

/** Builds the template workbook of one register. */
export function buildNetworkTemplate(kind: NetworkSheetKind): ExcelJS.Workbook {
  const sheet = NETWORK_SHEETS[kind];
  return buildTemplateWorkbook({ ...sheet, formatOf: (c) => FORMAT_TEXT[c.kind], dropDownNames });
}

/** Writes the template to `out`. */
export async function writeNetworkTemplate(kind: NetworkSheetKind, out: Writable): Promise<void> {
  await buildNetworkTemplate(kind).xlsx.write(out);
}
