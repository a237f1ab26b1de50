/**
 * The public finder's API: no session, no CSRF, only /api/v1/public/* (the page must work for anyone
 * who opens the link). Errors keep the API's envelope (ApiError) so the page can say what went wrong.
 */
import { api } from '../../../api/client.ts';

export interface PublicStation {
  id: string;
  kind: string;
  name: string;
  regionCode: string;
  /** 贵州省 / 贵阳市 / 南明区 / 花果园街道 */
  regionPath: string;
  address: string;
  lng: number | null;
  lat: number | null;
  openingHours: string;
  contactPhone: string | null;
  services: string[];
  brand: string;
  /** Set when searching by location. */
  distanceKm: number | null;
}

export interface PublicRegion {
  code: string;
  name: string;
  level: number;
}

export type StationKind = 'station' | 'room' | 'all';

export const NEAREST_LIMIT = 20;
export const PAGE_SIZE = 50;

export const publicKeys = {
  regions: (parent: string | null) => ['public', 'regions', parent] as const,
  nearest: (lng: number, lat: number, kind: StationKind) => ['public', 'nearest', lng, lat, kind] as const,
  inRegion: (regionCode: string, kind: StationKind, page: number) => ['public', 'in-region', regionCode, kind, page] as const,
  map: (adcode: string) => ['public', 'map', adcode] as const,
};

export const publicApi = {
  /** Children of a division; the provinces without a parent. */
  regions: (parent: string | null) => api.get<PublicRegion[]>('/public/regions', { query: { parent: parent ?? undefined }, quiet401: true }),
  nearest: (lng: number, lat: number, kind: StationKind) =>
    api.get<{ items: PublicStation[] }>('/public/stations', { query: { lng, lat, kind, limit: NEAREST_LIMIT }, quiet401: true }),
  inRegion: (regionCode: string, kind: StationKind, page: number) =>
    api.get<{ items: PublicStation[]; total?: number }>('/public/stations', { query: { regionCode, kind, page, pageSize: PAGE_SIZE }, quiet401: true }),
  /** Region boundaries (GeoJSON) by 6-digit adcode. */
  map: (adcode: string) => api.get<object>(`/public/maps/${adcode}`, { quiet401: true }),
};
