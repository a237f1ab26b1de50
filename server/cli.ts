import { loadConfig } from './config.ts';
import { openDb } from './db/connection.ts';
import { migrateToLatest } from './db/migrate.ts';
import { loadRegions } from './io/region-loader.ts';

/**
 * Administrative commands: `npm run cli -- <command>`.
 *   migrate                      bring the database to the latest migration
 *   load-villages <province…>    load the villages/communities of provinces (2-digit codes, e.g. 53 44)
 *   load-regions                 (re)load levels 1–4 of the whole country; idempotent
 */
const [command, ...args] = process.argv.slice(2);
const config = loadConfig();
const db = openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const progress = (stage: string, n: number) => process.stdout.write(`\r  ${stage}: ${n.toLocaleString('zh-CN')} 条   `);

try {
  switch (command) {
    case 'migrate':
      console.log(`迁移完成:${await migrateToLatest(db.db)}`);
      break;
    case 'load-villages': {
      const provinces = args.filter((a) => /^\d{2}$/.test(a));
      if (!provinces.length || provinces.length !== args.length) {
        console.error('用法: npm run cli -- load-villages 53 [44 …](两位省级代码)');
        process.exitCode = 2;
        break;
      }
      await migrateToLatest(db.db);
      // Levels 1–4 are loaded too when missing (idempotent), so villages always have their parents.
      const n = await loadRegions(db.db, { villageProvinces: provinces, onProgress: progress });
      console.log(`\n新增村级区划 ${n.toLocaleString('zh-CN')} 条(已存在的不会重复导入)`);
      break;
    }
    case 'load-regions': {
      await migrateToLatest(db.db);
      const n = await loadRegions(db.db, { onProgress: progress });
      console.log(`\n新增区划 ${n.toLocaleString('zh-CN')} 条`);
      break;
    }
    default:
      console.error('命令: migrate | load-villages <省级代码…> | load-regions');
      process.exitCode = 2;
  }
} finally {
  await db.close();
}
