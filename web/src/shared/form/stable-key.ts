/**
 * Order-independent comparison key (undefined and null count the same): what the edit forms compare to send
 * only the fields that really changed, lists included.
 */
export function stableKey(v: unknown): string {
  const norm = (x: unknown): unknown => {
    if (x === undefined || x === null) return null;
    if (Array.isArray(x)) return x.map(norm);
    if (typeof x === 'object')
      return Object.fromEntries(
        Object.keys(x as object)
          .sort()
          .map((k) => [k, norm((x as Record<string, unknown>)[k])]),
      );
    return x;
  };
  return JSON.stringify(norm(v));
}
