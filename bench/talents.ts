import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { COUNTRY_CODE, subtreeRange } from '../domain/standards/region-code.ts';
import { SERVICE_FIELDS, TALENT_CATEGORIES, TALENT_ROLES } from '../domain/talents/code-lists.ts';
import type { KeyRuleSet } from '../domain/talents/key-talent-rules.ts';
import type { Scope } from '../server/auth/scope.ts';
import { chinaToday, systemClock } from '../server/clock.ts';
import type { Deps } from '../server/context.ts';
import type { Database, TalentCertificatesTable, TalentsTable } from '../server/db/schema.ts';
import { prng } from '../server/demo/prng.ts';
import { placesOf, TalentGenerator, townshipWeight } from '../server/demo/talent-generator.ts';
import { talentAnalytics } from '../server/modules/talents/analytics.service.ts';
import { ruleSetFor } from '../server/modules/talents/key-rules.service.ts';
import { buildTalentRecord, provinceOf } from '../server/modules/talents/talent-record.ts';
import { computeStatsDirect, rebuildTalentStats } from '../server/modules/talents/talent-stats.repository.ts';
import { listTalents } from '../server/modules/talents/talents.repository.ts';
import { createFieldCrypto } from '../server/security/field-crypto.ts';
import { measure, timed } from './measure.ts';

/**
 * The talent part of `npm run bench`: BENCH_TALENTS (default 2,000,000) deterministic talents over all
 * the country's townships, built by the one record builder (encryption with a fixed bench key) and
 * bulk-inserted; the summary rebuilt; then the list page and the structure analytics through the
 * repository and service, each beside the same SQL sent straight to the driver, and the analytics
 * beside the floor without a summary (a GROUP BY over the talents).
 *
 * Load shortcut (documented in the results): of the child lists only certificates are stored. The
 * other lists (educations, employments, trainings, honours, dispatches) are still generated and
 * feed the derived columns the queries use (education level, graduate flag, hours), but their rows
 * would only lengthen the load: no benchmarked query reads them.
 */
export const TALENTS = Number(process.env.BENCH_TALENTS ?? 2_000_000);
const SEED = 20_261_122;
const TODAY = chinaToday(systemClock);
/** A fixed key: the bench never decrypts, but the cost of sealing every ID number and phone is real. */
const BENCH_KEY = Buffer.alloc(32, 0x42);
const CHUNK = 500;
const PER_TRANSACTION = 20_000;

const GUIZHOU = '520000000000';
const SICHUAN = '510000000000';
const NANMING = '520102000000';
const ADMIN: Scope = { regionCode: COUNTRY_CODE, bound: null };

export type RawQuery = (text: string, params: unknown[]) => Promise<unknown>;
export interface BenchRow {
  dialect: string;
  case: string;
  goal?: string;
  repo_p50: number;
  repo_p95: number;
  raw_p50: number;
  raw_p95: number;
  result: string;
}
interface Statement {
  sql: string;
  params: readonly unknown[];
}

export interface TalentBenchContext {
  dialect: 'sqlite' | 'postgres';
  db: Kysely<Database>;
  raw: RawQuery;
  rows: BenchRow[];
  setup: Record<string, unknown>;
  /** Where a second, logging connection goes (to capture the SQL the repository sends). */
  sqliteFile?: string;
  pgUrl?: string;
}

/** Peak resident memory of this process, sampled every 50 ms, per phase. */
export class RssMonitor {
  private peak = 0;
  private readonly timer: NodeJS.Timeout;
  readonly peaks: Record<string, number> = {};
  constructor() {
    this.timer = setInterval(() => this.sample(), 50);
    this.timer.unref();
  }
  sample() {
    this.peak = Math.max(this.peak, process.memoryUsage().rss);
  }
  /** Ends a phase: records its peak in MB and starts the next from the current RSS. */
  mark(phase: string) {
    this.sample();
    this.peaks[phase] = Math.round(this.peak / 1048576);
    this.peak = 0;
  }
  stop() {
    clearInterval(this.timer);
  }
}

/** A second Kysely on the same database that records every statement it runs. */
function capturing(ctx: TalentBenchContext): { db: Kysely<Database>; log: Statement[]; close: () => Promise<void> } {
  const log: Statement[] = [];
  const onLog = (e: { level: string; query: { sql: string; parameters: readonly unknown[] } }) => {
    if (e.level === 'query') log.push({ sql: e.query.sql, params: [...e.query.parameters] });
  };
  const dialect =
    ctx.dialect === 'sqlite'
      ? new SqliteDialect({ database: new SQLite(ctx.sqliteFile as string) })
      : new PostgresDialect({ pool: new pg.Pool({ connectionString: ctx.pgUrl, options: '-c search_path=bench', max: 1 }) });
  const db = new Kysely<Database>({ dialect, log: onLog });
  return { db, log, close: () => db.destroy() };
}

