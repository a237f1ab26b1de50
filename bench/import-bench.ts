import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { COUNTRY_CODE } from '../domain/standards/region-code.ts';
import { prepareDatabase } from '../server/bootstrap.ts';
import { systemClock } from '../server/clock.ts';
import type { Actor, Deps } from '../server/context.ts';
import { openDb } from '../server/db/connection.ts';
import { readWorkbookRows } from '../server/io/xlsx/read-workbook.ts';
import { TALENT_COLUMNS } from '../server/io/xlsx/talent-columns.ts';
import { commitImport, getImport, startImport, waitForImport } from '../server/modules/talents/talent-import.service.ts';
import * as repo from '../server/modules/talents/talents.repository.ts';
import { createFieldCrypto } from '../server/security/field-crypto.ts';
import { writeTalentWorkbook } from './talent-xlsx.ts';

/**
 * Importing a 100,000-row .xlsx end to end (upload → worker read → validation → one-transaction commit),
 * beside the time ExcelJS alone takes to read the same file. While the import runs, a second "user"
 * asks for a list page every 100 ms on the main connection: its worst latency shows whether the server
 * stayed responsive. Peak RSS of the process and the event loop's worst delay are recorded.
 *
 * The import keeps several threads busy, so on a shared machine the wall times follow the load:
 * the CPU time of each phase (all threads of the process) and the load average are reported too.
 */
export interface ImportBenchResult {
  dialect: 'sqlite' | 'postgres';
  rows: number;
  fileMB: number;
  exceljsReadMs: number;
  ourReadMs: number;
  validateMs: number;
  commitMs: number;
  totalMs: number;
  /** CPU time of all the process's threads during validation / commit (the database server's not included). */
  validateCpuMs: number;
  commitCpuMs: number;
  /** 1-minute load average when the import started. */
  loadAvg: number;
  counts: import('../server/modules/talents/talent-import.service.ts').ImportCounts;
  maxEventLoopDelayMs: number;
  validateLoopMaxMs: number;
  commitLoopMaxMs: number;
  otherUserMaxMs: number;
  /** The other user's worst latency while the commit ran (PostgreSQL: its count must skip the import's uncommitted rows). */
  otherUserCommitMaxMs: number;
  otherUserRequests: number;
  peakRssMB: number;
}

export async function writeImportFile(rows: number, dir: string): Promise<string> {
  const file = path.join(dir, `talents-${rows}.xlsx`);
  if (!fs.existsSync(file)) await writeTalentWorkbook(file, { rows, provinces: ['52'] });
  return file;
}

async function exceljsAlone(file: string): Promise<number> {
  const t0 = performance.now();
  let n = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', worksheets: 'emit', hyperlinks: 'ignore', styles: 'ignore' });
  for await (const ws of reader) for await (const _row of ws) n++;
  if (n === 0) throw new Error('ExcelJS read no rows');
  return Math.round(performance.now() - t0);
}

async function ourReader(file: string): Promise<number> {
  const t0 = performance.now();
  const rows = await readWorkbookRows(file, { columns: TALENT_COLUMNS });
  for await (const _r of rows) {
  }
  return Math.round(performance.now() - t0);
}

const cpuMs = (from: NodeJS.CpuUsage, to: NodeJS.CpuUsage) => Math.round((to.user - from.user + to.system - from.system) / 1000);

