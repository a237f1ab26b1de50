import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import { certificate, talentBody, training } from '../helpers/talent-fixtures.ts';

describe('scratch', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp('sqlite'); });
  afterAll(() => t.close());
  it('explores', async () => {
    const s = await t.login('nanming');
    const body = talentBody({ nativePlace: '520102000000', certificates: [certificate('intermediate', { registeredOn: '2024-03-01' })], trainings: [training('2024-05-01', 30)], phone: '13812345678' });
    const res = await s.request({ method: 'POST', url: '/api/v1/talents', payload: body });
    console.log(res.statusCode, res.body);
    const bad = await s.request({ method: 'POST', url: '/api/v1/talents', payload: { ...talentBody(), idNumber: '520102850315123', birthDate: '2023-02-30', categories: [], foo: 1 } });
    console.log(bad.statusCode, bad.body);
    const r = await s.request({ url: '/api/v1/key-talent-rules/520000000000' });
    console.log(r.statusCode, r.body);
    const a = await s.request({ url: '/api/v1/talent-analytics' });
    console.log(a.statusCode, a.body.slice(0, 1500));
    expect(1).toBe(1);
  });
});