/** Generates, builds and inserts `count` talents; returns counts. Chunks stay small so memory stays flat. */
async function loadTalents(ctx: TalentBenchContext, count: number, rss: RssMonitor) {
  const { db } = ctx;
  const regions = await db.selectFrom('regions').select(['code', 'name', 'level']).where('level', '>=', 1).where('level', '<=', 4).execute();
  // Roughly uniform over townships, with skew: a township's weight varies 0.3–3×, more in towns.
  const skew = prng(SEED + 1);
  const { places, counties } = placesOf(regions, (t) => townshipWeight(t.code, 0.3 + 2.7 * skew() ** 2));
  const gen = new TalentGenerator({ seed: SEED, today: TODAY, places, counties });
  const crypto = createFieldCrypto(BENCH_KEY);
  const ruleSets = new Map<string, KeyRuleSet>();
  for (const p of new Set(places.map((x) => provinceOf(x.code)))) ruleSets.set(p, (await ruleSetFor(db, p)).ruleSet);

  const build = (n: number) => {
    const talents: TalentsTable[] = [];
    const certificates: TalentCertificatesTable[] = [];
    for (let i = 0; i < n; i++) {
      const { input, at } = gen.next();
      const record = buildTalentRecord(input, {
        crypto,
        ruleSet: ruleSets.get(provinceOf(input.regionCode)) as KeyRuleSet,
        urbanRuralClass: null,
        at,
      });
      talents.push(record.row);
      certificates.push(...record.children.certificates);
    }
    return { talents, certificates };
  };

  let made = 0;
  let certificateRows = 0;
  while (made < count) {
    const inTransaction = Math.min(PER_TRANSACTION, count - made);
    await db.transaction().execute(async (trx) => {
      let next = build(Math.min(CHUNK, inTransaction));
      let done = 0;
      while (next.talents.length) {
        const current = next;
        done += current.talents.length;
        // PostgreSQL works on this chunk while the next one is built (SQLite runs synchronously anyway).
        const inserting = trx.insertInto('talents').values(current.talents).execute();
        next = build(Math.min(CHUNK, inTransaction - done));
        await inserting;
        for (let i = 0; i < current.certificates.length; i += 1000)
          await trx
            .insertInto('talent_certificates')
            .values(current.certificates.slice(i, i + 1000))
            .execute();
        certificateRows += current.certificates.length;
      }
      made += done;
    });
    rss.sample();
    if (made % 200_000 < PER_TRANSACTION) console.log(`[${ctx.dialect}]   人才 ${made.toLocaleString('zh-CN')} / ${count.toLocaleString('zh-CN')}`);
  }
  return { talents: made, certificates: certificateRows, places: places.length };
}

const range = (code: string) => subtreeRange(code);

/** The analytics floor without a summary: one scan for the scalar dimensions, one for the bit masks. */
function floorStatements(code: string): Statement[] {
  const { lower, upper } = range(code);
  const where = `WHERE region_code >= ? AND region_code < ? AND status = 'active'`;
  const bits = (column: string, list: readonly unknown[]) => list.map((_, i) => `sum(CASE WHEN (${column} & ${1 << i}) <> 0 THEN 1 ELSE 0 END)`).join(', ');
  return [
    {
      sql: `SELECT tier, urban_rural, sex, education_level, substr(birth_date, 1, 4) AS y, count(*) AS n, sum(is_key) AS k, sum(party_member) AS p, sum(sw_graduate) AS g, sum(professional_post) AS pp FROM talents ${where} GROUP BY tier, urban_rural, sex, education_level, substr(birth_date, 1, 4)`,
      params: [lower, upper],
    },
    {
      sql: `SELECT ${bits('fields', SERVICE_FIELDS)}, ${bits('categories', TALENT_CATEGORIES)}, ${bits('roles', TALENT_ROLES)} FROM talents ${where}`,
      params: [lower, upper],
    },
  ];
}

