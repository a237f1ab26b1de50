import type { ExpressionBuilder, ExpressionWrapper, SqlBool } from 'kysely';
import type { BoundEntityType } from '../../domain/auth/roles.ts';
import { isWithin, subtreeRange } from '../../domain/standards/region-code.ts';
import { scopeForbidden } from '../errors.ts';

/**
 * What a request may see: a region subtree, plus the entity the role is bound to (an agency, a
 * station, the user's own talent record …) for roles that are. Built once per request from the
 * session; every repository query on regional data goes through `inScope`.
 */
export interface Scope {
  regionCode: string;
  bound: { type: BoundEntityType; id: string | null } | null;
}

/**
 * The one region filter: `column` lies in the scope's subtree. A half-open range on the code
 * (never LIKE), so both SQLite and PostgreSQL use the index.
 */
export function inScope<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  column: string,
  scope: Pick<Scope, 'regionCode'>,
): ExpressionWrapper<DB, TB, SqlBool> {
  const { lower, upper } = subtreeRange(scope.regionCode);
  // biome-ignore lint/suspicious/noExplicitAny: column names are checked by the callers' tables
  const ref = eb.ref(column as any);
  return eb.and([eb(ref, '>=', lower), eb(ref, '<', upper)]);
}

/** Throws SCOPE_FORBIDDEN unless `regionCode` lies in the scope's subtree. */
export function assertInScope(scope: Pick<Scope, 'regionCode'>, regionCode: string): void {
  if (!isWithin(regionCode, scope.regionCode)) throw scopeForbidden();
}

export function isInScope(scope: Pick<Scope, 'regionCode'>, regionCode: string): boolean {
  return isWithin(regionCode, scope.regionCode);
}
