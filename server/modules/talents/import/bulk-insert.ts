import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import type SQLite from 'better-sqlite3';
import type { Kysely, Transaction } from 'kysely';
import type pg from 'pg';
import { pgClientOf, sqliteHandleOf } from '../../../db/connection.ts';
import type { Database } from '../../../db/schema.ts';
import { CHILD_TABLES } from '../talents.repository.ts';
import { CopyIn, copyFile, copyLine } from './pg-copy.ts';
import { AUDIT_COLUMNS, CHILD_COLUMNS, TALENT_COLUMNS } from './record-line.ts';

/**
 * Inserting an import's new talents, their lists and their audit entries, fast, inside the
 * commit's one transaction. Rows are value arrays in the column orders of record-line.ts.
 *
 * - SQLite: one cached prepared statement per table on the raw connection, run row by row (Kysely
 *   would compile and prepare a 400-row statement every time: most of the old commit's time).
 * - PostgreSQL: one streamed COPY for the talents while the file is read; their lists and audit
 *   entries are spooled to files meanwhile and COPYed after (one COPY at a time per connection).
 * - A Kysely instance openDb did not make (no raw connection to use): Kysely's multi-row inserts.
 */
export type BulkTable = 'talents' | (typeof CHILD_TABLES)[keyof typeof CHILD_TABLES] | 'audit_log';

// Key order is the insert order: talents before the lists that reference them.
const COLUMNS: Record<BulkTable, readonly string[]> = {
  talents: TALENT_COLUMNS,
  [CHILD_TABLES.certificates]: CHILD_COLUMNS.certificates,
  [CHILD_TABLES.educations]: CHILD_COLUMNS.educations,
  [CHILD_TABLES.employments]: CHILD_COLUMNS.employments,
  [CHILD_TABLES.trainings]: CHILD_COLUMNS.trainings,
  [CHILD_TABLES.honours]: CHILD_COLUMNS.honours,
  [CHILD_TABLES.dispatches]: CHILD_COLUMNS.dispatches,
  audit_log: AUDIT_COLUMNS,
};
const TABLES = Object.keys(COLUMNS) as BulkTable[];

export interface BulkInserter {
  /** Inserts one row, now or later (by finish()). */
  add(table: BulkTable, values: unknown[]): void;
  /** Call every few hundred rows: waits while the database or the disk lags behind, throws once the database refused. */
  pause(): Promise<void>;
  /** Inserts whatever is still pending. */
  finish(): Promise<void>;
  /** Releases everything, also after a failure (call in a finally, before the transaction ends). */
  dispose(): Promise<void>;
}

type Conn = Kysely<Database> | Transaction<Database>;

/** `db` is the Kysely instance the transaction `trx` was opened on; `dir` holds spool files (PostgreSQL). */
export async function createBulkInserter(db: Kysely<Database>, trx: Transaction<Database>, dialect: 'sqlite' | 'postgres', dir: string): Promise<BulkInserter> {
  const handle = dialect === 'sqlite' ? sqliteHandleOf(db) : undefined;
  if (handle) return new SqliteInserter(handle);
  const client = dialect === 'postgres' ? await pgClientOf(db, trx) : undefined;
  if (client) return new PgCopyInserter(client, await CopyIn.open(client, 'talents', COLUMNS.talents), dir);
  return new KyselyInserter(trx);
}

class SqliteInserter implements BulkInserter {
  private readonly statements = new Map<BulkTable, SQLite.Statement>();
  constructor(private readonly handle: SQLite.Database) {}

  add(table: BulkTable, values: unknown[]) {
    let stmt = this.statements.get(table);
    if (!stmt) {
      const columns = COLUMNS[table];
      stmt = this.handle.prepare(`insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values (${columns.map(() => '?').join(', ')})`);
      this.statements.set(table, stmt);
    }
    stmt.run(values);
  }
  async pause() {}
  async finish() {}
  async dispose() {}
}

class PgCopyInserter implements BulkInserter {
  private readonly spools = new Map<BulkTable, { file: string; out: fs.WriteStream }>();
  constructor(
    private readonly client: pg.ClientBase,
    private readonly talents: CopyIn,
    private readonly dir: string,
  ) {}

  add(table: BulkTable, values: unknown[]) {
    if (table === 'talents') return this.talents.write(values);
    let spool = this.spools.get(table);
    if (!spool) {
      const file = path.join(this.dir, `copy-${table}.tsv`);
      spool = { file, out: fs.createWriteStream(file) };
      this.spools.set(table, spool);
    }
    spool.out.write(copyLine(values));
  }

  async pause() {
    await this.talents.drain();
    for (const { out } of this.spools.values()) if (out.writableNeedDrain) await once(out, 'drain');
  }

  async finish() {
    await this.talents.end();
    for (const table of TABLES) {
      const spool = this.spools.get(table);
      if (!spool) continue;
      spool.out.end();
      await once(spool.out, 'close');
      await copyFile(this.client, table, COLUMNS[table], spool.file);
    }
  }

  async dispose() {
    await this.talents.abort();
    for (const { file, out } of this.spools.values()) {
      if (!out.closed) {
        out.destroy();
        await once(out, 'close');
      }
      await fs.promises.rm(file, { force: true });
    }
  }
}

/** Kysely's multi-row inserts, kept under SQLite's 32,766 parameters. */
class KyselyInserter implements BulkInserter {
  private readonly rows = new Map<BulkTable, unknown[][]>();
  private count = 0;
  constructor(private readonly trx: Conn) {}

  add(table: BulkTable, values: unknown[]) {
    const list = this.rows.get(table) ?? [];
    list.push(values);
    this.rows.set(table, list);
    this.count++;
  }
  async pause() {
    if (this.count >= 5_000) await this.finish();
  }
  async finish() {
    for (const table of TABLES) {
      const rows = this.rows.get(table) ?? [];
      const columns = COLUMNS[table];
      const per = Math.floor(30_000 / columns.length);
      for (let i = 0; i < rows.length; i += per) {
        const objects = rows.slice(i, i + per).map((r) => Object.fromEntries(columns.map((c, j) => [c, r[j]])));
        // The rows match their table by construction (record-line.ts); the compiler cannot tell which table.
        await this.trx
          .insertInto(table)
          .values(objects as never)
          .execute();
      }
    }
    this.rows.clear();
    this.count = 0;
  }
  async dispose() {}
}
