import type { Role } from '../../domain/auth/roles.ts';

/** Demo accounts (password Demo@12345, documented in README as demo-only). */
export const DEMO_PASSWORD = 'Demo@12345';
export const DEMO_USERS: Array<{ username: string; displayName: string; role: Role; regionCode: string }> = [
  { username: 'admin', displayName: '系统管理员', role: 'system_admin', regionCode: '000000000000' },
  { username: 'guizhou', displayName: '贵州省民政厅管理员', role: 'province_admin', regionCode: '520000000000' },
  { username: 'guiyang', displayName: '贵阳市民政局管理员', role: 'city_admin', regionCode: '520100000000' },
  { username: 'nanming', displayName: '南明区民政局管理员', role: 'county_admin', regionCode: '520102000000' },
  { username: 'yunyan', displayName: '云岩区民政局管理员', role: 'county_admin', regionCode: '520103000000' },
  { username: 'nanming-staff', displayName: '南明区民政局工作人员', role: 'staff', regionCode: '520102000000' },
  // Bound to a generated 南明区 talent by seed-talents.ts, which gives it the talent's name and township.
  { username: 'sw-demo', displayName: '社会工作者(本人档案在南明区)', role: 'social_worker', regionCode: '520102000000' },
  // Bound to a generated 南明区 agency by seed-network.ts, which names it after the agency.
  { username: 'agency-demo', displayName: '社工机构管理员(南明区)', role: 'agency_admin', regionCode: '520102000000' },
];

/** The demo agency administrator: signs in to their own agency (my-agency). */
export const DEMO_AGENCY_ADMIN = 'agency-demo';

/** The demo social worker: signs in to their own talent record (self-service). */
export const DEMO_SOCIAL_WORKER = 'sw-demo';

/** Resident population of Guizhou and its prefectures, 7th national census (2020). */
export const GUIZHOU_CENSUS_2020: Record<string, number> = {
  '520000000000': 38562148,
  '520100000000': 5987018,
  '520200000000': 3031602,
  '520300000000': 6606675,
  '520400000000': 2470630,
  '520500000000': 6899636,
  '520600000000': 3298468,
  '522300000000': 3015539,
  '522600000000': 3758622,
  '522700000000': 3494500,
};

/**
 * Demo designations. Prefectures 黔西南/黔东南/黔南 are autonomous prefectures (民族地区); 遵义 is an
 * old revolutionary base area; the named counties are among Guizhou's national key counties for
 * rural revitalisation. Illustrative for the demo: an administrator maintains the real lists.
 */
export const ETHNIC_PREFECTURES = ['5223', '5226', '5227'];
export const REVOLUTIONARY_PREFECTURES = ['5203'];
export const KEY_COUNTY_NAME_PREFIXES = ['纳雍', '威宁', '赫章', '榕江', '从江', '望谟', '册亨', '紫云', '晴隆', '沿河'];
