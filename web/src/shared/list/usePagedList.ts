import { keepPreviousData, type QueryKey, useQuery, useQueryClient } from '@tanstack/react-query';
import { filtersOf, type ListQueryBase, type ListQuerySpec } from './list-query.ts';
import { useListQuery } from './useListQuery.ts';

interface PagedListSource<Q, P> {
  spec: ListQuerySpec;
  keys: { all: QueryKey; list: (q: Q) => QueryKey };
  fetch: (q: Q) => Promise<P>;
}

/** What every list table takes from its page (see ListTableBaseProps). */
export interface PagedTableState<R, Q> {
  query: Q;
  filtered: boolean;
  items: R[] | undefined;
  total: number;
  loading: boolean;
  onChange: (patch: Partial<Q>) => void;
}

/**
 * A list page's data: the query from the URL, the page of rows (the previous page stays while the next
 * loads), the filters alone (for 导出 Excel), a refresh, and the props its table needs.
 */
export function usePagedList<Q extends ListQueryBase, P extends { items: unknown[]; total: number }>({ spec, keys, fetch }: PagedListSource<Q, P>) {
  const queryClient = useQueryClient();
  const [query, setQuery] = useListQuery<Q>(spec);
  const list = useQuery({ queryKey: keys.list(query), queryFn: () => fetch(query), placeholderData: keepPreviousData });
  const filters = filtersOf(query);
  const refresh = () => queryClient.invalidateQueries({ queryKey: keys.all });
  const table: PagedTableState<P['items'][number], Q> = {
    query,
    filtered: Object.keys(filters).length > 0,
    items: list.data?.items,
    total: list.data?.total ?? 0,
    loading: list.isFetching,
    onChange: (p) => setQuery(p),
  };
  /** The list failed and has nothing to show: the page shows the error instead of the table. */
  const error = list.error && !list.data ? list.error : null;
  /** A new search from the query form: back to page 1, the page size and sort kept. */
  const search = (f: Partial<Q>) => setQuery({ ...f, page: 1 } as Partial<Q>, true);
  return { query, list, filters, refresh, table, error, search };
}
