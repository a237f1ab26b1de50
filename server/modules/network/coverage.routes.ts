import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { coverageResponseSchema, uncoveredResponseSchema } from '../../../domain/network/coverage.ts';
import { COVERAGE_KINDS } from '../../../domain/network/platform-kind.ts';
import type { Deps } from '../../context.ts';
import { actorOf } from '../../http/access.ts';
import { pageQuery, regionCodeSchema } from '../../http/schemas.ts';
import { sendWorkbook } from '../../http/send-workbook.ts';
import { coverage, coverageWorkbook, uncovered } from './coverage.service.ts';

export async function coverageRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = { access: { permission: 'network.read' as const } };
  const tags = ['阵地'];
  const regionQuery = { regionCode: regionCodeSchema.optional() };

  r.get('/api/v1/coverage', {
    config: read,
    schema: {
      tags,
      summary: '阵地覆盖情况(本级及下级地区:各类阵地覆盖率、规范化、示范、建设来源、驻站社工)',
      querystring: z.strictObject(regionQuery),
      response: { 200: coverageResponseSchema },
    },
    handler: async (req) => coverage(deps, actorOf(req).scope, req.query.regionCode),
  });

  r.get('/api/v1/coverage/uncovered', {
    config: read,
    schema: {
      tags,
      summary: '尚未覆盖的地区(没有运营中的该类阵地)',
      querystring: z.strictObject({ ...regionQuery, kind: z.enum(COVERAGE_KINDS, '请选择阵地类型(指导中心、总站、社工站或社工室)'), ...pageQuery }),
      response: { 200: uncoveredResponseSchema },
    },
    handler: async (req) => uncovered(deps, actorOf(req).scope, req.query),
  });

  r.get('/api/v1/coverage/export.xlsx', {
    config: read,
    schema: { tags, summary: '导出下级地区覆盖情况表', querystring: z.strictObject(regionQuery) },
    handler: async (req, reply) => {
      const book = await coverageWorkbook(deps, actorOf(req).scope, req.query.regionCode);
      return sendWorkbook(reply, book.fileName, book.write);
    },
  });
}
