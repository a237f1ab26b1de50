import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import pg from 'pg';
import { COUNTRY_CODE, subtreeRange } from '../domain/standards/region-code.ts';
import { openDb } from '../server/db/connection.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { loadRegions } from '../server/io/region-loader.ts';
import { rebuildRegionStats, statsOf, statsOfChildren } from '../server/modules/regions/region-stats.repository.ts';
import { countByLevel, countsPerChild } from '../server/modules/regions/regions.repository.ts';
import { listUsers } from '../server/modules/users/users.repository.ts';
import { generateUsers } from './generate.ts';
import { measure, timed } from './measure.ts';
import { benchNetwork, NETWORK_ROOMS } from './network.ts';
import { type BenchRow, benchTalents, type RawQuery, TALENTS } from './talents.ts';

/**
 * `npm run bench`: the whole national division table (levels 1–5, ~663,000 rows, real 2023 data)
 * plus deterministic generated users, on SQLite and on PostgreSQL; each query through the
 * repository beside the same SQL sent straight to the driver. Prints a table, writes JSON.
 * Then the talent registry (bench/talents.ts): BENCH_TALENTS generated talents (default 2,000,000),
 * and the service network (bench/network.ts): BENCH_NETWORK rooms (default 600,000) and the rest.
 * PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test, schema "bench").
 */
const USERS = Number(process.env.BENCH_USERS ?? 50_000);
const COUNTY = '520102000000';
const PROVINCE = '520000000000';
const resultsDir = path.resolve('bench/results');
fs.mkdirSync(resultsDir, { recursive: true });

const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const rows: BenchRow[] = [];
const setup: Record<string, unknown> = {};

async function benchDialect(dialect: 'sqlite' | 'postgres') {
  let raw: RawQuery;
  let closeRaw: () => Promise<void>;
  let db: ReturnType<typeof openDb>;
  const file = path.join(resultsDir, 'bench.sqlite');
  if (dialect === 'sqlite') {
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    db = openDb({ dataDir: resultsDir, sqliteFile: file });
    const s = new SQLite(file, { readonly: true });
    raw = async (text, params) => s.prepare(text).all(...params);
    closeRaw = async () => {
      s.close();
    };
  } else {
    const url = PG_URL;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query('DROP SCHEMA IF EXISTS bench CASCADE; CREATE SCHEMA bench');
    await admin.end();
    db = openDb({ databaseUrl: url, dataDir: resultsDir, pgSchema: 'bench' });
    const pool = new pg.Pool({ connectionString: url, options: '-c search_path=bench', max: 2 });
    raw = async (text, params) => {
      let i = 0;
      return (
        await pool.query(
          text.replace(/\?/g, () => `$${++i}`),
          params,
        )
      ).rows;
    };
    closeRaw = () => pool.end();
  }

  await migrateToLatest(db.db);
  const all = [
    '11',
    '12',
    '13',
    '14',
    '15',
    '21',
    '22',
    '23',
    '31',
    '32',
    '33',
    '34',
    '35',
    '36',
    '37',
    '41',
    '42',
    '43',
    '44',
    '45',
    '46',
    '50',
    '51',
    '52',
    '53',
    '54',
    '61',
    '62',
    '63',
    '64',
    '65',
  ];
  const load = await timed(() => loadRegions(db.db, { villageProvinces: all }));
  const gen = await timed(() => generateUsers(db.db, USERS));
  // Fresh statistics, as a production database would have after its daily autovacuum/analyze.
  await sql`ANALYZE`.execute(db.db);
  setup[dialect] = { regionsLoaded: load.value, regionLoadMs: load.ms, usersGenerated: gen.value, userGenMs: gen.ms };
  console.log(`[${dialect}] 区划 ${load.value} 条,导入 ${load.ms} ms;生成用户 ${gen.value} 个,${gen.ms} ms`);

  // `sqlText` may hold several statements separated by ';' (a page and its total count): all are run.
  const add = async (name: string, repoFn: () => Promise<unknown>, sqlText: string, params: unknown[], describe: (v: unknown) => string) => {
    const r = await measure(repoFn);
    const statements = sqlText.split(';').map((x) => x.trim());
    const s = await measure(async () => {
      for (const st of statements) await raw(st, params);
    });
    rows.push({ dialect, case: name, repo_p50: r.p50, repo_p95: r.p95, raw_p50: s.p50, raw_p95: s.p95, result: describe(await repoFn()) });
  };

  const country = subtreeRange(COUNTRY_CODE);
  const perChildSql = `SELECT s.code, s.level, s.n FROM region_stats s JOIN regions r ON r.code = s.code WHERE r.parent_code = ? AND r.status = 'active' AND s.n > 0`;
  await add(
    '每个省的乡镇数与村(社区)数 (31 省,汇总表)',
    () => statsOfChildren(db.db, COUNTRY_CODE),
    perChildSql,
    [COUNTRY_CODE],
    (v) => `${(v as Map<string, unknown>).size} 省`,
  );
  await add(
    '同上,直接扫描区划表(无汇总表)',
    () => countsPerChild(db.db, COUNTRY_CODE, 2, [4, 5]),
    `SELECT substr(code, 1, 2) AS p, level, count(*) AS n FROM regions WHERE code >= ? AND code < ? AND level IN (4, 5) AND status = 'active' GROUP BY substr(code, 1, 2), level`,
    [country.lower, country.upper],
    (v) => `${(v as Map<string, unknown>).size} 省`,
  );
  await add(
    '一个县(南明区)的乡镇数与村(社区)数(汇总表)',
    () => statsOf(db.db, COUNTY),
    'SELECT level, n FROM region_stats WHERE code = ? AND n > 0',
    [COUNTY],
    (v) => JSON.stringify(v),
  );
  const county = subtreeRange(COUNTY);
  await add(
    '同上,直接扫描区划表',
    () => countByLevel(db.db, COUNTY),
    `SELECT level, count(*) AS n FROM regions WHERE code >= ? AND code < ? AND status = 'active' GROUP BY level`,
    [county.lower, county.upper],
    (v) => JSON.stringify(v),
  );
  await add(
    '一个省(贵州)各市的县/乡/村数(汇总表)',
    () => statsOfChildren(db.db, PROVINCE),
    perChildSql,
    [PROVINCE],
    (v) => `${(v as Map<string, unknown>).size} 市`,
  );
  const rebuild = await timed(() => db.db.transaction().execute((trx) => rebuildRegionStats(trx)));
  (setup[dialect] as Record<string, unknown>).statsRebuildMs = rebuild.ms;
  const province = subtreeRange(PROVINCE);
  await add(
    '用户列表第 1 页(贵州省范围,按用户名排序)',
    () => listUsers(db.db, { regionCode: PROVINCE, bound: null }, { page: 1, pageSize: 20, sort: 'username', order: 'asc' }),
    'SELECT count(*) FROM users WHERE region_code >= ? AND region_code < ?; SELECT * FROM users WHERE region_code >= ? AND region_code < ? ORDER BY username ASC, id LIMIT 20',
    [province.lower, province.upper],
    (v) => `共 ${(v as { total: number }).total} 人`,
  );
  if (TALENTS > 0) {
    await benchTalents({ dialect, db: db.db, raw, rows, setup: setup[dialect] as Record<string, unknown>, sqliteFile: file, pgUrl: PG_URL });
  }
  if (NETWORK_ROOMS > 0) {
    await benchNetwork({ dialect, db: db.db, raw, rows, setup: setup[dialect] as Record<string, unknown>, sqliteFile: file, pgUrl: PG_URL });
  }
  await closeRaw();
  await db.close();
}

