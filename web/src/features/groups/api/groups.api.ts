/** The community-group API (contract of issue #4); response types from domain/network/community-group.schema.ts. */
import type { CommunityGroupInput, CommunityGroupPatch, GroupDetail, GroupListItem } from '../../../../../domain/network/community-group.schema.ts';
import { api } from '../../../api/client.ts';

export type { CommunityGroupInput, CommunityGroupPatch, GroupDetail, GroupListItem };

export interface GroupFilters {
  regionCode?: string;
  kind?: string;
  registration?: string;
  incubatorId?: string;
  q?: string;
  status?: string;
}

export interface GroupQuery extends GroupFilters {
  page: number;
  pageSize: number;
  sort?: string;
  order?: 'asc' | 'desc';
}

/** A station offered as incubator (from GET /platforms). */
export interface StationOption {
  id: string;
  name: string;
  regionName: string | null;
}

export const groupKeys = {
  all: ['community-groups'] as const,
  list: (q: GroupQuery) => ['community-groups', 'list', q] as const,
  detail: (id: string) => ['community-groups', 'detail', id] as const,
  stations: (regionCode: string, q: string) => ['platforms', 'stations', regionCode, q] as const,
};

export const groupsApi = {
  list: (q: GroupQuery) => api.get<{ items: GroupListItem[]; total: number }>('/community-groups', { query: { ...q } }),
  get: (id: string) => api.get<GroupDetail>(`/community-groups/${id}`),
  create: (body: CommunityGroupInput) => api.post<GroupDetail>('/community-groups', body),
  update: (id: string, body: CommunityGroupPatch) => api.patch<GroupDetail>(`/community-groups/${id}`, body),
  remove: (id: string) => api.delete<unknown>(`/community-groups/${id}`),
  /** Township stations that may incubate a group (in the user's scope). */
  stations: (regionCode: string, q: string) =>
    api.get<{ items: StationOption[] }>('/platforms', { query: { kind: 'station', regionCode, q: q || undefined, pageSize: 50 } }),
};
