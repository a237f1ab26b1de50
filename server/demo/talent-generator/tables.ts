/**
 * Shares and word lists of the generated talents' lives (tables of server/demo/talent-generator.ts):
 * birth years, employers, certificates, education, service fields and roles, trainings, honours,
 * dispatches and statuses.
 */
import type { DispatchProgram, EducationLevel, HonourLevel, ServiceField, TalentRole, TalentStatus } from '../../../domain/talents/code-lists.ts';
import type { EducationInput } from '../../../domain/talents/talent.schema.ts';
import { type WeightedPicker, weighted } from '../prng.ts';

/** Birth years: few in their sixties, most born 1980–1997 (social work is a young profession). */
export const BIRTH_YEARS = weighted(
  Array.from({ length: 44 }, (_, i) => {
    const y = 1960 + i;
    const w = y < 1970 ? 0.35 : y < 1980 ? 0.8 : y < 1990 ? 1.35 : y < 1998 ? 1.6 : 0.9;
    return [y, w] as const;
  }),
);

/** Where people work: station, agency, village committee, government, welfare institution, hospital or school, university, other. */
export type EmployerKind = 'station' | 'agency' | 'village' | 'government' | 'institution' | 'public' | 'university' | 'other';
export const EMPLOYER_KINDS = weighted<EmployerKind>([
  ['station', 30],
  ['agency', 22],
  ['village', 22],
  ['government', 10],
  ['institution', 8],
  ['public', 5],
  ['university', 0.6],
  ['other', 2.4],
]);

/** Words of agency names (employers here; the network generator's agencies too). */
export const AGENCY_WORDS = [
  '同心',
  '阳光',
  '恒爱',
  '善行',
  '心桥',
  '启航',
  '和谐',
  '春晖',
  '益民',
  '明德',
  '守望',
  '暖心',
  '仁爱',
  '博雅',
  '众力',
  '青禾',
  '惠民',
  '德善',
  '晨曦',
  '众益',
];
export const VILLAGE_WORDS = [
  '新寨',
  '龙井',
  '大坪',
  '红岩',
  '青山',
  '石桥',
  '坪上',
  '中寨',
  '河坝',
  '新街',
  '杨柳',
  '沙坝',
  '高寨',
  '松林',
  '团结',
  '光明',
  '联合',
  '新民',
  '上坝',
  '水井',
];

export const CERT_TIERS = weighted<0 | 1 | 2 | 3>([
  [0, 55],
  [1, 30],
  [2, 13],
  [3, 2],
]);

export const EDUCATION_BY_TIER: Record<number, WeightedPicker<EducationLevel>> = {
  0: weighted<EducationLevel>([
    ['junior_high', 9],
    ['senior_high', 24],
    ['college', 36],
    ['bachelor', 28],
    ['master', 2.8],
    ['doctor', 0.2],
  ]),
  1: weighted<EducationLevel>([
    ['senior_high', 10],
    ['college', 40],
    ['bachelor', 45],
    ['master', 5],
  ]),
  2: weighted<EducationLevel>([
    ['college', 28],
    ['bachelor', 56],
    ['master', 14],
    ['doctor', 2],
  ]),
};
EDUCATION_BY_TIER[3] = EDUCATION_BY_TIER[2];

export const GRADUATION_AGE: Record<EducationLevel, number> = { junior_high: 15, senior_high: 18, college: 21, bachelor: 22, master: 25, doctor: 29 };
export const DEGREE_OF: Record<EducationLevel, EducationInput['degree']> = {
  junior_high: 'none',
  senior_high: 'none',
  college: 'none',
  bachelor: 'bachelor',
  master: 'master',
  doctor: 'doctor',
};
export const OTHER_MAJORS = [
  '汉语言文学',
  '行政管理',
  '公共事业管理',
  '心理学',
  '护理学',
  '法学',
  '思想政治教育',
  '会计学',
  '学前教育',
  '计算机科学与技术',
  '农学',
  '劳动与社会保障',
];
export const SCHOOLS_52 = [
  '贵州大学',
  '贵州民族大学',
  '贵州师范大学',
  '贵州财经大学',
  '贵州医科大学',
  '遵义医科大学',
  '凯里学院',
  '铜仁学院',
  '安顺学院',
  '黔南民族师范学院',
  '六盘水师范学院',
  '贵州师范学院',
];
export const SCHOOLS = [
  '中国人民大学',
  '北京大学',
  '南开大学',
  '华东理工大学',
  '中山大学',
  '西南大学',
  '四川大学',
  '云南大学',
  '华中师范大学',
  '长沙民政职业技术学院',
  '南京理工大学',
  '广西师范大学',
];
export const UNIVERSITIES_52 = ['贵州大学', '贵州民族大学', '贵州师范大学', '贵州财经大学', '中共贵州省委党校'];

export const FIELD_WEIGHTS = weighted<ServiceField>([
  ['elderly', 20],
  ['children', 18],
  ['community', 18],
  ['rural', 14],
  ['assistance', 12],
  ['disability', 6],
  ['family', 5],
  ['drug', 4],
  ['correction', 3],
  ['school', 2],
  ['medical', 2],
  ['emergency', 1.5],
  ['veterans', 1.5],
  ['other', 1],
]);

/** Independent chances of each role (many talents have none, some several). */
export const ROLE_CHANCES: [TalentRole, number][] = [
  ['grid_worker', 0.12],
  ['child_director', 0.08],
  ['assistance_aide', 0.06],
  ['local_worker', 0.09],
  ['counselor', 0.02],
  ['volunteer_lead', 0.05],
  ['child_supervisor', 0.02],
  ['school_counselor', 0.01],
  ['legal_worker', 0.01],
  ['veteran', 0.02],
];

export const TRAINING_TITLES = [
  '社会工作者继续教育网络培训',
  '社会工作督导能力提升培训',
  '儿童福利工作专题培训',
  '社区治理与社会工作实务培训',
  '养老服务社会工作专题研修',
  '社会救助政策与实务培训',
  '禁毒社会工作专业培训',
  '社会工作伦理与法规',
  '个案管理实务工作坊',
  '乡镇(街道)社工站能力建设培训',
];
/** Posts whose holders count as management talent (most of them). */
export const LEADER_POST = /站长|(?<!儿童)主任|书记|理事长|局长|负责人|主管/;
export const SESSION_HOURS = [4, 6, 8, 8, 12, 12, 16, 24, 32];

export const HONOUR_LEVELS = weighted<HonourLevel>([
  ['national', 3],
  ['provincial', 20],
  ['city', 35],
  ['county', 42],
]);

export const DISPATCH_PROGRAMS = weighted<DispatchProgram>([
  ['three_regions', 70],
  ['hand_in_hand', 20],
  ['other', 10],
]);

export const STATUSES = weighted<TalentStatus>([
  ['active', 96.8],
  ['left', 3],
  ['deceased', 0.2],
]);
