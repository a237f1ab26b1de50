import type { TablePaginationConfig } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import type { ListQueryBase } from '../list/list-query.ts';

/**
 * Column key → the server's sort. `flip` is for columns shown the other way round from what the server sorts
 * (人才's age column sorts by birth date: ascending age is descending birth date).
 */
export type SortMap = Readonly<Record<string, string | { sort: string; flip?: boolean }>>;

const sortOf = (sorts: SortMap, key: string) => {
  const s = sorts[key];
  return s === undefined ? undefined : typeof s === 'string' ? { sort: s, flip: false } : { sort: s.sort, flip: Boolean(s.flip) };
};

/** Props for a server-sorted column: spread into the column, the header shows the sort the URL holds. */
export function sortableBy(query: ListQueryBase, sorts: SortMap) {
  return (key: string) => {
    const s = sortOf(sorts, key);
    const active = s !== undefined && query.sort === s.sort;
    const asc = (query.order === 'asc') !== Boolean(s?.flip);
    return { key, sorter: true, sortOrder: active ? (asc ? ('ascend' as const) : ('descend' as const)) : null };
  };
}

/** A table change (page, page size, sort) as a query patch; a new page size or sort goes back to page 1. */
export function tableChangeToQuery<Q extends ListQueryBase, T>(
  query: Q,
  sorts: SortMap,
  p: TablePaginationConfig,
  sorter: SorterResult<T> | SorterResult<T>[],
): Partial<Q> {
  const s = Array.isArray(sorter) ? sorter[0] : sorter;
  const def = s?.order ? sortOf(sorts, String(s.columnKey)) : undefined;
  const pageSize = p.pageSize ?? query.pageSize;
  const sort = def?.sort;
  const asc = s?.order === 'ascend';
  return {
    page: pageSize !== query.pageSize || sort !== query.sort ? 1 : (p.current ?? 1),
    pageSize,
    sort,
    order: def ? (asc !== def.flip ? 'asc' : 'desc') : undefined,
  } as Partial<Q>;
}
