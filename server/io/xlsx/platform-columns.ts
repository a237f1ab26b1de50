/**
 * The one column list of the platform (阵地) spreadsheet: template, import and export. One platform
 * per row; lists kept in the application (funding, honours, checklist, staff, photos) are not here.
 */
import { CONSTRUCTION_SOURCES, DEMO_LEVELS, OPERATING_MODES, PLATFORM_KINDS, PLATFORM_STATUSES, STATION_SERVICES } from '../../../domain/network/code-lists.ts';
import { createHeaderMatcher } from './header-match.ts';
import { sheetColumn as col, contactPhoneColumn, REGION_NOTE, type SheetColumn } from './network-column.ts';

export type PlatformColumnKey =
  | 'kind'
  | 'name'
  | 'regionCode'
  | 'address'
  | 'lng'
  | 'lat'
  | 'openedOn'
  | 'operatingMode'
  | 'agency'
  | 'floorArea'
  | 'roomsIndividual'
  | 'roomsGroup'
  | 'roomsActivity'
  | 'equipment'
  | 'constructionSource'
  | 'services'
  | 'openingHours'
  | 'contactName'
  | 'contactPhone'
  | 'isPublic'
  | 'status'
  | 'demoLevel'
  | 'demoYear'
  | 'brand'
  | 'note';

export const PLATFORM_COLUMNS: readonly SheetColumn<PlatformColumnKey>[] = Object.freeze([
  col({
    key: 'kind',
    header: '阵地类型',
    required: true,
    aliases: ['类型', '阵地类别'],
    kind: 'code',
    codeList: PLATFORM_KINDS,
    valueAliases: {
      指导中心: 'guidance_centre',
      社工总站: 'county_hub',
      总站: 'county_hub',
      社工站: 'station',
      社工室: 'room',
      培训基地: 'training_base',
      实训基地: 'practice_base',
    },
    note: '指导中心设在市(州)，社工总站设在县(市、区)，社工站设在乡镇(街道)，社工室设在村(社区)',
    example: '乡镇(街道)社工站',
    width: 18,
  }),
  col({
    key: 'name',
    header: '阵地名称',
    required: true,
    aliases: ['名称', '社工站名称', '站点名称'],
    kind: 'text',
    note: '与挂牌名称一致',
    example: '花果园街道社会工作服务站',
    width: 26,
  }),
  col({
    key: 'regionCode',
    header: '所在地区(区划代码)',
    required: true,
    aliases: ['所在地区', '区划代码', '地区代码', '行政区划代码'],
    kind: 'region',
    note: `阵地所在地的${REGION_NOTE}；层级须与阵地类型一致，且在本账号管理范围内`,
    example: '520102016000',
    width: 18,
  }),
  col({ key: 'address', header: '地址', aliases: ['详细地址', '站点地址'], kind: 'text', note: '', example: '南明区花果园大街 1 号', width: 26 }),
  col({ key: 'lng', header: '经度', kind: 'decimal', note: '小数形式，如 106.7', example: '106.7', width: 10 }),
  col({ key: 'lat', header: '纬度', kind: 'decimal', note: '小数形式，如 26.57；经纬度需同时填写', example: '26.57', width: 10 }),
  col({ key: 'openedOn', header: '启用日期', aliases: ['挂牌日期', '建成日期'], kind: 'date', note: '格式 YYYY-MM-DD', example: '2021-06-01', width: 12 }),
  col({
    key: 'operatingMode',
    header: '运营方式',
    kind: 'code',
    codeList: OPERATING_MODES,
    valueAliases: { 自营: 'self', 自建: 'self', 委托运营: 'agency', 购买服务: 'agency', 委托: 'agency' },
    note: '不填为自建自营',
    example: '委托社工机构运营',
    width: 16,
  }),
  col({
    key: 'agency',
    header: '运营机构',
    aliases: ['承接机构', '运营机构名称', '运营机构统一社会信用代码'],
    kind: 'text',
    note: '委托运营时必填：填写机构全称或统一社会信用代码，机构须已在系统登记且在本账号管理范围内',
    example: '贵阳市南明区阳光社会工作服务中心',
    width: 28,
  }),
  col({ key: 'floorArea', header: '场地面积(平方米)', aliases: ['面积', '场地面积', '使用面积'], kind: 'decimal', note: '数字', example: '120', width: 12 }),
  col({ key: 'roomsIndividual', header: '个案室数量', aliases: ['个案室'], kind: 'int', note: '不填为 0', example: '1', width: 10 }),
  col({ key: 'roomsGroup', header: '小组室数量', aliases: ['小组室'], kind: 'int', note: '不填为 0', example: '1', width: 10 }),
  col({ key: 'roomsActivity', header: '活动室数量', aliases: ['活动室'], kind: 'int', note: '不填为 0', example: '1', width: 10 }),
  col({ key: 'equipment', header: '设施设备', kind: 'text', note: '', example: '电脑、档案柜、投影仪', width: 20 }),
  col({ key: 'constructionSource', header: '建设来源', kind: 'code', codeList: CONSTRUCTION_SOURCES, note: '', example: '利用现有场所建设一批', width: 20 }),
  col({
    key: 'services',
    header: '服务内容',
    aliases: ['服务项目'],
    kind: 'codes',
    codeList: STATION_SERVICES,
    note: '可填多个，用顿号“、”分隔',
    example: '政策宣传咨询、社会救助',
    width: 26,
  }),
  col({ key: 'openingHours', header: '开放时间', kind: 'text', note: '', example: '周一至周五 9:00-17:00', width: 18 }),
  col({ key: 'contactName', header: '联系人', kind: 'text', note: '', example: '王芳', width: 10 }),
  contactPhoneColumn('08515555555'),
  col({
    key: 'isPublic',
    header: '是否对外公开',
    aliases: ['对外公开', '公开'],
    kind: 'bool',
    note: '是否在公众查询中显示，不填为是',
    example: '是',
    width: 10,
  }),
  col({
    key: 'status',
    header: '运营状态',
    aliases: ['状态'],
    kind: 'code',
    codeList: PLATFORM_STATUSES,
    valueAliases: { 运营: 'operating', 正常: 'operating', 筹建: 'planned', 暂停: 'suspended', 撤销: 'closed' },
    note: '不填为运营中',
    example: '运营中',
    width: 10,
  }),
  col({
    key: 'demoLevel',
    header: '示范级别',
    aliases: ['示范站级别'],
    kind: 'code',
    codeList: DEMO_LEVELS,
    note: '被命名为示范站时填写',
    example: '',
    width: 10,
  }),
  col({ key: 'demoYear', header: '示范年份', aliases: ['命名年份'], kind: 'year', note: '4 位年份；填写示范级别时必填', example: '', width: 9 }),
  col({ key: 'brand', header: '品牌名称', aliases: ['品牌'], kind: 'text', note: '', example: '', width: 14 }),
  col({ key: 'note', header: '备注', kind: 'text', note: '', example: '', width: 20 }),
]);

export const matchPlatformHeader = createHeaderMatcher(PLATFORM_COLUMNS);
