/**
 * A paged list's query kept in the address (?regionCode=…&page=2&sort=name&order=asc), so reload, back and
 * shared links keep the filters. Every list page (人才, 阵地, 社工机构, 社区社会组织) reads and writes it the same
 * way; only the filter names differ, and those come in as a spec.
 */

export const PAGE_SIZES = [10, 20, 50, 100];
const DEFAULT_PAGE_SIZE = 20;

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
  /** Whole-number filters with their allowed range, e.g. { minAge: [0, 120] }; anything else is dropped. */
  ints?: Readonly<Record<string, readonly [number, number]>>;
  /** The server sorts the list accepts; anything else in the address is ignored. */
  sorts: readonly string[];
}

export function readListQuery<Q extends ListQueryBase>(sp: URLSearchParams, spec: ListQuerySpec): Q {
  const q: Record<string, unknown> = { page: Math.max(1, Number(sp.get('page')) || 1), pageSize: DEFAULT_PAGE_SIZE };
  for (const k of spec.text) {
    const v = sp.get(k);
    if (v) q[k] = v;
  }
  for (const k of spec.flags ?? []) {
    const v = sp.get(k);
    if (v === 'true' || v === 'false') q[k] = v === 'true';
  }
  for (const [k, [min, max]] of Object.entries(spec.ints ?? {})) {
    const v = sp.get(k);
    if (v === null || v === '') continue;
    const n = Number(v);
    if (Number.isInteger(n) && n >= min && n <= max) q[k] = n;
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

/** The address for a query; defaults (page 1, 20 rows) and empty filters stay out of it. */
export function writeListQuery(q: object): URLSearchParams {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) {
    if (v === undefined || v === '' || v === null) continue;
    if ((k === 'page' && v === 1) || (k === 'pageSize' && v === DEFAULT_PAGE_SIZE)) continue;
    sp.set(k, String(v));
  }
  return sp;
}

/** Only the filters (what 导出 Excel and the analytics send), without paging and sorting. */
export function filtersOf<Q extends ListQueryBase>(q: Q): Omit<Q, keyof ListQueryBase> {
  const { page: _p, pageSize: _s, sort: _o, order: _d, ...filters } = q;
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as Omit<Q, keyof ListQueryBase>;
}
