import type { Probe } from '../scope-matrix.probes.ts';

/** Scope-matrix probes of the public routes (merged into PROBES by scope-matrix.probes.ts). */
export const PUBLIC_PROBES: Record<string, Probe> = {};
