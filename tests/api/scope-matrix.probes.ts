import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Session, TestApp } from '../helpers/test-app.ts';
import { AGENCY_PROBES } from './scope-matrix/agency.probes.ts';
import { CORE_PROBES } from './scope-matrix/core.probes.ts';
import { NETWORK_FILES_PROBES } from './scope-matrix/network-files.probes.ts';
import { PLATFORM_PROBES } from './scope-matrix/platform.probes.ts';
import { PUBLIC_PROBES } from './scope-matrix/public.probes.ts';
import { TALENT_PROBES } from './scope-matrix/talent.probes.ts';
import { TALENT_FILES_PROBES } from './scope-matrix/talent-files.probes.ts';

/**
 * The probe table of tests/api/scope-matrix.test.ts: for every /api/v1 route (keyed `METHOD /url`
 * exactly as registered), how to build an in-scope request and, where the route has a target, an
 * out-of-scope one. A route added without a probe here fails the matrix.
 */

export interface DemoRole {
  username: string;
  role: string;
  /** The user's scope root. */
  home: string;
  /** A county inside the scope (targets of in-scope requests are created there). */
  inCounty: string;
  /** A county outside the scope, or null for the system administrator (nothing is outside). */
  outCounty: string | null;
}

export const DEMO_ROLES: DemoRole[] = [
  { username: 'admin', role: 'system_admin', home: '000000000000', inCounty: '520102000000', outCounty: null },
  { username: 'guizhou', role: 'province_admin', home: '520000000000', inCounty: '520102000000', outCounty: '530102000000' },
  { username: 'guiyang', role: 'city_admin', home: '520100000000', inCounty: '520102000000', outCounty: '520201000000' },
  { username: 'nanming', role: 'county_admin', home: '520102000000', inCounty: '520102000000', outCounty: '520103000000' },
  { username: 'yunyan', role: 'county_admin', home: '520103000000', inCounty: '520103000000', outCounty: '520102000000' },
  { username: 'nanming-staff', role: 'staff', home: '520102000000', inCounty: '520102000000', outCounty: '520103000000' },
];

export interface ProbeCtx {
  t: TestApp;
  role: DemoRole;
  /** The role's long-lived session. */
  session(): Promise<Session>;
  /** The system administrator's long-lived session (sets up targets through the API). */
  admin(): Promise<Session>;
  /** Forget the cached session (after a probe ended it). */
  dropSession(): void;
  /** A number unique within the test app, for fresh usernames and region codes. */
  next(): number;
}

export interface ProbeRequest {
  inject: InjectOptions;
  /** Send as this session instead of the role's long-lived one. */
  as?: Session;
  /** Reads the target; a refused request must leave it as it was. */
  target?: () => Promise<unknown>;
  /** Strings that a refused or filtered answer must not contain. */
  secrets?: string[];
}

export interface Probe {
  /** Builds the request; `out` is only asked for when the probe has an `out` mode. */
  build(ctx: ProbeCtx, where: 'in' | 'out', county: string): Promise<ProbeRequest>;
  /**
   * What an out-of-scope request gets: 'refuse' (403 SCOPE_FORBIDDEN or 404) or 'filter' (200 with
   * nothing outside the scope). Absent: the route has no target (own session, own scope).
   */
  out?: 'refuse' | 'filter';
  /** Checks of a successful in-scope answer. */
  checkIn?(res: LightMyRequestResponse, ctx: ProbeCtx, req: ProbeRequest): Promise<void> | void;
  /** Checks of a filtered out-of-scope answer (besides 200 and no secrets). */
  checkFiltered?(res: LightMyRequestResponse, ctx: ProbeCtx): void;
  /** Runs after the in-scope request succeeded (restore what it changed). */
  after?(ctx: ProbeCtx, req: ProbeRequest): Promise<void>;
}

/**
 * The probes live beside this file, one file per route group. The matrix runs the routes in the
 * order of PROBES' keys, so the groups are spread in a fixed order.
 */
export const PROBES: Record<string, Probe> = {
  ...PLATFORM_PROBES,
  ...AGENCY_PROBES,
  ...NETWORK_FILES_PROBES,
  ...PUBLIC_PROBES,
  ...CORE_PROBES,
  ...TALENT_PROBES,
  ...TALENT_FILES_PROBES,
};
