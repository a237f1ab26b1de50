/** The one column list of the community-group (社区社会组织) spreadsheet: template, import and export. */
import { GROUP_KINDS, GROUP_REGISTRATIONS, GROUP_STATUSES } from '../../../domain/network/code-lists.ts';
import { createHeaderMatcher } from './header-match.ts';
import { sheetColumn as col, contactPhoneColumn, REGION_NOTE, type SheetColumn } from './network-column.ts';

export type GroupColumnKey =
  | 'name'
  | 'regionCode'
  | 'kind'
  | 'members'
  | 'registration'
  | 'incubator'
  | 'establishedOn'
  | 'contactName'
  | 'contactPhone'
  | 'status'
  | 'note';

export const GROUP_COLUMNS: readonly SheetColumn<GroupColumnKey>[] = Object.freeze([
  col({
    key: 'name',
    header: '组织名称',
    required: true,
    aliases: ['名称', '社会组织名称'],
    kind: 'text',
    note: '',
    example: '花果园社区志愿服务队',
    width: 26,
  }),
  col({
    key: 'regionCode',
    header: '所在地区(区划代码)',
    required: true,
    aliases: ['所在地区', '区划代码', '地区代码', '所在村(社区)代码'],
    kind: 'region',
    note: `村(社区)或乡镇(街道)的${REGION_NOTE}，须在本账号管理范围内`,
    example: '520102016001',
    width: 18,
  }),
  col({ key: 'kind', header: '组织类型', required: true, aliases: ['类型'], kind: 'code', codeList: GROUP_KINDS, note: '', example: '志愿服务类', width: 12 }),
  col({ key: 'members', header: '成员人数', aliases: ['成员数', '人数'], kind: 'int', note: '不填为 0', example: '25', width: 9 }),
  col({
    key: 'registration',
    header: '登记或备案',
    required: true,
    aliases: ['登记备案', '登记类型'],
    kind: 'code',
    codeList: GROUP_REGISTRATIONS,
    valueAliases: { 已登记: 'registered', 已备案: 'filed', 登记注册: 'registered' },
    note: '在民政部门登记，或在乡镇(街道)备案',
    example: '备案',
    width: 10,
  }),
  col({
    key: 'incubator',
    header: '孵化社工站',
    aliases: ['孵化培育社工站', '孵化单位'],
    kind: 'text',
    note: '孵化培育该组织的乡镇(街道)社工站名称，须为组织所在乡镇(街道)已登记的社工站',
    example: '花果园街道社会工作服务站',
    width: 26,
  }),
  col({ key: 'establishedOn', header: '成立日期', kind: 'date', note: '格式 YYYY-MM-DD', example: '2022-03-01', width: 12 }),
  col({ key: 'contactName', header: '负责人', aliases: ['联系人'], kind: 'text', note: '', example: '赵敏', width: 10 }),
  contactPhoneColumn('13812345678'),
  col({
    key: 'status',
    header: '状态',
    aliases: ['组织状态'],
    kind: 'code',
    codeList: GROUP_STATUSES,
    valueAliases: { 解散: 'dissolved', 正常: 'active' },
    note: '不填为活动中',
    example: '活动中',
    width: 9,
  }),
  col({ key: 'note', header: '备注', kind: 'text', note: '', example: '', width: 20 }),
]);

export const matchGroupHeader = createHeaderMatcher(GROUP_COLUMNS);
