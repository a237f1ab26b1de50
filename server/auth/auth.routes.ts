import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../context.ts';
import { actorOf, requestMeta, SESSION_COOKIE } from '../http/access.ts';
import { okSchema, sessionUserSchema } from '../http/schemas.ts';
import { changeOwnPassword, login, logout, toSessionUser } from './auth.service.ts';

const meResponse = z.object({ user: sessionUserSchema, csrfToken: z.string() });

export async function authRoutes(app: FastifyInstance, deps: Deps, opts: { cookieSecure: boolean }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cookie = { path: '/', httpOnly: true, sameSite: 'strict' as const, secure: opts.cookieSecure };

  r.post('/api/v1/auth/login', {
    config: { access: { public: true } },
    schema: {
      tags: ['认证'],
      summary: '登录(用户名 + 密码)',
      body: z.strictObject({ username: z.string().trim().min(1, '请输入用户名').max(64), password: z.string().min(1, '请输入密码').max(128) }),
      response: { 200: meResponse },
    },
    handler: async (req, reply) => {
      const res = await login(deps, req.body.username, req.body.password, requestMeta(req));
      reply.setCookie(SESSION_COOKIE, res.token, cookie);
      return { user: await toSessionUser(deps, res.user), csrfToken: res.csrfToken };
    },
  });

  r.post('/api/v1/auth/logout', {
    config: { access: { authenticated: true, duringPasswordChange: true } },
    schema: { tags: ['认证'], summary: '退出登录', response: { 200: okSchema } },
    handler: async (req, reply) => {
      if (req.auth) await logout(deps, actorOf(req), req.auth.sessionId);
      reply.clearCookie(SESSION_COOKIE, cookie);
      return { ok: true as const };
    },
  });

  r.get('/api/v1/auth/me', {
    config: { access: { authenticated: true, duringPasswordChange: true } },
    schema: { tags: ['认证'], summary: '当前用户、权限与 CSRF 令牌', response: { 200: meResponse } },
    handler: async (req) => {
      const auth = req.auth;
      if (!auth) throw new Error('unreachable');
      return { user: await toSessionUser(deps, auth.user), csrfToken: auth.csrfToken };
    },
  });

  r.post('/api/v1/auth/password', {
    config: { access: { authenticated: true, duringPasswordChange: true } },
    schema: {
      tags: ['认证'],
      summary: '修改本人密码',
      body: z.strictObject({ oldPassword: z.string().min(1, '请输入原密码').max(128), newPassword: z.string().min(1, '请输入新密码').max(128) }),
      response: { 200: okSchema },
    },
    handler: async (req) => {
      const auth = req.auth;
      if (!auth) throw new Error('unreachable');
      await changeOwnPassword(deps, actorOf(req), auth.sessionId, req.body.oldPassword, req.body.newPassword);
      return { ok: true as const };
    },
  });
}
