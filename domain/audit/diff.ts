export type Changes = Record<string, [unknown, unknown]>;

/**
 * Field-by-field difference of two records, as { field: [before, after] }, for the audit log.
 * Only fields present in `after` are compared (a partial update names what it changed); secrets
 * are replaced by a marker so they never reach the log.
 */
export function diffRecords(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  secretFields: readonly string[] = ['password_hash', 'password', 'passwordHash'],
): Changes {
  const out: Changes = {};
  const keys = new Set([...Object.keys(after ?? {}), ...(after ? [] : Object.keys(before ?? {}))]);
  for (const k of keys) {
    const b = before?.[k] ?? null;
    const a = after?.[k] ?? null;
    if (JSON.stringify(b) === JSON.stringify(a)) continue;
    out[k] = secretFields.includes(k) ? ['***', '***'] : [b, a];
  }
  return out;
}
