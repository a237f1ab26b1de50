import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Spin, TreeSelect } from 'antd';
import { type CSSProperties, type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ancestorCodes, isRegionCode, isWithin, levelOf } from '../../../../../domain/standards/region-code.ts';
import { useI18n } from '../../../i18n/index.ts';
import { useLabels } from '../../../i18n/labels.ts';
import { useDebounced } from '../../../shared/useDebounced.ts';
import { scopeRootOf, useCurrentUser } from '../../auth/hooks/useSession.ts';
import { regionKeys, regionsApi } from '../api/regions.api.ts';

export interface RegionSelectProps {
  value?: string;
  onChange?: (value: string | undefined) => void;
  /** Deepest level offered (e.g. 3: down to counties). */
  maxLevel?: number;
  /** Only regions of exactly this level can be chosen (others only open the way down). */
  exactLevel?: number;
  /** Regions above this level only open the way down (e.g. 3: a county or below). */
  minLevel?: number;
  /** A typed 6-, 9- or 12-digit code may be chosen as it is (places outside the scope: 籍贯, 选派来源). */
  allowCode?: boolean;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  style?: CSSProperties;
  id?: string;
  'data-testid'?: string;
}

interface Node {
  id: string;
  pId: string | null;
  value: string;
  title: ReactNode;
  label: string;
  isLeaf: boolean;
  selectable: boolean;
}

interface Labeled {
  value: string;
  label?: ReactNode;
}

interface Known {
  code: string;
  name: string;
  level: number;
  parent?: string;
  childCount?: number;
}

/**
 * Region picker limited to the user's scope: a tree from the user's own region, children loaded
 * on demand from /regions/{code}/children, and a name search on the server (/regions?q=).
 */
export function RegionSelect({
  value,
  onChange,
  maxLevel,
  exactLevel,
  minLevel = 0,
  allowCode = false,
  placeholder,
  allowClear = true,
  disabled,
  style,
  id,
  ...rest
}: RegionSelectProps) {
  const user = useCurrentUser();
  const root = scopeRootOf(user);
  const { t } = useI18n();
  const labels = useLabels();
  const queryClient = useQueryClient();
  const deepest = exactLevel ?? maxLevel ?? 5;

  const [known, setKnown] = useState<Map<string, Known>>(() => new Map([[root.code, { code: root.code, name: root.name, level: root.level }]]));
  const [expanded, setExpanded] = useState<string[]>([root.code]);
  const loadedRef = useRef(new Set<string>());
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);

  const loadChildren = useCallback(
    async (code: string) => {
      if (loadedRef.current.has(code)) return;
      loadedRef.current.add(code);
      let items: Awaited<ReturnType<typeof regionsApi.children>>;
      try {
        items = await queryClient.fetchQuery({
          queryKey: regionKeys.children(code, false),
          queryFn: () => regionsApi.children(code, false),
          staleTime: 60_000,
        });
      } catch (err) {
        loadedRef.current.delete(code);
        throw err;
      }
      setKnown((prev) => {
        const next = new Map(prev);
        for (const r of items) next.set(r.code, { code: r.code, name: r.name, level: r.level, parent: code, childCount: r.childCount });
        return next;
      });
    },
    [queryClient],
  );

  // A value chosen by search or set from outside: load and open the way down to it, so the tree
  // shows it in place when opened again.
  useEffect(() => {
    if (!value || !isWithin(value, root.code)) return;
    const chain = ancestorCodes(value).filter((c) => isWithin(c, root.code));
    let cancelled = false;
    (async () => {
      for (const code of chain) {
        if (cancelled) return;
        await loadChildren(code).catch(() => undefined);
      }
      if (!cancelled) setExpanded((prev) => [...new Set([...prev, ...chain])]);
    })();
    return () => {
      cancelled = true;
    };
  }, [value, root.code, loadChildren]);

  const hits = useQuery({
    queryKey: regionKeys.search(q, deepest),
    queryFn: () => regionsApi.search(q, 30, deepest),
    enabled: q.length > 0,
    staleTime: 60_000,
  });

  // The label of a value we have not met in the tree (a filter restored from the URL, a user's region …).
  const valueInfo = useQuery({
    queryKey: regionKeys.detail(value ?? ''),
    queryFn: () => regionsApi.get(value as string),
    enabled: !!value && !known.has(value) && isWithin(value, root.code),
    staleTime: 60_000,
  });

  const treeData = useMemo<Node[]>(() => {
    const selectable = (level: number) => (exactLevel === undefined ? level <= deepest && level >= minLevel : level === exactLevel);
    if (search.trim()) {
      const typed = search.trim();
      const code = /^(\d{6}|\d{9}|\d{12})$/.test(typed) ? typed.padEnd(12, '0') : null;
      const byCode: Node[] =
        allowCode && code && isRegionCode(code) && !(hits.data ?? []).some((h) => h.code === code)
          ? [{ id: code, pId: null, value: code, title: t('region.byCode', { code }), label: code, isLeaf: true, selectable: selectable(levelOf(code)) }]
          : [];
      return byCode.concat(
        (hits.data ?? [])
          .filter((h) => (exactLevel === undefined ? h.level >= minLevel : h.level === exactLevel))
          .map((h) => ({ id: h.code, pId: null, value: h.code, title: h.pathName, label: h.name, isLeaf: true, selectable: selectable(h.level) })),
      );
    }
    return [...known.values()].map((k) => ({
      id: k.code,
      pId: k.parent ?? null,
      value: k.code,
      title: (
        <span>
          {k.name} <span className="region-select-level">{labels.level(k.level)}</span>
        </span>
      ),
      label: k.name,
      isLeaf: k.level >= deepest || k.childCount === 0,
      selectable: selectable(k.level),
    }));
  }, [search, hits.data, known, deepest, exactLevel, minLevel, allowCode, labels, t]);

  const label = value ? (known.get(value)?.name ?? hits.data?.find((h) => h.code === value)?.name ?? valueInfo.data?.region.name ?? value) : undefined;

  return (
    <TreeSelect<Labeled, Node>
      id={id}
      data-testid={rest['data-testid']}
      style={{ width: '100%', ...style }}
      disabled={disabled}
      allowClear={allowClear}
      placeholder={placeholder ?? t('region.selectPlaceholder')}
      treeDataSimpleMode
      treeData={treeData}
      treeNodeLabelProp="label"
      labelInValue
      value={value ? { value, label } : undefined}
      onChange={(v: Labeled | undefined) => onChange?.(v?.value)}
      // The search is cleared once the list has closed: clearing it on select swaps the list's data
      // while it is still scrolling to the chosen item.
      onOpenChange={(open) => {
        if (!open) setSearch('');
      }}
      loadData={async (node) => {
        const code = node.value as string;
        if (!search.trim()) await loadChildren(code);
      }}
      treeExpandedKeys={expanded}
      onTreeExpand={(keys) => setExpanded(keys.map(String))}
      treeExpandAction="click"
      showSearch
      searchValue={search}
      onSearch={setSearch}
      filterTreeNode={false}
      popupMatchSelectWidth={360}
      listHeight={320}
      notFoundContent={search.trim() ? hits.isFetching || q !== search.trim() ? <Spin size="small" /> : t('region.searchEmpty') : t('common.noData')}
    />
  );
}
