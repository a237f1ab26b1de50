import os from 'node:os';
import pg from 'pg';
import { openDb } from '../server/db/connection.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { createBulkInserter } from '../server/modules/talents/import/bulk-insert.ts';
const url = 'postgres://postgres@127.0.0.1:5432/test';
const admin = new pg.Client({ connectionString: url });
await admin.connect();
await admin.query('DROP SCHEMA IF EXISTS exp_abort CASCADE; CREATE SCHEMA exp_abort');
await admin.end();
const db = openDb({ databaseUrl: url, dataDir: os.tmpdir(), pgSchema: 'exp_abort' });
await migrateToLatest(db.db);
const t0 = performance.now();
try {
  await db.db.transaction().execute(async (trx) => {
    const ins = await createBulkInserter(db.db, trx, 'postgres', '/tmp');
    try {
      ins.add('audit_log', ['a', 'x', null, null, 'create', 'talent', 'e', 'n', '520000000000', '{}', null, null]);
      throw new Error('our own failure');
    } finally {
      await ins.dispose();
    }
  });
} catch (e) { console.log('caught', (e as Error).message); }
const n = await db.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
console.log('after', n, Math.round(performance.now() - t0), 'ms', (await import('node:fs')).existsSync('/tmp/copy-audit_log.tsv'));
await db.close();
