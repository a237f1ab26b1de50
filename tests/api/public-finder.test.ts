import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distanceKm, geoCell } from '../../domain/network/geo.ts';
import { PUBLIC_PLATFORM_FIELDS } from '../../domain/network/platform.schema.ts';
import type { PlatformsTable } from '../../server/db/schema.ts';
import { mapFile } from '../../server/modules/public/maps.service.ts';
import { createTestApp, expectErrorShape, type TestApp } from '../helpers/test-app.ts';
import { DIALECTS } from '../helpers/test-db.ts';

/**
 * The public station finder, region picker and maps: no login, public fields only, nothing that is
 * not operating and public. Fixtures in 昆明市五华区 (Yunnan has no demo network) with known
 * coordinates; the Guizhou demo network checks "nearest" against a brute-force ranking.
 */

const SECRET_CONTACT = '保密联系人甲';
const SECRET_NOTE = '内部备注不得公开';

function platformRow(over: Partial<PlatformsTable> & Pick<PlatformsTable, 'kind' | 'name' | 'region_code' | 'lng' | 'lat'>): PlatformsTable {
  const at = '2026-01-01T00:00:00.000Z';
  return {
    id: uuidv7(),
    address: '测试路 1 号',
    geo_cell: geoCell(over.lng as number, over.lat as number),
    opened_on: '2024-01-01',
    operating_mode: 'self',
    agency_id: null,
    floor_area: 100,
    rooms_individual: 1,
    rooms_group: 1,
    rooms_activity: 1,
    equipment: '',
    construction_source: 'other',
    services: 0b101,
    opening_hours: '周一至周五 9:00-17:00',
    contact_name: SECRET_CONTACT,
    contact_phone: '087161234567',
    is_public: 1,
    status: 'operating',
    checks_met: 0,
    standard_met: 0,
    demo_level: null,
    demo_year: null,
    honours: '[]',
    brand: '',
    note: SECRET_NOTE,
    created_at: at,
    updated_at: at,
    ...over,
  };
}

