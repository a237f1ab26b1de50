/**
 * Roles are bundles of named permissions. Every route names the permission it needs; nothing
 * checks a role name directly, so a new module only adds permissions and puts them in bundles.
 */

export const PERMISSIONS = [
  'region.read',
  'region.manage',
  'user.read',
  'user.manage',
  'audit.read',
  'dashboard.read',
  'talent.read',
  'talent.manage',
  /** See full ID numbers and phones (each reveal is audited). */
  'talent.reveal',
  /** Edit the province's key-talent rule set. */
  'talent.rules',
  /** A social worker's own record: view, edit contact details, submit certificates and hours. */
  'talent.self',
  /** Platforms (阵地), coverage, community groups: read / keep. */
  'network.read',
  'network.manage',
  /** Edit the province's standardization checklist item set. */
  'network.rules',
  /** Agencies (社工机构): read / keep any agency in scope. */
  'agency.read',
  'agency.manage',
  /** Accept a credit code whose check character is wrong (audited). */
  'agency.override',
  /** An agency administrator's own agency: view and edit it, its staff and its platforms' public details. */
  'agency.self',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = [
  'system_admin',
  'province_admin',
  'city_admin',
  'county_admin',
  'staff',
  'agency_admin',
  'station_worker',
  'social_worker',
  'supervisor',
] as const;
export type Role = (typeof ROLES)[number];

/** What a role's scope is bound to beyond its region (the entity arrives with later modules). */
export type BoundEntityType = 'agency' | 'station' | 'talent' | 'assignment';

export interface RoleDefinition {
  role: Role;
  name: string;
  nameEn: string;
  /** Higher ranks may manage lower ranks; equal ranks may be granted by an administrator of that rank. */
  rank: number;
  /** The region level the scope must sit at (0 country … 5 village); null = any level. */
  regionLevel: number | null;
  /** Entity the role is bound to, if any. */
  boundTo: BoundEntityType | null;
  permissions: readonly Permission[];
}

const ADMIN: readonly Permission[] = [
  'region.read',
  'region.manage',
  'user.read',
  'user.manage',
  'audit.read',
  'dashboard.read',
  'talent.read',
  'talent.manage',
  'talent.reveal',
  'network.read',
  'network.manage',
  'agency.read',
  'agency.manage',
  'agency.override',
];
/** Province and national administrators also set the key-talent rules. */
const TOP_ADMIN: readonly Permission[] = [...ADMIN, 'talent.rules', 'network.rules'];
const READER: readonly Permission[] = ['region.read', 'dashboard.read'];
/** Civil-affairs clerks keep the registry (the county's spreadsheet work) but see masked identities. */
const CLERK: readonly Permission[] = [...READER, 'talent.read', 'talent.manage', 'network.read', 'network.manage', 'agency.read', 'agency.manage'];

export const ROLE_DEFINITIONS: Record<Role, RoleDefinition> = {
  system_admin: { role: 'system_admin', name: '系统管理员', nameEn: 'System administrator', rank: 100, regionLevel: 0, boundTo: null, permissions: TOP_ADMIN },
  province_admin: {
    role: 'province_admin',
    name: '省级民政管理员',
    nameEn: 'Province administrator',
    rank: 80,
    regionLevel: 1,
    boundTo: null,
    permissions: TOP_ADMIN,
  },
  city_admin: { role: 'city_admin', name: '市级民政管理员', nameEn: 'City administrator', rank: 60, regionLevel: 2, boundTo: null, permissions: ADMIN },
  county_admin: { role: 'county_admin', name: '县级民政管理员', nameEn: 'County administrator', rank: 40, regionLevel: 3, boundTo: null, permissions: ADMIN },
  staff: { role: 'staff', name: '民政工作人员', nameEn: 'Civil-affairs staff', rank: 30, regionLevel: null, boundTo: null, permissions: CLERK },
  agency_admin: {
    role: 'agency_admin',
    name: '社工机构管理员',
    nameEn: 'Agency administrator',
    rank: 20,
    regionLevel: null,
    boundTo: 'agency',
    permissions: [...READER, 'agency.self'],
  },
  station_worker: { role: 'station_worker', name: '驻站社工', nameEn: 'Station worker', rank: 10, regionLevel: null, boundTo: 'station', permissions: READER },
  supervisor: {
    role: 'supervisor',
    name: '督导/评估专家',
    nameEn: 'Supervisor / evaluator',
    rank: 10,
    regionLevel: null,
    boundTo: 'assignment',
    permissions: READER,
  },
  social_worker: {
    role: 'social_worker',
    name: '社会工作者',
    nameEn: 'Social worker',
    rank: 5,
    regionLevel: null,
    boundTo: 'talent',
    permissions: [...READER, 'talent.self'],
  },
};

export function permissionsOf(role: Role): readonly Permission[] {
  return ROLE_DEFINITIONS[role].permissions;
}

export function hasPermission(role: Role, permission: Permission): boolean {
  return ROLE_DEFINITIONS[role].permissions.includes(permission);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
