/**
 * Code lists of the service network (阵地) and organisations. Codes are stable strings stored in the
 * database and used by the API; names are what forms, templates and exports show. Lists stored as bit
 * masks (station services, agency tags) are append-only: never reorder or remove an entry.
 */
import type { CodeItem } from '../standards/code-lists.ts';

export type { CodeItem };

const items = <const T extends readonly (readonly [string, string])[]>(pairs: T) =>
  Object.freeze(pairs.map(([code, name]) => Object.freeze({ code, name }))) as readonly { readonly code: T[number][0]; readonly name: string }[];

/**
 * 阵地类型: 一市(州)一指导中心、一县(市、区)一社工总站、一乡镇(街道)一社工站、有条件的村(社区)一社工室,
 * plus training and practice bases (培训基地, 实训基地).
 */
export const PLATFORM_KINDS = items([
  ['guidance_centre', '社会工作指导中心'],
  ['county_hub', '社会工作服务总站'],
  ['station', '乡镇(街道)社工站'],
  ['room', '村(社区)社工室'],
  ['training_base', '社会工作培训基地'],
  ['practice_base', '社会工作实训基地'],
] as const);
export type PlatformKind = (typeof PLATFORM_KINDS)[number]['code'];

/** Short names for tables and charts. */
export const PLATFORM_KIND_SHORT: Record<PlatformKind, string> = {
  guidance_centre: '指导中心',
  county_hub: '社工总站',
  station: '社工站',
  room: '社工室',
  training_base: '培训基地',
  practice_base: '实训基地',
};

export const PLATFORM_STATUSES = items([
  ['planned', '筹建中'],
  ['operating', '运营中'],
  ['suspended', '暂停运营'],
  ['closed', '已撤销'],
] as const);
export type PlatformStatus = (typeof PLATFORM_STATUSES)[number]['code'];

export const OPERATING_MODES = items([
  ['self', '自建自营'],
  ['agency', '委托社工机构运营'],
] as const);
export type OperatingMode = (typeof OPERATING_MODES)[number]['code'];

/** 建设来源: Sichuan's 五个一批 routes, plus other. */
export const CONSTRUCTION_SOURCES = items([
  ['provincial_award', '省级资金奖补建设一批'],
  ['community_pilot', '城乡社区治理试点建设一批'],
  ['civil_institution', '依托民政服务机构建设一批'],
  ['department_resources', '整合部门资源建设一批'],
  ['existing_site', '利用现有场所建设一批'],
  ['other', '其他'],
] as const);
export type ConstructionSource = (typeof CONSTRUCTION_SOURCES)[number]['code'];

/** Default station service catalogue (STANDARDS.md, from a local station standard). Bit mask: append-only. */
export const STATION_SERVICES = items([
  ['policy', '政策宣传咨询'],
  ['assistance', '社会救助'],
  ['comfort', '精神慰藉'],
  ['capacity', '能力提升'],
  ['support', '社会支持'],
  ['crisis', '危机干预'],
  ['rights', '权益维护'],
  ['integration', '社会融入'],
  ['participation', '社区参与'],
  ['culture_health', '文体健康'],
  ['environment', '环境保护'],
] as const);
export type StationService = (typeof STATION_SERVICES)[number]['code'];

/** Funding sources of a platform (资金来源). */
export const FUNDING_SOURCES = items([
  ['central', '中央财政资金'],
  ['provincial', '省级财政资金'],
  ['city', '市级财政资金'],
  ['county', '县级财政资金'],
  ['lottery', '福彩公益金'],
  ['social', '社会捐赠'],
  ['other', '其他'],
] as const);
export type FundingSource = (typeof FUNDING_SOURCES)[number]['code'];

/** Demonstration (示范站) levels. */
export const DEMO_LEVELS = items([
  ['national', '国家级'],
  ['provincial', '省级'],
  ['city', '市级'],
  ['county', '县级'],
] as const);
export type DemoLevel = (typeof DEMO_LEVELS)[number]['code'];

/** Agency type tags (bit mask: append-only). */
export const AGENCY_TAGS = items([
  ['industry', '行业性'],
  ['hub', '枢纽型'],
  ['brand', '品牌类'],
] as const);
export type AgencyTag = (typeof AGENCY_TAGS)[number]['code'];

/** 社会组织评估等级. */
export const AGENCY_RATINGS = items([
  ['1A', '1A'],
  ['2A', '2A'],
  ['3A', '3A'],
  ['4A', '4A'],
  ['5A', '5A'],
] as const);
export type AgencyRating = (typeof AGENCY_RATINGS)[number]['code'];

export const AGENCY_STATUSES = items([
  ['active', '正常'],
  ['deregistered', '已注销'],
] as const);
export type AgencyStatus = (typeof AGENCY_STATUSES)[number]['code'];

/** 结对帮扶 programmes between agencies. */
export const PAIRING_PROGRAMS = items([
  ['pairing', '结对帮扶'],
  ['hand_in_hand', '牵手计划'],
  ['other', '其他'],
] as const);
export type PairingProgram = (typeof PAIRING_PROGRAMS)[number]['code'];

/** 社区社会组织类型. */
export const GROUP_KINDS = items([
  ['service', '生活服务类'],
  ['charity', '公益慈善类'],
  ['culture', '文体娱乐类'],
  ['volunteer', '志愿服务类'],
  ['mediation', '专业调处类'],
  ['elderly', '老年协会类'],
  ['other', '其他'],
] as const);
export type GroupKind = (typeof GROUP_KINDS)[number]['code'];

/** 登记 with the civil-affairs department, or 备案 with the township/street. */
export const GROUP_REGISTRATIONS = items([
  ['registered', '登记'],
  ['filed', '备案'],
] as const);
export type GroupRegistration = (typeof GROUP_REGISTRATIONS)[number]['code'];

export const GROUP_STATUSES = items([
  ['active', '活动中'],
  ['dissolved', '已解散'],
] as const);
export type GroupStatus = (typeof GROUP_STATUSES)[number]['code'];