describe.each(DIALECTS)('public station finder (%s)', (dialect) => {
  let t: TestApp;
  let township: string;
  let village: string;
  const origin = { lng: 102.7, lat: 25.05 };
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const first = await t.db.db
      .selectFrom('regions')
      .select(['code'])
      .where('parent_code', '=', '530102000000')
      .where('level', '=', 4)
      .orderBy('code')
      .executeTakeFirstOrThrow();
    township = first.code;
    // Yunnan has no villages loaded: one for the room.
    village = `${township.slice(0, 9)}201`;
    await t.db.db
      .insertInto('regions')
      .values({
        code: village,
        name: '测试社区居委会',
        level: 5,
        parent_code: township,
        urban_rural_class: '111',
        population: null,
        population_source: null,
        designations: '[]',
        valid_from: '2020-01-01',
        valid_to: null,
        status: 'active',
        replaced_by: null,
        updated_at: '2026-01-01T00:00:00.000Z',
      })
      .execute();
    // Offsets of ~1 km per 0.009° of latitude.
    const rows = {
      station: platformRow({ kind: 'station', name: '五华测试社工站', region_code: township, lng: origin.lng, lat: origin.lat + 0.009 }),
      room: platformRow({ kind: 'room', name: '五华测试社工室', region_code: village, lng: origin.lng, lat: origin.lat + 0.027 }),
      planned: platformRow({ kind: 'station', name: '筹建中测试站', region_code: township, lng: origin.lng, lat: origin.lat + 0.004, status: 'planned' }),
      closed: platformRow({ kind: 'station', name: '已撤销测试站', region_code: township, lng: origin.lng, lat: origin.lat + 0.002, status: 'closed' }),
      hidden: platformRow({ kind: 'station', name: '不公开测试站', region_code: township, lng: origin.lng, lat: origin.lat + 0.001, is_public: 0 }),
      base: platformRow({ kind: 'training_base', name: '测试培训基地', region_code: '530102000000', lng: origin.lng, lat: origin.lat }),
    };
    for (const [k, row] of Object.entries(rows)) {
      ids[k] = row.id;
      await t.db.db.insertInto('platforms').values(row).execute();
    }
  });
  afterAll(() => t.close());

  const get = (url: string) => t.app.inject({ method: 'GET', url });

  it('answers without a session and sets no cookie', async () => {
    const res = await get(`/api/v1/public/stations?lng=${origin.lng}&lat=${origin.lat}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('ranks the nearest operating public stations and rooms, leaving out planned, closed, hidden and bases', async () => {
    const res = await get(`/api/v1/public/stations?lng=${origin.lng}&lat=${origin.lat}&limit=10`);
    const items = res.json().items as Array<{ id: string; distanceKm: number; kind: string }>;
    expect(items.slice(0, 2).map((i) => i.id)).toEqual([ids.station, ids.room]);
    expect(items[0].distanceKm).toBeCloseTo(1, 0);
    expect(items[1].distanceKm).toBeCloseTo(3, 0);
    const found = items.map((i) => i.id);
    for (const k of ['planned', 'closed', 'hidden', 'base']) expect(found).not.toContain(ids[k]);
    for (let i = 1; i < items.length; i++) expect(items[i].distanceKm).toBeGreaterThanOrEqual(items[i - 1].distanceKm);
    for (const it of items) expect(['station', 'room']).toContain(it.kind);

    const stations = (await get(`/api/v1/public/stations?lng=${origin.lng}&lat=${origin.lat}&kind=station&limit=1`)).json().items;
    expect(stations.map((i: { id: string }) => i.id)).toEqual([ids.station]);
    const rooms = (await get(`/api/v1/public/stations?lng=${origin.lng}&lat=${origin.lat}&kind=room&limit=1`)).json().items;
    expect(rooms.map((i: { id: string }) => i.id)).toEqual([ids.room]);
  });

  it('returns only the public fields', async () => {
    for (const url of [`/api/v1/public/stations?lng=${origin.lng}&lat=${origin.lat}`, `/api/v1/public/stations?regionCode=530102000000`]) {
      const res = await get(url);
      expect(res.statusCode, res.body).toBe(200);
      for (const secret of [SECRET_CONTACT, SECRET_NOTE, 'contactName', 'agency', 'funding', 'staff', 'checks', 'note']) expect(res.body).not.toContain(secret);
      const items = res.json().items as Array<Record<string, unknown>>;
      expect(items.length).toBeGreaterThan(0);
      for (const it of items) expect(Object.keys(it).sort()).toEqual([...PUBLIC_PLATFORM_FIELDS, 'distanceKm'].sort());
    }
    const [station] = (await get(`/api/v1/public/stations?lng=${origin.lng}&lat=${origin.lat}&limit=1`)).json().items;
    expect(station).toMatchObject({ contactPhone: '087161234567', services: ['policy', 'comfort'], openingHours: '周一至周五 9:00-17:00' });
    expect(station.regionPath).toMatch(/^云南省 \/ 昆明市 \/ 五华区 \/ /);
  });

  it('lists a chosen place’s public platforms a page at a time, without distances', async () => {
    const res = (await get('/api/v1/public/stations?regionCode=530102000000&pageSize=1')).json();
    expect(res.total).toBe(2);
    expect(res.items).toHaveLength(1);
    expect(res.items[0].distanceKm).toBeNull();
    const page2 = (await get('/api/v1/public/stations?regionCode=530102000000&pageSize=1&page=2')).json();
    expect([res.items[0].id, page2.items[0].id].sort()).toEqual([ids.station, ids.room].sort());
    expectErrorShape(await get('/api/v1/public/stations?regionCode=530102999000'), 404, 'NOT_FOUND');
  });

  it('finds the true nearest ten in the Guizhou demo network (brute force agrees)', async () => {
    const here = { lng: 106.71, lat: 26.57 };
    const items = (await get(`/api/v1/public/stations?lng=${here.lng}&lat=${here.lat}&limit=10`)).json().items as Array<{ id: string }>;
    const all = await t.db.db
      .selectFrom('platforms')
      .select(['id', 'lng', 'lat'])
      .where('status', '=', 'operating')
      .where('is_public', '=', 1)
      .where('kind', 'in', ['station', 'room'])
      .where('lng', 'is not', null)
      .execute();
    expect(all.length).toBeGreaterThan(1000);
    const ranked = all
      .map((p) => ({ id: p.id, d: distanceKm(here.lng, here.lat, p.lng as number, p.lat as number) }))
      .sort((a, b) => a.d - b.d || a.id.localeCompare(b.id))
      .slice(0, 10);
    expect(items.map((i) => i.id)).toEqual(ranked.map((r) => r.id));
  });

  it('answers from the desert with what lies within its reach', async () => {
    const res = await get('/api/v1/public/stations?lng=85.0&lat=40.0&limit=10');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items).toEqual([]);
  });

  it.each([
    ['lat=200&lng=106', 'lat'],
    ['lng=abc&lat=26', 'lng'],
    ['lng=106', 'lat'],
    ['', 'lng'],
    ['lng=0&lat=0', 'lng'],
    ['lng=106&lat=26&limit=51', 'limit'],
    ['regionCode=520102000000&pageSize=51', 'pageSize'],
    ['regionCode=52010', 'regionCode'],
    ['lng=106&lat=26&regionCode=520102000000', 'regionCode'],
    ['lng=106&lat=26&kind=hub', 'kind'],
  ])('refuses ?%s with a Chinese message on %s', async (query, field) => {
    const e = expectErrorShape(await get(`/api/v1/public/stations?${query}`), 400, 'VALIDATION_FAILED');
    expect((e.details as Array<{ field: string }>).map((d) => d.field)).toContain(field);
  });

  it('lists active child regions for the public picker: codes and names only', async () => {
    const provinces = (await get('/api/v1/public/regions')).json();
    expect(provinces.map((p: { code: string }) => p.code)).toEqual(['520000000000', '530000000000']);
    const res = await get('/api/v1/public/regions?parent=520100000000');
    expect(res.statusCode).toBe(200);
    const children = res.json() as Array<Record<string, unknown>>;
    expect(children).toContainEqual({ code: '520102000000', name: '南明区', level: 3 });
    for (const c of children) expect(Object.keys(c).sort()).toEqual(['code', 'level', 'name']);
    expectErrorShape(await get('/api/v1/public/regions?parent=529900000000'), 404, 'NOT_FOUND');
    expectErrorShape(await get('/api/v1/public/regions?parent=abc'), 400, 'VALIDATION_FAILED');
  });

  it('serves map boundaries with long caching and refuses any other name', async () => {
    const res = await get('/api/v1/public/maps/520000');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.headers['cache-control']).toContain('max-age=604800');
    expect(res.json().features.length).toBe(9);
    const again = await t.app.inject({ method: 'GET', url: '/api/v1/public/maps/520000', headers: { 'if-none-match': String(res.headers.etag) } });
    expect(again.statusCode).toBe(304);
    for (const bad of ['999999', 'abc', '5200001', '..%2F..%2Fpackage', '520000.json']) {
      expectErrorShape(await get(`/api/v1/public/maps/${bad}`), 404, 'NOT_FOUND');
    }
  });
});

describe('map source', () => {
  it('reads from whatever folder MAP_DIR names', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'maps-'));
    try {
      fs.writeFileSync(path.join(dir, '520000.json'), '{"type":"FeatureCollection","features":[]}');
      expect((await mapFile(dir, '520000')).path).toBe(path.join(dir, '520000.json'));
      await expect(mapFile(dir, '520100')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
