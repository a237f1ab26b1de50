import { api, apiUrl, uploadWithProgress } from '../../../api/client.ts';
import type {
  CheckInput,
  ChecklistItem,
  ChecklistStandard,
  PlatformDetail,
  PlatformInputRaw,
  PlatformListItem,
  PlatformPatch,
  PlatformPhoto,
  StaffLinkInput,
} from './types.ts';

export type PlatformSort = 'region_code' | 'name' | 'opened_on' | 'updated_at';

/** The list filters, as the page keeps them in the address. */
export interface PlatformFilters {
  regionCode?: string;
  kind?: string;
  status?: string;
  standard?: boolean;
  demo?: boolean;
  agencyId?: string;
  q?: string;
}

export interface PlatformQuery extends PlatformFilters {
  sort?: PlatformSort;
  order?: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

export const platformKeys = {
  all: ['platforms'] as const,
  list: (q: PlatformQuery) => ['platforms', 'list', q] as const,
  detail: (id: string) => ['platforms', 'detail', id] as const,
  checklist: (province: string) => ['checklist-standards', province] as const,
};

/** Photo upload limit of the server (5 MB, JPEG/PNG/WebP). */
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];

export const platformsApi = {
  list: (q: PlatformQuery) => api.get<{ items: PlatformListItem[]; total: number }>('/platforms', { query: { ...q } }),
  get: (id: string) => api.get<PlatformDetail>(`/platforms/${id}`),
  create: (body: PlatformInputRaw) => api.post<PlatformDetail>('/platforms', body),
  update: (id: string, body: PlatformPatch) => api.patch<PlatformDetail>(`/platforms/${id}`, body),
  remove: (id: string) => api.delete<{ ok: true }>(`/platforms/${id}`),
  putChecks: (id: string, checks: CheckInput[]) => api.put<PlatformDetail>(`/platforms/${id}/checks`, { checks }),
  putStaff: (id: string, staff: StaffLinkInput[]) => api.put<PlatformDetail>(`/platforms/${id}/staff`, { staff }),
  uploadPhoto: (id: string, file: File, caption: string, onProgress?: (percent: number) => void) => {
    const form = new FormData();
    // The caption goes first: a multipart reader meets the fields before the file.
    if (caption) form.append('caption', caption);
    form.append('file', file, file.name);
    return uploadWithProgress<PlatformPhoto>(`/platforms/${id}/photos`, form, onProgress);
  },
  photoUrl: (id: string, photoId: string) => apiUrl(`/platforms/${id}/photos/${photoId}`),
  removePhoto: (id: string, photoId: string) => api.delete<{ ok: true }>(`/platforms/${id}/photos/${photoId}`),
  checklist: (province: string) => api.get<ChecklistStandard>(`/checklist-standards/${province}`),
  saveChecklist: (province: string, items: ChecklistItem[]) => api.put<ChecklistStandard>(`/checklist-standards/${province}`, { items }),
};
