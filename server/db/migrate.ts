import { type Kysely, Migrator } from 'kysely';
import { migrations } from './migrations/index.ts';

function migrator(db: Kysely<any>): Migrator {
  return new Migrator({ db, provider: { getMigrations: async () => migrations } });
}

/** Brings the database to the latest migration; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<any>): Promise<string> {
  const { error, results } = await migrator(db).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? '?';
    throw new Error(`数据库迁移失败(${failed}):${(error as Error).message}`);
  }
  return latestMigrationName();
}

export async function migrateDown(db: Kysely<any>): Promise<void> {
  const { error } = await migrator(db).migrateDown();
  if (error) throw error;
}

export function latestMigrationName(): string {
  const names = Object.keys(migrations);
  return names[names.length - 1];
}
