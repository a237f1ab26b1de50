import { describe, expect, it } from 'vitest';
import { creditCheckChar } from '../../../domain/standards/credit-code.ts';
import { mapAgencyRow, mapGroupRow, mapPlatformRow, PENDING_REF } from './network-rows.ts';

const code17 = '52520102MJY123456';
const good = code17 + creditCheckChar(code17);
const bad = code17 + (creditCheckChar(code17) === '1' ? '2' : '1');

describe('mapPlatformRow', () => {
  it('reads names, aliases, numbers as text and several services', () => {
    const r = mapPlatformRow({
      kind: '社工站',
      name: ' 花果园站 ',
      regionCode: '520102016',
      services: '社会救助，政策宣传咨询',
      roomsGroup: '２',
      floorArea: '120 平方米',
    });
    expect(r.errors).toEqual([]);
    expect(r.input).toMatchObject({
      kind: 'station',
      name: '花果园站',
      regionCode: '520102016000',
      services: ['policy', 'assistance'],
      roomsGroup: 2,
      floorArea: 120,
    });
    expect(r.refs.agency).toBeNull();
  });

  it('keeps the agency for the importer and reports cross-field rules under their column', () => {
    const agencyRun = mapPlatformRow({ kind: '社工站', name: 'A', regionCode: '520102016000', operatingMode: '委托运营', agency: '阳光社工' });
    expect(agencyRun.input?.agencyId).toBe(PENDING_REF);
    expect(agencyRun.refs.agency).toBe('阳光社工');
    const missing = mapPlatformRow({ kind: '社工站', name: 'A', regionCode: '520102016000', operatingMode: '委托运营' });
    expect(missing.errors).toEqual([{ column: '运营机构', message: '委托运营的阵地请选择运营机构' }]);
    const demo = mapPlatformRow({ kind: '城堡', name: '', regionCode: 'abc', demoLevel: '省级', lng: '东经' });
    expect(demo.input).toBeNull();
    expect(demo.errors.map((e) => e.column)).toEqual(['阵地类型', '阵地名称', '所在地区(区划代码)', '经度']);
    // Cross-field rules run once the fields themselves are valid.
    const noYear = mapPlatformRow({ kind: '社工站', name: 'A', regionCode: '520102016000', demoLevel: '省级' });
    expect(noYear.errors).toEqual([{ column: '示范年份', message: '请填写命名为示范的年份' }]);
  });
});

describe('mapAgencyRow', () => {
  it('normalizes the credit code and flags a wrong check character for the importer to decide', () => {
    const ok = mapAgencyRow({ name: '机构', creditCode: ` ${good.toLowerCase()} `, regionCode: '520102', rating: '4a级', ratingYear: '2023年' });
    expect(ok.errors).toEqual([]);
    expect(ok.input).toMatchObject({ creditCode: good, rating: '4A', ratingYear: 2023, overrideCreditCheck: false });
    expect(ok.refs).toEqual({ creditWarning: null, confirmCheck: false });
    const warned = mapAgencyRow({ name: '机构', creditCode: bad, regionCode: '520102', confirmCheck: '是' });
    expect(warned.input).not.toBeNull();
    expect(warned.refs).toMatchObject({ creditWarning: expect.stringMatching(/校验位/), confirmCheck: true });
    const malformed = mapAgencyRow({ name: '机构', creditCode: 'ABC', regionCode: '520102' });
    expect(malformed.errors).toEqual([{ column: '统一社会信用代码', message: expect.stringMatching(/18位/) }]);
  });
});

describe('mapGroupRow', () => {
  it('requires kind and registration and returns the incubator name', () => {
    const r = mapGroupRow({
      name: '志愿队',
      regionCode: '520102016001',
      kind: '志愿服务类',
      registration: '已备案',
      incubator: '花果园站',
      establishedOn: 44927,
    });
    expect(r.errors).toEqual([]);
    expect(r.input).toMatchObject({ registration: 'filed', establishedOn: '2023-01-01', incubatorId: null });
    expect(r.refs.incubator).toBe('花果园站');
    expect(mapGroupRow({ name: '志愿队', regionCode: '520102016001' }).errors.map((e) => e.column)).toEqual(['组织类型', '登记或备案']);
  });
});
