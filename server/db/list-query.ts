/**
 * The steps every filtered register list takes (platforms, agencies, community groups): a "contains"
 * search, a page with its total, and the same rows a batch at a time for exports. The filter and the
 * order stay in each repository; these only run them.
 */
import { type SelectQueryBuilder, sql } from 'kysely';

/** LIKE pattern for "contains"; use with `escape '\\'` so % and _ in a search match themselves. */
export const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Reads `limit` rows of the filtered list in list order, from `offset`. */
export type RowsReader<R> = (limit: number, offset: number) => Promise<R[]>;

/** The number of rows a filtered query matches. */
// biome-ignore lint/suspicious/noExplicitAny: any table of any database
export async function countRows(q: SelectQueryBuilder<any, any, object>): Promise<number> {
  const [{ n }] = await q.select(sql<number>`count(*)`.as('n')).execute();
  return Number(n);
}

/** One page of a list and the total behind it. */
export async function readPage<R>(
  count: () => Promise<number>,
  rows: RowsReader<R>,
  p: { page: number; pageSize: number },
): Promise<{ items: R[]; total: number }> {
  const total = await count();
  const items = await rows(p.pageSize, (p.page - 1) * p.pageSize);
  return { items, total };
}

/** The whole list in list order, `batch` rows at a time (exports stream this). */
export async function* inBatches<R>(rows: RowsReader<R>, batch: number): AsyncGenerator<R[]> {
  for (let offset = 0; ; offset += batch) {
    const page = await rows(batch, offset);
    yield page;
    if (page.length < batch) return;
  }
}
