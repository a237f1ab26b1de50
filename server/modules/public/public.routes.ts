import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../context.ts';

export async function publicRoutes(_app: FastifyInstance, _deps: Deps) {}
