import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries } from '../helpers/fixtures.ts';
import { expectRefused, fieldError } from '../helpers/refused.ts';
import {
  certificate,
  createTalentViaApi,
  legacyIdNumber,
  newIdNumber,
  talentBody,
  talentFingerprint,
  talentRow,
  training,
  withBadChecksum,
} from '../helpers/talent-fixtures.ts';
import { createTestApp, expectErrorShape, type Session, type TestApp } from '../helpers/test-app.ts';
import { DIALECTS } from '../helpers/test-db.ts';

/** The talent record itself: create, read, list, edit, delete, reveal, history, and refused input. */
describe.each(DIALECTS)('talent records (%s)', (dialect) => {
  let t: TestApp;
  let nanming: Session;
  let staff: Session;
  let yunyan: Session;
  let guizhou: Session;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    nanming = await t.login('nanming');
    staff = await t.login('nanming-staff');
    yunyan = await t.login('yunyan');
    guizhou = await t.login('guizhou');
  });
  afterAll(() => t.close());

  const post = (s: Session, payload: object) => s.request({ method: 'POST', url: '/api/v1/talents', payload });
  const patch = (s: Session, id: string, payload: object) => s.request({ method: 'PATCH', url: `/api/v1/talents/${id}`, payload });
  const get = (s: Session, id: string) => s.request({ url: `/api/v1/talents/${id}` });
  /** A refused request: the status and code, field-level details, and nothing written anywhere. */
  const refused = (send: () => Promise<LightMyRequestResponse>, status: number, code: string) => expectRefused(() => talentFingerprint(t), send, status, code);

  describe('create and read', () => {
    it('derives birth date, sex, tier, key status and continuing education; answers with masked identity only', async () => {
      const idNumber = newIdNumber({ birthDate: '1988-07-15', sex: 2 });
      const body = talentBody({
        name: '王芳',
        idNumber,
        nativePlace: '520102000000',
        phone: '138 1234 5678',
        regionCode: '520102016000',
        categories: ['practice', 'management'],
        fields: ['elderly', 'community'],
        roles: ['grid_worker'],
        partyMember: true,
        certificates: [certificate('assistant', { obtainedYear: 2019 }), certificate('intermediate', { obtainedYear: 2023, registeredOn: '2024-03-01' })],
        educations: [{ level: 'master', majorClass: 'social_work', degree: 'master', graduationYear: 2025, school: '贵州大学' }],
        trainings: [training('2023-12-01', 20, '期前培训'), training('2024-05-01', 30), training('2027-03-01', 8, '期后培训')],
      });
      const res = await post(nanming, body);
      expect(res.statusCode, res.body).toBe(200);
      const d = res.json();
      expect(d).toMatchObject({
        name: '王芳',
        sex: '2',
        birthDate: '1988-07-15',
        age: 37,
        youth: false,
        idNumberMasked: `${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`,
        phoneMasked: '138****5678',
        regionCode: '520102016000',
        urbanRural: 'urban',
        tier: 'intermediate',
        educationLevel: 'master',
        categories: ['practice', 'management'],
        fields: ['elderly', 'community'],
        roles: ['grid_worker'],
        partyMember: true,
        status: 'active',
        isKey: true,
        keyReasons: [{ ruleId: 'certificate', label: '黔籍,持社会工作师及以上证书' }],
        keySince: '2026-06-01',
        hasAccount: false,
      });
      expect(d.regionPath.map((r: { code: string }) => r.code)).toEqual(['520000000000', '520100000000', '520102000000', '520102016000']);
      // Period 2024-03-01 … 2027-03-01: only the 30 h inside it count, plus 90 for the social-work degree of 2025.
      expect(d.continuingEducation).toEqual({
        periodStart: '2024-03-01',
        reregistrationDue: '2027-03-01',
        required: 90,
        hours: 120,
        short: false,
        due: false,
      });
      expect(d.certificates).toHaveLength(2);
      expect(d.trainings.map((x: { hours: number }) => x.hours)).toEqual([20, 30, 8]);
      // Neither the full number nor the phone appear anywhere in the answer; both are encrypted at rest.
      expect(res.body).not.toContain(idNumber);
      expect(res.body).not.toContain('13812345678');
      const row = (await talentRow(t, d.id))!;
      expect(JSON.stringify(row)).not.toContain(idNumber);
      expect(JSON.stringify(row)).not.toContain('13812345678');

      const again = await get(nanming, d.id);
      expect(again.statusCode).toBe(200);
      expect(again.json()).toEqual(d);
    });

    it('accepts birth date and sex when they agree with the ID number; normalizes spaces and a lower-case x', async () => {
      let idNumber = newIdNumber({ birthDate: '1979-02-28', sex: 1 });
      while (!idNumber.endsWith('X')) idNumber = newIdNumber({ birthDate: '1979-02-28', sex: 1 });
      const typed = `${idNumber.slice(0, 6)} ${idNumber.slice(6, 14)} ${idNumber.slice(14).toLowerCase()}`;
      const res = await post(nanming, talentBody({ idNumber: typed, birthDate: '1979-02-28', sex: '1' }));
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ sex: '1', birthDate: '1979-02-28', idNumberMasked: `${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}` });
      const reveal = await nanming.request({ method: 'POST', url: `/api/v1/talents/${res.json().id}/reveal` });
      expect(reveal.json().idNumber).toBe(idNumber);
      // The same person typed the canonical way is the same ID number.
      const dup = expectErrorShape(await post(nanming, talentBody({ idNumber })), 409, 'CONFLICT');
      expect(dup.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'idNumber' })]));
    });

    it('a non-native holder of 社会工作师 is not key; a native with an assistant certificate only is not key either', async () => {
      const outsider = await createTalentViaApi(nanming, {
        nativePlace: '530102000000',
        certificates: [certificate('senior', { registeredOn: '2025-01-10' })],
      });
      expect(outsider).toMatchObject({ tier: 'senior', isKey: false, keyReasons: [], keySince: null, nativePlaceName: '五华区' });
      const junior = await createTalentViaApi(nanming, {
        nativePlace: '520103000000',
        certificates: [certificate('assistant', { registeredOn: '2023-06-10' })],
      });
      expect(junior).toMatchObject({ tier: 'junior', isKey: false });
      // Registered 2023-06-10: re-registration due 2026-06-10, inside the 90-day window of 2026-06-01.
      expect(junior.continuingEducation).toEqual({
        periodStart: '2023-06-10',
        reregistrationDue: '2026-06-10',
        required: 72,
        hours: 0,
        short: true,
        due: true,
      });
      const teacher = await createTalentViaApi(nanming, {
        nativePlace: '520201000000',
        categories: ['research'],
        teachingSubject: 'sociology',
        titleLevel: 'associate_senior',
      });
      expect(teacher).toMatchObject({ tier: 'none', isKey: true, keyReasons: [expect.objectContaining({ ruleId: 'teacher' })] });
      expect(teacher.continuingEducation).toEqual({ periodStart: null, reregistrationDue: null, required: 0, hours: 0, short: false, due: false });
    });

    it('lets staff create and read, but reveal is not theirs', async () => {
      const d = await createTalentViaApi(staff, {});
      expect((await get(staff, d.id)).statusCode).toBe(200);
      await refused(() => staff.request({ method: 'POST', url: `/api/v1/talents/${d.id}/reveal` }), 403, 'FORBIDDEN');
    });
  });

  describe('edit', () => {
    it('replaces the lists it is given and leaves the others; tier and hours follow', async () => {
      const d = await createTalentViaApi(nanming, {
        certificates: [certificate('assistant', { registeredOn: '2025-02-01' }), certificate('intermediate', { registeredOn: '2025-02-01' })],
        trainings: [training('2025-06-01', 40)],
        honours: [{ level: 'city', title: '优秀社工', year: 2024 }],
      });
      expect(d).toMatchObject({ tier: 'intermediate', continuingEducation: expect.objectContaining({ hours: 40, required: 90 }) });
      const keep = d.certificates[0];
      const res = await patch(nanming, d.id, {
        certificates: [{ level: keep.level, certificateNo: keep.certificateNo, obtainedYear: keep.obtainedYear, registeredOn: '2025-02-01' }],
        employer: '新单位',
      });
      expect(res.statusCode, res.body).toBe(200);
      const e = res.json();
      expect(e).toMatchObject({ tier: 'junior', employer: '新单位', continuingEducation: expect.objectContaining({ hours: 40, required: 72, short: true }) });
      expect(e.certificates.map((c: { certificateNo: string }) => c.certificateNo)).toEqual([keep.certificateNo]);
      expect(e.trainings).toHaveLength(1);
      expect(e.honours).toHaveLength(1);
      const cleared = (await patch(nanming, d.id, { trainings: [], honours: [] })).json();
      expect(cleared.trainings).toEqual([]);
      expect(cleared.honours).toEqual([]);
      expect(cleared.certificates).toHaveLength(1);
      expect(cleared.continuingEducation.hours).toBe(0);
      // Only the changed fields are audited.
      const updates = await auditEntries(t, { entity_type: 'talent', entity_id: d.id, action: 'update' });
      expect(updates).toHaveLength(2);
      expect(Object.keys(JSON.parse(updates[0].changes as string)).sort()).toEqual(['certificates', 'employer']);
    });

    it('leaves every field it is not given as it was (a patch is not a form with defaults)', async () => {
      const d = await createTalentViaApi(nanming, {
        ethnicity: '03',
        nativePlace: '520102000000',
        phone: '13600001234',
        partyMember: true,
        categories: ['research'],
        fields: ['drug', 'correction'],
        roles: ['counselor'],
        titleLevel: 'intermediate',
        titleName: '社会工作师',
        teachingSubject: 'social_work',
        post: '督导',
        professionalPost: true,
        employmentStart: '2018-09-01',
        status: 'left',
        certificates: [certificate('intermediate', { registeredOn: '2024-09-01' })],
        educations: [{ level: 'bachelor', majorClass: 'sociology', degree: 'bachelor', graduationYear: 2012 }],
        employments: [{ employer: '旧机构', startDate: '2012-07-01', endDate: '2018-08-31' }],
        trainings: [training('2025-01-01', 12)],
        honours: [{ level: 'provincial', title: '优秀社工', year: 2022 }],
        dispatches: [{ program: 'three_regions', toRegion: '520102016000', startDate: '2021-03-01' }],
      });
      const withoutIds = (x: Record<string, unknown>) =>
        JSON.parse(JSON.stringify(x, (k, v) => (k === 'id' || k === 'updatedAt' || k === 'employer' || k === '_idNumber' ? undefined : v)));
      const res = await patch(nanming, d.id, { employer: '只改单位' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().employer).toBe('只改单位');
      expect(withoutIds(res.json())).toEqual(withoutIds(d));
      const [update] = await auditEntries(t, { entity_type: 'talent', entity_id: d.id, action: 'update' });
      expect(JSON.parse(update.changes as string)).toEqual({ employer: [d.employer, '只改单位'] });
      const reveal = (await nanming.request({ method: 'POST', url: `/api/v1/talents/${d.id}/reveal` })).json();
      expect(reveal.phone).toBe('13600001234');
      // An empty patch is refused rather than taken as "reset everything".
      const empty = await refused(() => patch(nanming, d.id, {}), 400, 'VALIDATION_FAILED');
      expect(empty.message).toContain('没有要修改的内容');
    });

    it('re-derives birth date and sex from a changed ID number; audits only masked numbers', async () => {
      const d = await createTalentViaApi(nanming, {}, { birthDate: '1990-01-01', sex: 1 });
      const next = newIdNumber({ birthDate: '1992-11-30', sex: 2 });
      const res = await patch(nanming, d.id, { idNumber: next });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ birthDate: '1992-11-30', sex: '2', idNumberMasked: `${next.slice(0, 4)}**********${next.slice(-4)}` });
      expect(res.body).not.toContain(next);
      // The old number is free again, the new one taken.
      expect((await post(nanming, talentBody({ idNumber: d._idNumber }))).statusCode).toBe(200);
      expectErrorShape(await post(nanming, talentBody({ idNumber: next })), 409, 'CONFLICT');
      const [update] = await auditEntries(t, { entity_type: 'talent', entity_id: d.id, action: 'update' });
      const changes = JSON.parse(update.changes as string);
      expect(changes.idNumber).toEqual([`${d._idNumber.slice(0, 4)}**********${d._idNumber.slice(-4)}`, `${next.slice(0, 4)}**********${next.slice(-4)}`]);
    });

    it('refuses an edit whose birth date or sex disagrees with the ID number, stored or given', async () => {
      const d = await createTalentViaApi(nanming, {}, { birthDate: '1991-04-04', sex: 1 });
      fieldError(await refused(() => patch(nanming, d.id, { birthDate: '1991-04-05' }), 400, 'VALIDATION_FAILED'), 'birthDate');
      fieldError(await refused(() => patch(nanming, d.id, { sex: '2' }), 400, 'VALIDATION_FAILED'), 'sex');
      const other = newIdNumber({ birthDate: '1993-03-03', sex: 2 });
      fieldError(await refused(() => patch(nanming, d.id, { idNumber: other, birthDate: '1991-04-04' }), 400, 'VALIDATION_FAILED'), 'birthDate');
      fieldError(await refused(() => patch(nanming, d.id, { idNumber: other, sex: '1' }), 400, 'VALIDATION_FAILED'), 'sex');
      fieldError(await refused(() => patch(nanming, d.id, { idNumber: withBadChecksum(other) }), 400, 'VALIDATION_FAILED'), 'idNumber');
      const empty = await refused(() => patch(nanming, d.id, {}), 400, 'VALIDATION_FAILED');
      expect(empty.message).toContain('没有要修改的内容');
      // Given together and consistent, it is fine.
      expect((await patch(nanming, d.id, { idNumber: other, birthDate: '1993-03-03', sex: '2' })).statusCode).toBe(200);
    });

    it('refuses an ID number already registered in scope (409 naming idNumber) and a move out of scope', async () => {
      const a = await createTalentViaApi(nanming, {});
      const b = await createTalentViaApi(nanming, {});
      const e = await refused(() => patch(nanming, b.id, { idNumber: a._idNumber }), 409, 'CONFLICT');
      fieldError(e, 'idNumber');
      await refused(() => patch(nanming, b.id, { regionCode: '520103019000' }), 403, 'SCOPE_FORBIDDEN');
      // Above county level: outside a county's scope anyway; inside a province's, refused as a level.
      await refused(() => patch(nanming, b.id, { regionCode: '520100000000' }), 403, 'SCOPE_FORBIDDEN');
      fieldError(await refused(() => patch(guizhou, b.id, { regionCode: '520100000000' }), 400, 'VALIDATION_FAILED'), 'regionCode');
      fieldError(await refused(() => patch(nanming, b.id, { categories: [] }), 400, 'VALIDATION_FAILED'), 'categories');
      // A move inside the scope is an ordinary edit.
      expect((await patch(nanming, b.id, { regionCode: '520102017000' })).json()).toMatchObject({ regionCode: '520102017000' });
    });
  });

  describe('delete', () => {
    it('deletes the record and its lists; the audit entry keeps the masked before-state', async () => {
      const d = await createTalentViaApi(nanming, {
        name: '将删除',
        phone: '13900001111',
        certificates: [certificate('assistant')],
        trainings: [training('2025-01-01', 3)],
      });
      const res = await nanming.request({ method: 'DELETE', url: `/api/v1/talents/${d.id}` });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ ok: true });
      expectErrorShape(await get(nanming, d.id), 404, 'NOT_FOUND');
      expect(await talentRow(t, d.id)).toBeUndefined();
      for (const table of ['talent_certificates', 'talent_trainings'] as const) {
        expect(await t.db.db.selectFrom(table).select('id').where('talent_id', '=', d.id).execute()).toEqual([]);
      }
      const [entry] = await auditEntries(t, { entity_type: 'talent', entity_id: d.id, action: 'delete' });
      expect(entry).toMatchObject({ actor_name: 'nanming', entity_label: '将删除', region_code: '520102016000' });
      const changes = JSON.parse(entry.changes as string);
      expect(changes.name).toEqual(['将删除', null]);
      expect(changes.idNumber).toEqual([d.idNumberMasked, null]);
      expect(changes.phone).toEqual(['139****1111', null]);
      expect(changes.certificates[0]).toContain(d.certificates[0].certificateNo);
      expect(entry.changes).not.toContain(d._idNumber);
      expect(entry.changes).not.toContain('13900001111');
      // Gone is gone: a second delete is a 404, and the number may be registered afresh.
      expectErrorShape(await nanming.request({ method: 'DELETE', url: `/api/v1/talents/${d.id}` }), 404, 'NOT_FOUND');
      expect((await post(nanming, talentBody({ idNumber: d._idNumber }))).statusCode).toBe(200);
    });
  });

  describe('refused input: field-level Chinese errors, never a 500, nothing written', () => {
    const bad = async (overrides: Record<string, unknown>, field: string) =>
      fieldError(await refused(() => post(nanming, { ...talentBody(), ...overrides }), 400, 'VALIDATION_FAILED'), field);

    it('refuses a wrong check character, a 15-digit number (suggesting the 18-digit form) and garbage', async () => {
      expect(await bad({ idNumber: withBadChecksum(newIdNumber()) }, 'idNumber')).toContain('校验');
      const { id15, id18 } = legacyIdNumber();
      expect(await bad({ idNumber: id15 }, 'idNumber')).toContain(id18);
      expect(await bad({ idNumber: '52010219900230123X' }, 'idNumber')).toContain('不是有效日期');
      expect(await bad({ idNumber: 'abc' }, 'idNumber')).toMatch(/18位/);
      expect(await bad({ idNumber: '' }, 'idNumber')).toContain('身份证');
    });

    it('refuses a birth date or sex that disagree with the ID number', async () => {
      const idNumber = newIdNumber({ birthDate: '1990-05-06', sex: 1 });
      expect(await bad({ idNumber, birthDate: '1990-05-07' }, 'birthDate')).toContain('1990-05-06');
      expect(await bad({ idNumber, sex: '2' }, 'sex')).toContain('性别');
      await bad({ idNumber, sex: '3' }, 'sex');
    });

    it('refuses unknown codes, empty categories and too many categories', async () => {
      await bad({ categories: ['bogus'] }, 'categories.0');
      await bad({ categories: [] }, 'categories');
      await bad({ fields: ['elderly', 'moon'] }, 'fields.1');
      await bad({ roles: ['king'] }, 'roles.0');
      await bad({ ethnicity: '99' }, 'ethnicity');
      await bad({ titleLevel: 'emperor' }, 'titleLevel');
      await bad({ status: 'retired' }, 'status');
      await bad({ certificates: [{ ...certificate('assistant'), level: 'master' }] }, 'certificates.0.level');
      await bad({ educations: [{ level: 'bachelor', majorClass: 'astrology' }] }, 'educations.0.majorClass');
      await bad({ dispatches: [{ program: 'moonshot', startDate: '2024-01-01' }] }, 'dispatches.0.program');
    });

    it('refuses impossible dates and reversed ranges', async () => {
      expect(await bad({ certificates: [certificate('assistant', { registeredOn: '2023-02-30' })] }, 'certificates.0.registeredOn')).toContain('不是有效日期');
      await bad({ employmentStart: '2023-13-01' }, 'employmentStart');
      await bad({ trainings: [training('2023/02/01', 3)] }, 'trainings.0.date');
      await bad({ trainings: [training('2024-02-01', 0)] }, 'trainings.0.hours');
      await bad({ employments: [{ employer: '某机构', startDate: '2024-05-01', endDate: '2024-04-30' }] }, 'employments.0.endDate');
      await bad({ certificates: [certificate('assistant', { obtainedYear: 1900 })] }, 'certificates.0.obtainedYear');
    });

    it('refuses two certificates with one number in a body, unknown fields and a bad phone', async () => {
      const c = certificate('assistant');
      expect(await bad({ certificates: [c, { ...certificate('intermediate'), certificateNo: c.certificateNo }] }, 'certificates.1.certificateNo')).toContain(
        '证书编号重复',
      );
      const e = await refused(() => post(nanming, { ...talentBody(), salary: 5000 }), 400, 'VALIDATION_FAILED');
      expect(e.details).toEqual([expect.objectContaining({ field: 'salary', code: 'UNKNOWN_FIELD' })]);
      await bad({ certificates: [{ ...certificate('assistant'), verified: true }] }, 'certificates.0.verified');
      await bad({ phone: '12345' }, 'phone');
      await bad({ name: '' }, 'name');
      await bad({ name: '名'.repeat(33) }, 'name');
    });

    it('refuses a region outside the scope (403), above county level, malformed, unknown or revoked (400)', async () => {
      await refused(() => post(nanming, talentBody({ regionCode: '520103019000' })), 403, 'SCOPE_FORBIDDEN');
      await refused(() => post(nanming, talentBody({ regionCode: '530102001000' })), 403, 'SCOPE_FORBIDDEN');
      expect(fieldError(await refused(() => post(guizhou, talentBody({ regionCode: '520000000000' })), 400, 'VALIDATION_FAILED'), 'regionCode')).toContain(
        '县',
      );
      fieldError(await refused(() => post(guizhou, talentBody({ regionCode: '520100000000' })), 400, 'VALIDATION_FAILED'), 'regionCode');
      await bad({ regionCode: '5201020160' }, 'regionCode');
      await bad({ regionCode: '520102599000' }, 'regionCode');
      // A township created and then revoked.
      const code = '520102501000';
      expect((await nanming.request({ method: 'POST', url: '/api/v1/regions', payload: { code, name: '待撤销镇' } })).statusCode).toBe(200);
      expect((await nanming.request({ method: 'POST', url: `/api/v1/regions/${code}/revoke`, payload: { validTo: '2026-06-01' } })).statusCode).toBe(200);
      expect(await bad({ regionCode: code }, 'regionCode')).toContain('撤销');
    });

    it('refuses malformed JSON and a non-object body, and a talent id that is not a UUID', async () => {
      const json = { 'content-type': 'application/json' };
      await refused(() => nanming.request({ method: 'POST', url: '/api/v1/talents', payload: '{"name":', headers: json }), 400, 'BAD_JSON');
      await refused(() => nanming.request({ method: 'POST', url: '/api/v1/talents', payload: '[1]', headers: json }), 400, 'VALIDATION_FAILED');
      fieldError(await refused(() => get(nanming, 'not-a-uuid'), 400, 'VALIDATION_FAILED'), 'id');
      await refused(() => get(nanming, '01890000-0000-7000-8000-000000000000'), 404, 'NOT_FOUND');
    });

    it('answers parallel creates of one ID number with one 200 and 409s, never a 500', async () => {
      const body = talentBody();
      const results = await Promise.all([1, 2, 3, 4].map(() => post(nanming, body)));
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409]);
      for (const r of results.filter((x) => x.statusCode === 409)) expectErrorShape(r, 409, 'CONFLICT');
      expect(await t.db.db.selectFrom('talents').select('id').where('name', '=', body.name).execute()).toHaveLength(1);
    });
  });

  describe('reveal, history and the audit log', () => {
    it('reveals the full number and phone to an administrator and audits it', async () => {
      const d = await createTalentViaApi(nanming, { phone: '0851-8888 6666' });
      const res = await nanming.request({ method: 'POST', url: `/api/v1/talents/${d.id}/reveal` });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ idNumber: d._idNumber, phone: '085188886666' });
      expect(d.phoneMasked).toBe('085****6666');
      const entries = await auditEntries(t, { entity_type: 'talent', entity_id: d.id, action: 'reveal' });
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ actor_name: 'nanming', region_code: '520102016000' });
      expect(entries[0].changes).not.toContain(d._idNumber);
      // Without a phone: null. A province administrator may reveal too; another county may not.
      const e = await createTalentViaApi(nanming, {});
      expect((await guizhou.request({ method: 'POST', url: `/api/v1/talents/${e.id}/reveal` })).json()).toEqual({ idNumber: e._idNumber, phone: null });
      await refused(() => yunyan.request({ method: 'POST', url: `/api/v1/talents/${e.id}/reveal` }), 404, 'NOT_FOUND');
      expect(await auditEntries(t, { entity_type: 'talent', entity_id: e.id, action: 'reveal' })).toHaveLength(1);
    });

    it('lists the history of a record, newest first, and refuses it outside the scope', async () => {
      const d = await createTalentViaApi(nanming, { employer: '甲单位' });
      await patch(nanming, d.id, { employer: '乙单位' });
      await nanming.request({ method: 'POST', url: `/api/v1/talents/${d.id}/reveal` });
      const res = await nanming.request({ url: `/api/v1/talents/${d.id}/history` });
      expect(res.statusCode, res.body).toBe(200);
      const { items, total } = res.json();
      expect(total).toBe(3);
      expect(items.map((i: { action: string }) => i.action)).toEqual(['reveal', 'update', 'create']);
      expect(items[1].changes).toEqual({ employer: ['甲单位', '乙单位'] });
      expect(items[2].changes.idNumber).toEqual([null, d.idNumberMasked]);
      expect(res.body).not.toContain(d._idNumber);
      await refused(() => yunyan.request({ url: `/api/v1/talents/${d.id}/history` }), 404, 'NOT_FOUND');
      const paged = (await nanming.request({ url: `/api/v1/talents/${d.id}/history?pageSize=10&page=2` })).json();
      expect(paged).toEqual({ items: [], total: 3 });
    });

    it('never writes a full ID number or phone into the audit log', async () => {
      // Everything this file did, plus one more round of each write.
      const d = await createTalentViaApi(nanming, { phone: '13700002222' });
      const next = newIdNumber();
      await patch(nanming, d.id, { idNumber: next, phone: '13700003333' });
      await nanming.request({ method: 'POST', url: `/api/v1/talents/${d.id}/reveal` });
      await nanming.request({ method: 'DELETE', url: `/api/v1/talents/${d.id}` });
      const all = JSON.stringify(await t.db.db.selectFrom('audit_log').selectAll().execute());
      for (const secret of [d._idNumber, next, '13700002222', '13700003333']) expect(all).not.toContain(secret);
      // Nor any other full number issued in this app: every talent's plaintext, decrypted.
      for (const row of await t.db.db.selectFrom('talents').select('id_enc').execute()) {
        expect(all).not.toContain(t.deps.crypto.decrypt(row.id_enc));
      }
      const history = (await guizhou.request({ url: '/api/v1/audit?entityType=talent&pageSize=100' })).body;
      expect(history).not.toContain(d._idNumber);
      expect(history).not.toContain(next);
    });
  });
});
