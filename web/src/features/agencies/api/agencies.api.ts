import { api } from '../../../api/client.ts';
import type {
  AgencyDetail,
  AgencyInputRaw,
  AgencyListItem,
  AgencyPairing,
  AgencyPatch,
  AgencyQuery,
  MyAgencyPatch,
  OwnStaffAdd,
  PairingInput,
  StaffLinkInput,
} from './types.ts';

export type * from './types.ts';

export const agencyKeys = {
  all: ['agencies'] as const,
  list: (q: AgencyQuery) => ['agencies', 'list', q] as const,
  search: (q: string) => ['agencies', 'search', q] as const,
  detail: (id: string) => ['agencies', 'detail', id] as const,
  mine: ['agencies', 'mine'] as const,
};

export const agenciesApi = {
  list: (q: AgencyQuery) => api.get<{ items: AgencyListItem[]; total: number }>('/agencies', { query: { ...q } }),
  get: (id: string) => api.get<AgencyDetail>(`/agencies/${id}`),
  create: (body: AgencyInputRaw) => api.post<AgencyDetail>('/agencies', body),
  update: (id: string, body: AgencyPatch) => api.patch<AgencyDetail>(`/agencies/${id}`, body),
  remove: (id: string) => api.delete<unknown>(`/agencies/${id}`),
  setStaff: (id: string, staff: StaffLinkInput[]) => api.put<AgencyDetail>(`/agencies/${id}/staff`, { staff }),
  addPairing: (body: PairingInput) => api.post<AgencyPairing>('/agency-pairings', body),
  removePairing: (id: string) => api.delete<unknown>(`/agency-pairings/${id}`),
  mine: () => api.get<AgencyDetail>('/my-agency'),
  updateMine: (body: MyAgencyPatch) => api.patch<AgencyDetail>('/my-agency', body),
  addMyStaff: (body: OwnStaffAdd) => api.post<AgencyDetail>('/my-agency/staff', body),
  setMyStaff: (staff: StaffLinkInput[]) => api.put<AgencyDetail>('/my-agency/staff', { staff }),
};
