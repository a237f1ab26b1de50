import { api } from '../../../api/client.ts';

export interface AuditEntry {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  /** Username or region name at the time of the event. */
  entityLabel: string | null;
  regionCode: string;
  changes: Record<string, [unknown, unknown]> | null;
  ip: string | null;
  requestId: string | null;
}

export interface AuditQuery {
  actor?: string;
  entityType?: string;
  entityId?: string;
  action?: string;
  regionCode?: string;
  /** ISO instant, inclusive. */
  from?: string;
  /** ISO instant, exclusive. */
  to?: string;
  page: number;
  pageSize: number;
}

/** Every action the server records (server/modules/audit/audit.service.ts). */
export const AUDIT_ACTIONS = [
  'create',
  'update',
  'revoke',
  'disable',
  'enable',
  'password_reset',
  'password_change',
  'login',
  'login_failed',
  'lockout',
  'logout',
  'session_expired',
] as const;

export const AUDIT_ENTITY_TYPES = ['user', 'region'] as const;

export const auditKeys = {
  list: (q: AuditQuery) => ['audit', 'list', q] as const,
};

export const auditApi = {
  list: (q: AuditQuery) => api.get<{ items: AuditEntry[]; total: number }>('/audit', { query: { ...q } }),
};
