import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hasPermission } from '../../../domain/auth/roles.ts';
import type { Deps } from '../../context.ts';
import { actorOf } from '../../http/access.ts';
import { browseAudit } from '../audit/audit.service.ts';
import { statsOf } from '../regions/region-stats.repository.ts';
import { findRegion } from '../regions/regions.repository.ts';
import { countUsersInScope } from '../users/users.repository.ts';

export async function dashboardRoutes(app: FastifyInstance, deps: Deps) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/dashboard', {
    config: { access: { permission: 'dashboard.read' } },
    schema: {
      tags: ['首页'],
      summary: '首页概况:本辖区各级区划数、用户数、最近操作',
      response: {
        200: z.object({
          region: z.object({
            code: z.string(),
            name: z.string(),
            level: z.number(),
            population: z.number().nullable(),
            populationSource: z.string().nullable(),
          }),
          regionCounts: z.record(z.string(), z.number()),
          userCount: z.number().nullable(),
          recentAudit: z
            .array(
              z.object({
                id: z.string(),
                at: z.string(),
                actorName: z.string().nullable(),
                action: z.string(),
                entityType: z.string(),
                entityId: z.string().nullable(),
                entityLabel: z.string().nullable(),
              }),
            )
            .nullable(),
        }),
      },
    },
    handler: async (req) => {
      const actor = actorOf(req);
      const code = actor.scope.regionCode;
      const region = await findRegion(deps.db, code);
      const counts = await statsOf(deps.db, code);
      const canUsers = hasPermission(actor.role, 'user.read');
      const canAudit = hasPermission(actor.role, 'audit.read');
      return {
        region: {
          code,
          name: region?.name ?? code,
          level: Number(region?.level ?? 0),
          population: region?.population == null ? null : Number(region.population),
          populationSource: region?.population_source ?? null,
        },
        regionCounts: counts,
        userCount: canUsers ? await countUsersInScope(deps.db, actor.scope) : null,
        recentAudit: canAudit ? (await browseAudit(deps, actor.scope, { page: 1, pageSize: 8 })).items : null,
      };
    },
  });
}