export async function benchImport(dialect: 'sqlite' | 'postgres', file: string, rowCount: number, pgUrl: string): Promise<ImportBenchResult> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sgpt-import-bench-'));
  let db: ReturnType<typeof openDb>;
  if (dialect === 'sqlite') db = openDb({ dataDir, sqliteFile: path.join(dataDir, 'bench.sqlite') });
  else {
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query('DROP SCHEMA IF EXISTS bench_import CASCADE; CREATE SCHEMA bench_import');
    await admin.end();
    db = openDb({ databaseUrl: pgUrl, dataDir, pgSchema: 'bench_import' });
  }
  const deps: Deps = { db: db.db, dialect: db.dialect, clock: systemClock, crypto: createFieldCrypto(Buffer.alloc(32, 3)), dataDir, openBulk: db.openBulk };
  try {
    await prepareDatabase(deps, { demo: false, log: () => {}, regionLoad: { onlyProvinces: ['52'], villageProvinces: [] } });
    const user = await db.db.selectFrom('users').select(['id', 'username']).executeTakeFirstOrThrow();
    const actor: Actor = {
      userId: user.id,
      username: user.username,
      role: 'system_admin',
      scope: { regionCode: COUNTRY_CODE, bound: null },
      ip: null,
      requestId: null,
    };

    const loop = monitorEventLoopDelay({ resolution: 10 });
    let peak = 0;
    const rss = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 50);
    // The other user: a list page on the main connection every 100 ms.
    let otherMax = 0;
    let otherCommitMax = 0;
    let committing = false;
    let otherN = 0;
    let stop = false;
    const other = (async () => {
      while (!stop) {
        const t0 = performance.now();
        await repo.listTalents(db.db, actor.scope, { regionCode: '520000000000', page: 1, pageSize: 20 }, '2026-11-22', null);
        otherMax = Math.max(otherMax, performance.now() - t0);
        if (committing) otherCommitMax = Math.max(otherCommitMax, performance.now() - t0);
        otherN++;
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    loop.enable();
    const loadAvg = Math.round(os.loadavg()[0] * 10) / 10;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const job = await startImport(deps, actor, fs.createReadStream(file), path.basename(file));
    await waitForImport(job.id);
    const validated = await getImport(deps, actor, job.id);
    if (validated.status !== 'validated') throw new Error(`validation ended ${validated.status}: ${validated.message}`);
    const t1 = performance.now();
    const cpu1 = process.cpuUsage();
    const validateLoopMax = loop.max;
    loop.reset();
    committing = true;
    await commitImport(deps, actor, job.id, false);
    await waitForImport(job.id);
    const t2 = performance.now();
    const cpu2 = process.cpuUsage();
    loop.disable();
    stop = true;
    await other;
    clearInterval(rss);
    const done = await getImport(deps, actor, job.id);
    if (done.status !== 'done') throw new Error(`commit ended ${done.status}: ${done.message}`);
    // Reading alone is timed after the import, so the import's memory peak is its own.
    // IMPORT_BENCH_IMPORT_ONLY=1 skips these two (comparing variants of the import itself).
    const importOnly = process.env.IMPORT_BENCH_IMPORT_ONLY === '1';
    const exceljsReadMs = importOnly ? 0 : await exceljsAlone(file);
    const ourReadMs = importOnly ? 0 : await ourReader(file);
    return {
      dialect,
      rows: rowCount,
      fileMB: Math.round((fs.statSync(file).size / 1048576) * 10) / 10,
      exceljsReadMs,
      ourReadMs,
      validateMs: Math.round(t1 - t0),
      commitMs: Math.round(t2 - t1),
      totalMs: Math.round(t2 - t0),
      validateCpuMs: cpuMs(cpu0, cpu1),
      commitCpuMs: cpuMs(cpu1, cpu2),
      loadAvg,
      counts: done.counts,
      maxEventLoopDelayMs: Math.round(Math.max(validateLoopMax, loop.max) / 1e6),
      validateLoopMaxMs: Math.round(validateLoopMax / 1e6),
      commitLoopMaxMs: Math.round(loop.max / 1e6),
      otherUserMaxMs: Math.round(otherMax),
      otherUserCommitMaxMs: Math.round(otherCommitMax),
      otherUserRequests: otherN,
      peakRssMB: Math.round(peak / 1048576),
    };
  } finally {
    await db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

// Runs on its own: npx tsx bench/import-bench.ts [rows] [sqlite|postgres]
if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = Number(process.argv[2] ?? 100_000);
  const dialects = (process.argv[3] ? [process.argv[3]] : ['sqlite', 'postgres']) as ('sqlite' | 'postgres')[];
  const dir = path.resolve('bench/results');
  fs.mkdirSync(dir, { recursive: true });
  const file = await writeImportFile(rows, dir);
  for (const d of dialects) {
    console.log(JSON.stringify(await benchImport(d, file, rows, process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test')));
  }
}
