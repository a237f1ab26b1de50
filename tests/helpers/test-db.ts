import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Db, type Dialect, openDb } from '../../server/db/connection.ts';

/**
 * The databases every API test runs on: SQLite always, PostgreSQL when TEST_DATABASE_URL is set.
 * Each test database is private: an in-memory SQLite, or a fresh PostgreSQL schema dropped at close.
 */
export const DIALECTS: Dialect[] = process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];

export async function openTestDb(dialect: Dialect): Promise<Db> {
  if (dialect === 'sqlite') return openDb({ dataDir: '/tmp', sqliteFile: ':memory:' });
  const url = process.env.TEST_DATABASE_URL as string;
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const db = openDb({ databaseUrl: url, dataDir: '/tmp', pgSchema: schema });
  return {
    ...db,
    close: async () => {
      await db.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}
