import type { Kysely, Transaction } from 'kysely';
import type { Database, SessionsTable } from '../db/schema.ts';

type Conn = Kysely<Database> | Transaction<Database>;

export async function insertSession(db: Conn, row: SessionsTable): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

export function findSession(db: Conn, id: string): Promise<SessionsTable | undefined> {
  return db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function touchSession(db: Conn, id: string, at: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
}

export async function deleteSession(db: Conn, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteUserSessions(db: Conn, userId: string, exceptId?: string): Promise<void> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptId) q = q.where('id', '!=', exceptId);
  await q.execute();
}

export async function deleteIdleSessions(db: Conn, before: string): Promise<void> {
  await db.deleteFrom('sessions').where('last_seen_at', '<', before).execute();
}
