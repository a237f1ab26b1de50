import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ancestorCodes, isWithin } from '../../../../../domain/standards/region-code.ts';
import { type RegionChild, regionKeys, regionsApi } from '../api/regions.api.ts';

export interface TreeRegion {
  code: string;
  name: string;
  level: number;
  status: 'active' | 'revoked';
  childCount: number;
}

/**
 * State of the lazily loaded region tree under `rootCode`: the children loaded so far (shared with
 * the children table through the query cache), the expanded nodes, and `reveal(code)` which loads
 * and opens the way down to a region found by search.
 */
export function useRegionTree(rootCode: string, includeRevoked: boolean) {
  const queryClient = useQueryClient();
  const [childrenOf, setChildrenOf] = useState<Record<string, TreeRegion[]>>({});
  const loadedRef = useRef<Record<string, TreeRegion[]>>({});
  const [expandedKeys, setExpandedKeys] = useState<string[]>([rootCode]);
  const expandedRef = useRef(expandedKeys);
  expandedRef.current = expandedKeys;

  const load = useCallback(
    async (code: string, fresh = false) => {
      const key = regionKeys.children(code, includeRevoked);
      if (fresh) await queryClient.invalidateQueries({ queryKey: key });
      const items: RegionChild[] = await queryClient.fetchQuery({ queryKey: key, queryFn: () => regionsApi.children(code, includeRevoked), staleTime: 30_000 });
      const mapped = items.map((r) => ({ code: r.code, name: r.name, level: r.level, status: r.status, childCount: r.childCount }));
      loadedRef.current = { ...loadedRef.current, [code]: mapped };
      setChildrenOf(loadedRef.current);
      return mapped;
    },
    [queryClient, includeRevoked],
  );

  // A new root or the 显示已撤销 switch: start again, keeping the open nodes open.
  useEffect(() => {
    loadedRef.current = {};
    setChildrenOf({});
    const open = [rootCode, ...expandedRef.current.filter((c) => c !== rootCode && isWithin(c, rootCode))].sort();
    (async () => {
      for (const code of open) {
        try {
          await load(code);
        } catch {
          // A node that vanished (revoked and hidden) simply stays closed.
        }
      }
    })();
  }, [rootCode, load]);

  /** Loads and expands every ancestor of `code` below the root, so the node is visible. */
  const reveal = useCallback(
    async (code: string) => {
      if (!isWithin(code, rootCode)) return;
      const chain = ancestorCodes(code).filter((c) => isWithin(c, rootCode));
      for (const c of chain) if (!loadedRef.current[c]) await load(c);
      setExpandedKeys((prev) => [...new Set([...prev, ...chain])]);
    },
    [rootCode, load],
  );

  /** Reloads the children of `code` (after a child was added, edited or revoked). */
  const refresh = useCallback(async (code: string) => load(code, true), [load]);

  return { childrenOf, loadedKeys: Object.keys(childrenOf), expandedKeys, setExpandedKeys, load, reveal, refresh };
}
