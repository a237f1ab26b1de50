import { EnvironmentOutlined, PictureOutlined, TableOutlined } from '@ant-design/icons';
import { useQueries, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Segmented, Space, Spin, Table, Tooltip, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { coverageMapPlan, featureOf } from '../../../../../../domain/network/coverage-map.ts';
import { ApiError } from '../../../../api/client.ts';
import { saveBlob } from '../../../../api/download.ts';
import { useI18n } from '../../../../i18n/index.ts';
import { EChart, type EChartsInstance } from '../../../../shared/EChart.tsx';
import { useErrorText } from '../../../../shared/errors.ts';
import { coverageApi, coverageKeys } from '../../api/coverage.api.ts';
import type { Coverage } from '../../api/types.ts';
import { coverageMapOption, ensureMap, type MapDatum } from './map-option.ts';

const pct = (rate: number | null | undefined) => (rate === null || rate === undefined ? null : Math.round(rate * 1000) / 10);

/**
 * The children of the region on a map, coloured by township-station coverage (village rooms when
 * the region is a county's child level … the deepest kind the children have); a click drills down.
 * The same figures are one click away as a table, and the map exports as an image.
 */
export function CoverageMap({ data, onDrill }: { data: Coverage; onDrill: (code: string) => void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [view, setView] = useState<'map' | 'table'>('map');
  const chart = useRef<EChartsInstance | null>(null);
  // Which file draws the region and what colours it (domain/network/coverage-map.ts): a county is
  // shown on its city's map by its own figure; a municipality by the districts under its containers.
  const plan = coverageMapPlan(data.region.code, data.region.level);
  const ownFigure = plan.layer === 'self';
  const adcode = plan.adcode ?? '';
  const geo = useQuery({
    queryKey: coverageKeys.map(adcode),
    queryFn: () => coverageApi.map(adcode),
    enabled: !!plan.adcode,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const grandchildren = useQueries({
    queries: (plan.layer === 'grandchildren' ? data.children : []).map((c) => ({ queryKey: coverageKeys.of(c.code), queryFn: () => coverageApi.get(c.code) })),
  });
  // A new list only when a query's data changes (useQueries' array is new on every render).
  const partsKey = grandchildren.map((q) => q.dataUpdatedAt).join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: partsKey stands for the queries' data
  const regions = useMemo(
    () => (plan.layer === 'grandchildren' ? grandchildren.flatMap((q) => q.data?.children ?? []) : data.children),
    [plan.layer, data.children, partsKey],
  );
  // Stations colour the map while the regions are above townships; a county's children are townships, coloured by rooms.
  const kind = ownFigure || regions.some((c) => c.kinds.station) ? 'station' : 'room';
  const seriesName = kind === 'station' ? t('coverage.map') : t('coverage.mapRoom');
  // A city without counties (东莞, 中山 …) has no boundary file: said plainly, not as a failure.
  const noFile = geo.error instanceof ApiError && geo.error.status === 404;
  const withMap = !!plan.adcode && !noFile;
  const loading = geo.isPending || grandchildren.some((q) => q.isPending);

  const rows: MapDatum[] = useMemo(() => {
    const datum = (code: string, label: string, k: { rate: number | null; covered: number; total: number } | undefined) => ({
      name: featureOf(code),
      code,
      label,
      rate: pct(k?.rate),
      covered: k?.covered ?? 0,
      total: k?.total ?? 0,
    });
    if (ownFigure) return [datum(data.region.code, data.region.name, data.kinds[kind])];
    return regions.map((c) => datum(c.code, c.name, c.kinds[kind]));
  }, [regions, data.kinds, data.region, kind, ownFigure]);
  const option = useMemo(() => {
    if (!geo.data || loading) return null;
    const mapName = ensureMap(adcode, geo.data);
    return coverageMapOption(mapName, rows, { showLabels: data.region.level >= 1, seriesName, noData: t('coverage.mapNoData') });
  }, [geo.data, loading, adcode, rows, data.region.level, seriesName, t]);

  const exportImage = () => {
    const url = chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
    if (url) saveBlob(url, `${data.region.name}${seriesName}.png`);
  };

  return (
    <Card
      size="small"
      className="chart-card"
      title={
        <Space size={8}>
          <span>{seriesName}</span>
          {withMap && <Typography.Text type="secondary">{t(ownFigure ? 'coverage.mapHintCounty' : 'coverage.mapHint')}</Typography.Text>}
        </Space>
      }
      data-testid="coverage-map-card"
      extra={
        <Space size={4}>
          <Segmented
            size="small"
            value={view}
            onChange={(v) => setView(v as 'map' | 'table')}
            options={[
              { value: 'map', icon: <EnvironmentOutlined />, title: t('analytics.viewChart') },
              { value: 'table', icon: <TableOutlined />, title: t('analytics.viewTable') },
            ]}
            data-testid="coverage-map-toggle"
          />
          <Tooltip title={t('analytics.exportImage')}>
            <Button
              size="small"
              type="text"
              icon={<PictureOutlined />}
              disabled={view !== 'map' || !option}
              onClick={exportImage}
              aria-label={t('analytics.exportImage')}
              data-testid="coverage-map-image"
            />
          </Tooltip>
        </Space>
      }
    >
      {view === 'table' ? (
        <Table<MapDatum>
          size="small"
          rowKey="code"
          dataSource={rows}
          pagination={false}
          scroll={{ y: 380 }}
          data-testid="coverage-map-table"
          columns={[
            { title: t('coverage.col.region'), dataIndex: 'label' },
            { title: t('coverage.col.covered'), key: 'covered', render: (_: unknown, r) => `${r.covered}/${r.total}` },
            { title: t('coverage.col.rate'), dataIndex: 'rate', align: 'right', render: (v: number | null) => (v === null ? '—' : `${v.toFixed(1)}%`) },
          ]}
        />
      ) : !withMap ? (
        <Alert type="info" showIcon title={t('coverage.mapUnavailable')} />
      ) : geo.error ? (
        <Alert type="warning" showIcon title={t('coverage.mapFailed', { reason: errorText(geo.error) })} />
      ) : !option ? (
        <div style={{ height: 420, display: 'grid', placeItems: 'center' }}>
          <Spin />
        </div>
      ) : (
        <EChart
          option={option}
          height={420}
          data-testid="coverage-map"
          onClick={(p) => {
            const d = p.data as MapDatum | undefined;
            // A county's map shows the county itself: its townships are in the table below.
            if (d?.code && !ownFigure) onDrill(d.code);
          }}
          onReady={(c) => {
            chart.current = c;
          }}
        />
      )}
    </Card>
  );
}
