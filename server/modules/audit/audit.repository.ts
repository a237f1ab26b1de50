import type { Kysely, Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { inScope, type Scope } from '../../auth/scope.ts';
import type { AuditLogTable, Database } from '../../db/schema.ts';

export type AuditRow = AuditLogTable;
export type NewAuditEntry = Omit<AuditLogTable, 'id'>;

export async function insertAudit(db: Kysely<Database> | Transaction<Database>, entry: NewAuditEntry): Promise<string> {
  const id = uuidv7();
  await db
    .insertInto('audit_log')
    .values({ id, ...entry })
    .execute();
  return id;
}

export interface AuditFilter {
  actor?: string;
  entityType?: string;
  entityId?: string;
  action?: string;
  regionCode?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export async function listAudit(db: Kysely<Database>, scope: Scope, f: AuditFilter): Promise<{ items: AuditRow[]; total: number }> {
  let q = db.selectFrom('audit_log').where((eb) => inScope(eb, 'audit_log.region_code', scope));
  if (f.regionCode) q = q.where((eb) => inScope(eb, 'audit_log.region_code', { regionCode: f.regionCode as string }));
  if (f.actor) q = q.where('actor_name', '=', f.actor);
  if (f.entityType) q = q.where('entity_type', '=', f.entityType);
  if (f.entityId) q = q.where('entity_id', '=', f.entityId);
  if (f.action) q = q.where('action', '=', f.action);
  if (f.from) q = q.where('at', '>=', f.from);
  if (f.to) q = q.where('at', '<', f.to);
  const [{ total }] = await q.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const items = await q
    .selectAll()
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { items, total: Number(total) };
}
