import { api } from '../../../api/client.ts';
import type { Coverage, UncoveredRegion } from './types.ts';

export const coverageKeys = {
  all: ['coverage'] as const,
  of: (regionCode: string | undefined) => ['coverage', 'summary', regionCode ?? null] as const,
  uncovered: (regionCode: string | undefined, kind: string, page: number, pageSize: number) =>
    ['coverage', 'uncovered', regionCode ?? null, kind, page, pageSize] as const,
  map: (adcode: string) => ['maps', adcode] as const,
};

/** A GeoJSON feature collection as /public/maps serves it (DataV boundaries, adcode and name per feature). */
export interface GeoJson {
  type: 'FeatureCollection';
  features: { type: 'Feature'; properties: { adcode: number | string; name: string } & Record<string, unknown>; geometry: unknown }[];
}

export const coverageApi = {
  get: (regionCode?: string) => api.get<Coverage>('/coverage', { query: { regionCode } }),
  uncovered: (regionCode: string | undefined, kind: string, page: number, pageSize: number) =>
    api.get<{ items: UncoveredRegion[]; total: number }>('/coverage/uncovered', { query: { regionCode, kind, page, pageSize } }),
  map: (adcode: string) => api.get<GeoJson>(`/public/maps/${adcode}`),
};
