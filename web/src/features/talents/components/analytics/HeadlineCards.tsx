import { Card, Progress, Statistic, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../../../i18n/index.ts';
import { formatCompact, formatNumber } from '../../../../shared/format.ts';
import type { TalentAnalytics } from '../../api/analytics.api.ts';

function Headline({
  title,
  value,
  full,
  share,
  foot,
  testId,
}: {
  title: string;
  value: string;
  full: string;
  share?: number;
  foot?: ReactNode;
  testId: string;
}) {
  return (
    <Card className="stat-card" data-testid={testId}>
      <Tooltip title={full}>
        <Statistic title={title} value={value} />
      </Tooltip>
      {share !== undefined && <Progress percent={Math.round(share * 1000) / 10} size="small" showInfo />}
      {foot && <div className="stat-card-foot">{foot}</div>}
    </Card>
  );
}

/** 人才总数, 持证人数, 重点人才, 社工专业毕业, 青年, 每万人口 — share bars against the total. */
export function HeadlineCards({ data }: { data: TalentAnalytics }) {
  const { t, lang } = useI18n();
  const x = data.totals;
  const share = (n: number) => (x.total ? n / x.total : 0);
  const card = (key: keyof typeof x, title: string, testId: string) => {
    const n = x[key] ?? 0;
    return (
      <Headline
        key={key}
        testId={testId}
        title={title}
        value={formatCompact(n, lang)}
        full={t('unit.persons', { n: formatNumber(n) })}
        share={key === 'total' ? undefined : share(n)}
        foot={key === 'total' ? t('analytics.asOf', { date: data.asOf }) : t('analytics.shareOfTotal')}
      />
    );
  };
  return (
    <div className="stat-grid">
      {card('total', t('analytics.total'), 'analytics-total')}
      {card('certified', t('analytics.certified'), 'analytics-certified')}
      {card('key', t('analytics.key'), 'analytics-key')}
      {card('swGraduate', t('analytics.swGraduate'), 'analytics-sw-graduate')}
      {card('youth', t('analytics.youth'), 'analytics-youth')}
      <Headline
        testId="analytics-per-10k"
        title={t('analytics.perTenThousand')}
        value={x.perTenThousand === null ? '—' : x.perTenThousand.toFixed(2)}
        full={data.region.population === null ? t('analytics.noPopulation') : t('analytics.population', { n: formatNumber(data.region.population) })}
        foot={data.region.population === null ? t('analytics.noPopulationHelp') : t('analytics.population', { n: formatCompact(data.region.population, lang) })}
      />
    </div>
  );
}
