import { expect } from 'vitest';
import type { Probe } from '../scope-matrix.probes.ts';

/**
 * Scope-matrix probes of the public routes (merged into PROBES by scope-matrix.probes.ts). Public
 * routes have no scope: every role, and no session at all, gets the same public answer.
 */
export const PUBLIC_PROBES: Record<string, Probe> = {
  'GET /api/v1/public/stations': {
    build: async () => ({ inject: { method: 'GET', url: '/api/v1/public/stations?lng=106.71&lat=26.57&limit=5' } }),
    checkIn: (res) => {
      const items = res.json().items as Array<Record<string, unknown>>;
      expect(items.length).toBeGreaterThan(0);
      for (const it of items) expect(it).not.toHaveProperty('contactName');
    },
  },
  'GET /api/v1/public/regions': {
    build: async () => ({ inject: { method: 'GET', url: '/api/v1/public/regions?parent=520100000000' } }),
    checkIn: (res) => {
      expect(res.json()).toEqual(expect.arrayContaining([expect.objectContaining({ code: '520102000000', name: '南明区' })]));
    },
  },
  'GET /api/v1/public/maps/:adcode': {
    build: async () => ({ inject: { method: 'GET', url: '/api/v1/public/maps/520100' } }),
    checkIn: (res) => {
      expect(res.json().type).toBe('FeatureCollection');
    },
  },
};
