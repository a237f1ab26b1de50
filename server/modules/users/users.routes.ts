import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assignableRoles } from '../../../domain/auth/role-assignment.ts';
import { ROLE_DEFINITIONS, ROLES } from '../../../domain/auth/roles.ts';
import { userSchema } from '../../../domain/users/user.schema.ts';
import type { Deps } from '../../context.ts';
import { actorOf } from '../../http/access.ts';
import { pageQuery, regionCodeSchema } from '../../http/schemas.ts';
import * as service from './users.service.ts';

const roleEnum = z.enum(ROLES, '请选择有效的角色');
const idParams = z.strictObject({ id: z.uuid('用户编号格式不正确') });
const displayName = z.string().trim().min(1, '请输入姓名').max(32, '姓名不能超过 32 个字');
/** The agency a 社工机构管理员 acts for (required for that role, refused for others). */
const boundEntityId = z.string('请选择所属机构').max(36, '机构编号格式不正确').nullable();

export async function userRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = { access: { permission: 'user.read' as const } };
  const manage = { access: { permission: 'user.manage' as const } };
  const tags = ['用户管理'];

  r.get('/api/v1/roles', {
    config: read,
    schema: {
      tags,
      summary: '角色列表(标明当前用户可授予的角色)',
      response: {
        200: z.object({
          items: z.array(
            z.object({
              role: roleEnum,
              name: z.string(),
              nameEn: z.string(),
              regionLevel: z.number().nullable(),
              assignable: z.boolean(),
              permissions: z.array(z.string()),
            }),
          ),
        }),
      },
    },
    handler: async (req) => {
      const mine = new Set(assignableRoles(actorOf(req).role));
      return {
        items: ROLES.map((role) => ({
          role,
          name: ROLE_DEFINITIONS[role].name,
          nameEn: ROLE_DEFINITIONS[role].nameEn,
          regionLevel: ROLE_DEFINITIONS[role].regionLevel,
          assignable: mine.has(role),
          permissions: [...ROLE_DEFINITIONS[role].permissions],
        })),
      };
    },
  });

  r.get('/api/v1/users', {
    config: read,
    schema: {
      tags,
      summary: '用户列表(本人管辖范围内)',
      querystring: z.strictObject({
        q: z.string().trim().max(64).optional(),
        role: roleEnum.optional(),
        status: z.enum(['active', 'disabled']).optional(),
        regionCode: regionCodeSchema.optional(),
        sort: z.enum(['username', 'created_at', 'last_login_at', 'region_code']).optional(),
        order: z.enum(['asc', 'desc']).optional(),
        ...pageQuery,
      }),
      response: { 200: z.object({ items: z.array(userSchema), total: z.number() }) },
    },
    handler: async (req) => service.listUsers(deps, actorOf(req).scope, req.query),
  });

  r.get('/api/v1/users/:id', {
    config: read,
    schema: { tags, summary: '用户详情', params: idParams, response: { 200: userSchema } },
    handler: async (req) => service.getUser(deps, actorOf(req).scope, req.params.id),
  });

  r.post('/api/v1/users', {
    config: manage,
    schema: {
      tags,
      summary: '新增用户(返回一次性初始密码,首次登录须修改;社工机构管理员须指定所属机构 boundEntityId)',
      body: z.strictObject({
        // Usernames are case-insensitive: stored lower-case, so 'Nanming' and 'nanming' cannot coexist.
        username: z
          .string()
          .trim()
          .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{2,31}$/, '用户名为 3–32 位字母、数字或 _ . -,以字母或数字开头')
          .transform((u) => u.toLowerCase()),
        displayName,
        role: roleEnum,
        regionCode: regionCodeSchema,
        boundEntityId: boundEntityId.optional(),
      }),
      response: { 200: z.object({ user: userSchema, initialPassword: z.string() }) },
    },
    handler: async (req) => service.createUser(deps, actorOf(req), req.body),
  });

  r.patch('/api/v1/users/:id', {
    config: manage,
    schema: {
      tags,
      summary: '修改用户(姓名、角色、管辖地区、所属机构)',
      params: idParams,
      body: z
        .strictObject({
          displayName: displayName.optional(),
          role: roleEnum.optional(),
          regionCode: regionCodeSchema.optional(),
          boundEntityId: boundEntityId.optional(),
        })
        .refine((b) => Object.keys(b).length > 0, '没有要修改的内容'),
      response: { 200: userSchema },
    },
    handler: async (req) => service.updateUser(deps, actorOf(req), req.params.id, req.body),
  });

  r.post('/api/v1/users/:id/disable', {
    config: manage,
    schema: { tags, summary: '停用用户(立即结束其会话)', params: idParams, response: { 200: userSchema } },
    handler: async (req) => service.setUserStatus(deps, actorOf(req), req.params.id, 'disabled'),
  });

  r.post('/api/v1/users/:id/enable', {
    config: manage,
    schema: { tags, summary: '启用用户(同时解除锁定)', params: idParams, response: { 200: userSchema } },
    handler: async (req) => service.setUserStatus(deps, actorOf(req), req.params.id, 'active'),
  });

  r.post('/api/v1/users/:id/reset-password', {
    config: manage,
    schema: { tags, summary: '重置密码(返回一次性密码,首次登录须修改)', params: idParams, response: { 200: z.object({ password: z.string() }) } },
    handler: async (req) => service.resetPassword(deps, actorOf(req), req.params.id),
  });
}
