/** The SQL of platform photos (rows in platform_photos; the bytes live under DATA_DIR/photos). */
import type { Kysely, Transaction } from 'kysely';
import { inScope, type Scope } from '../../auth/scope.ts';
import type { Database, PlatformPhotosTable } from '../../db/schema.ts';

type Conn = Kysely<Database> | Transaction<Database>;

/** The platform when it lies in the scope (callers cannot tell "absent" from "outside"). */
export function platformInScope(db: Conn, scope: Pick<Scope, 'regionCode'>, id: string) {
  return db
    .selectFrom('platforms')
    .select(['id', 'name', 'region_code'])
    .where('id', '=', id)
    .where((eb) => inScope(eb, 'platforms.region_code', scope))
    .executeTakeFirst();
}

export async function countPhotos(db: Conn, platformId: string): Promise<number> {
  const r = await db
    .selectFrom('platform_photos')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('platform_id', '=', platformId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export function findPhoto(db: Conn, platformId: string, photoId: string): Promise<PlatformPhotosTable | undefined> {
  return db.selectFrom('platform_photos').selectAll().where('platform_id', '=', platformId).where('id', '=', photoId).executeTakeFirst();
}

export async function insertPhoto(db: Conn, row: PlatformPhotosTable): Promise<void> {
  await db.insertInto('platform_photos').values(row).execute();
}

export async function deletePhoto(db: Conn, photoId: string): Promise<void> {
  await db.deleteFrom('platform_photos').where('id', '=', photoId).execute();
}
