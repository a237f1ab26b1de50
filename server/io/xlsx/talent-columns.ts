/**
 * The one column list of the talent spreadsheet, shared by the template, the import and the export,
 * so a file exported or downloaded as a template can always be imported again. One talent per row,
 * with the highest education and the highest certificate (both optional); the other lists
 * (employment history, trainings …) are entered in the application.
 */
import { type CodeItem, ETHNIC_GROUPS, SEXES } from '../../../domain/standards/code-lists.ts';
import {
  CERTIFICATE_LEVELS,
  DEGREES,
  EDUCATION_LEVELS,
  MAJOR_CLASSES,
  SERVICE_FIELDS,
  TALENT_CATEGORIES,
  TALENT_ROLES,
  TALENT_STATUSES,
  TEACHING_SUBJECTS,
  TITLE_LEVELS,
} from '../../../domain/talents/code-lists.ts';
import { createHeaderMatcher, type HeaderSpec } from './header-match.ts';

export type TalentColumnKey =
  | 'name'
  | 'idNumber'
  | 'sex'
  | 'birthDate'
  | 'ethnicity'
  | 'nativePlace'
  | 'phone'
  | 'partyMember'
  | 'regionCode'
  | 'categories'
  | 'fields'
  | 'roles'
  | 'educationLevel'
  | 'school'
  | 'majorClass'
  | 'major'
  | 'graduationYear'
  | 'degree'
  | 'titleLevel'
  | 'titleName'
  | 'teachingSubject'
  | 'employer'
  | 'post'
  | 'professionalPost'
  | 'employmentStart'
  | 'certificateLevel'
  | 'certificateNo'
  | 'certificateYear'
  | 'registeredOn'
  | 'reregisteredOn'
  | 'status';

/**
 * How a cell is read and written: text; a code made of digits (kept as text, see cellNumberText);
 * region code; date; year; 是/否; one coded value; several coded values.
 */
export type TalentColumnKind = 'text' | 'id' | 'phone' | 'region' | 'date' | 'year' | 'bool' | 'code' | 'codes';

export interface TalentColumn extends HeaderSpec {
  readonly key: TalentColumnKey;
  readonly header: string;
  readonly required: boolean;
  readonly aliases: readonly string[];
  readonly kind: TalentColumnKind;
  /** Code list of 'code'/'codes' columns (parsing by name or code; export shows names). */
  readonly codeList?: readonly CodeItem[];
  /** Names offered by the drop-down, when not all of the list's names (性别: only 男/女). */
  readonly choices?: readonly string[];
  /** Other spellings of values → code. */
  readonly valueAliases?: Readonly<Record<string, string>>;
  /** Other words for 是/否 in a 'bool' column. */
  readonly boolAliases?: Readonly<Record<string, boolean>>;
  /** Several names in one cell, separated by 、 , ， ; ； or spaces. */
  readonly multi: boolean;
  /** Filled together: any cell of the group filled means the group's record is given. */
  readonly group?: 'education' | 'certificate';
  /** Short explanation for the instructions sheet and the header note. */
  readonly note: string;
  readonly example: string;
  /** Column width in characters. */
  readonly width: number;
  /** Excel number format of the column: '@' (text) keeps long digit strings and leading zeros. */
  readonly numFmt?: string;
}

/** Drop-down of 'bool' columns. */
export const YES_NO: readonly CodeItem[] = Object.freeze([Object.freeze({ code: '1', name: '是' }), Object.freeze({ code: '0', name: '否' })]);

const TEXT = '@';
const DATE_FMT = 'yyyy-mm-dd';
const REGION_NOTE = '12 位统计用区划代码（也可填 6 位县级或 9 位乡镇级代码，系统自动补足 12 位）';

const col = (c: Omit<TalentColumn, 'multi' | 'required' | 'aliases'> & Partial<Pick<TalentColumn, 'multi' | 'required' | 'aliases'>>): TalentColumn =>
  Object.freeze({ multi: false, required: false, aliases: [], ...c });

