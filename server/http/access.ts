import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { hasPermission, type Permission, type Role } from '../../domain/auth/roles.ts';
import { type Authenticated, authenticate, scopeOf } from '../auth/auth.service.ts';
import type { Actor, Deps } from '../context.ts';
import { DomainError } from '../errors.ts';

/**
 * Every /api/v1 route declares who may call it in `config.access`; a route without it is refused
 * at start-up, so no route can be left open by forgetting.
 *  - public: no session (login, public pages);
 *  - authenticated: any signed-in user;
 *  - permission: a named permission of the user's role.
 * `duringPasswordChange` lets a user who must change their password still reach the route.
 */
export type Access = ({ public: true } | { authenticated: true } | { permission: Permission }) & {
  duringPasswordChange?: boolean;
};

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    auth?: Authenticated & { actor: Actor };
  }
  interface FastifyInstance {
    /** Every /api/v1 route with its access rule, in registration order (the scope-matrix test walks it). */
    routeTable: RouteEntry[];
  }
}

export interface RouteEntry {
  method: string;
  url: string;
  access: Access;
}

export const SESSION_COOKIE = 'sgpt_sid';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function requestMeta(req: FastifyRequest) {
  return { ip: req.ip ?? null, userAgent: req.headers['user-agent'] ?? null, requestId: String(req.id) };
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The actor of an authenticated request (routes call this; it throws if the hook did not run). */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.auth) throw new DomainError('UNAUTHENTICATED', '请先登录');
  return req.auth.actor;
}

export function registerAccessControl(app: FastifyInstance, deps: Deps): void {
  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1/')) return;
    const access = route.config?.access;
    if (!access) throw new Error(`route ${route.method} ${route.url} declares no config.access`);
    for (const method of [route.method].flat()) routeTable.push({ method, url: route.url, access });
  });

  app.addHook('onRequest', async (req) => {
    const access = req.routeOptions.config?.access;
    if (!access || 'public' in access) return;
    const auth = await authenticate(deps, req.cookies[SESSION_COOKIE], requestMeta(req));
    if (!SAFE_METHODS.has(req.method)) {
      const sent = req.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameToken(sent, auth.csrfToken)) {
        throw new DomainError('CSRF_FAILED', '页面已过期或请求来源不可信,请刷新页面后重试');
      }
    }
    const role = auth.user.role as Role;
    if (auth.user.must_change_password === 1 && auth.user.is_demo === 0 && !access.duringPasswordChange) {
      throw new DomainError('PASSWORD_CHANGE_REQUIRED', '首次登录请先修改密码');
    }
    if ('permission' in access && !hasPermission(role, access.permission)) {
      throw new DomainError('FORBIDDEN', '您没有此操作的权限');
    }
    const meta = requestMeta(req);
    req.auth = {
      ...auth,
      actor: { userId: auth.user.id, username: auth.user.username, role, scope: scopeOf(auth.user), ip: meta.ip, requestId: meta.requestId },
    };
  });
}
