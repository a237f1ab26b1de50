import { describe, expect, it } from 'vitest';
import { diffRecords } from './diff.ts';

describe('diffRecords', () => {
  it('lists only changed fields of the update', () => {
    expect(diffRecords({ name: '南明区', population: 1 }, { name: '南明区', population: 2 })).toEqual({ population: [1, 2] });
  });
  it('records a creation as null → value', () => {
    expect(diffRecords(null, { name: 'a' })).toEqual({ name: [null, 'a'] });
  });
  it('records a deletion as value → null', () => {
    expect(diffRecords({ name: 'a' }, null)).toEqual({ name: ['a', null] });
  });
  it('never logs secrets', () => {
    expect(diffRecords({ password_hash: 'x' }, { password_hash: 'y' })).toEqual({ password_hash: ['***', '***'] });
  });
  it('compares arrays by value', () => {
    expect(diffRecords({ d: ['a'] }, { d: ['a'] })).toEqual({});
    expect(diffRecords({ d: ['a'] }, { d: ['a', 'b'] })).toEqual({ d: [['a'], ['a', 'b']] });
  });
});
