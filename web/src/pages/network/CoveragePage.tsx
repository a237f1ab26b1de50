import { ArrowUpOutlined, ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Breadcrumb, Button, Card, Col, Row, Skeleton, Space, Tooltip } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { isRegionCode, isWithin } from '../../../../domain/standards/region-code.ts';
import { scopeRootOf, useCan, useCurrentUser } from '../../features/auth/hooks/useSession.ts';
import { coverageApi, coverageKeys } from '../../features/network/api/coverage.api.ts';
import { CoverageCards } from '../../features/network/components/coverage/CoverageCards.tsx';
import { CoverageChildrenTable } from '../../features/network/components/coverage/CoverageChildrenTable.tsx';
import { CoverageMap } from '../../features/network/components/coverage/CoverageMap.tsx';
import { UncoveredList } from '../../features/network/components/coverage/UncoveredList.tsx';
import { regionKeys, regionsApi } from '../../features/regions/api/regions.api.ts';
import { RegionSelect } from '../../features/regions/components/RegionSelect.tsx';
import { useI18n } from '../../i18n/index.ts';
import { useErrorText } from '../../shared/errors.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';

/**
 * 覆盖情况 (/network/coverage?region=…): headline coverage of the chosen region, its children on a map
 * (down to a city's counties) and in a table, and the units still without a platform. The region is in
 * the address, so drilling down and the browser's back button go together.
 */
export default function CoveragePage() {
  const { t } = useI18n();
  const can = useCan();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const user = useCurrentUser();
  const root = scopeRootOf(user);
  const [sp, setSp] = useSearchParams();
  const asked = sp.get('region');
  const regionCode = asked && isRegionCode(asked) && isWithin(asked, root.code) ? asked : root.code;
  const go = (code: string | undefined) => setSp(code && code !== root.code ? { region: code } : {});

  const data = useQuery({ queryKey: coverageKeys.of(regionCode), queryFn: () => coverageApi.get(regionCode), placeholderData: keepPreviousData });
  const path = useQuery({ queryKey: regionKeys.detail(regionCode), queryFn: () => regionsApi.get(regionCode), staleTime: 60_000 });
  // From the user's own region down to the current one: the way back up.
  const trail = [...(path.data?.path ?? []), ...(path.data ? [path.data.region] : [])].filter((r) => r.level >= root.level);
  const parent = trail.length > 1 ? trail[trail.length - 2] : undefined;
  const c = data.data;

  return (
    <PageContainer
      title={t('coverage.title')}
      subTitle={c ? t('coverage.subtitle', { region: c.region.name }) : undefined}
      extra={
        <Space wrap>
          <div style={{ width: 260 }}>
            <RegionSelect value={regionCode} onChange={go} maxLevel={4} allowClear={false} data-testid="coverage-region" />
          </div>
          <Tooltip title={t('common.refresh')}>
            <Button
              icon={<ReloadOutlined />}
              onClick={() => queryClient.invalidateQueries({ queryKey: coverageKeys.all })}
              aria-label={t('common.refresh')}
              data-testid="coverage-refresh"
            />
          </Tooltip>
        </Space>
      }
    >
      <Space style={{ marginBottom: 12 }} wrap>
        {parent && (
          <Button size="small" icon={<ArrowUpOutlined />} onClick={() => go(parent.code)} data-testid="coverage-up">
            {t('coverage.up')}
          </Button>
        )}
        <Breadcrumb
          data-testid="coverage-trail"
          items={trail.map((r, i) => ({
            key: r.code,
            title:
              i < trail.length - 1 ? (
                <Link to={r.code === root.code ? '/network/coverage' : `/network/coverage?region=${r.code}`} data-testid={`coverage-trail-${r.code}`}>
                  {r.name}
                </Link>
              ) : (
                r.name
              ),
          }))}
        />
      </Space>
      {data.error && !c ? (
        <Alert type="error" showIcon title={errorText(data.error)} />
      ) : !c ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : (
        <>
          <CoverageCards data={c} />
          <Row gutter={16} style={{ marginTop: 16 }}>
            <Col xs={24}>
              {c.children.length > 0 ? (
                <CoverageMap data={c} onDrill={(code) => go(code)} />
              ) : (
                <Card size="small">
                  <Alert type="info" showIcon title={t('common.noData')} />
                </Card>
              )}
            </Col>
          </Row>
          {c.children.length > 0 && <CoverageChildrenTable data={c} onDrill={(code) => go(code)} />}
          <UncoveredList key={c.region.code} data={c} canManage={can('network.manage')} />
        </>
      )}
    </PageContainer>
  );
}
