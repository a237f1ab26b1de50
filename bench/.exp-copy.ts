import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDb } from '../server/db/connection.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { createBulkInserter } from '../server/modules/talents/import/bulk-insert.ts';
import { readLineChunks } from '../server/modules/talents/import/ndjson.ts';
const url = 'postgres://postgres@127.0.0.1:5432/test';
const admin = new pg.Client({ connectionString: url });
await admin.connect();
await admin.query('DROP SCHEMA IF EXISTS exp_copy CASCADE; CREATE SCHEMA exp_copy');
await admin.end();
const db = openDb({ databaseUrl: url, dataDir: os.tmpdir(), pgSchema: 'exp_copy' });
await migrateToLatest(db.db);
// build lines in the new format from the old records
const recs: any[] = [];
for await (const lines of readLineChunks('/tmp/importjob/records.ndjson')) for (const l of lines) recs.push(JSON.parse(l).record);
const { TALENT_COLUMNS, CHILD_LISTS, childColumns } = await import('../server/modules/talents/import/record-line.ts');
const { CHILD_TABLES } = await import('../server/modules/talents/talents.repository.ts');
const t0 = performance.now();
const times: Record<string, number> = {};
await db.db.transaction().execute(async (trx) => {
  const ins = await createBulkInserter(db.db, trx, 'postgres');
  console.log('inserter', ins.constructor.name);
  for (const r of recs) {
    ins.add('talents', TALENT_COLUMNS.map((c) => r.row[c]));
    for (const list of CHILD_LISTS) for (const ch of r.children[list]) ins.add(CHILD_TABLES[list] as any, childColumns(list).map((c) => ch[c]));
    ins.add('audit_log', [crypto.randomUUID(), 'x', null, null, 'create', 'talent', r.row.id, r.row.name, r.row.region_code, '{}', null, null]);
    if (ins.queued >= Number(process.env.FLUSH ?? 6000)) await ins.flush();
  }
  await ins.finish();
});
console.log('total', Math.round(performance.now() - t0), JSON.stringify((globalThis as any).copyTimes, (k, v) => typeof v === 'number' ? Math.round(v) : v));
await db.close();
