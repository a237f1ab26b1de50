import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { PlatformFilters, PlatformQuery, PlatformSort } from '../api/platforms.api.ts';

const PAGE_SIZES = [10, 20, 50, 100];
const SORTS: PlatformSort[] = ['region_code', 'name', 'opened_on', 'updated_at'];
const TEXT_KEYS = ['regionCode', 'kind', 'status', 'agencyId', 'q'] as const;
const FLAG_KEYS = ['standard', 'demo'] as const;

/** The list query from the address (?kind=station&standard=false&page=…), so reload, back and links keep it. */
export function readPlatformQuery(sp: URLSearchParams): PlatformQuery {
  const q: PlatformQuery = { page: Math.max(1, Number(sp.get('page')) || 1), pageSize: 20 };
  for (const k of TEXT_KEYS) {
    const v = sp.get(k);
    if (v) q[k] = v;
  }
  for (const k of FLAG_KEYS) {
    const v = sp.get(k);
    if (v === 'true' || v === 'false') q[k] = v === 'true';
  }
  const pageSize = Number(sp.get('pageSize'));
  if (PAGE_SIZES.includes(pageSize)) q.pageSize = pageSize;
  const sort = sp.get('sort') as PlatformSort | null;
  if (sort && SORTS.includes(sort)) {
    q.sort = sort;
    q.order = sp.get('order') === 'asc' ? 'asc' : 'desc';
  }
  return q;
}

export function writePlatformQuery(q: PlatformQuery): URLSearchParams {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) {
    if (v === undefined || v === '' || v === null) continue;
    if ((k === 'page' && v === 1) || (k === 'pageSize' && v === 20)) continue;
    sp.set(k, String(v));
  }
  return sp;
}

/** Only the filters (what 导出 Excel sends), without paging and sorting. */
export function platformFiltersOf(q: PlatformQuery): PlatformFilters {
  const { page: _p, pageSize: _s, sort: _o, order: _d, ...filters } = q;
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as PlatformFilters;
}

export function usePlatformQuery(): [PlatformQuery, (patch: Partial<PlatformQuery>, replaceFilters?: boolean) => void] {
  const [sp, setSp] = useSearchParams();
  const query = useMemo(() => readPlatformQuery(sp), [sp]);
  const set = (patch: Partial<PlatformQuery>, replaceFilters = false) => {
    const base: PlatformQuery = replaceFilters ? { page: 1, pageSize: query.pageSize, sort: query.sort, order: query.order } : query;
    setSp(writePlatformQuery({ ...base, ...patch }));
  };
  return [query, set];
}