async function pgReachable(): Promise<boolean> {
  const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

await benchDialect('sqlite');
if (await pgReachable()) await benchDialect('postgres');
else console.log('PostgreSQL 不可达,跳过(设置 BENCH_DATABASE_URL)');

// The 100,000-row import, each database in a fresh process (its memory is then the import's alone).
const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const imports: unknown[] = [];
if (IMPORT_ROWS > 0) {
  for (const d of ['sqlite', ...((await pgReachable()) ? ['postgres'] : [])]) {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/import-bench.ts', String(IMPORT_ROWS), d], { encoding: 'utf8', maxBuffer: 1 << 24 });
    const result = JSON.parse(out.trim().split('\n').pop() as string);
    imports.push(result);
    console.log(`[${d}] 导入 ${IMPORT_ROWS} 行: ${JSON.stringify(result)}`);
  }
}

console.log('');
console.table(rows);
console.log('');
console.log('| 数据库 | 场景 | 目标 ms | 仓储 p50 | 仓储 p95 | 原始 SQL p50 | 原始 SQL p95 | 结果 |');
console.log('|---|---|---|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.dialect} | ${r.case} | ${r.goal ?? ''} | ${r.repo_p50} | ${r.repo_p95} | ${r.raw_p50} | ${r.raw_p95} | ${r.result} |`);
const out = {
  at: new Date().toISOString(),
  node: process.version,
  talents: TALENTS,
  setup,
  rows,
  imports,
  rssMb: Math.round(process.memoryUsage().rss / 1048576),
};
fs.writeFileSync(path.join(resultsDir, 'latest.json'), JSON.stringify(out, null, 2));
console.log(`结果已写入 ${path.join(resultsDir, 'latest.json')}(进程内存 ${out.rssMb} MB)`);
