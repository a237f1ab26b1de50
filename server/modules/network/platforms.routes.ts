import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../context.ts';

export async function platformRoutes(_app: FastifyInstance, _deps: Deps) {}
