import type { Kysely } from 'kysely';
import type { Role } from '../domain/auth/roles.ts';
import type { Scope } from './auth/scope.ts';
import type { Clock } from './clock.ts';
import type { Dialect } from './db/connection.ts';
import type { Database } from './db/schema.ts';
import type { FieldCrypto } from './security/field-crypto.ts';

/** Who is acting, passed from the route to the service (services never see HTTP). */
export interface Actor {
  userId: string;
  username: string;
  role: Role;
  scope: Scope;
  ip: string | null;
  requestId: string | null;
}

/** Shared dependencies of every service. */
export interface Deps {
  db: Kysely<Database>;
  dialect: Dialect;
  clock: Clock;
  /** Encryption of personal fields at rest. */
  crypto: FieldCrypto;
  /** Where uploaded and generated files live (imports, error workbooks). */
  dataDir: string;
  /** A separate connection for bulk transactions, where the database has one (see Db.openBulk). */
  openBulk?: () => { db: Kysely<Database>; close(): Promise<void> };
}
