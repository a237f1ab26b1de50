import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { TalentFilters, TalentQuery, TalentSort } from '../api/talents.api.ts';

const PAGE_SIZES = [10, 20, 50, 100];
const SORTS: TalentSort[] = ['region_code', 'name', 'birth_date', 'tier', 'updated_at'];
const TEXT_KEYS = ['regionCode', 'tier', 'category', 'field', 'role', 'status', 'q'] as const;
const FLAG_KEYS = ['key', 'due', 'short'] as const;

const age = (v: string | null) => {
  if (v === null || v === '') return undefined;
  const n = Number(v);
  return Number.isInteger(n) && n >= 0 && n <= 120 ? n : undefined;
};

/** The list query from the address (?tier=&key=true&page=…), so reload, back and links keep it. */
export function readTalentQuery(sp: URLSearchParams): TalentQuery {
  const q: TalentQuery = { page: Math.max(1, Number(sp.get('page')) || 1), pageSize: 20 };
  for (const k of TEXT_KEYS) {
    const v = sp.get(k);
    if (v) q[k] = v;
  }
  for (const k of FLAG_KEYS) {
    const v = sp.get(k);
    if (v === 'true' || v === 'false') q[k] = v === 'true';
  }
  q.minAge = age(sp.get('minAge'));
  q.maxAge = age(sp.get('maxAge'));
  const pageSize = Number(sp.get('pageSize'));
  if (PAGE_SIZES.includes(pageSize)) q.pageSize = pageSize;
  const sort = sp.get('sort') as TalentSort | null;
  if (sort && SORTS.includes(sort)) {
    q.sort = sort;
    q.order = sp.get('order') === 'asc' ? 'asc' : 'desc';
  }
  return q;
}

export function writeTalentQuery(q: TalentQuery): URLSearchParams {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) {
    if (v === undefined || v === '' || v === null) continue;
    if ((k === 'page' && v === 1) || (k === 'pageSize' && v === 20)) continue;
    sp.set(k, String(v));
  }
  return sp;
}

/** Only the filters (what 导出 Excel and the analytics share), without paging and sorting. */
export function filtersOf(q: TalentQuery): TalentFilters {
  const { page: _p, pageSize: _s, sort: _o, order: _d, ...filters } = q;
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as TalentFilters;
}

export function useTalentQuery(): [TalentQuery, (patch: Partial<TalentQuery>, replaceFilters?: boolean) => void] {
  const [sp, setSp] = useSearchParams();
  const query = useMemo(() => readTalentQuery(sp), [sp]);
  const set = (patch: Partial<TalentQuery>, replaceFilters = false) => {
    const base: TalentQuery = replaceFilters ? { page: 1, pageSize: query.pageSize, sort: query.sort, order: query.order } : query;
    setSp(writeTalentQuery({ ...base, ...patch }));
  };
  return [query, set];
}
