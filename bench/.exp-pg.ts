import fs from 'node:fs';
import readline from 'node:readline';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { migrateToLatest } from '../server/db/migrate.ts';
const mode = process.argv[2] ?? 'json';
const per = Number(process.argv[3] ?? 5000);
const url = 'postgres://postgres@127.0.0.1:5432/test';
const admin = new pg.Client({ connectionString: url });
await admin.connect();
await admin.query('DROP SCHEMA IF EXISTS exp_pg CASCADE; CREATE SCHEMA exp_pg');
await admin.end();
const pool = new pg.Pool({ connectionString: url, options: '-c search_path=exp_pg' });
const k = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
await migrateToLatest(k);
const recs: any[] = [];
const lines = readline.createInterface({ input: fs.createReadStream('/tmp/importjob/records.ndjson') });
for await (const l of lines) recs.push(JSON.parse(l));
const cols = Object.keys(recs[0].record.row);
const c = await pool.connect();
const types = (await c.query(`select column_name, udt_name from information_schema.columns where table_schema='exp_pg' and table_name='talents'`)).rows;
const typeOf = new Map(types.map((r: any) => [r.column_name, r.udt_name]));
await c.query('begin');
const t0 = performance.now();
let js = 0;
for (let i = 0; i < recs.length; i += per) {
  const chunk = recs.slice(i, i + per);
  const a = performance.now();
  if (mode === 'json') {
    const text = JSON.stringify(chunk.map((r) => r.record.row));
    js += performance.now() - a;
    await c.query(`insert into talents (${cols.join(',')}) select ${cols.join(',')} from json_populate_recordset(null::talents, $1::json)`, [text]);
  } else if (mode === 'jsonarr') {
    // rows as arrays: json_array_elements + ->> index
    const text = JSON.stringify(chunk.map((r) => cols.map((cc) => r.record.row[cc])));
    js += performance.now() - a;
    await c.query(`insert into talents (${cols.join(',')}) select ${cols.map((cc, j) => `(e->>${j})::${typeOf.get(cc)}`).join(',')} from json_array_elements($1::json) e`, [text]);
  } else {
    const arrays = cols.map((cc) => chunk.map((r) => r.record.row[cc]));
    js += performance.now() - a;
    await c.query(`insert into talents (${cols.join(',')}) select * from unnest(${cols.map((cc, j) => `$${j + 1}::${typeOf.get(cc)}[]`).join(',')})`, arrays);
  }
}
const t1 = performance.now();
await c.query('commit');
console.log({ mode, per, talents: Math.round(t1 - t0), js: Math.round(js), commit: Math.round(performance.now() - t1) });
c.release();
await pool.end();
