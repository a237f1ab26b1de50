import type SQLite from 'better-sqlite3';
import type { Kysely, Transaction } from 'kysely';
import type pg from 'pg';
import { pgClientOf, sqliteHandleOf } from '../../../db/connection.ts';
import type { Database } from '../../../db/schema.ts';
import { CHILD_TABLES } from '../talents.repository.ts';
import { copyRows } from './pg-copy.ts';
import { AUDIT_COLUMN_TYPES, CHILD_COLUMN_TYPES, type PgType, TALENT_COLUMN_TYPES } from './record-line.ts';

/**
 * Inserting an import's new talents, their lists and their audit entries, fast, inside the
 * commit's one transaction. Rows are value arrays in the column orders of record-line.ts.
 *
 * - SQLite: one cached prepared statement per table on the raw connection, run row by row (Kysely
 *   would compile and prepare a 400-row statement every time: most of the old commit's time).
 * - PostgreSQL: COPY FROM STDIN of a few thousand rows at a time on the transaction's connection
 *   (pg-copy.ts), sent while the next rows are being read.
 * - A Kysely instance openDb did not make (no raw connection to use): Kysely's multi-row inserts.
 */
export type BulkTable = 'talents' | (typeof CHILD_TABLES)[keyof typeof CHILD_TABLES] | 'audit_log';
// Key order is the insert order at a flush: talents before the lists that reference them.
const BULK_TABLES: Record<BulkTable, Record<string, PgType>> = {
  talents: TALENT_COLUMN_TYPES,
  [CHILD_TABLES.certificates]: CHILD_COLUMN_TYPES.certificates,
  [CHILD_TABLES.educations]: CHILD_COLUMN_TYPES.educations,
  [CHILD_TABLES.employments]: CHILD_COLUMN_TYPES.employments,
  [CHILD_TABLES.trainings]: CHILD_COLUMN_TYPES.trainings,
  [CHILD_TABLES.honours]: CHILD_COLUMN_TYPES.honours,
  [CHILD_TABLES.dispatches]: CHILD_COLUMN_TYPES.dispatches,
  audit_log: AUDIT_COLUMN_TYPES,
};

export interface BulkInserter {
  /** Inserts one row now (SQLite) or at the next flush. */
  add(table: BulkTable, values: unknown[]): void;
  /** Rows waiting for a flush. */
  readonly queued: number;
  /** Sends the waiting rows. Returns when the previous flush has completed (and threw if it failed), so reading can overlap with the database's work. */
  flush(): Promise<void>;
  /** Flushes and waits for everything. */
  finish(): Promise<void>;
}

type Conn = Kysely<Database> | Transaction<Database>;
const columnsOf = (table: BulkTable) => Object.keys(BULK_TABLES[table]);

/** `db` is the Kysely instance the transaction `trx` was opened on. */
export async function createBulkInserter(db: Kysely<Database>, trx: Transaction<Database>, dialect: 'sqlite' | 'postgres'): Promise<BulkInserter> {
  const handle = dialect === 'sqlite' ? sqliteHandleOf(db) : undefined;
  if (handle) return new SqliteInserter(handle);
  const client = dialect === 'postgres' ? await pgClientOf(db, trx) : undefined;
  return new QueuedInserter(client ? pgCopy(client) : kyselyInsert(trx));
}

class SqliteInserter implements BulkInserter {
  readonly queued = 0;
  private readonly statements = new Map<BulkTable, SQLite.Statement>();
  constructor(private readonly handle: SQLite.Database) {}

  add(table: BulkTable, values: unknown[]) {
    let stmt = this.statements.get(table);
    if (!stmt) {
      const columns = columnsOf(table);
      stmt = this.handle.prepare(`insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values (${columns.map(() => '?').join(', ')})`);
      this.statements.set(table, stmt);
    }
    stmt.run(values);
  }
  async flush() {}
  async finish() {}
}

type Insert = (table: BulkTable, rows: unknown[][]) => Promise<void>;

class QueuedInserter implements BulkInserter {
  private rows = new Map<BulkTable, unknown[][]>();
  private count = 0;
  private inflight: Promise<void> = Promise.resolve();
  constructor(private readonly insert: Insert) {}

  get queued() {
    return this.count;
  }

  add(table: BulkTable, values: unknown[]) {
    let list = this.rows.get(table);
    if (!list) {
      list = [];
      this.rows.set(table, list);
    }
    list.push(values);
    this.count++;
  }

  async flush() {
    const batch = this.rows;
    this.rows = new Map();
    this.count = 0;
    await this.inflight;
    const run = (async () => {
      for (const table of Object.keys(BULK_TABLES) as BulkTable[]) {
        const rows = batch.get(table);
        if (rows?.length) await this.insert(table, rows);
      }
    })();
    // Awaited by the next flush or finish, which rethrow its error; this only keeps it from being "unhandled" meanwhile.
    run.catch(() => {});
    this.inflight = run;
  }

  async finish() {
    await this.flush();
    await this.inflight;
  }
}

const pgCopy =
  (client: pg.ClientBase): Insert =>
  (table, rows) =>
    copyRows(client, table, columnsOf(table), rows);

/** Kysely's multi-row insert, kept under SQLite's 32,766 parameters. */
const kyselyInsert =
  (trx: Conn): Insert =>
  async (table, rows) => {
    const columns = columnsOf(table);
    const per = Math.floor(30_000 / columns.length);
    for (let i = 0; i < rows.length; i += per) {
      const objects = rows.slice(i, i + per).map((r) => Object.fromEntries(columns.map((c, j) => [c, r[j]])));
      // biome-ignore lint/suspicious/noExplicitAny: rows match their table by construction (record-line.ts)
      await trx.insertInto(table).values(objects as any).execute();
    }
  };
