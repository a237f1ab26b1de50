import { describe, expect, it } from 'vitest';
import { assignableRoles, canManageUser, checkRoleAssignment } from './role-assignment.ts';

const county = { role: 'county_admin' as const, regionCode: '520102000000' };
const province = { role: 'province_admin' as const, regionCode: '520000000000' };
const system = { role: 'system_admin' as const, regionCode: '000000000000' };

describe('checkRoleAssignment', () => {
  it('lets a county admin create staff inside the county, at any lower level', () => {
    expect(checkRoleAssignment(county, 'staff', '520102000000')).toEqual([]);
    expect(checkRoleAssignment(county, 'staff', '520102001000')).toEqual([]);
    expect(checkRoleAssignment(county, 'county_admin', '520102000000')).toEqual([]);
  });
  it('refuses a region outside the grantor subtree', () => {
    const p = checkRoleAssignment(county, 'staff', '520103000000');
    expect(p.map((x) => x.code)).toEqual(['SCOPE_FORBIDDEN']);
    expect(p[0].field).toBe('regionCode');
  });
  it('refuses a role above the grantor', () => {
    expect(checkRoleAssignment(county, 'city_admin', '520102000000').map((x) => x.code)).toContain('ROLE_TOO_HIGH');
    expect(checkRoleAssignment(province, 'system_admin', '520000000000').map((x) => x.code)).toContain('ROLE_TOO_HIGH');
  });
  it('ties administrator roles to their level', () => {
    expect(checkRoleAssignment(province, 'city_admin', '520100000000')).toEqual([]);
    expect(checkRoleAssignment(province, 'city_admin', '520102000000').map((x) => x.code)).toEqual(['ROLE_LEVEL_MISMATCH']);
    expect(checkRoleAssignment(system, 'province_admin', '520000000000')).toEqual([]);
    expect(checkRoleAssignment(system, 'system_admin', '000000000000')).toEqual([]);
    expect(checkRoleAssignment(system, 'system_admin', '520000000000').map((x) => x.code)).toEqual(['ROLE_LEVEL_MISMATCH']);
  });
  it('lists assignable roles by rank', () => {
    expect(assignableRoles('county_admin')).not.toContain('city_admin');
    expect(assignableRoles('county_admin')).toContain('staff');
    expect(assignableRoles('system_admin')).toHaveLength(9);
  });
});

describe('canManageUser', () => {
  it('lets an administrator manage lower roles and users deeper in the tree', () => {
    expect(canManageUser(county, { role: 'staff', regionCode: '520102000000' })).toBe(true);
    expect(canManageUser(county, { role: 'county_admin', regionCode: '520102001000' })).toBe(true);
    expect(canManageUser(province, { role: 'city_admin', regionCode: '520100000000' })).toBe(true);
  });
  it('refuses peers, higher roles and users outside the scope', () => {
    expect(canManageUser(county, { role: 'county_admin', regionCode: '520102000000' })).toBe(false);
    expect(canManageUser(county, { role: 'city_admin', regionCode: '520102000000' })).toBe(false);
    expect(canManageUser(county, { role: 'staff', regionCode: '520103000000' })).toBe(false);
  });
  it('lets the system administrator manage everyone', () => {
    expect(canManageUser(system, { role: 'system_admin', regionCode: '000000000000' })).toBe(true);
  });
});
