/**
 * The one column list of the agency (社工机构) spreadsheet: template, import and export. Staff,
 * pairings and eligibility are kept in the application.
 */
import { AGENCY_RATINGS, AGENCY_STATUSES, AGENCY_TAGS } from '../../../domain/network/code-lists.ts';
import { createHeaderMatcher } from './header-match.ts';
import { sheetColumn as col, contactPhoneColumn, REGION_NOTE, type SheetColumn } from './network-column.ts';

export type AgencyColumnKey =
  | 'name'
  | 'creditCode'
  | 'confirmCheck'
  | 'registrationAuthority'
  | 'registeredOn'
  | 'legalRep'
  | 'regionCode'
  | 'address'
  | 'tags'
  | 'rating'
  | 'ratingYear'
  | 'partyOrg'
  | 'partyOrgOn'
  | 'contactPhone'
  | 'status';

export const CONFIRM_CHECK_HEADER = '校验位确认';

export const AGENCY_COLUMNS: readonly SheetColumn<AgencyColumnKey>[] = Object.freeze([
  col({
    key: 'name',
    header: '机构名称',
    required: true,
    aliases: ['名称', '机构全称', '单位名称'],
    kind: 'text',
    note: '与登记证书一致',
    example: '贵阳市南明区阳光社会工作服务中心',
    width: 30,
  }),
  col({
    key: 'creditCode',
    header: '统一社会信用代码',
    required: true,
    aliases: ['信用代码', '社会信用代码', '统一代码'],
    kind: 'code-text',
    note: '18 位，数字和大写字母（不含 I、O、S、V、Z）；本列为文本格式',
    example: '52520102MJY123456X',
    width: 22,
  }),
  col({
    key: 'confirmCheck',
    header: CONFIRM_CHECK_HEADER,
    aliases: ['校验位已核实'],
    kind: 'bool',
    note: '仅当代码与登记证书逐位核对无误、但系统提示校验位不符时填“是”；只有管理员可以确认保留',
    example: '',
    width: 10,
  }),
  col({ key: 'registrationAuthority', header: '登记管理机关', aliases: ['登记机关'], kind: 'text', note: '', example: '南明区民政局', width: 16 }),
  col({
    key: 'registeredOn',
    header: '登记日期',
    aliases: ['成立日期', '成立登记日期'],
    kind: 'date',
    note: '格式 YYYY-MM-DD',
    example: '2016-05-20',
    width: 12,
  }),
  col({ key: 'legalRep', header: '法定代表人', aliases: ['法人', '法人代表'], kind: 'text', note: '', example: '李明', width: 10 }),
  col({
    key: 'regionCode',
    header: '所在地区(区划代码)',
    required: true,
    aliases: ['所在地区', '区划代码', '地区代码', '行政区划代码'],
    kind: 'region',
    note: `机构住所所在地的${REGION_NOTE}，须在本账号管理范围内`,
    example: '520102000000',
    width: 18,
  }),
  col({ key: 'address', header: '住所', aliases: ['地址', '机构地址'], kind: 'text', note: '', example: '南明区新华路 100 号', width: 26 }),
  col({
    key: 'tags',
    header: '机构类型',
    aliases: ['类型'],
    kind: 'codes',
    codeList: AGENCY_TAGS,
    note: '可填多个，用顿号“、”分隔',
    example: '枢纽型',
    width: 14,
  }),
  col({
    key: 'rating',
    header: '评估等级',
    aliases: ['等级'],
    kind: 'code',
    codeList: AGENCY_RATINGS,
    valueAliases: { '1a级': '1A', '2a级': '2A', '3a级': '3A', '4a级': '4A', '5a级': '5A', aaa: '3A', aaaa: '4A', aaaaa: '5A' },
    note: '社会组织评估等级，未评估不填',
    example: '4A',
    width: 9,
  }),
  col({ key: 'ratingYear', header: '评估年份', kind: 'year', note: '4 位年份；填写评估等级时必填', example: '2023', width: 9 }),
  col({ key: 'partyOrg', header: '是否建立党组织', aliases: ['建立党组织', '党组织'], kind: 'bool', note: '是/否，不填为否', example: '是', width: 12 }),
  col({ key: 'partyOrgOn', header: '党组织成立日期', kind: 'date', note: '格式 YYYY-MM-DD', example: '2018-07-01', width: 14 }),
  contactPhoneColumn('08515555555'),
  col({
    key: 'status',
    header: '机构状态',
    aliases: ['状态'],
    kind: 'code',
    codeList: AGENCY_STATUSES,
    valueAliases: { 注销: 'deregistered', 存续: 'active' },
    note: '不填为正常',
    example: '正常',
    width: 9,
  }),
]);

export const matchAgencyHeader = createHeaderMatcher(AGENCY_COLUMNS);
