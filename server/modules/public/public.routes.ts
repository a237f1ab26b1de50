import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isInChina } from '../../../domain/network/geo.ts';
import { loadConfig } from '../../config.ts';
import type { Deps } from '../../context.ts';
import { regionCodeSchema } from '../../http/schemas.ts';
import * as finder from './finder.service.ts';
import { mapFile } from './maps.service.ts';

/**
 * The public part of the API (no login, no cookie, nothing outside the public fields): the station
 * finder, the region picker and the map boundaries. Nothing here is rate limited; sizes are capped.
 */

const num = (label: string, min: number, max: number) =>
  z.coerce
    .number(`${label}应为数字`)
    .refine((n) => Number.isFinite(n), `${label}应为数字`)
    .refine((n) => n >= min && n <= max, `${label}应在 ${min} 到 ${max} 之间`);

const stationsQuery = z
  .strictObject({
    lng: num('经度', -180, 180).optional(),
    lat: num('纬度', -90, 90).optional(),
    limit: z.coerce.number('数量应为数字').int('数量应为整数').min(1, '数量至少为 1').max(50, '一次最多查询 50 个').default(10),
    kind: z.enum(['station', 'room', 'all'], '类型应为 station、room 或 all').default('all'),
    regionCode: regionCodeSchema.optional(),
    page: z.coerce.number('页码应为数字').int('页码应为整数').min(1, '页码从 1 开始').max(100_000, '页码过大').default(1),
    pageSize: z.coerce.number('每页条数应为数字').int('每页条数应为整数').min(1, '每页至少 1 条').max(50, '每页最多 50 条').default(20),
  })
  .superRefine((q, ctx) => {
    const hasLng = q.lng !== undefined;
    const hasLat = q.lat !== undefined;
    if (hasLng !== hasLat) ctx.addIssue({ code: 'custom', path: [hasLng ? 'lat' : 'lng'], message: '经度和纬度需同时提供' });
    else if (hasLng && q.regionCode) ctx.addIssue({ code: 'custom', path: ['regionCode'], message: '请按位置或按地区查询,二者只能选其一' });
    else if (!hasLng && !q.regionCode) ctx.addIssue({ code: 'custom', path: ['lng'], message: '请提供所在位置(经纬度)或选择地区' });
    else if (hasLng && !isInChina(q.lng as number, q.lat as number)) ctx.addIssue({ code: 'custom', path: ['lng'], message: '所在位置不在服务范围(中国境内)' });
  });

const publicStationSchema = z.object({
  id: z.string(),
  kind: z.string(),
  name: z.string(),
  regionCode: z.string(),
  regionPath: z.string(),
  address: z.string(),
  lng: z.number().nullable(),
  lat: z.number().nullable(),
  openingHours: z.string(),
  contactPhone: z.string().nullable(),
  services: z.array(z.string()),
  brand: z.string(),
  distanceKm: z.number().nullable(),
});

const publicRegionSchema = z.object({ code: z.string(), name: z.string(), level: z.number() });

export async function publicRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const open = { access: { public: true as const } };
  const tags = ['公开服务'];
  const { mapDir } = loadConfig();

  r.get('/api/v1/public/stations', {
    config: open,
    schema: {
      tags,
      summary: '查找社工站(无需登录):按位置找最近的运营中站点,或列出所选地区的站点;只含公开信息',
      querystring: stationsQuery,
      response: { 200: z.object({ items: z.array(publicStationSchema), total: z.number().optional() }) },
    },
    handler: async (req) => {
      const q = req.query;
      if (q.lng !== undefined && q.lat !== undefined) {
        return { items: await finder.nearestStations(deps, { lng: q.lng, lat: q.lat, limit: q.limit, kind: q.kind }) };
      }
      return finder.stationsInRegion(deps, { regionCode: q.regionCode as string, page: q.page, pageSize: q.pageSize, kind: q.kind });
    },
  });

  r.get('/api/v1/public/regions', {
    config: open,
    schema: {
      tags,
      summary: '下级行政区划(公开:代码与名称;不带 parent 时为各省)',
      querystring: z.strictObject({ parent: regionCodeSchema.optional() }),
      response: { 200: z.array(publicRegionSchema) },
    },
    handler: async (req, reply) => {
      // Divisions change rarely; an hour of caching spares the database the picker's clicks.
      reply.header('cache-control', 'public, max-age=3600');
      return finder.publicRegions(deps, req.query.parent);
    },
  });

  r.get('/api/v1/public/maps/:adcode', {
    config: open,
    schema: {
      tags,
      summary: '地区边界 GeoJSON(6 位行政区划代码;数据源由 MAP_DIR 配置)',
      // Anything but six digits naming an existing file is a 404 (the service checks), like a missing static file.
      params: z.strictObject({ adcode: z.string() }),
    },
    handler: async (req, reply) => {
      const file = await mapFile(mapDir, req.params.adcode);
      // Boundaries change at most yearly; a changed file gets a new ETag for revalidation.
      reply.header('cache-control', 'public, max-age=604800');
      reply.header('etag', file.etag);
      if (req.headers['if-none-match'] === file.etag) return reply.code(304).send();
      reply.type('application/json; charset=utf-8');
      return reply.send(fs.createReadStream(file.path));
    },
  });
}
