import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/demo/demo-data.ts';
import { dbFingerprint, regionRow } from '../helpers/fixtures.ts';
import { createTestApp, expectErrorShape, type Session, type TestApp } from '../helpers/test-app.ts';
import { DIALECTS } from '../helpers/test-db.ts';

/** A township that nanming may edit; its row must stay as it is after every refused request. */
const TOWNSHIP = '520102016000';

describe.each(DIALECTS)('CSRF protection and bad input (%s)', (dialect) => {
  let t: TestApp;
  let nanming: Session;
  let yunyan: Session;
  let before: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    nanming = await t.login('nanming');
    yunyan = await t.login('yunyan');
  });
  afterAll(() => t.close());

  /** Every refused request below must leave the database exactly as it was. */
  beforeEach(async () => {
    before = await dbFingerprint(t);
  });
  const expectNothingChanged = async () => {
    expect(await dbFingerprint(t)).toBe(before);
  };

  const send = (s: Session, opts: InjectOptions & { csrf?: boolean | string }) => s.request(opts);
  const refused = async (res: LightMyRequestResponse, status: number, code: string) => {
    expect(res.statusCode).toBeLessThan(500);
    const e = expectErrorShape(res, status, code);
    await expectNothingChanged();
    return e;
  };
  const patchTownship = { method: 'PATCH' as const, url: `/api/v1/regions/${TOWNSHIP}`, payload: { name: '不应写入' } };

  describe('CSRF', () => {
    it('refuses a state-changing request without X-CSRF-Token', async () => {
      await refused(await send(nanming, { ...patchTownship, csrf: false }), 403, 'CSRF_FAILED');
      await refused(await send(nanming, { method: 'POST', url: '/api/v1/auth/logout', csrf: false }), 403, 'CSRF_FAILED');
      // The session survived the refused logout.
      expect((await nanming.request({ url: '/api/v1/auth/me' })).statusCode).toBe(200);
    });

    it('refuses a forged token, an empty one and one of a different length', async () => {
      for (const csrf of ['forged-token-forged-token-forged', nanming.csrf.slice(0, -1), `${nanming.csrf}x`, nanming.csrf.toUpperCase()]) {
        if (csrf === nanming.csrf) continue;
        await refused(await send(nanming, { ...patchTownship, csrf }), 403, 'CSRF_FAILED');
      }
      await refused(await t.app.inject({ ...patchTownship, headers: { cookie: nanming.cookie, 'x-csrf-token': '' } }), 403, 'CSRF_FAILED');
    });

    it('refuses the token of another session, even another session of the same user', async () => {
      await refused(await send(nanming, { ...patchTownship, csrf: yunyan.csrf }), 403, 'CSRF_FAILED');
      const second = await t.login('nanming');
      before = await dbFingerprint(t);
      await refused(await send(nanming, { ...patchTownship, csrf: second.csrf }), 403, 'CSRF_FAILED');
    });

    it('needs no token for login, nor for reads', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'nanming-staff', password: DEMO_PASSWORD } });
      expect(res.statusCode).toBe(200);
      expect((await send(nanming, { url: `/api/v1/regions/${TOWNSHIP}`, csrf: false })).statusCode).toBe(200);
    });
  });

  describe('bad input', () => {
    it('refuses malformed JSON, an empty JSON body and a JSON body that is not an object', async () => {
      const json = { 'content-type': 'application/json' };
      await refused(await send(nanming, { ...patchTownship, payload: '{"name": "x",', headers: json }), 400, 'BAD_JSON');
      await refused(await send(nanming, { ...patchTownship, payload: '', headers: json }), 400, 'BAD_JSON');
      await refused(await send(nanming, { ...patchTownship, payload: '"just a string"', headers: json }), 400, 'VALIDATION_FAILED');
      await refused(await send(nanming, { ...patchTownship, payload: '[1,2]', headers: json }), 400, 'VALIDATION_FAILED');
      await refused(await send(nanming, { ...patchTownship, payload: 'null', headers: json }), 400, 'VALIDATION_FAILED');
    });

    it('refuses a __proto__ key instead of polluting objects', async () => {
      const payload = '{"name":"污染","__proto__":{"isAdmin":true}}';
      const res = await send(nanming, { ...patchTownship, payload, headers: { 'content-type': 'application/json' } });
      await refused(res, 400, 'BAD_JSON');
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    });

    it('refuses an unknown field and names it', async () => {
      const e = await refused(await send(nanming, { ...patchTownship, payload: { name: '新名', isAdmin: true } }), 400, 'VALIDATION_FAILED');
      expect(e.details).toEqual([expect.objectContaining({ field: 'isAdmin', code: 'UNKNOWN_FIELD' })]);
      expect(e.message).toContain('isAdmin');
      const q = await refused(await send(nanming, { url: '/api/v1/users?role=staff&admin=1' }), 400, 'VALIDATION_FAILED');
      expect(q.details).toEqual([expect.objectContaining({ field: 'admin' })]);
    });

    it.each([
      ['name as a number', { name: 42 }, 'name'],
      ['population as text', { population: '很多' }, 'population'],
      ['population negative', { population: -1 }, 'population'],
      ['population fractional', { population: 1.5 }, 'population'],
      ['designations as a string', { designations: 'ethnic_minority_area' }, 'designations'],
      ['unknown designation', { designations: ['capital'] }, 'designations.0'],
      ['urbanRuralClass not in the code list', { urbanRuralClass: '999' }, 'urbanRuralClass'],
      ['name of 51 characters', { name: '南'.repeat(51) }, 'name'],
      ['name of only spaces', { name: '   ' }, 'name'],
      ['an empty patch', {}, 'body'],
    ])('refuses %s with a field error', async (_case, payload, field) => {
      const e = await refused(await send(nanming, { ...patchTownship, payload }), 400, 'VALIDATION_FAILED');
      expect((e.details as Array<{ field: string }>).map((d) => d.field)).toContain(field);
    });

    it('accepts a name of exactly 50 characters (the limit is 50, not less)', async () => {
      const res = await send(nanming, { ...patchTownship, payload: { name: '南'.repeat(50) } });
      expect(res.statusCode).toBe(200);
      expect((await regionRow(t, TOWNSHIP))?.name).toBe('南'.repeat(50));
    });

    it.each([
      ['13 digits', '5201020160000'],
      ['11 digits', '52010201600'],
      ['letters', '52010201600A'],
      ['a prefix of 00', '001234000000'],
    ])('refuses a region code of %s in the path, the query and the body', async (_case, code) => {
      await refused(await send(nanming, { url: `/api/v1/regions/${code}` }), 400, 'VALIDATION_FAILED');
      await refused(await send(nanming, { url: `/api/v1/users?regionCode=${code}` }), 400, 'VALIDATION_FAILED');
      const e = await refused(
        await send(nanming, {
          method: 'POST',
          url: '/api/v1/users',
          payload: { username: 'bad-code', displayName: '坏代码', role: 'staff', regionCode: code },
        }),
        400,
        'VALIDATION_FAILED',
      );
      expect((e.details as Array<{ field: string }>).map((d) => d.field)).toContain('regionCode');
      expect((e.details as Array<{ field: string }>).every((d) => d.field === 'regionCode')).toBe(true);
    });

    it('refuses a region outside the caller’s scope', async () => {
      await refused(await send(nanming, { method: 'PATCH', url: '/api/v1/regions/520103019000', payload: { name: '越权' } }), 403, 'SCOPE_FORBIDDEN');
      await refused(await send(nanming, { method: 'POST', url: '/api/v1/regions', payload: { code: '520103500000', name: '越权' } }), 403, 'SCOPE_FORBIDDEN');
      await refused(
        await send(nanming, {
          method: 'POST',
          url: '/api/v1/users',
          payload: { username: 'outsider', displayName: '越权', role: 'staff', regionCode: '530102000000' },
        }),
        403,
        'SCOPE_FORBIDDEN',
      );
    });

    it('refuses a NUL character (U+0000) anywhere: body, nested body, query, login', async () => {
      const nul = async (res: LightMyRequestResponse, field: string) => {
        const e = await refused(res, 400, 'VALIDATION_FAILED');
        expect(e.details).toEqual([expect.objectContaining({ field, code: 'NUL_CHARACTER' })]);
      };
      await nul(await send(nanming, { ...patchTownship, payload: { name: '新\u0000华' } }), 'name');
      await nul(await send(nanming, { ...patchTownship, payload: { designations: ['ethnic_minority_area\u0000'] } }), 'designations.0');
      await nul(await send(nanming, { url: '/api/v1/users?q=%00' }), 'q');
      await nul(await send(nanming, { url: '/api/v1/regions?q=a%00' }), 'q');
      await nul(await send(nanming, { url: '/api/v1/audit?actor=%00' }), 'actor');
      await nul(await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'nanming\u0000', password: DEMO_PASSWORD } }), 'username');
      await nul(
        await send(nanming, {
          method: 'POST',
          url: '/api/v1/users',
          payload: { username: 'nul-user', displayName: '空\u0000', role: 'staff', regionCode: '520102000000' },
        }),
        'displayName',
      );
    });

    it('refuses a body over 1 MB with 413', async () => {
      const payload = JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 10) });
      await refused(await send(nanming, { ...patchTownship, payload, headers: { 'content-type': 'application/json' } }), 413, 'PAYLOAD_TOO_LARGE');
    });

    it('refuses requests without a session, or with an unknown cookie, with 401', async () => {
      await refused(await t.app.inject({ url: '/api/v1/auth/me' }), 401, 'UNAUTHENTICATED');
      await refused(await t.app.inject(patchTownship), 401, 'UNAUTHENTICATED');
      await refused(
        await t.app.inject({ ...patchTownship, headers: { cookie: 'sgpt_sid=not-a-session', 'x-csrf-token': nanming.csrf } }),
        401,
        'UNAUTHENTICATED',
      );
    });

    it('answers an unknown /api route with a 404 envelope, signed in or not', async () => {
      await refused(await t.app.inject({ url: '/api/v1/no-such-thing' }), 404, 'NOT_FOUND');
      await refused(await send(nanming, { method: 'POST', url: '/api/v1/no-such-thing', payload: {} }), 404, 'NOT_FOUND');
      await refused(await send(nanming, { method: 'DELETE', url: `/api/v1/regions/${TOWNSHIP}` }), 404, 'NOT_FOUND');
      await refused(await t.app.inject({ url: '/api/nothing' }), 404, 'NOT_FOUND');
    });

    it.each([
      ['text/plain', 'name=x'],
      ['application/x-www-form-urlencoded', 'name=x'],
      ['multipart/form-data; boundary=xx', '--xx\r\nContent-Disposition: form-data; name="name"\r\n\r\nx\r\n--xx--'],
      ['application/xml', '<name>x</name>'],
    ])('refuses content-type %s with 415', async (type, payload) => {
      await refused(await send(nanming, { ...patchTownship, payload, headers: { 'content-type': type } }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    });

    it.each([
      ['page 0', '/api/v1/users?page=0'],
      ['page not a number', '/api/v1/users?page=abc'],
      ['pageSize not offered', '/api/v1/users?pageSize=7'],
      ['a repeated parameter', '/api/v1/users?role=staff&role=county_admin'],
      ['an unknown role', '/api/v1/users?role=superuser'],
      ['an unknown sort column', '/api/v1/users?sort=password_hash'],
      ['a bad user id', '/api/v1/users/not-a-uuid'],
      ['an over-long search term', `/api/v1/regions?q=${'南'.repeat(51)}`],
      ['an empty search term', '/api/v1/regions?q=%20'],
      ['a bad audit time', '/api/v1/audit?from=yesterday'],
      ['includeRevoked not a boolean', `/api/v1/regions/${TOWNSHIP}/children?includeRevoked=yes`],
    ])('refuses a query with %s without a 500', async (_case, url) => {
      await refused(await send(nanming, { url }), 400, 'VALIDATION_FAILED');
    });
  });
});
