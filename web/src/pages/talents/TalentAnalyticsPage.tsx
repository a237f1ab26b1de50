import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Breadcrumb, Button, Card, Col, Empty, Row, Skeleton, Space, Statistic, Typography } from 'antd';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router';
import { isWithin } from '../../../../domain/standards/region-code.ts';
import { useDownload } from '../../api/download.ts';
import { scopeRootOf, useCurrentUser } from '../../features/auth/hooks/useSession.ts';
import { regionKeys, regionsApi } from '../../features/regions/api/regions.api.ts';
import { RegionSelect } from '../../features/regions/components/RegionSelect.tsx';
import { analyticsApi, analyticsKeys } from '../../features/talents/api/analytics.api.ts';
import { AnalyticsCharts } from '../../features/talents/components/analytics/AnalyticsCharts.tsx';
import { ChildrenChart } from '../../features/talents/components/analytics/ChildrenChart.tsx';
import { HeadlineCards } from '../../features/talents/components/analytics/HeadlineCards.tsx';
import { useI18n } from '../../i18n/index.ts';
import { DateStringPicker } from '../../shared/DateStringPicker.tsx';
import { useErrorText } from '../../shared/errors.ts';
import { formatNumber } from '../../shared/format.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';

/** /talents/analytics — 结构分析 of a region (default: the user's scope), drillable into its children. */
export default function TalentAnalyticsPage() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const user = useCurrentUser();
  const root = scopeRootOf(user);
  const [sp, setSp] = useSearchParams();
  const region = sp.get('region') ?? root.code;
  const since = sp.get('since') ?? undefined;
  const { download, pending } = useDownload();

  const set = (patch: { region?: string | null; since?: string | null }) => {
    const next = new URLSearchParams(sp);
    for (const [k, v] of Object.entries(patch)) {
      if (v && !(k === 'region' && v === root.code)) next.set(k, v);
      else next.delete(k);
    }
    setSp(next);
  };

  const data = useQuery({ queryKey: analyticsKeys.of(region, since), queryFn: () => analyticsApi.get(region, since), placeholderData: keepPreviousData });
  const path = useQuery({ queryKey: regionKeys.detail(region), queryFn: () => regionsApi.get(region), enabled: region !== root.code, staleTime: 60_000 });
  const crumbs =
    region === root.code ? [root] : [...(path.data?.path ?? []), ...(path.data ? [path.data.region] : [])].filter((r) => isWithin(r.code, root.code));
  const a = data.data;

  return (
    <PageContainer
      title={t('menu.talentAnalytics')}
      subTitle={a ? t('analytics.subtitle', { region: a.region.name, date: a.asOf }) : undefined}
      extra={
        <Button
          icon={<DownloadOutlined />}
          loading={pending}
          onClick={() =>
            download(
              '/talent-analytics/export.xlsx',
              { regionCode: region },
              `${t('analytics.fileName')}_${a?.region.name ?? region}_${dayjs().format('YYYY-MM-DD')}.xlsx`,
            )
          }
          data-testid="analytics-export"
        >
          {t('analytics.exportExcel')}
        </Button>
      }
    >
      <Card className="query-card" size="small">
        <Row gutter={[16, 12]} align="middle">
          <Col xs={24} md={10} xl={8}>
            <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
              <span className="inline-label">{t('talent.region')}</span>
              <RegionSelect value={region} onChange={(v) => set({ region: v ?? null })} allowClear={false} data-testid="analytics-region" />
            </div>
          </Col>
          <Col xs={24} md={14} xl={16}>
            {crumbs.length > 1 && (
              <Breadcrumb
                data-testid="analytics-breadcrumb"
                items={crumbs.map((c, i) => ({
                  key: c.code,
                  title: i < crumbs.length - 1 ? <Typography.Link onClick={() => set({ region: c.code })}>{c.name}</Typography.Link> : c.name,
                }))}
              />
            )}
          </Col>
        </Row>
      </Card>
      {data.error && !a ? (
        <Alert type="error" showIcon title={errorText(data.error)} />
      ) : !a ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : (
        <>
          <HeadlineCards data={a} />
          <Card size="small" className="query-card" data-testid="analytics-new-key">
            <Space wrap size={16} align="center">
              <span>{t('analytics.newKeySince')}</span>
              <DateStringPicker
                value={since ?? null}
                onChange={(v) => set({ since: v })}
                style={{ width: 160 }}
                disabledDate={(d) => d.isAfter(dayjs(), 'day')}
                data-testid="analytics-since"
              />
              {a.newKey ? (
                <Statistic value={formatNumber(a.newKey.n)} suffix={t('unit.personsShort')} data-testid="analytics-new-key-n" />
              ) : (
                <Typography.Text type="secondary">{t('analytics.newKeyHelp')}</Typography.Text>
              )}
            </Space>
          </Card>
          {a.totals.total === 0 && <Empty description={t('analytics.empty')} style={{ margin: '24px 0' }} />}
          {a.children.length > 0 && (
            <div style={{ marginBottom: 16 }}>
              <ChildrenChart data={a} onDrill={(code) => set({ region: code })} />
            </div>
          )}
          <AnalyticsCharts data={a} />
        </>
      )}
    </PageContainer>
  );
}
