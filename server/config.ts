import path from 'node:path';

/** Runtime configuration, from environment variables with safe defaults. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** Absent: embedded SQLite file in dataDir. */
  databaseUrl: string | undefined;
  logLevel: string;
  /** Set when served over HTTPS so the session cookie gets the Secure flag. */
  cookieSecure: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    logLevel: env.LOG_LEVEL ?? 'info',
    cookieSecure: env.COOKIE_SECURE === '1' || env.COOKIE_SECURE === 'true',
  };
}
