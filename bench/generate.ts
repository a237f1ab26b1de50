import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Database, UsersTable } from '../server/db/schema.ts';
import { pick, prng } from './prng.ts';

/**
 * Deterministic bench data on top of the real division table: `count` user accounts spread over
 * the country's counties and townships (staff at townships, administrators at counties), so
 * scoped list queries have realistic selectivity. Same seed, same rows.
 */
export async function generateUsers(db: Kysely<Database>, count: number, seed = 20261122): Promise<number> {
  const rand = prng(seed);
  const townships = (await db.selectFrom('regions').select('code').where('level', '=', 4).orderBy('code').execute()).map((r) => r.code);
  const counties = (await db.selectFrom('regions').select('code').where('level', '=', 3).orderBy('code').execute()).map((r) => r.code);
  const now = '2026-01-01T00:00:00.000Z';
  let batch: UsersTable[] = [];
  let made = 0;
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < count; i++) {
      const isAdmin = rand() < 0.1;
      batch.push({
        id: uuidv7(),
        username: `bench${String(i).padStart(7, '0')}`,
        display_name: `用户${i}`,
        // Not a real hash: bench accounts never log in.
        password_hash: 'scrypt$bench',
        role: isAdmin ? 'county_admin' : 'staff',
        region_code: isAdmin ? pick(rand, counties) : pick(rand, townships),
        bound_entity_type: null,
        bound_entity_id: null,
        status: rand() < 0.05 ? 'disabled' : 'active',
        must_change_password: 0,
        is_demo: 0,
        failed_attempts: 0,
        locked_until: null,
        last_login_at: null,
        created_at: now,
        updated_at: now,
      });
      if (batch.length === 1000) {
        await trx.insertInto('users').values(batch).execute();
        made += batch.length;
        batch = [];
      }
    }
    if (batch.length) await trx.insertInto('users').values(batch).execute();
    made += batch.length;
  });
  return made;
}
