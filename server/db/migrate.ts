import { type Kysely, Migrator, PostgresAdapter, sql } from 'kysely';
import { migrations } from './migrations/index.ts';

async function migrator(db: Kysely<any>): Promise<Migrator> {
  // On PostgreSQL, Kysely looks for its bookkeeping tables in every schema; pin them to the schema
  // in use, or a database holding several schemas (tests, the bench) would find another's tables.
  let migrationTableSchema: string | undefined;
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    const { rows } = await sql<{ s: string }>`SELECT current_schema() AS s`.execute(db);
    migrationTableSchema = rows[0]?.s;
  }
  return new Migrator({ db, provider: { getMigrations: async () => migrations }, migrationTableSchema });
}

/** Brings the database to the latest migration; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<any>): Promise<string> {
  const { error, results } = await (await migrator(db)).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? '?';
    throw new Error(`数据库迁移失败(${failed}):${(error as Error).message}`);
  }
  return latestMigrationName();
}

export async function migrateDown(db: Kysely<any>): Promise<void> {
  const { error } = await (await migrator(db)).migrateDown();
  if (error) throw error;
}

export function latestMigrationName(): string {
  const names = Object.keys(migrations);
  return names[names.length - 1];
}

/** The newest migration applied to this database (what /api/health reports). */
export async function currentMigration(db: Kysely<any>): Promise<string | null> {
  const { rows } = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name DESC LIMIT 1`.execute(db);
  return rows[0]?.name ?? null;
}
