import type { AuditEntry } from '../../../../../domain/audit/audit-entry.schema.ts';
import type { TalentDetail, TalentInputRaw, TalentListItem, TalentPatch } from '../../../../../domain/talents/talent.schema.ts';
import { api } from '../../../api/client.ts';

export type { TalentDetail, TalentInputRaw, TalentListItem, TalentPatch } from '../../../../../domain/talents/talent.schema.ts';

export type TalentSort = 'region_code' | 'name' | 'birth_date' | 'tier' | 'updated_at';

/** The list filters (domain/talents/talent-query.schema.ts), as the page keeps them. */
export interface TalentFilters {
  regionCode?: string;
  tier?: string;
  category?: string;
  field?: string;
  role?: string;
  minAge?: number;
  maxAge?: number;
  key?: boolean;
  due?: boolean;
  short?: boolean;
  status?: string;
  q?: string;
}

export interface TalentQuery extends TalentFilters {
  sort?: TalentSort;
  order?: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

export const talentKeys = {
  all: ['talents'] as const,
  list: (q: TalentQuery) => ['talents', 'list', q] as const,
  detail: (id: string) => ['talents', 'detail', id] as const,
  history: (id: string, page: number, pageSize: number) => ['talents', 'history', id, page, pageSize] as const,
};

export const talentsApi = {
  list: (q: TalentQuery) => api.get<{ items: TalentListItem[]; total: number; totalCapped: boolean }>('/talents', { query: { ...q } }),
  get: (id: string) => api.get<TalentDetail>(`/talents/${id}`),
  create: (body: TalentInputRaw) => api.post<TalentDetail>('/talents', body),
  update: (id: string, body: TalentPatch) => api.patch<TalentDetail>(`/talents/${id}`, body),
  remove: (id: string) => api.delete<{ ok: true }>(`/talents/${id}`),
  reveal: (id: string) => api.post<{ idNumber: string; phone: string | null }>(`/talents/${id}/reveal`),
  history: (id: string, page: number, pageSize: number) =>
    api.get<{ items: AuditEntry[]; total: number }>(`/talents/${id}/history`, { query: { page, pageSize } }),
  openAccount: (id: string, username: string) => api.post<{ username: string; initialPassword: string }>(`/talents/${id}/account`, { username }),
};
