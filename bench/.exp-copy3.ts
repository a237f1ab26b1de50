import os from 'node:os';
import pg from 'pg';
import { openDb, pgClientOf } from '../server/db/connection.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { copyRows } from '../server/modules/talents/import/pg-copy.ts';
import { readLineChunks } from '../server/modules/talents/import/ndjson.ts';
import { TALENT_COLUMNS } from '../server/modules/talents/import/record-line.ts';
const per = Number(process.argv[2] ?? 2000);
const url = 'postgres://postgres@127.0.0.1:5432/test';
const admin = new pg.Client({ connectionString: url });
await admin.connect();
await admin.query('DROP SCHEMA IF EXISTS exp_copy CASCADE; CREATE SCHEMA exp_copy');
await admin.end();
const db = openDb({ databaseUrl: url, dataDir: os.tmpdir(), pgSchema: 'exp_copy' });
await migrateToLatest(db.db);
const rows: unknown[][] = [];
for await (const lines of readLineChunks('/tmp/importjob/records.ndjson')) for (const l of lines) { const r = JSON.parse(l).record.row; rows.push(TALENT_COLUMNS.map((c) => r[c])); }
const t0 = performance.now();
await db.db.transaction().execute(async (trx) => {
  const c = (await pgClientOf(db.db, trx))!;
  for (let i = 0; i < rows.length; i += per) await copyRows(c, 'talents', TALENT_COLUMNS, rows.slice(i, i + per));
});
console.log({ per, total: Math.round(performance.now() - t0), T: (globalThis as any).copyTimes });
await db.close();
