import { Col, Row, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../../../../i18n/index.ts';
import { type TalentListName, useTalentLabels } from '../../../../i18n/talent-labels.ts';
import { formatNumber } from '../../../../shared/format.ts';
import type { Bucket, TalentAnalytics } from '../../api/analytics.api.ts';
import { ChartCard } from './ChartCard.tsx';
import { barOption, pieOption, type Slice } from './chart-options.ts';

interface BreakdownSpec {
  name: string;
  titleKey: 'analytics.byTier' | 'analytics.byCategory' | 'analytics.byField' | 'analytics.byUrbanRural' | 'analytics.byAgeBand' | 'analytics.byEducation';
  list: TalentListName;
  pick: (d: TalentAnalytics) => Bucket[];
  kind: 'pie' | 'bar' | 'hbar';
  wide?: boolean;
}

const SPECS: BreakdownSpec[] = [
  { name: 'tier', titleKey: 'analytics.byTier', list: 'tier', pick: (d) => d.byTier, kind: 'pie' },
  { name: 'category', titleKey: 'analytics.byCategory', list: 'category', pick: (d) => d.byCategory, kind: 'bar' },
  { name: 'urban-rural', titleKey: 'analytics.byUrbanRural', list: 'urbanRural', pick: (d) => d.byUrbanRural, kind: 'pie' },
  { name: 'age', titleKey: 'analytics.byAgeBand', list: 'ageBand', pick: (d) => d.byAgeBand, kind: 'bar' },
  { name: 'field', titleKey: 'analytics.byField', list: 'field', pick: (d) => d.byField, kind: 'hbar' },
  { name: 'education', titleKey: 'analytics.byEducation', list: 'education', pick: (d) => d.byEducation, kind: 'bar' },
];

function Breakdown({ spec, data }: { spec: BreakdownSpec; data: TalentAnalytics }) {
  const { t } = useI18n();
  const labels = useTalentLabels();
  const title = t(spec.titleKey);
  const total = data.totals.total;
  const slices = useMemo<Slice[]>(() => spec.pick(data).map((b) => ({ ...b, name: labels.name(spec.list, b.code) })), [spec, data, labels]);
  const option = useMemo(
    () =>
      spec.kind === 'pie' ? pieOption(slices, t('unit.personsShort')) : barOption(slices, { horizontal: spec.kind === 'hbar', unit: t('analytics.count') }),
    [slices, spec.kind, t],
  );
  const columns: TableColumnsType<Slice> = [
    { title: t('analytics.item'), dataIndex: 'name' },
    { title: t('analytics.count'), dataIndex: 'n', align: 'right', render: (v: number) => formatNumber(v) },
    { title: t('analytics.share'), key: 'share', align: 'right', render: (_: unknown, r) => (total ? `${((r.n / total) * 100).toFixed(1)}%` : '—') },
  ];
  return (
    <ChartCard<Slice>
      name={spec.name}
      title={title}
      option={option}
      rows={slices}
      columns={columns}
      rowKey="code"
      height={spec.kind === 'hbar' ? 380 : 300}
      fileName={`${data.region.name}_${title}`}
    />
  );
}

/** The breakdown charts: tier, category, urban/rural, age band, service field, education. */
export function AnalyticsCharts({ data }: { data: TalentAnalytics }) {
  return (
    <Row gutter={[16, 16]}>
      {SPECS.map((spec) => (
        <Col xs={24} xl={12} key={spec.name}>
          <Breakdown spec={spec} data={data} />
        </Col>
      ))}
    </Row>
  );
}
