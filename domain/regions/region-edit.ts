import { isRegionCode, isWithin, levelOf, parentCodeOf } from '../standards/region-code.ts';

export type EditProblem = { field: string; code: string; message: string };

/**
 * Can a new division with `code` be added by someone whose scope is `scopeCode`?
 * Pure shape and scope checks; existence checks (parent active, code free) are the service's.
 */
export function checkNewRegionCode(code: string, scopeCode: string): EditProblem[] {
  if (!isRegionCode(code)) {
    return [{ field: 'code', code: 'REGION_CODE_FORMAT', message: '区划代码应为 12 位数字,且符合 省2/市4/县6/乡9/村12 位的层级结构' }];
  }
  if (code === scopeCode || !isWithin(code, scopeCode)) {
    return [{ field: 'code', code: 'SCOPE_FORBIDDEN', message: '只能在您管辖的地区下新增下级区划' }];
  }
  return [];
}

/** A revocation date must not precede the division's start. */
export function checkRevocationDate(validFrom: string, validTo: string): EditProblem[] {
  return validTo < validFrom ? [{ field: 'validTo', code: 'DATE_ORDER', message: `撤销日期不能早于设立日期 ${validFrom}` }] : [];
}

/** A successor of a merged division must be a different, same-level division. */
export function checkSuccessor(code: string, successor: string): EditProblem[] {
  if (successor === code) return [{ field: 'replacedBy', code: 'SELF', message: '不能合并到自身' }];
  if (levelOf(successor) !== levelOf(code)) return [{ field: 'replacedBy', code: 'LEVEL', message: '只能合并到同级区划' }];
  if (parentCodeOf(successor) === null) return [{ field: 'replacedBy', code: 'LEVEL', message: '只能合并到同级区划' }];
  return [];
}
