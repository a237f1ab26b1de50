import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  communityGroupInputSchema,
  communityGroupPatchSchema,
  groupDetailSchema,
  groupFilterShape,
  groupListItemSchema,
} from '../../../domain/network/community-group.schema.ts';
import type { Deps } from '../../context.ts';
import { actorOf } from '../../http/access.ts';
import { okSchema, pageQuery } from '../../http/schemas.ts';
import * as service from './community-groups.service.ts';

const idParams = z.strictObject({ id: z.uuid('组织编号格式不正确') });

/** Community social groups belong to the service network (network.* permissions). */
export async function communityGroupRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = { access: { permission: 'network.read' as const } };
  const manage = { access: { permission: 'network.manage' as const } };
  const tags = ['社区社会组织'];

  r.get('/api/v1/community-groups', {
    config: read,
    schema: {
      tags,
      summary: '社区社会组织列表(管辖范围内)',
      querystring: z.strictObject({ ...groupFilterShape, ...pageQuery }),
      response: { 200: z.object({ items: z.array(groupListItemSchema), total: z.number() }) },
    },
    handler: async (req) => service.listGroups(deps, actorOf(req).scope, req.query),
  });

  r.post('/api/v1/community-groups', {
    config: manage,
    schema: {
      tags,
      summary: '登记社区社会组织(所在地区为乡镇或村;孵化阵地为管辖范围内的社工站或社工室)',
      body: communityGroupInputSchema,
      response: { 200: groupDetailSchema },
    },
    handler: async (req) => service.createGroup(deps, actorOf(req), req.body),
  });

  r.get('/api/v1/community-groups/:id', {
    config: read,
    schema: { tags, summary: '社区社会组织详情', params: idParams, response: { 200: groupDetailSchema } },
    handler: async (req) => service.getGroup(deps, actorOf(req).scope, req.params.id),
  });

  r.patch('/api/v1/community-groups/:id', {
    config: manage,
    schema: { tags, summary: '修改社区社会组织', params: idParams, body: communityGroupPatchSchema, response: { 200: groupDetailSchema } },
    handler: async (req) => service.updateGroup(deps, actorOf(req), req.params.id, req.body),
  });

  r.delete('/api/v1/community-groups/:id', {
    config: manage,
    schema: { tags, summary: '删除社区社会组织', params: idParams, response: { 200: okSchema } },
    handler: async (req) => {
      await service.deleteGroup(deps, actorOf(req), req.params.id);
      return { ok: true as const };
    },
  });
}
