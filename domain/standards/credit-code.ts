/**
 * Unified social credit codes (GB 32100).
 * 18 characters over a 31-character alphabet (no I O S V Z): registering authority (1),
 * kind (1), the authority's region code (6 digits), subject identifier (9), check character (1).
 */
import { compactCode } from './normalize.ts';

export const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export interface CreditCodeInfo {
  /** Normalized 18 characters, uppercase. */
  code: string;
  /** Position 1, the registering authority (登记管理部门), e.g. '5' for civil affairs. */
  authority: string;
  /** Position 2, the kind of organization (机构类别) under that authority. */
  kind: string;
  /** Positions 3–8, the registering authority's county-level region code. */
  regionCode: string;
  checksumValid: boolean;
  /** Present when the check character is wrong; an administrator may accept the code anyway. */
  warning?: string;
}

export type CreditCodeResult = { ok: true; value: CreditCodeInfo } | { ok: false; code: 'CREDIT_FORMAT'; message: string };

/** The check character for the first 17 characters. Throws on malformed input. */
export function creditCheckChar(first17: string): string {
  if (first17.length !== 17) {
    throw new RangeError(`creditCheckChar expects 17 characters, got ${first17.length}`);
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_ALPHABET.indexOf(first17[i]);
    if (value < 0) throw new RangeError(`"${first17[i]}" is not in the credit-code alphabet`);
    sum += value * WEIGHTS[i];
  }
  // C18 = 31 − (Σ mod 31); a result of 31 (Σ divisible by 31) is written as 0.
  return CREDIT_ALPHABET[(31 - (sum % 31)) % 31];
}

const ALPHABET_CLASS = '[0-9A-HJ-NPQRTUWXY]';
/** Authority and kind from the alphabet, six-digit region, nine identifier characters, check. */
const FORMAT = new RegExp(`^${ALPHABET_CLASS}{2}\\d{6}${ALPHABET_CLASS}{10}$`);

function formatMessage(s: string): string {
  const chars = [...s];
  if (chars.length === 0) return '未填写统一社会信用代码。';
  if (chars.length !== 18) {
    return `统一社会信用代码应为18位，当前为${chars.length}位，请核对是否多输或漏输。`;
  }
  const bad = chars.find((c) => !CREDIT_ALPHABET.includes(c));
  if (bad !== undefined) {
    return `统一社会信用代码中不能出现“${bad}”：只使用数字和大写字母，且不含字母I、O、S、V、Z（易与数字混淆，可能是0、1、2、5误写）。`;
  }
  return '统一社会信用代码格式不正确：第3至8位应为登记管理机关的6位行政区划代码（全为数字）。';
}

/**
 * Parses a credit code. A malformed code is an error; a wrong check character is only a warning
 * (ok: true, checksumValid: false) because some codes issued in the past fail the check and the
 * organization cannot change them.
 */
export function parseCreditCode(input: string): CreditCodeResult {
  const s = compactCode(input);
  if (!FORMAT.test(s)) return { ok: false, code: 'CREDIT_FORMAT', message: formatMessage(s) };

  const value: CreditCodeInfo = {
    code: s,
    authority: s[0],
    kind: s[1],
    regionCode: s.slice(2, 8),
    checksumValid: creditCheckChar(s.slice(0, 17)) === s[17],
  };
  if (!value.checksumValid) {
    value.warning = '统一社会信用代码校验位不符，可能有录入错误，请与登记证书逐位核对。少数早期发放的代码确实存在此情况，核实无误后可由管理员确认保留。';
  }
  return { ok: true, value };
}

/** True only for a well-formed code with a correct check character. */
export function isValidCreditCode(input: string): boolean {
  const r = parseCreditCode(input);
  return r.ok && r.value.checksumValid;
}

/**
 * Authority names and kinds. Only the authorities whose kind tables are settled and widely agreed
 * are listed; the others get null rather than a guess.
 */
const AUTHORITIES: Record<string, { name: string; kinds: Record<string, string> }> = {
  '1': {
    name: '机构编制',
    kinds: { '1': '机关', '2': '事业单位', '3': '中央编办直接管理机构编制的群众团体', '9': '其他' },
  },
  '5': {
    name: '民政',
    kinds: { '1': '社会团体', '2': '民办非企业单位/社会服务机构', '3': '基金会', '9': '其他' },
  },
  '9': { name: '工商', kinds: { '1': '企业', '2': '个体工商户', '3': '农民专业合作社' } },
  Y: { name: '其他', kinds: {} },
};

export const CIVIL_AFFAIRS_AUTHORITY = '5';

export interface CreditCodeDescription {
  /** e.g. '民政'; null when the authority character is not in our table. */
  authorityName: string | null;
  /** e.g. '社会团体'; null when unknown for that authority. */
  kindName: string | null;
  /** True for organizations registered with civil affairs (社会组织). */
  civilAffairs: boolean;
}

/** Names the authority and kind of a code (normalized first; the check character is ignored). */
export function describeCreditCode(input: string): CreditCodeDescription {
  const s = compactCode(input);
  const authority = AUTHORITIES[s[0] ?? ''];
  return {
    authorityName: authority?.name ?? null,
    kindName: authority?.kinds[s[1] ?? ''] ?? null,
    civilAffairs: s[0] === CIVIL_AFFAIRS_AUTHORITY,
  };
}
