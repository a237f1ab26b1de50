import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { expectErrorShape } from './test-app.ts';

/** An error answer with field-level details, as the API sends it. */
export interface RefusedError {
  code: string;
  message: string;
  details?: Array<{ field: string; message: string; code?: string }>;
}

/**
 * A refused request: the status and code of the error envelope (never a 500), and nothing written —
 * `fingerprint` (a snapshot of the tables the request could touch) is the same before and after.
 */
export async function expectRefused(
  fingerprint: () => Promise<string>,
  send: () => Promise<LightMyRequestResponse>,
  status: number,
  code: string,
): Promise<RefusedError> {
  const before = await fingerprint();
  const res = await send();
  expect(res.statusCode, res.body).toBeLessThan(500);
  const e = expectErrorShape(res, status, code) as RefusedError;
  expect(await fingerprint()).toBe(before);
  return e;
}

/** The Chinese message of one field's error (the test fails when there is none). */
export function fieldError(e: { details?: Array<{ field: string; message: string }> }, field: string): string {
  const hit = e.details?.find((d) => d.field === field);
  expect(hit, `no error for field ${field}: ${JSON.stringify(e.details)}`).toBeDefined();
  expect(hit?.message).toMatch(/[\u4e00-\u9fa5]/);
  return hit?.message as string;
}
