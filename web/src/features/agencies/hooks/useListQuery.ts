import { useMemo } from 'react';
import { useSearchParams } from 'react-router';

const PAGE_SIZES = [10, 20, 50, 100];

export interface ListQueryBase {
  page: number;
  pageSize: number;
  sort?: string;
  order?: 'asc' | 'desc';
}

export interface ListQuerySpec {
  /** Filters kept as text (?regionCode=…&q=…). */
  text: readonly string[];
  /** Filters kept as true/false. */
  flags?: readonly string[];
  sorts: readonly string[];
}

/** The list query from the address, so reload, back and shared links keep the filters. */
export function readListQuery<Q extends ListQueryBase>(sp: URLSearchParams, spec: ListQuerySpec): Q {
  const q: Record<string, unknown> = { page: Math.max(1, Number(sp.get('page')) || 1), pageSize: 20 };
  for (const k of spec.text) {
    const v = sp.get(k);
    if (v) q[k] = v;
  }
  for (const k of spec.flags ?? []) {
    const v = sp.get(k);
    if (v === 'true' || v === 'false') q[k] = v === 'true';
  }
  const pageSize = Number(sp.get('pageSize'));
  if (PAGE_SIZES.includes(pageSize)) q.pageSize = pageSize;
  const sort = sp.get('sort');
  if (sort && spec.sorts.includes(sort)) {
    q.sort = sort;
    q.order = sp.get('order') === 'asc' ? 'asc' : 'desc';
  }
  return q as Q;
}

export function writeListQuery(q: object): URLSearchParams {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) {
    if (v === undefined || v === '' || v === null) continue;
    if ((k === 'page' && v === 1) || (k === 'pageSize' && v === 20)) continue;
    sp.set(k, String(v));
  }
  return sp;
}

/** Only the filters (what 导出 Excel sends), without paging and sorting. */
export function filtersOf<Q extends ListQueryBase>(q: Q): Omit<Q, keyof ListQueryBase> {
  const { page: _p, pageSize: _s, sort: _o, order: _d, ...filters } = q;
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as Omit<Q, keyof ListQueryBase>;
}

/** [query, set(patch, replaceFilters)] kept in the URL. */
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
