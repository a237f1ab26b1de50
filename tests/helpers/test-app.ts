import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../server/app.ts';
import { prepareDatabase } from '../../server/bootstrap.ts';
import type { Deps } from '../../server/context.ts';
import type { Db, Dialect } from '../../server/db/connection.ts';
import { DEMO_PASSWORD } from '../../server/demo/demo-data.ts';
import { SESSION_COOKIE } from '../../server/http/access.ts';
import { createFieldCrypto } from '../../server/security/field-crypto.ts';
import { TestClock } from './clock.ts';
import { openTestDb } from './test-db.ts';

/**
 * A real app on a real, private database with the demo accounts. Regions: Guizhou (52, with its
 * villages) and Yunnan (53) — enough for in-scope and out-of-scope cases, quick to load.
 */
export interface TestApp {
  app: FastifyInstance;
  db: Db;
  deps: Deps;
  clock: TestClock;
  login(username: string, password?: string): Promise<Session>;
  close(): Promise<void>;
}

export interface Session {
  cookie: string;
  csrf: string;
  user: { id: string; username: string; role: string; regionCode: string };
  /** Sends a request as this user: cookie always, CSRF header unless `csrf: false`. */
  request(opts: InjectOptions & { csrf?: boolean | string }): Promise<LightMyRequestResponse>;
}

/** A fixed key: tests may compare sealed values across app instances. */
export const TEST_FIELD_KEY = Buffer.alloc(32, 7);

export async function createTestApp(dialect: Dialect, opts: { demo?: boolean } = {}): Promise<TestApp> {
  const db = await openTestDb(dialect);
  const clock = new TestClock();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sgpt-test-'));
  const deps: Deps = { db: db.db, dialect: db.dialect, clock, crypto: createFieldCrypto(TEST_FIELD_KEY), dataDir };
  await prepareDatabase(deps, { demo: opts.demo ?? true, log: () => {}, regionLoad: { onlyProvinces: ['52', '53'], villageProvinces: ['52'] } });
  const app = await buildApp({ deps, logLevel: 'silent' });
  await app.ready();

  const login = async (username: string, password = DEMO_PASSWORD): Promise<Session> => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
    if (!cookie) throw new Error('no session cookie');
    const body = res.json();
    const session: Session = {
      cookie: `${SESSION_COOKIE}=${cookie.value}`,
      csrf: body.csrfToken,
      user: body.user,
      request: ({ csrf = true, headers, ...rest }) =>
        app.inject({
          ...rest,
          headers: {
            ...headers,
            cookie: session.cookie,
            ...(csrf === false ? {} : { 'x-csrf-token': typeof csrf === 'string' ? csrf : session.csrf }),
          },
        }),
    };
    return session;
  };

  return {
    app,
    db,
    deps,
    clock,
    login,
    close: async () => {
      await app.close();
      await db.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The error envelope every 4xx must have. */
export function expectErrorShape(res: LightMyRequestResponse, status: number, code?: string): { code: string; message: string; details?: unknown } {
  if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body}`);
  const body = res.json();
  const e = body.error;
  if (!e || typeof e.code !== 'string' || typeof e.message !== 'string' || typeof e.requestId !== 'string') {
    throw new Error(`not an error envelope: ${res.body}`);
  }
  if (!/[\u4e00-\u9fa5]/.test(e.message)) throw new Error(`message is not Chinese: ${e.message}`);
  if (code && e.code !== code) throw new Error(`expected code ${code}, got ${e.code}: ${res.body}`);
  return e;
}
