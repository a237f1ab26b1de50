import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authRoutes } from './auth/auth.routes.ts';
import type { Deps } from './context.ts';
import { currentMigration } from './db/migrate.ts';
import { registerAccessControl } from './http/access.ts';
import { registerErrorHandler, registerNotFound } from './http/error-handler.ts';
import { registerInputGuard } from './http/input-guard.ts';
import { agencyRoutes } from './modules/agencies/agencies.routes.ts';
import { communityGroupRoutes } from './modules/agencies/community-groups.routes.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { dashboardRoutes } from './modules/dashboard/dashboard.routes.ts';
import { coverageRoutes } from './modules/network/coverage.routes.ts';
import { networkFileRoutes } from './modules/network/network-files.routes.ts';
import { platformRoutes } from './modules/network/platforms.routes.ts';
import { publicRoutes } from './modules/public/public.routes.ts';
import { regionRoutes } from './modules/regions/regions.routes.ts';
import { talentFileRoutes } from './modules/talents/talent-files.routes.ts';
import { talentWorkflowRoutes } from './modules/talents/talent-workflow.routes.ts';
import { talentRoutes } from './modules/talents/talents.routes.ts';
import { userRoutes } from './modules/users/users.routes.ts';

// Validation messages in Chinese for every schema (field-level messages reach the UI as they are).
z.config(z.locales.zhCN());

export interface AppOptions {
  deps: Deps;
  logLevel?: string;
  cookieSecure?: boolean;
  /** Built front end to serve (web/dist); absent in API tests. */
  webDist?: string;
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: opts.logLevel ?? 'info' },
    bodyLimit: 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
    ajv: undefined,
  });
  // The API speaks JSON only. Fastify also parses text/plain by default, which let a text body reach
  // the schema and come back as a puzzling "expected object, got string"; without the parser it is
  // a 415 UNSUPPORTED_MEDIA_TYPE like every other non-JSON type (tests/api/csrf-and-bad-input).
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  registerInputGuard(app);

  const deps = opts.deps;

  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      info: {
        title: '社工人才与社工站管理平台 API',
        version: '1.0.0',
        description: '所有写操作须携带登录会话 Cookie 与 X-CSRF-Token 请求头(由登录或 /api/v1/auth/me 返回)。',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'sgpt_sid' },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  registerAccessControl(app, deps);

  app.get('/api/health', { schema: { tags: ['系统'], summary: '健康检查' } }, async () => {
    return { status: 'ok', dialect: deps.dialect, migration: await currentMigration(deps.db) };
  });

  await authRoutes(app, deps, { cookieSecure: opts.cookieSecure ?? false });
  await regionRoutes(app, deps);
  await userRoutes(app, deps);
  await auditRoutes(app, deps);
  await dashboardRoutes(app, deps);
  await talentRoutes(app, deps);
  await talentWorkflowRoutes(app, deps);
  await talentFileRoutes(app, deps);
  await platformRoutes(app, deps);
  await coverageRoutes(app, deps);
  await agencyRoutes(app, deps);
  await communityGroupRoutes(app, deps);
  await networkFileRoutes(app, deps);
  await publicRoutes(app, deps);

  const spaShell = !!opts.webDist && fs.existsSync(path.join(opts.webDist, 'index.html'));
  if (spaShell) await app.register(fastifyStatic, { root: opts.webDist as string, wildcard: false });
  registerNotFound(app, { spaShell });
  return app;
}
