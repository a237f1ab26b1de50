import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { type ListQueryBase, type ListQuerySpec, readListQuery, writeListQuery } from './list-query.ts';

/**
 * [query, set(patch, replaceFilters)] kept in the URL. `replaceFilters` starts a new search: the filters are
 * replaced, the page size and sort are kept.
 */
export function useListQuery<Q extends ListQueryBase>(spec: ListQuerySpec): [Q, (patch: Partial<Q>, replaceFilters?: boolean) => void] {
  const [sp, setSp] = useSearchParams();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the spec is a module constant.
  const query = useMemo(() => readListQuery<Q>(sp, spec), [sp]);
  const set = (patch: Partial<Q>, replaceFilters = false) => {
    const base = replaceFilters ? { page: 1, pageSize: query.pageSize, sort: query.sort, order: query.order } : query;
    setSp(writeListQuery({ ...base, ...patch }));
  };
  return [query, set];
}
