import type { AuditEntry } from '../../../../../domain/audit/audit-entry.schema.ts';
import { api } from '../../../api/client.ts';

export type { AuditEntry } from '../../../../../domain/audit/audit-entry.schema.ts';

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
  'reveal',
  'delete',
  'import',
  'merge',
  'dismiss_duplicate',
  'transfer_request',
  'transfer_approve',
  'transfer_reject',
  'approve',
  'reject',
  'export',
  'submit',
  'account_link',
] as const;

export const AUDIT_ENTITY_TYPES = ['user', 'region', 'talent', 'talent_transfer', 'talent_submission', 'key_rule_set', 'import_job'] as const;

export const auditKeys = {
  list: (q: AuditQuery) => ['audit', 'list', q] as const,
};

export const auditApi = {
  list: (q: AuditQuery) => api.get<{ items: AuditEntry[]; total: number }>('/audit', { query: { ...q } }),
};
