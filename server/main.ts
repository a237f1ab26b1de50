import path from 'node:path';
import { buildApp } from './app.ts';
import { prepareDatabase } from './bootstrap.ts';
import { systemClock } from './clock.ts';
import { loadConfig } from './config.ts';
import type { Deps } from './context.ts';
import { openDb } from './db/connection.ts';
import { DEMO_PASSWORD, DEMO_USERS } from './demo/demo-data.ts';
import { createFieldCrypto, loadMasterKey } from './security/field-crypto.ts';

const config = loadConfig();
const demo = !process.argv.includes('--no-demo');
const db = openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const log = (m: string) => console.log(m);

const deps: Deps = {
  db: db.db,
  dialect: db.dialect,
  clock: systemClock,
  crypto: createFieldCrypto(loadMasterKey(config.dataDir)),
  dataDir: config.dataDir,
  openBulk: db.openBulk,
};
const prepared = await prepareDatabase(deps, { demo, log });
const app = await buildApp({ deps, logLevel: config.logLevel, cookieSecure: config.cookieSecure, webDist: path.resolve('web/dist') });
await app.listen({ port: config.port, host: config.host });

const where = db.dialect === 'sqlite' ? `SQLite(${path.join(config.dataDir, 'sgpt.sqlite')})` : 'PostgreSQL';
log('');
log(`社工人才与社工站管理平台 已启动: http://localhost:${config.port}`);
log(`数据库: ${where},迁移版本 ${prepared.migration}`);
log(`API 文档: http://localhost:${config.port}/api/docs`);
if (prepared.initialAdmin) {
  log('');
  log('已创建系统管理员(仅显示这一次,首次登录须修改密码):');
  log(`  用户名 ${prepared.initialAdmin.username}  初始密码 ${prepared.initialAdmin.password}`);
} else {
  const demoUsers = await db.db.selectFrom('users').select('username').where('is_demo', '=', 1).execute();
  if (demoUsers.length) {
    log('');
    log(`演示账号(仅供演示,密码均为 ${DEMO_PASSWORD}):`);
    for (const u of DEMO_USERS) if (demoUsers.some((d) => d.username === u.username)) log(`  ${u.username.padEnd(14)} ${u.displayName}`);
  }
}

const stop = async () => {
  await app.close();
  await db.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
