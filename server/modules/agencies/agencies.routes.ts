import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../context.ts';

export async function agencyRoutes(_app: FastifyInstance, _deps: Deps) {}
