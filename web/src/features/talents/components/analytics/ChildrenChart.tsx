import { type TableColumnsType, Typography } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../../../../i18n/index.ts';
import { formatNumber } from '../../../../shared/format.ts';
import type { ChildFigures, TalentAnalytics } from '../../api/analytics.api.ts';
import { ChartCard } from './ChartCard.tsx';
import { childrenOption } from './chart-options.ts';

/** Talents per child region; a click on a region's bars drills down into it. */
export function ChildrenChart({ data, onDrill }: { data: TalentAnalytics; onDrill: (code: string) => void }) {
  const { t } = useI18n();
  const option = useMemo(
    () => childrenOption(data.children, { total: t('analytics.total'), certified: t('analytics.certified'), key: t('analytics.key') }),
    [data.children, t],
  );
  const columns: TableColumnsType<ChildFigures> = [
    { title: t('analytics.region'), dataIndex: 'name', render: (v: string, r) => <Typography.Link onClick={() => onDrill(r.code)}>{v}</Typography.Link> },
    { title: t('analytics.total'), dataIndex: 'total', align: 'right', render: (v: number) => formatNumber(v) },
    { title: t('analytics.certified'), dataIndex: 'certified', align: 'right', render: (v: number) => formatNumber(v) },
    { title: t('analytics.key'), dataIndex: 'key', align: 'right', render: (v: number) => formatNumber(v) },
    { title: t('analytics.populationCol'), dataIndex: 'population', align: 'right', render: (v: number | null) => (v === null ? '—' : formatNumber(v)) },
    { title: t('analytics.perTenThousand'), dataIndex: 'perTenThousand', align: 'right', render: (v: number | null) => (v === null ? '—' : v.toFixed(2)) },
  ];
  const title = t('analytics.byChild');
  return (
    <ChartCard<ChildFigures>
      name="children"
      title={title}
      option={option}
      rows={data.children}
      columns={columns}
      rowKey="code"
      height={340}
      fileName={`${data.region.name}_${title}`}
      onCategoryClick={(i) => {
        const child = data.children[i];
        if (child) onDrill(child.code);
      }}
      extra={<span className="chart-hint">{t('analytics.drillHint')}</span>}
    />
  );
}
