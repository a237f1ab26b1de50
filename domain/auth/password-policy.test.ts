import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy, passwordClasses } from './password-policy.ts';

describe('password policy', () => {
  it.each([
    ['Demo@12345', null],
    ['abcDEF123', null],
    ['abc!1234', null],
    ['ABC!defg', null],
  ])('accepts %s', (pw, expected) => {
    expect(checkPasswordPolicy(pw)).toBe(expected);
  });
  it.each([
    ['Ab1!', '密码至少 8 位'],
    ['abcdefgh', '密码须包含大写字母、小写字母、数字、符号中的至少三类'],
    ['abcd1234', '密码须包含大写字母、小写字母、数字、符号中的至少三类'],
    ['ABCD!!!!', '密码须包含大写字母、小写字母、数字、符号中的至少三类'],
  ])('rejects %s', (pw, msg) => {
    expect(checkPasswordPolicy(pw)).toBe(msg);
  });
  it('rejects a password containing the username', () => {
    expect(checkPasswordPolicy('Nanming@2024', 'nanming')).toBe('密码不能包含用户名');
  });
  it('rejects over-long passwords', () => {
    expect(checkPasswordPolicy(`Aa1!${'x'.repeat(200)}`)).toMatch('不能超过');
  });
  it('counts classes', () => {
    expect(passwordClasses('aA1!')).toBe(4);
    expect(passwordClasses('中文密码')).toBe(1);
  });
});
