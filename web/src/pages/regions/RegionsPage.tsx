import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Card, Col, Result, Row, Skeleton, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { isWithin, parentCodeOf } from '../../../../domain/standards/region-code.ts';
import { scopeRootOf, useCan, useCurrentUser } from '../../features/auth/hooks/useSession.ts';
import { type Region, regionKeys, regionsApi } from '../../features/regions/api/regions.api.ts';
import { RegionChildrenTable } from '../../features/regions/components/RegionChildrenTable.tsx';
import { RegionDetailCard } from '../../features/regions/components/RegionDetailCard.tsx';
import { type RegionDrawerState, RegionFormDrawer } from '../../features/regions/components/RegionFormDrawer.tsx';
import { RegionSearch } from '../../features/regions/components/RegionSearch.tsx';
import { RegionTree } from '../../features/regions/components/RegionTree.tsx';
import { RevokeRegionModal } from '../../features/regions/components/RevokeRegionModal.tsx';
import { useRegionTree } from '../../features/regions/hooks/useRegionTree.ts';
import { useI18n } from '../../i18n/index.ts';
import { useErrorText } from '../../shared/errors.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { useViewportHeight } from '../../shared/useViewportHeight.ts';

export default function RegionsPage() {
  const user = useCurrentUser();
  const root = scopeRootOf(user);
  const { t } = useI18n();
  const errorText = useErrorText();
  const can = useCan();
  const canManage = can('region.manage');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const params = useParams();
  const code = params.code ?? root.code;
  const valid = /^\d{12}$/.test(code);
  const inScope = valid && isWithin(code, root.code);

  const [includeRevoked, setIncludeRevoked] = useState(false);
  const [drawer, setDrawer] = useState<RegionDrawerState>(null);
  const [revoking, setRevoking] = useState<Region | null>(null);
  const tree = useRegionTree(root.code, includeRevoked);
  const treeHeight = Math.max(320, useViewportHeight() - 290);

  const detail = useQuery({ queryKey: regionKeys.detail(code), queryFn: () => regionsApi.get(code), enabled: inScope });
  const children = useQuery({
    queryKey: regionKeys.children(code, includeRevoked),
    queryFn: () => regionsApi.children(code, includeRevoked),
    enabled: inScope,
  });

  const { reveal } = tree;
  useEffect(() => {
    if (inScope) void reveal(code).catch(() => undefined);
  }, [code, inScope, reveal]);

  const go = (target: string) => navigate(target === root.code ? '/regions' : `/regions/${target}`);

  /** After a write: everything about regions is stale; the touched tree node reloads. */
  const afterChange = async (treeNode: string | null) => {
    await queryClient.invalidateQueries({ queryKey: regionKeys.all });
    void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
    if (treeNode) await tree.refresh(treeNode).catch(() => undefined);
  };

  const region = detail.data?.region;
  const canAdd = canManage && region?.status === 'active' && region.level < 5;

  let right: React.ReactNode;
  if (!valid) right = <Result status="404" title={t('region.notFound')} />;
  else if (!inScope) right = <Result status="403" title={t('region.outOfScope')} />;
  else if (detail.error) right = <Result status="warning" title={errorText(detail.error)} />;
  else if (!detail.data) right = <Skeleton active paragraph={{ rows: 8 }} />;
  else
    right = (
      <>
        <RegionDetailCard
          detail={detail.data}
          scopeCode={root.code}
          canManage={canManage}
          onAddChild={() => setDrawer({ mode: 'create', parent: detail.data.region })}
          onEdit={() => setDrawer({ mode: 'edit', region: detail.data.region })}
          onRevoke={() => setRevoking(detail.data.region)}
        />
        <RegionChildrenTable
          items={children.data}
          loading={children.isFetching}
          canManage={canManage}
          canAdd={canAdd}
          includeRevoked={includeRevoked}
          onIncludeRevokedChange={setIncludeRevoked}
          onView={go}
          onEdit={(r) => setDrawer({ mode: 'edit', region: r })}
          onRevoke={(r) => setRevoking(r)}
          onAdd={() => setDrawer({ mode: 'create', parent: detail.data.region })}
        />
      </>
    );

  return (
    <PageContainer title={t('menu.regions')} subTitle={t('region.scopeNote', { name: root.name })}>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8} xl={6} xxl={5}>
          <Card className="region-tree-card" title={t('region.tree')}>
            <Space orientation="vertical" style={{ width: '100%' }} size={12}>
              <RegionSearch onPick={go} />
              <RegionTree root={root} tree={tree} selected={code} onSelect={go} height={treeHeight} />
            </Space>
          </Card>
        </Col>
        <Col xs={24} lg={16} xl={18} xxl={19}>
          {right}
        </Col>
      </Row>
      <RegionFormDrawer
        state={drawer}
        onClose={() => setDrawer(null)}
        onSaved={(saved) => {
          setDrawer(null);
          void afterChange(saved.parentCode ?? parentCodeOf(saved.code));
        }}
      />
      <RevokeRegionModal
        region={revoking}
        onClose={() => setRevoking(null)}
        onRevoked={() => {
          const target = revoking;
          setRevoking(null);
          const parent = target?.parentCode ?? null;
          void afterChange(parent);
          if (target && target.code === code && parent) go(parent);
        }}
      />
    </PageContainer>
  );
}
