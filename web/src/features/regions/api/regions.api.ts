import type { Region } from '../../../../../domain/regions/region.schema.ts';
import { api } from '../../../api/client.ts';

export type { Region } from '../../../../../domain/regions/region.schema.ts';

export type RegionChild = Region & { childCount: number };
export type RegionHit = Region & { pathName: string };

export interface RegionDetail {
  region: Region;
  /** Ancestors, the country root first. */
  path: Array<{ code: string; name: string; level: number }>;
  /** Active divisions in the subtree by level. */
  counts: Record<string, number>;
}

export interface NewRegion {
  code: string;
  name: string;
  urbanRuralClass?: string | null;
  population?: number | null;
  designations?: string[];
  validFrom?: string;
}

export type RegionPatch = Partial<Pick<Region, 'name' | 'urbanRuralClass' | 'population' | 'designations'>>;

export const regionKeys = {
  all: ['regions'] as const,
  detail: (code: string) => ['regions', 'detail', code] as const,
  children: (code: string, includeRevoked: boolean) => ['regions', 'children', code, includeRevoked] as const,
  search: (q: string, maxLevel?: number) => ['regions', 'search', q, maxLevel ?? null] as const,
};

export const regionsApi = {
  get: (code: string) => api.get<RegionDetail>(`/regions/${code}`),
  children: async (code: string, includeRevoked = false) =>
    (await api.get<{ items: RegionChild[] }>(`/regions/${code}/children`, { query: { includeRevoked } })).items,
  search: async (q: string, limit = 20, maxLevel?: number) => (await api.get<{ items: RegionHit[] }>('/regions', { query: { q, limit, maxLevel } })).items,
  create: (body: NewRegion) => api.post<Region>('/regions', body),
  update: (code: string, body: RegionPatch) => api.patch<Region>(`/regions/${code}`, body),
  revoke: (code: string, body: { validTo: string; replacedBy?: string | null }) => api.post<{ revoked: number }>(`/regions/${code}/revoke`, body),
};
