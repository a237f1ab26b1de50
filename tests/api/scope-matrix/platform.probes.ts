import type { Probe } from '../scope-matrix.probes.ts';

/** Scope-matrix probes of the platform routes (merged into PROBES by scope-matrix.probes.ts). */
export const PLATFORM_PROBES: Record<string, Probe> = {};
