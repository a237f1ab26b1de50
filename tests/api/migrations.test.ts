import { type Kysely, PostgresAdapter, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/connection.ts';
import { currentMigration, latestMigrationName, migrateDown, migrateToLatest } from '../../server/db/migrate.ts';
import { migrations } from '../../server/db/migrations/index.ts';
import type { Database } from '../../server/db/schema.ts';
import { DIALECTS, openTestDb } from '../helpers/test-db.ts';

const MIGRATION_COUNT = Object.keys(migrations).length;

/** Tables and their columns in the schema in use (not Kysely's own bookkeeping tables). */
async function schemaOf(db: Kysely<Database>): Promise<Record<string, string[]>> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const current = pg ? (await sql<{ s: string }>`SELECT current_schema() AS s`.execute(db)).rows[0].s : undefined;
  const tables = await db.introspection.getTables();
  const out: Record<string, string[]> = {};
  for (const t of tables) {
    if (pg && t.schema !== current) continue;
    out[t.name] = t.columns.map((c) => `${c.name}:${c.dataType}:${c.isNullable ? 'null' : 'not null'}`).sort();
  }
  return out;
}

describe.each(DIALECTS)('migrations (%s)', (dialect) => {
  const opened: Db[] = [];
  const open = async () => {
    const db = await openTestDb(dialect);
    opened.push(db);
    return db;
  };
  afterEach(async () => {
    for (const db of opened.splice(0)) await db.close();
  });

  it('migrates a fresh database to the latest migration', async () => {
    const { db } = await open();
    expect(await schemaOf(db)).toEqual({});
    expect(await migrateToLatest(db)).toBe(latestMigrationName());
    expect(await currentMigration(db)).toBe(latestMigrationName());
    const tables = await schemaOf(db);
    expect(Object.keys(tables)).toEqual(expect.arrayContaining(['regions', 'region_stats', 'users', 'sessions', 'audit_log']));
    expect(tables.users).toEqual(expect.arrayContaining([expect.stringMatching(/^password_hash:/), expect.stringMatching(/^region_code:.*:not null$/)]));
    // A second run is a no-op.
    expect(await migrateToLatest(db)).toBe(latestMigrationName());
    expect(await schemaOf(db)).toEqual(tables);
  });

  it('migrates all the way down and up again to the same schema', async () => {
    const { db } = await open();
    await migrateToLatest(db);
    const first = await schemaOf(db);
    await db
      .insertInto('regions')
      .values({
        code: '520000000000',
        name: '贵州省',
        level: 1,
        parent_code: '000000000000',
        designations: '[]',
        valid_from: '2023-06-30',
        status: 'active',
        updated_at: 'x',
      })
      .execute();

    for (let i = 0; i < MIGRATION_COUNT; i++) await migrateDown(db);
    expect(await schemaOf(db)).toEqual({});
    expect(await currentMigration(db)).toBeNull();

    await migrateToLatest(db);
    expect(await schemaOf(db)).toEqual(first);
    expect(await db.selectFrom('regions').selectAll().execute()).toEqual([]);
    // The append-only guard came back with the table (on PostgreSQL: its function too).
    await db
      .insertInto('audit_log')
      .values({ id: 'a1', at: '2026-01-01T00:00:00.000Z', action: 'create', entity_type: 'region', region_code: '520000000000' })
      .execute();
    await expect(db.updateTable('audit_log').set({ action: 'x' }).execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
  });

  it('keeps databases that share a server apart (each schema has its own migration record)', async () => {
    const a = await open();
    const b = await open();
    await migrateToLatest(a.db);
    expect(await currentMigration(a.db)).toBe(latestMigrationName());
    expect(await schemaOf(b.db)).toEqual({});
    await migrateToLatest(b.db);
    expect(Object.keys(await schemaOf(b.db))).toEqual(Object.keys(await schemaOf(a.db)));
    for (let i = 0; i < MIGRATION_COUNT; i++) await migrateDown(a.db);
    expect(await schemaOf(a.db)).toEqual({});
    expect(await currentMigration(b.db)).toBe(latestMigrationName());
  });
});
