import { generatePassword, hashPassword } from './auth/passwords.ts';
import type { Deps } from './context.ts';
import { migrateToLatest } from './db/migrate.ts';
import { seedDemo } from './demo/seed-demo.ts';
import { type LoadOptions, loadRegions } from './io/region-loader.ts';
import { buildUserRow } from './modules/users/user-row.ts';

export interface PrepareOptions {
  demo: boolean;
  log: (msg: string) => void;
  /** Narrower region load (tests); default: the whole country plus Guizhou's villages. */
  regionLoad?: Pick<LoadOptions, 'onlyProvinces' | 'villageProvinces'>;
}

export interface PrepareResult {
  migration: string;
  regionsLoaded: number;
  /** Set when a fresh database without demo data got its administrator: shown once. */
  initialAdmin?: { username: string; password: string };
  seededDemo: boolean;
}

/** Migrates, loads the division table on first start, and creates the first accounts. Idempotent. */
export async function prepareDatabase(deps: Deps, opts: PrepareOptions): Promise<PrepareResult> {
  const migration = await migrateToLatest(deps.db);
  const result: PrepareResult = { migration, regionsLoaded: 0, seededDemo: false };
  const anyRegion = await deps.db.selectFrom('regions').select('code').where('level', '=', 4).limit(1).executeTakeFirst();
  if (!anyRegion) {
    opts.log('首次启动:正在导入 2023 年全国统计用区划代码(省、市、县、乡四级及贵州省村级)…');
    let last = '';
    result.regionsLoaded = await loadRegions(deps.db, {
      villageProvinces: ['52'],
      ...opts.regionLoad,
      onProgress: (stage, n) => {
        const line = `  ${stage}: ${n.toLocaleString('zh-CN')} 条`;
        if (line !== last) opts.log(line);
        last = line;
      },
    });
    opts.log(`区划导入完成,共 ${result.regionsLoaded.toLocaleString('zh-CN')} 条`);
  }
  const anyUser = await deps.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (!anyUser) {
    if (opts.demo) {
      await seedDemo(deps);
      result.seededDemo = true;
    } else {
      const password = generatePassword();
      const now = deps.clock.now().toISOString();
      await deps.db
        .insertInto('users')
        .values(
          buildUserRow({
            username: 'admin',
            displayName: '系统管理员',
            passwordHash: await hashPassword(password),
            role: 'system_admin',
            regionCode: '000000000000',
            at: now,
            mustChangePassword: true,
          }),
        )
        .execute();
      result.initialAdmin = { username: 'admin', password };
    }
  }
  return result;
}