export async function benchTalents(ctx: TalentBenchContext): Promise<void> {
  const { dialect, db } = ctx;
  const rss = new RssMonitor();
  rss.mark('before');
  const load = await timed(() => loadTalents(ctx, TALENTS, rss));
  rss.mark('load');
  if (dialect === 'postgres') await sql`VACUUM ANALYZE`.execute(db);
  else await sql`ANALYZE`.execute(db);
  const rebuild = await timed(() => db.transaction().execute((trx) => rebuildTalentStats(trx)));
  rss.mark('rebuild');
  if (dialect === 'postgres') await sql`VACUUM ANALYZE talent_stats`.execute(db);
  Object.assign(ctx.setup, {
    talents: load.value.talents,
    talentCertificates: load.value.certificates,
    talentPlaces: load.value.places,
    talentLoadMs: load.ms,
    talentRowsPerSecond: Math.round(load.value.talents / (load.ms / 1000)),
    talentStatsRebuildMs: rebuild.ms,
    talentLoadNote: '只写入人才表和证书表;学历、工作经历、培训、表彰、选派只用于计算派生列(学历层次、是否社工专业、继续教育学时),不写入子表',
  });
  console.log(`[${dialect}] 人才 ${load.value.talents} 人(证书 ${load.value.certificates} 条),生成+写入 ${load.ms} ms;汇总表重建 ${rebuild.ms} ms`);

  // SQLite reads the planner's statistics when a connection opens: the raw side gets a connection
  // opened after ANALYZE, as the repository's has them (PostgreSQL keeps them in the server).
  const rawSqlite = dialect === 'sqlite' ? new SQLite(ctx.sqliteFile as string, { readonly: true }) : null;
  const raw: RawQuery = rawSqlite ? async (text, params) => rawSqlite.prepare(text).all(...params) : ctx.raw;
  const cap = capturing(ctx);
  const deps: Deps = { db, dialect, clock: systemClock, crypto: createFieldCrypto(BENCH_KEY), dataDir: '/tmp' };
  const capDeps: Deps = { ...deps, db: cap.db };
  /** Runs `fn` once on the logging connection and returns the statements it sent. */
  const statementsOf = async (fn: (d: Deps) => Promise<unknown>) => {
    cap.log.length = 0;
    await fn(capDeps);
    return [...cap.log];
  };
  const add = async (
    name: string,
    goal: string,
    repoFn: (d: Deps) => Promise<unknown>,
    statements: Statement[],
    describe: (v: unknown) => string,
    iterations = 30,
  ) => {
    const warmup = iterations >= 10 ? 3 : 1;
    const r = await measure(() => repoFn(deps), iterations, warmup);
    const s = await measure(
      async () => {
        for (const st of statements) await raw(st.sql, [...st.params]);
      },
      iterations,
      warmup,
    );
    ctx.rows.push({ dialect, case: name, goal, repo_p50: r.p50, repo_p95: r.p95, raw_p50: s.p50, raw_p95: s.p95, result: describe(await repoFn(deps)) });
    rss.sample();
  };

  const today = TODAY;
  const page =
    (regionCode: string | undefined, extra: { tier?: 'junior'; field?: 'elderly' } = {}, p = 1) =>
    (d: Deps) =>
      listTalents(d.db, ADMIN, { regionCode, ...extra, sort: 'region_code', order: 'asc', page: p, pageSize: 20 }, today, null);
  const total = (v: unknown) => `共 ${(v as { total: number }).total} 人`;
  const filter = { tier: 'junior', field: 'elderly' } as const;
  const listCase = async (name: string, fn: (d: Deps) => Promise<unknown>) => add(name, '<100', fn, await statementsOf(fn), total);
  await listCase('人才列表第 1 页:贵州省 + 助理社工师 + 养老服务,按地区排序', page(GUIZHOU, filter));
  await listCase('同上,第 50 页(跳过 980 条)', page(GUIZHOU, filter, 50));
  await listCase('人才列表第 1 页:四川省(乡镇最多)+ 助理社工师 + 养老服务', page(SICHUAN, filter));
  await listCase('人才列表第 1 页:一个县(南明区)+ 助理社工师 + 养老服务', page(NANMING, filter));
  await listCase('人才列表第 1 页:全国 + 助理社工师 + 养老服务', page(undefined, filter));
  await listCase('人才列表第 1 页:全国,无筛选(总数要数全部人才)', page(undefined));

  const analytics = (code: string) => (d: Deps) => talentAnalytics(d, ADMIN, code, undefined);
  const describeAnalytics = (v: unknown) => {
    const a = v as { totals: { total: number; key: number }; children: unknown[] };
    return `共 ${a.totals.total} 人,重点 ${a.totals.key},下级 ${a.children.length} 个`;
  };
  const describeDirect = (v: unknown) => `${(v as { dim: string; n: number }[]).find((x) => x.dim === 'total')?.n ?? 0} 人`;
  for (const [code, label] of [
    [COUNTRY_CODE, '全国'],
    [GUIZHOU, '一个省(贵州)'],
  ] as const) {
    const fn = analytics(code);
    await add(`结构分析:${label}(汇总表;原始 SQL = 服务发出的同样语句)`, '<300', fn, await statementsOf(fn), describeAnalytics);
    // What the summary saves: the counts from the talents themselves (repository: paged in JS; raw: GROUP BY).
    await add(
      `同上,不用汇总表:直接统计人才表(仓储 computeStatsDirect;原始 SQL = GROUP BY)`,
      '',
      (d) => computeStatsDirect(d.db, code),
      floorStatements(code),
      describeDirect,
      code === COUNTRY_CODE ? 3 : 5,
    );
  }
  const nanming = range(NANMING);
  const township = await db
    .selectFrom('talents')
    .select('region_code')
    .where('region_code', '>=', nanming.lower)
    .where('region_code', '<', nanming.upper)
    .orderBy('region_code')
    .limit(1)
    .executeTakeFirst();
  if (township) {
    const fn = analytics(township.region_code);
    await add('结构分析:一个乡镇(南明区,下级村居直接统计)', '<300', fn, await statementsOf(fn), describeAnalytics);
  }
  await cap.close();
  rawSqlite?.close();
  rss.mark('queries');
  rss.stop();
  ctx.setup.rssPeakMb = rss.peaks;
  console.log(`[${dialect}] 进程内存峰值(MB):${JSON.stringify(rss.peaks)}`);
}
