import type { Migration } from 'kysely';
import * as m001 from './2026-11-22-001-foundation.ts';
import * as m002 from './2026-11-22-002-talents.ts';
import * as m003 from './2026-11-22-003-network.ts';

/** Every migration, in order. Names are the dated file names; never rename a landed one. */
export const migrations: Record<string, Migration> = {
  '2026-11-22-001-foundation': m001,
  '2026-11-22-002-talents': m002,
  '2026-11-22-003-network': m003,
};
