import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface Db {
  db: Kysely<Database>;
  dialect: Dialect;
  close(): Promise<void>;
  /**
   * A second connection for long bulk transactions (imports). SQLite serializes everything on one
   * connection, so a 100,000-row import on the main one would stall every other request; on its own
   * connection (WAL) readers carry on. Absent where the main handle already pools (PostgreSQL) or
   * cannot be shared (in-memory SQLite).
   */
  openBulk?: () => { db: Kysely<Database>; close(): Promise<void> };
}

// COUNT(*) and BIGINT come back from pg as strings; our counts fit in a JS number.
pg.types.setTypeParser(20, (v) => Number(v));

/** The better-sqlite3 handle behind each SQLite Kysely instance openDb made. */
const sqliteHandles = new WeakMap<Kysely<Database>, SQLite.Database>();

/**
 * The better-sqlite3 connection of a Kysely instance from openDb (undefined for PostgreSQL), for
 * bulk writes that need cached prepared statements: Kysely's SQLite driver compiles and prepares
 * every query anew, which is most of the cost of inserting 100,000 rows. Use it only inside a
 * transaction of that instance (db.transaction().execute): Kysely then holds the connection, so
 * the statements run in that transaction and no other query interleaves.
 */
export function sqliteHandleOf(db: Kysely<Database>): SQLite.Database | undefined {
  return sqliteHandles.get(db);
}

/** The open connections of each PostgreSQL Kysely instance openDb made. */
const pgClients = new WeakMap<Kysely<Database>, Set<pg.PoolClient>>();

/**
 * The pg client serving a transaction of `db` (a Kysely instance from openDb), found by its backend
 * process id, for what Kysely cannot send: COPY … FROM STDIN for bulk imports. Use it only inside
 * that transaction and not while a query of `trx` is running.
 */
export async function pgClientOf(db: Kysely<Database>, trx: Transaction<Database>): Promise<pg.PoolClient | undefined> {
  const clients = pgClients.get(db);
  if (!clients) return undefined;
  const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
  for (const c of clients) if ((c as pg.PoolClient & { processID?: number }).processID === rows[0]?.pid) return c;
  return undefined;
}

export interface DbOptions {
  databaseUrl?: string;
  dataDir: string;
  /** PostgreSQL schema to use (tests give every file its own). */
  pgSchema?: string;
  /** SQLite file name inside dataDir, or ':memory:'. */
  sqliteFile?: string;
}

export function openDb(opts: DbOptions): Db {
  const url = opts.databaseUrl;
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    const pool = new pg.Pool({
      connectionString: url,
      max: 10,
      options: opts.pgSchema ? `-c search_path=${opts.pgSchema}` : undefined,
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const clients = new Set<pg.PoolClient>();
    pool.on('connect', (c) => clients.add(c));
    pool.on('remove', (c) => clients.delete(c));
    pgClients.set(db, clients);
    return { db, dialect: 'postgres', close: () => db.destroy() };
  }
  if (url && !url.startsWith('sqlite:')) {
    throw new Error(`不支持的 DATABASE_URL:${url}(应为 postgres://… 或留空使用内置 SQLite)`);
  }
  const file = url ? url.slice('sqlite:'.length) : (opts.sqliteFile ?? path.join(opts.dataDir, 'sgpt.sqlite'));
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const connect = () => {
    const sqlite = new SQLite(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    // Writers wait for a bulk import's commit rather than fail at once.
    sqlite.pragma('busy_timeout = 30000');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    sqliteHandles.set(db, sqlite);
    return db;
  };
  const db = connect();
  const openBulk =
    file === ':memory:'
      ? undefined
      : () => {
          const bulk = connect();
          return { db: bulk, close: () => bulk.destroy() };
        };
  return { db, dialect: 'sqlite', close: () => db.destroy(), openBulk };
}