export const TALENT_COLUMNS: readonly TalentColumn[] = Object.freeze([
  col({ key: 'name', header: '姓名', required: true, aliases: ['人员姓名', '名字'], kind: 'text', note: '与身份证一致', example: '张三', width: 10 }),
  col({
    key: 'idNumber',
    header: '身份证号码',
    required: true,
    aliases: ['身份证号', '身份证', '公民身份号码', '身份证件号码', '居民身份证号码', '证件号码'],
    kind: 'id',
    note: '18 位居民身份证号码；本列为文本格式，请勿改为数字（Excel 只保留 15 位，后几位会变成 0）',
    example: '52010219900307001X',
    width: 21,
    numFmt: TEXT,
  }),
  col({
    key: 'sex',
    header: '性别',
    kind: 'code',
    codeList: SEXES,
    choices: ['男', '女'],
    note: '可不填，由身份证号码自动识别；填写时须与身份证号码一致',
    example: '男',
    width: 6,
  }),
  col({
    key: 'birthDate',
    header: '出生日期',
    aliases: ['出生年月日', '生日'],
    kind: 'date',
    note: '可不填，由身份证号码自动识别；格式 YYYY-MM-DD',
    example: '1990-03-07',
    width: 12,
    numFmt: DATE_FMT,
  }),
  col({ key: 'ethnicity', header: '民族', kind: 'code', codeList: ETHNIC_GROUPS, note: '不填默认为汉族；“苗”与“苗族”均可', example: '苗族', width: 10 }),
  col({
    key: 'nativePlace',
    header: '籍贯(区划代码)',
    aliases: ['籍贯代码'],
    kind: 'region',
    note: `籍贯所在地的${REGION_NOTE}`,
    example: '520102000000',
    width: 15,
    numFmt: TEXT,
  }),
  col({
    key: 'phone',
    header: '联系电话',
    aliases: ['手机号', '手机号码', '手机', '电话', '电话号码', '联系方式'],
    kind: 'phone',
    note: '11 位手机号或带区号的固定电话',
    example: '13812345678',
    width: 14,
    numFmt: TEXT,
  }),
  col({
    key: 'partyMember',
    header: '是否党员',
    aliases: ['党员', '政治面貌'],
    kind: 'bool',
    boolAliases: {
      中共党员: true,
      党员: true,
      中共预备党员: true,
      预备党员: true,
      群众: false,
      共青团员: false,
      团员: false,
      无党派人士: false,
      民主党派: false,
    },
    note: '是/否，不填为否',
    example: '否',
    width: 9,
  }),
  col({
    key: 'regionCode',
    header: '工作地区(区划代码)',
    required: true,
    aliases: ['工作地区', '区划代码', '工作地区代码', '所在地区代码', '地区代码', '行政区划代码'],
    kind: 'region',
    note: `工作所在地的${REGION_NOTE}，须在本账号管理范围内`,
    example: '520102001000',
    width: 18,
    numFmt: TEXT,
  }),
  col({
    key: 'categories',
    header: '人才类别',
    required: true,
    aliases: ['人才类型'],
    kind: 'codes',
    codeList: TALENT_CATEGORIES,
    multi: true,
    valueAliases: { 实务: 'practice', 研究: 'research', 管理: 'management' },
    note: '可填多个，用顿号“、”分隔',
    example: '实务人才、管理人才',
    width: 18,
  }),
  col({
    key: 'fields',
    header: '服务领域',
    kind: 'codes',
    codeList: SERVICE_FIELDS,
    multi: true,
    valueAliases: { 养老: 'elderly', 儿童: 'children', 救助: 'assistance', 残障: 'disability', 禁毒: 'drug', 矫正: 'correction', 医务: 'medical' },
    note: '可填多个，用顿号“、”分隔',
    example: '养老服务、社会救助',
    width: 20,
  }),
  col({
    key: 'roles',
    header: '人员身份',
    aliases: ['身份', '角色', '人员角色'],
    kind: 'codes',
    codeList: TALENT_ROLES,
    multi: true,
    valueAliases: { 村干部: 'village_cadre', 社区干部: 'village_cadre', 社会工作员: 'local_worker', 乡土社工: 'local_worker' },
    note: '可填多个，用顿号“、”分隔',
    example: '村(社区)干部、网格员',
    width: 20,
  }),
  col({
    key: 'educationLevel',
    header: '最高学历',
    aliases: ['学历'],
    kind: 'code',
    codeList: EDUCATION_LEVELS,
    group: 'education',
    valueAliases: {
      初中: 'junior_high',
      小学: 'junior_high',
      高中: 'senior_high',
      中专: 'senior_high',
      中职: 'senior_high',
      职高: 'senior_high',
      专科: 'college',
      大学专科: 'college',
      大学本科: 'bachelor',
      硕士: 'master',
      研究生: 'master',
      博士: 'doctor',
    },
    note: '填写学历信息时必填',
    example: '本科',
    width: 12,
  }),
  col({ key: 'school', header: '毕业院校', aliases: ['毕业学校', '院校'], kind: 'text', group: 'education', note: '', example: '贵州大学', width: 16 }),
  col({
    key: 'majorClass',
    header: '专业类别',
    kind: 'code',
    codeList: MAJOR_CLASSES,
    group: 'education',
    valueAliases: { 其他: 'other' },
    note: '填写学历信息时必填',
    example: '社会工作',
    width: 10,
  }),
  col({ key: 'major', header: '专业名称', aliases: ['专业', '所学专业'], kind: 'text', group: 'education', note: '', example: '社会工作', width: 14 }),
  col({ key: 'graduationYear', header: '毕业年份', aliases: ['毕业时间'], kind: 'year', group: 'education', note: '4 位年份', example: '2012', width: 9 }),
  col({
    key: 'degree',
    header: '学位',
    aliases: ['最高学位'],
    kind: 'code',
    codeList: DEGREES,
    group: 'education',
    valueAliases: { 无学位: 'none', 学士学位: 'bachelor', 硕士学位: 'master', 博士学位: 'doctor' },
    note: '不填为无',
    example: '学士',
    width: 8,
  }),
  col({
    key: 'titleLevel',
    header: '职称等级',
    kind: 'code',
    codeList: TITLE_LEVELS,
    valueAliases: { 副高: 'associate_senior', 正高: 'senior' },
    note: '不填为无',
    example: '中级',
    width: 9,
  }),
  col({ key: 'titleName', header: '职称名称', aliases: ['职称'], kind: 'text', note: '', example: '社会工作师', width: 14 }),
  col({
    key: 'teachingSubject',
    header: '讲授课程',
    kind: 'code',
    codeList: TEACHING_SUBJECTS,
    note: '高校、党校教师填写，其他人员不填',
    example: '不从事教学',
    width: 11,
  }),
  col({
    key: 'employer',
    header: '工作单位',
    aliases: ['现工作单位', '单位', '所在单位', '单位名称'],
    kind: 'text',
    note: '',
    example: '南明区社会工作服务中心',
    width: 24,
  }),
  col({ key: 'post', header: '岗位', aliases: ['职务', '现任岗位'], kind: 'text', note: '', example: '社工', width: 10 }),
  col({
    key: 'professionalPost',
    header: '是否专业岗位',
    aliases: ['专业岗位'],
    kind: 'bool',
    note: '是否为社会工作专业岗位，是/否，不填为否',
    example: '是',
    width: 12,
  }),
  col({
    key: 'employmentStart',
    header: '入职日期',
    aliases: ['入职时间'],
    kind: 'date',
    note: '格式 YYYY-MM-DD',
    example: '2015-07-01',
    width: 12,
    numFmt: DATE_FMT,
  }),
  col({
    key: 'certificateLevel',
    header: '证书等级',
    aliases: ['职业资格等级', '证书级别', '社会工作者职业资格'],
    kind: 'code',
    codeList: CERTIFICATE_LEVELS,
    group: 'certificate',
    valueAliases: { 助理社工师: 'assistant', 初级: 'assistant', 社工师: 'intermediate', 中级: 'intermediate', 高级社工师: 'senior', 高级: 'senior' },
    note: '社会工作者职业资格的最高等级；填写证书时，证书等级、证书编号、取得年份均为必填',
    example: '社会工作师',
    width: 14,
  }),
  col({
    key: 'certificateNo',
    header: '证书编号',
    aliases: ['证书号', '证书号码', '职业资格证书编号'],
    kind: 'id',
    group: 'certificate',
    note: '职业资格证书上的编号（文本格式）',
    example: '2019052000123',
    width: 18,
    numFmt: TEXT,
  }),
  col({
    key: 'certificateYear',
    header: '取得年份',
    aliases: ['取证年份', '取得证书年份'],
    kind: 'year',
    group: 'certificate',
    note: '4 位年份',
    example: '2019',
    width: 9,
  }),
  col({
    key: 'registeredOn',
    header: '登记日期',
    aliases: ['证书登记日期'],
    kind: 'date',
    group: 'certificate',
    note: '证书登记日期，YYYY-MM-DD',
    example: '2019-12-01',
    width: 12,
    numFmt: DATE_FMT,
  }),
  col({
    key: 'reregisteredOn',
    header: '再登记日期',
    aliases: ['证书再登记日期'],
    kind: 'date',
    group: 'certificate',
    note: '最近一次再登记日期，YYYY-MM-DD',
    example: '',
    width: 12,
    numFmt: DATE_FMT,
  }),
  col({
    key: 'status',
    header: '人员状态',
    aliases: ['状态'],
    kind: 'code',
    codeList: TALENT_STATUSES,
    valueAliases: { 在职: 'active', 在岗: 'active', 在职在岗: 'active', 离职: 'left', 离开: 'left' },
    note: '不填为在职在岗',
    example: '在职在岗',
    width: 12,
  }),
]);

export const TALENT_COLUMN_BY_KEY: ReadonlyMap<TalentColumnKey, TalentColumn> = new Map(TALENT_COLUMNS.map((c) => [c.key, c]));

export { headerText } from './header-match.ts';

/** Names offered by a coded or yes/no column's drop-down (none for free-text columns). */
export function dropDownNames(c: TalentColumn): readonly string[] {
  if (c.kind === 'bool') return YES_NO.map((x) => x.name);
  if (c.choices) return c.choices;
  return c.codeList?.map((x) => x.name) ?? [];
}

/** File header text → column key, tolerant of `*`, spaces, full-width brackets and the aliases. */
export const matchTalentHeader = createHeaderMatcher(TALENT_COLUMNS);
