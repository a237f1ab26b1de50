import type { Probe } from '../scope-matrix.probes.ts';

/** Scope-matrix probes of the network-files routes (merged into PROBES by scope-matrix.probes.ts). */
export const NETWORK_FILES_PROBES: Record<string, Probe> = {};
