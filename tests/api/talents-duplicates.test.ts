import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildTalentStats } from '../../server/modules/talents/talent-stats.repository.ts';
import { auditEntries } from '../helpers/fixtures.ts';
import { expectRefused } from '../helpers/refused.ts';
import { certificate, createTalentViaApi, statsSnapshot, talentFingerprint, talentRow, training } from '../helpers/talent-fixtures.ts';
import { createTestApp, expectErrorShape, type Session, type TestApp } from '../helpers/test-app.ts';
import { DIALECTS } from '../helpers/test-db.ts';

/** Duplicate suspects: same name, birth date and region under two ID numbers; dismiss or merge. */
describe.each(DIALECTS)('talent duplicate suspects (%s)', (dialect) => {
  let t: TestApp;
  let nanming: Session;
  let yunyan: Session;
  let staff: Session;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    nanming = await t.login('nanming');
    yunyan = await t.login('yunyan');
    staff = await t.login('nanming-staff');
  });
  afterAll(() => t.close());

  type Pair = {
    regionCode: string;
    regionName: string | null;
    a: { id: string; name: string; idNumberMasked: string };
    b: { id: string; idNumberMasked: string };
  };
  const pairs = async (s: Session) => {
    const res = await s.request({ url: '/api/v1/talent-duplicates' });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as Pair[];
  };
  const hasPair = (items: Pair[], x: string, y: string) => items.some((p) => (p.a.id === x && p.b.id === y) || (p.a.id === y && p.b.id === x));
  const refused = (send: () => Promise<LightMyRequestResponse>, status: number, code: string) => expectRefused(() => talentFingerprint(t), send, status, code);
  const merge = (s: Session, keepId: string, mergeId: string) =>
    s.request({ method: 'POST', url: '/api/v1/talent-duplicates/merge', payload: { keepId, mergeId } });
  const dismiss = (s: Session, aId: string, bId: string) => s.request({ method: 'POST', url: '/api/v1/talent-duplicates/dismiss', payload: { aId, bId } });
  /** Two records of one person: same name, birth date and township, two different ID numbers. */
  const twins = async (name: string, region = '520102016000', extraA: object = {}, extraB: object = {}, s = nanming) => {
    const a = await createTalentViaApi(s, { name, regionCode: region, ...extraA }, { birthDate: '1984-04-04', sex: 2 });
    const b = await createTalentViaApi(s, { name, regionCode: region, ...extraB }, { birthDate: '1984-04-04', sex: 2 });
    return [a, b];
  };

  it('lists a pair with the same name, birth date and region, and nothing for near misses', async () => {
    const [a, b] = await twins('疑似重复');
    const sameNameOtherBirth = await createTalentViaApi(nanming, { name: '疑似重复', regionCode: '520102016000' }, { birthDate: '1984-04-05' });
    const sameNameOtherTown = await createTalentViaApi(nanming, { name: '疑似重复', regionCode: '520102017000' }, { birthDate: '1984-04-04' });
    const otherName = await createTalentViaApi(nanming, { name: '疑似重复乙', regionCode: '520102016000' }, { birthDate: '1984-04-04' });
    const items = await pairs(nanming);
    expect(hasPair(items, a.id, b.id)).toBe(true);
    const pair = items.find((p) => hasPair([p], a.id, b.id)) as Pair;
    expect(pair).toMatchObject({ regionCode: '520102016000', regionName: '新华路街道' });
    expect([pair.a.idNumberMasked, pair.b.idNumberMasked].sort()).toEqual([a.idNumberMasked, b.idNumberMasked].sort());
    const res = await nanming.request({ url: '/api/v1/talent-duplicates' });
    expect(res.body).not.toContain(a._idNumber);
    expect(res.body).not.toContain(b._idNumber);
    for (const x of [sameNameOtherBirth, sameNameOtherTown, otherName]) {
      expect(items.some((p) => p.a.id === x.id || p.b.id === x.id)).toBe(false);
    }
    // Staff keep the registry too; another county sees nothing of this pair.
    expect(hasPair(await pairs(staff), a.id, b.id)).toBe(true);
    const other = await pairs(yunyan);
    expect(other.some((p) => p.a.id === a.id || p.b.id === a.id)).toBe(false);
    for (const p of other) expect(p.regionCode.startsWith('520103')).toBe(true);
  });

  it('dismisses a pair: it is no longer listed, in either order, and the dismissal is audited', async () => {
    const [a, b] = await twins('并非重复');
    const res = await dismiss(nanming, b.id, a.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(hasPair(await pairs(nanming), a.id, b.id)).toBe(false);
    // Again, the other way round: still fine, still one dismissal.
    expect((await dismiss(nanming, a.id, b.id)).statusCode).toBe(200);
    const rows = await t.db.db.selectFrom('talent_duplicate_dismissals').selectAll().where('a_id', 'in', [a.id, b.id]).execute();
    expect(rows).toHaveLength(1);
    expect(await auditEntries(t, { action: 'dismiss_duplicate', entity_type: 'talent' })).toEqual(
      expect.arrayContaining([expect.objectContaining({ actor_name: 'nanming', region_code: '520102016000' })]),
    );
    // Both records are untouched.
    expect((await nanming.request({ url: `/api/v1/talents/${a.id}` })).statusCode).toBe(200);
    expect((await nanming.request({ url: `/api/v1/talents/${b.id}` })).statusCode).toBe(200);
    // A third record of the same person still pairs with each.
    const c = await createTalentViaApi(nanming, { name: '并非重复', regionCode: '520102016000' }, { birthDate: '1984-04-04', sex: 2 });
    const items = await pairs(nanming);
    expect(hasPair(items, a.id, c.id) && hasPair(items, b.id, c.id)).toBe(true);
    expect(hasPair(items, a.id, b.id)).toBe(false);
  });

  it('merges: certificates and lists move over (tier rises), the other record is deleted, both audited', async () => {
    const sharedNo = certificate('assistant').certificateNo;
    const [keep, gone] = await twins(
      '合并对象',
      '520102016000',
      { certificates: [{ level: 'assistant', certificateNo: sharedNo, obtainedYear: 2018, registeredOn: '2024-01-10' }], fields: ['elderly'] },
      {
        phone: '13511112222',
        nativePlace: '520102000000',
        certificates: [{ level: 'assistant', certificateNo: sharedNo, obtainedYear: 2018 }, certificate('intermediate', { registeredOn: '2025-03-01' })],
        trainings: [training('2025-05-01', 16)],
        fields: ['children'],
        roles: ['child_director'],
      },
    );
    expect(keep).toMatchObject({ tier: 'junior', isKey: false });
    const statsBefore = await statsSnapshot(t);
    const res = await merge(nanming, keep.id, gone.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ ok: true });

    const merged = (await nanming.request({ url: `/api/v1/talents/${keep.id}` })).json();
    expect(merged).toMatchObject({
      id: keep.id,
      idNumberMasked: keep.idNumberMasked,
      tier: 'intermediate',
      // The kept record had no native place or phone: the merged record's fill the gaps, and make it key.
      nativePlace: '520102000000',
      phoneMasked: '135****2222',
      isKey: true,
      fields: ['elderly', 'children'],
      roles: ['child_director'],
    });
    // The shared certificate number is not doubled.
    expect(merged.certificates.map((c: { certificateNo: string }) => c.certificateNo).sort()).toEqual([sharedNo, gone.certificates[1].certificateNo].sort());
    expect(merged.trainings).toHaveLength(1);
    expect(merged.continuingEducation).toMatchObject({ periodStart: '2025-03-01', hours: 16, required: 90 });
    expectErrorShape(await nanming.request({ url: `/api/v1/talents/${gone.id}` }), 404, 'NOT_FOUND');
    expect(await talentRow(t, gone.id)).toBeUndefined();
    expect(hasPair(await pairs(nanming), keep.id, gone.id)).toBe(false);
    // The merged-away number may be registered again (it was presumably mistyped, but it is free).
    expect(
      (
        await nanming.request({
          method: 'POST',
          url: '/api/v1/talents',
          payload: { name: '再登记', idNumber: gone._idNumber, regionCode: '520102016000', categories: ['practice'] },
        })
      ).statusCode,
    ).toBe(200);

    const [mergeEntry] = await auditEntries(t, { action: 'merge', entity_id: keep.id });
    expect(JSON.parse(mergeEntry.changes as string)).toMatchObject({ isKey: [false, true], nativePlace: [null, '520102000000'] });
    const [deleteEntry] = await auditEntries(t, { action: 'delete', entity_id: gone.id });
    const del = JSON.parse(deleteEntry.changes as string);
    expect(del.mergedInto).toEqual([null, keep.id]);
    expect(JSON.stringify(await auditEntries(t))).not.toContain(gone._idNumber);
    expect(JSON.stringify(await auditEntries(t))).not.toContain('13511112222');

    // The summary moved by exactly the merge and still equals a rebuild.
    expect(await statsSnapshot(t)).not.toEqual(statsBefore);
    const kept = await statsSnapshot(t);
    await rebuildTalentStats(t.deps.db);
    expect(await statsSnapshot(t)).toEqual(kept);
  });

  it('refuses pairs across regions, names or birth dates, a record with itself, and other counties’ records', async () => {
    const a = await createTalentViaApi(nanming, { name: '甲某', regionCode: '520102016000' }, { birthDate: '1970-01-01' });
    const otherTown = await createTalentViaApi(nanming, { name: '甲某', regionCode: '520102017000' }, { birthDate: '1970-01-01' });
    const otherName = await createTalentViaApi(nanming, { name: '乙某', regionCode: '520102016000' }, { birthDate: '1970-01-01' });
    const otherBirth = await createTalentViaApi(nanming, { name: '甲某', regionCode: '520102016000' }, { birthDate: '1970-01-02' });
    for (const x of [otherTown, otherName, otherBirth]) {
      const e = await refused(() => merge(nanming, a.id, x.id), 400, 'VALIDATION_FAILED');
      expect(e.message).toContain('同一地区');
      await refused(() => dismiss(nanming, a.id, x.id), 400, 'VALIDATION_FAILED');
    }
    await refused(() => merge(nanming, a.id, a.id), 400, 'VALIDATION_FAILED');
    const [ya, yb] = await twins('云岩重复', '520103019000', {}, {}, yunyan);
    for (const [x, y] of [
      [ya.id, yb.id],
      [a.id, ya.id],
      [ya.id, a.id],
    ]) {
      await refused(() => merge(nanming, x, y), 404, 'NOT_FOUND');
      await refused(() => dismiss(nanming, x, y), 404, 'NOT_FOUND');
    }
    await refused(() => merge(nanming, a.id, '01890000-0000-7000-8000-000000000000'), 404, 'NOT_FOUND');
    await refused(
      () => nanming.request({ method: 'POST', url: '/api/v1/talent-duplicates/merge', payload: { keepId: 'x', mergeId: a.id } }),
      400,
      'VALIDATION_FAILED',
    );
    await refused(() => nanming.request({ method: 'POST', url: '/api/v1/talent-duplicates/merge', payload: { keepId: a.id } }), 400, 'VALIDATION_FAILED');
    // yunyan may merge its own pair.
    expect((await merge(yunyan, ya.id, yb.id)).statusCode).toBe(200);
  });
});
