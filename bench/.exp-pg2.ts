import fs from 'node:fs';
import readline from 'node:readline';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { migrateToLatest } from '../server/db/migrate.ts';
const variant = process.argv[2] ?? 'full';
const per = Number(process.argv[3] ?? 2000);
const url = 'postgres://postgres@127.0.0.1:5432/test';
const admin = new pg.Client({ connectionString: url });
await admin.connect();
await admin.query('DROP SCHEMA IF EXISTS exp_pg CASCADE; CREATE SCHEMA exp_pg');
await admin.end();
const pool = new pg.Pool({ connectionString: url, options: '-c search_path=exp_pg' });
const k = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
await migrateToLatest(k);
const c = await pool.connect();
if (variant === 'noidx') for (const i of ['talents_region_idx','talents_tier_idx','talents_name_idx','talents_key_idx','talents_rereg_idx']) await c.query(`drop index ${i}`);
if (variant === 'nohash') { await c.query(`alter table talents drop constraint talents_id_hash_key`); }
const recs: any[] = [];
const lines = readline.createInterface({ input: fs.createReadStream('/tmp/importjob/records.ndjson') });
for await (const l of lines) recs.push(JSON.parse(l).record.row);
const cols = Object.keys(recs[0]);
const types = (await c.query(`select column_name, udt_name from information_schema.columns where table_schema='exp_pg' and table_name='talents'`)).rows;
const typeOf = new Map(types.map((r: any) => [r.column_name, r.udt_name]));
await c.query('begin');
const t0 = performance.now();
let js = 0;
for (let i = 0; i < recs.length; i += per) {
  const chunk = recs.slice(i, i + per);
  const a = performance.now();
  if (process.env.PREP) {
    const params: unknown[] = [];
    for (const r of chunk) for (const cc of cols) params.push(r[cc]);
    js += performance.now() - a;
    const n = chunk.length;
    const text = `insert into talents (${cols.join(',')}) values ${Array.from({ length: n }, (_, ri) => `(${cols.map((_c, ci) => `$${ri * cols.length + ci + 1}`).join(',')})`).join(',')}`;
    await c.query({ name: `ins${n}`, text, values: params });
  } else {
  const arrays = cols.map((cc) => chunk.map((r) => r[cc]));
  js += performance.now() - a;
  await c.query(`insert into talents (${cols.join(',')}) select * from unnest(${cols.map((cc, j) => `$${j + 1}::${typeOf.get(cc)}[]`).join(',')})`, arrays);
  }
}
const t1 = performance.now();
await c.query('commit');
console.log({ variant, per, talents: Math.round(t1 - t0), js: Math.round(js), commit: Math.round(performance.now() - t1) });
c.release();
await pool.end();
