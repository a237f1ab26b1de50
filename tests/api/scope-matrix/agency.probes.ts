import type { Probe } from '../scope-matrix.probes.ts';

/** Scope-matrix probes of the agency routes (merged into PROBES by scope-matrix.probes.ts). */
export const AGENCY_PROBES: Record<string, Probe> = {};
