// temporary profiling harness (not committed)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import inspector from 'node:inspector/promises';
import pg from 'pg';
import { COUNTRY_CODE } from '../domain/standards/region-code.ts';
import { prepareDatabase } from '../server/bootstrap.ts';
import { systemClock } from '../server/clock.ts';
import type { Actor, Deps } from '../server/context.ts';
import { openDb } from '../server/db/connection.ts';
import { commitImport, getImport, startImport, waitForImport } from '../server/modules/talents/talent-import.service.ts';
import { createFieldCrypto } from '../server/security/field-crypto.ts';

const dialect = (process.argv[2] ?? 'sqlite') as 'sqlite' | 'postgres';
const file = path.resolve('bench/results/talents-100000.xlsx');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sgpt-prof-'));
let db: ReturnType<typeof openDb>;
const pgUrl = 'postgres://postgres@127.0.0.1:5432/test';
if (dialect === 'sqlite') db = openDb({ dataDir, sqliteFile: path.join(dataDir, 'bench.sqlite') });
else {
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query('DROP SCHEMA IF EXISTS prof_import CASCADE; CREATE SCHEMA prof_import');
  await admin.end();
  db = openDb({ databaseUrl: pgUrl, dataDir, pgSchema: 'prof_import' });
}
const deps: Deps = { db: db.db, dialect: db.dialect, clock: systemClock, crypto: createFieldCrypto(Buffer.alloc(32, 3)), dataDir, openBulk: db.openBulk };
await prepareDatabase(deps, { demo: false, log: () => {}, regionLoad: { onlyProvinces: ['52'], villageProvinces: [] } });
const user = await db.db.selectFrom('users').select(['id', 'username']).executeTakeFirstOrThrow();
const actor: Actor = { userId: user.id, username: user.username, role: 'system_admin', scope: { regionCode: COUNTRY_CODE, bound: null }, ip: null, requestId: null };
const session = new inspector.Session();
session.connect();
await session.post('Profiler.enable');
let peak = 0;
const mem = setInterval(() => { const m = process.memoryUsage(); if (m.rss > peak) { peak = m.rss; if (process.env.MEM) console.error('rss', Math.round(m.rss/1048576), 'heap', Math.round(m.heapUsed/1048576), 'ext', Math.round(m.external/1048576), 'ab', Math.round(m.arrayBuffers/1048576)); } }, 200);
const doProf = !!process.env.PROF;
const prof = async (name: string, f: () => Promise<void>) => {
  if (doProf) await session.post('Profiler.start');
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  await f();
  const c = process.cpuUsage(c0);
  console.error(name, Math.round(performance.now() - t0), 'ms wall', Math.round((c.user + c.system) / 1000), 'ms cpu');
  if (doProf) {
    const { profile } = await session.post('Profiler.stop');
    fs.writeFileSync(`/tmp/prof/${name}.cpuprofile`, JSON.stringify(profile));
  }
};
const threadCpu = new Map<string, { name: string; ticks: number }>();
const sampleThreads = () => {
  for (const tid of fs.readdirSync('/proc/self/task')) {
    try {
      const st = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const name = st.slice(st.indexOf('(') + 1, st.lastIndexOf(')'));
      const f = st.slice(st.lastIndexOf(')') + 2).split(' ');
      threadCpu.set(tid, { name, ticks: Number(f[11]) + Number(f[12]) });
    } catch {}
  }
};
const threadTimer = setInterval(sampleThreads, 100);
const dumpThreads = (label: string) => {
  sampleThreads();
  const rows = [...threadCpu.entries()].map(([tid, v]) => [tid, v.name, v.ticks - (base0.get(tid) ?? 0)] as const).filter(([, , t]) => t > 20).map(([tid, name, t]) => `${tid}:${name}=${t * 10}ms`);
  console.error(label, rows.join(' '));
  threadCpu.clear();
};
let id = '';
console.error('main tid', fs.readlinkSync('/proc/thread-self'));
const base0 = new Map<string, number>();
sampleThreads();
for (const [tid, v] of threadCpu) base0.set(tid, v.ticks);
const dumpThreads0 = dumpThreads;
await prof('validate', async () => {
  const job = await startImport(deps, actor, fs.createReadStream(file), 'x.xlsx');
  id = job.id;
  await waitForImport(job.id);
});
dumpThreads('threads after validate');
console.error((await getImport(deps, actor, id)).status);
if (process.env.COPYJOB) fs.cpSync(path.join(dataDir,'imports',id), '/tmp/importjob', {recursive:true});
if (process.env.ONLY_VALIDATE) process.exit(0);
await prof('commit', async () => {
  await commitImport(deps, actor, id, false);
  await waitForImport(id);
});
dumpThreads('threads after commit (cumulative for live threads)');
clearInterval(threadTimer);
console.error('pg times', JSON.stringify((globalThis as any).pgTimes));
const done = await getImport(deps, actor, id);
console.error(done.status, done.message, JSON.stringify(done.counts));
clearInterval(mem);
console.error('peak rss', Math.round(peak / 1048576));
await db.close();
fs.rmSync(dataDir, { recursive: true, force: true });
