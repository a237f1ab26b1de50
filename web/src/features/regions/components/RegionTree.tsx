import { Tag, Tree, type TreeDataNode } from 'antd';
import { type ComponentRef, useEffect, useMemo, useRef } from 'react';
import { useI18n } from '../../../i18n/index.ts';
import type { TreeRegion, useRegionTree } from '../hooks/useRegionTree.ts';

interface RegionTreeProps {
  root: { code: string; name: string };
  tree: ReturnType<typeof useRegionTree>;
  selected: string;
  onSelect: (code: string) => void;
  height: number;
}

/** antd Tree over the user's scope; children are fetched when a node is opened. */
export function RegionTree({ root, tree, selected, onSelect, height }: RegionTreeProps) {
  const { t } = useI18n();
  const ref = useRef<ComponentRef<typeof Tree>>(null);
  const { childrenOf } = tree;

  const treeData = useMemo<TreeDataNode[]>(() => {
    const title = (r: { code: string; name: string; status?: string }) => (
      <span data-testid={`region-node-${r.code}`} className={r.status === 'revoked' ? 'region-tree-revoked' : undefined}>
        {r.name}
        {r.status === 'revoked' && (
          <Tag style={{ marginInlineStart: 6 }} variant="filled">
            {t('region.status.revoked')}
          </Tag>
        )}
      </span>
    );
    const build = (code: string): TreeDataNode[] | undefined =>
      childrenOf[code]?.map((r: TreeRegion) => ({ key: r.code, title: title(r), isLeaf: r.childCount === 0, children: build(r.code) }));
    return [{ key: root.code, title: title(root), isLeaf: false, children: build(root.code) }];
  }, [childrenOf, root, t]);

  // Bring the selected node into view once the way down to it is loaded.
  const visible = selected === root.code || Object.values(childrenOf).some((list) => list.some((r) => r.code === selected));
  useEffect(() => {
    if (visible) ref.current?.scrollTo({ key: selected, align: 'auto' });
  }, [visible, selected]);

  return (
    <Tree
      ref={ref}
      className="region-tree"
      data-testid="region-tree"
      treeData={treeData}
      loadData={(node) => tree.load(String(node.key)).then(() => undefined)}
      loadedKeys={tree.loadedKeys}
      expandedKeys={tree.expandedKeys}
      onExpand={(keys) => tree.setExpandedKeys(keys.map(String))}
      selectedKeys={[selected]}
      onSelect={(_keys, info) => onSelect(String(info.node.key))}
      height={height}
      blockNode
    />
  );
}
