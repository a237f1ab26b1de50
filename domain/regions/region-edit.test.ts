import { describe, expect, it } from 'vitest';
import { checkNewRegionCode, checkRevocationDate, checkSuccessor } from './region-edit.ts';

describe('checkNewRegionCode', () => {
  it('accepts a township under the own county', () => {
    expect(checkNewRegionCode('520102150000', '520102000000')).toEqual([]);
  });
  it('refuses the scope root itself and codes outside', () => {
    expect(checkNewRegionCode('520102000000', '520102000000')[0].code).toBe('SCOPE_FORBIDDEN');
    expect(checkNewRegionCode('520103150000', '520102000000')[0].code).toBe('SCOPE_FORBIDDEN');
  });
  it('refuses malformed codes', () => {
    for (const bad of ['5201021500001', '52010215000', 'abcdefghijkl', '000000000000']) {
      expect(checkNewRegionCode(bad, '520000000000')[0].code).toBe('REGION_CODE_FORMAT');
    }
  });
  it('lets the system administrator add provinces', () => {
    expect(checkNewRegionCode('720000000000', '000000000000')).toEqual([]);
  });
});

describe('checkRevocationDate / checkSuccessor', () => {
  it('orders dates', () => {
    expect(checkRevocationDate('2023-01-01', '2022-12-31')).toHaveLength(1);
    expect(checkRevocationDate('2023-01-01', '2023-01-01')).toEqual([]);
  });
  it('needs a same-level successor', () => {
    expect(checkSuccessor('520102001000', '520102002000')).toEqual([]);
    expect(checkSuccessor('520102001000', '520102001000')[0].code).toBe('SELF');
    expect(checkSuccessor('520102001000', '520102000000')[0].code).toBe('LEVEL');
  });
});
