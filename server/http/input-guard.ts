import type { FastifyInstance } from 'fastify';
import { DomainError } from '../errors.ts';

/** The path ('a.b.0') of the first string (or key) holding U+0000, or null. */
function findNul(value: unknown, path: string[] = []): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path.join('.') || 'body' : null;
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes('\u0000')) return [...path, k].join('.');
      const hit = findNul(v, [...path, k]);
      if (hit) return hit;
    }
  }
  return null;
}

/**
 * Refuses U+0000 anywhere in the parameters, query or body, on every route. PostgreSQL text cannot
 * hold it (the query failed: a 500, even on the public login), and SQLite stored it silently.
 * Found by a bad-input probe for tests/api/csrf-and-bad-input.test.ts.
 */
export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    const field = findNul(req.params) ?? findNul(req.query) ?? findNul(req.body);
    if (field) {
      const message = '提交的内容含有无法保存的空字符(\\u0000),请删除后重试';
      throw new DomainError('VALIDATION_FAILED', message, [{ field, code: 'NUL_CHARACTER', message }]);
    }
  });
}
