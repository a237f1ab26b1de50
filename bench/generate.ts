import type { Kysely } from 'kysely';
import type { Database, UsersTable } from '../server/db/schema.ts';
import { pick, prng } from '../server/demo/prng.ts';
import { buildUserRow } from '../server/modules/users/user-row.ts';

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
      batch.push(
        buildUserRow({
          username: `bench${String(i).padStart(7, '0')}`,
          displayName: `用户${i}`,
          // Not a real hash: bench accounts never log in.
          passwordHash: 'scrypt$bench',
          role: isAdmin ? 'county_admin' : 'staff',
          regionCode: isAdmin ? pick(rand, counties) : pick(rand, townships),
          status: rand() < 0.05 ? 'disabled' : 'active',
          at: now,
        }),
      );
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
