// experiment: raw better-sqlite3 insert speed
import fs from 'node:fs';
import readline from 'node:readline';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { migrateToLatest } from '../server/db/migrate.ts';
const cache = Number(process.argv[2] ?? 2000);
const file = '/tmp/exp.sqlite';
for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
const s0 = new SQLite(file);
s0.pragma('journal_mode = WAL');
const k = new Kysely<any>({ dialect: new SqliteDialect({ database: s0 }) });
await migrateToLatest(k);
const db = new SQLite(file);
db.pragma('synchronous = NORMAL');
db.pragma('foreign_keys = ON');
db.pragma(`cache_size = ${cache}`);
const t0 = performance.now();
const recs: any[] = [];
const lines = readline.createInterface({ input: fs.createReadStream('/tmp/importjob/records.ndjson') });
for await (const l of lines) recs.push(JSON.parse(l));
const t1 = performance.now();
console.log('read+parse', Math.round(t1 - t0));
const cols = Object.keys(recs[0].record.row);
const ins = db.prepare(`insert into talents (${cols.join(',')}) values (${cols.map(() => '?').join(',')})`);
const ecols = Object.keys(recs[0].record.children.educations[0]);
const insE = db.prepare(`insert into talent_educations (${ecols.join(',')}) values (${ecols.map(() => '?').join(',')})`);
const certRec = recs.find((r) => r.record.children.certificates.length);
const ccols = Object.keys(certRec.record.children.certificates[0]);
const insC = db.prepare(`insert into talent_certificates (${ccols.join(',')}) values (${ccols.map(() => '?').join(',')})`);
const acols = ['id','at','actor_id','actor_name','action','entity_type','entity_id','entity_label','region_code','changes','ip','request_id'];
const insA = db.prepare(`insert into audit_log (${acols.join(',')}) values (${acols.map(() => '?').join(',')})`);
const at = new Date().toISOString();
db.exec('begin');
let tT = 0, tC = 0, tA = 0;
for (let i = 0; i < recs.length; i += 1000) {
  const chunk = recs.slice(i, i + 1000);
  let a = performance.now();
  for (const r of chunk) ins.run(cols.map((c) => r.record.row[c]));
  let b = performance.now(); tT += b - a;
  for (const r of chunk) { for (const e of r.record.children.educations) insE.run(ecols.map((c) => e[c])); for (const e of r.record.children.certificates) insC.run(ccols.map((c) => e[c])); }
  a = performance.now(); tC += a - b;
  for (const r of chunk) insA.run([crypto.randomUUID(), at, 'u', 'admin', 'create', 'talent', r.record.row.id, r.record.row.name, r.record.row.region_code, JSON.stringify({ import: ['x', 'y'] }), null, null]);
  b = performance.now(); tA += b - a;
}
const t2 = performance.now();
db.exec('commit');
const t3 = performance.now();
console.log({ cache, talents: Math.round(tT), children: Math.round(tC), audit: Math.round(tA), commit: Math.round(t3 - t2), total: Math.round(t3 - t1) });
