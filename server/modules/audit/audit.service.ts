import type { Kysely, Transaction } from 'kysely';
import type { AuditEntry } from '../../../domain/audit/audit-entry.schema.ts';
import { type Changes, diffRecords } from '../../../domain/audit/diff.ts';
import type { Scope } from '../../auth/scope.ts';
import type { Actor, Deps } from '../../context.ts';
import type { Database } from '../../db/schema.ts';
import { type AuditFilter, insertAudit, listAudit } from './audit.repository.ts';

export type AuditAction =
  | 'create'
  | 'update'
  | 'delete'
  | 'revoke'
  | 'login'
  | 'login_failed'
  | 'logout'
  | 'lockout'
  | 'password_change'
  | 'password_reset'
  | 'disable'
  | 'enable'
  | 'session_expired'
  | 'reveal'
  | 'export'
  | 'import'
  | 'transfer_request'
  | 'transfer_approve'
  | 'transfer_reject'
  | 'merge'
  | 'dismiss_duplicate'
  | 'submit'
  | 'approve'
  | 'reject'
  | 'account_link';

export interface AuditInput {
  action: AuditAction;
  entityType: string;
  entityId: string | null;
  /** A readable name of the entity (username, region name) as it was at the time. */
  entityLabel?: string | null;
  /** The region the entity belongs to: decides which administrators may read the entry. */
  regionCode: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  changes?: Changes;
}

/** How an entry names a stored regional record (platform, agency, group): its id, name and region. */
export const aboutRow = (row: { id: string; name: string; region_code: string }) => ({ entityId: row.id, entityLabel: row.name, regionCode: row.region_code });

type Who = Pick<Actor, 'userId' | 'username' | 'ip' | 'requestId'> | { userId: null; username: string | null; ip: string | null; requestId: string | null };

/** Appends one entry, inside the caller's transaction so the write and its record commit together. */
export async function recordAudit(trx: Kysely<Database> | Transaction<Database>, deps: Pick<Deps, 'clock'>, who: Who, input: AuditInput): Promise<void> {
  const changes =
    input.changes ?? (input.before !== undefined || input.after !== undefined ? diffRecords(input.before ?? null, input.after ?? null) : undefined);
  await insertAudit(trx, {
    at: deps.clock.now().toISOString(),
    actor_id: who.userId,
    actor_name: who.username,
    action: input.action,
    entity_type: input.entityType,
    entity_id: input.entityId,
    entity_label: input.entityLabel ?? null,
    region_code: input.regionCode,
    changes: changes && Object.keys(changes).length ? JSON.stringify(changes) : null,
    ip: who.ip,
    request_id: who.requestId,
  });
}

export type { AuditEntry };

export async function browseAudit(deps: Deps, scope: Scope, filter: AuditFilter): Promise<{ items: AuditEntry[]; total: number }> {
  const { items, total } = await listAudit(deps.db, scope, filter);
  return {
    total,
    items: items.map((r) => ({
      id: r.id,
      at: r.at,
      actorId: r.actor_id,
      actorName: r.actor_name,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      entityLabel: r.entity_label,
      regionCode: r.region_code,
      changes: r.changes ? (JSON.parse(r.changes) as Changes) : null,
      ip: r.ip,
      requestId: r.request_id,
    })),
  };
}
