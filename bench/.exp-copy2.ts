import os from 'node:os';
import { openDb, pgClientOf } from '../server/db/connection.ts';
const db = openDb({ databaseUrl: 'postgres://postgres@127.0.0.1:5432/test', dataDir: os.tmpdir(), pgSchema: 'exp_copy' });
await db.db.transaction().execute(async (trx) => {
  const c = await pgClientOf(db.db, trx);
  console.log('client', !!c, (c as any)?.processID);
});
await db.close();
