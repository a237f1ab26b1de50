import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CREDIT_ALPHABET, creditCheckChar, parseCreditCode } from '../standards/credit-code.ts';
import { agencyFilterShape, agencyInputSchema, agencyPatchSchema, creditCodeSchema, myAgencyPatchSchema, pairingInputSchema } from './agency.schema.ts';

const first17 = '52520102MJ1234567';
const GOOD = first17 + creditCheckChar(first17);
const WRONG = first17 + CREDIT_ALPHABET[(CREDIT_ALPHABET.indexOf(GOOD[17]) + 1) % 31];
const base = { name: '阳光社工服务中心', creditCode: GOOD, regionCode: '520102000000' };

/** The messages of a failed parse, by field path ('' for the whole object). */
function issues(r: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }): Record<string, string> {
  expect(r.success).toBe(false);
  return Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
}

describe('credit code in the agency schema', () => {
  it('normalizes spaces and lower case, and keeps a wrong check character for the service to decide', () => {
    expect(creditCodeSchema.parse(` ${GOOD.slice(0, 8).toLowerCase()} ${GOOD.slice(8)} `)).toBe(GOOD);
    // Format right, check character wrong: the schema lets it through; the service answers 422 unless overridden.
    expect(creditCodeSchema.parse(WRONG)).toBe(WRONG);
    expect(parseCreditCode(WRONG)).toMatchObject({ ok: true, value: { checksumValid: false } });
  });

  it('refuses a malformed code with a Chinese message under creditCode', () => {
    for (const bad of ['', '52520102MJ123456', `${GOOD}0`, '52520102MJ123456O0', '52ABCDEFMJ12345670']) {
      const m = issues(agencyInputSchema.safeParse({ ...base, creditCode: bad }));
      expect(m.creditCode).toMatch(/统一社会信用代码/);
    }
  });

  it('accepts every well-formed code with its check character (property)', () => {
    const alpha = fc.constantFrom(...CREDIT_ALPHABET);
    const code = fc
      .tuple(fc.array(alpha, { minLength: 2, maxLength: 2 }), fc.stringMatching(/^\d{6}$/), fc.array(alpha, { minLength: 9, maxLength: 9 }))
      .map(([a, r, b]) => {
        const s = a.join('') + r + b.join('');
        return s + creditCheckChar(s);
      });
    fc.assert(
      fc.property(code, (c) => {
        const parsed = agencyInputSchema.parse({ ...base, creditCode: c.toLowerCase() });
        expect(parsed.creditCode).toBe(c);
        expect(parseCreditCode(parsed.creditCode)).toMatchObject({ ok: true, value: { checksumValid: true } });
      }),
    );
  });
});

describe('agency cross-field rules', () => {
  it('fills defaults: no override, no tags, active, eligible fields absent (read-only)', () => {
    expect(agencyInputSchema.parse(base)).toMatchObject({ overrideCreditCheck: false, tags: [], status: 'active', rating: null, partyOrg: false });
    expect(issues(agencyInputSchema.safeParse({ ...base, eligible: false }))).toHaveProperty('');
  });

  it('needs a rating year with a rating, and no party date without a party organisation', () => {
    expect(issues(agencyInputSchema.safeParse({ ...base, rating: '3A' })).ratingYear).toBe('请填写评估年份');
    expect(agencyInputSchema.safeParse({ ...base, rating: '3A', ratingYear: 2024 }).success).toBe(true);
    expect(issues(agencyInputSchema.safeParse({ ...base, partyOrg: false, partyOrgOn: '2020-01-01' })).partyOrgOn).toMatch(/党组织/);
    expect(agencyInputSchema.safeParse({ ...base, partyOrg: true, partyOrgOn: '2020-01-01' }).success).toBe(true);
  });

  it('wants a patch to change something besides the override flag', () => {
    expect(agencyPatchSchema.safeParse({ overrideCreditCheck: true }).success).toBe(false);
    expect(agencyPatchSchema.parse({ creditCode: WRONG.toLowerCase(), overrideCreditCheck: true })).toEqual({ creditCode: WRONG, overrideCreditCheck: true });
    expect(agencyPatchSchema.parse({ name: '新名' })).toEqual({ name: '新名' });
  });

  it('limits an agency administrator’s own edits to contact and self-declared fields', () => {
    expect(myAgencyPatchSchema.parse({ address: '花果园', contactPhone: '0851-8528 1234', tags: ['brand'] })).toEqual({
      address: '花果园',
      contactPhone: '085185281234',
      tags: ['brand'],
    });
    for (const field of ['creditCode', 'regionCode', 'rating', 'ratingYear', 'status', 'name', 'eligible']) {
      expect(myAgencyPatchSchema.safeParse({ [field]: 'x' }).success, field).toBe(false);
    }
    expect(myAgencyPatchSchema.safeParse({}).success).toBe(false);
  });
});

describe('pairings and list filters', () => {
  const pairing = { mentorId: 'a', menteeId: 'b', program: 'pairing', startOn: '2025-01-01' };
  it('refuses self-pairing and a period ending before it starts', () => {
    expect(issues(pairingInputSchema.safeParse({ ...pairing, menteeId: 'a' })).menteeId).toMatch(/不能相同/);
    expect(issues(pairingInputSchema.safeParse({ ...pairing, endOn: '2024-12-31' })).endOn).toMatch(/不能早于/);
    expect(pairingInputSchema.parse({ ...pairing, endOn: '2025-01-01' })).toMatchObject({ endOn: '2025-01-01', results: '' });
  });

  it('reads query-string flags and refuses unknown codes', () => {
    expect(agencyFilterShape.eligible.parse('false')).toBe(false);
    expect(agencyFilterShape.eligible.parse('1')).toBe(true);
    expect(agencyFilterShape.tag.safeParse('nope').success).toBe(false);
    expect(agencyFilterShape.rating.parse('5A')).toBe('5A');
  });
});
