import { Card, Progress, Statistic, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { COVERAGE_KINDS } from '../../../../../../domain/network/platform-kind.ts';
import { useI18n } from '../../../../i18n/index.ts';
import { useNetworkLabels } from '../../../../i18n/network-labels.ts';
import { formatNumber } from '../../../../shared/format.ts';
import type { Coverage } from '../../api/types.ts';

function Headline({
  title,
  value,
  tip,
  percent,
  foot,
  testId,
}: {
  title: string;
  value: string;
  tip?: string;
  percent?: number;
  foot?: ReactNode;
  testId: string;
}) {
  return (
    <Card className="stat-card" data-testid={testId}>
      <Tooltip title={tip}>
        <Statistic title={title} value={value} />
      </Tooltip>
      {percent !== undefined && <Progress percent={percent} size="small" showInfo={false} />}
      {foot && <div className="stat-card-foot">{foot}</div>}
    </Card>
  );
}

const pctText = (rate: number | null) => (rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`);

/** 乡镇社工站覆盖率, 村(社区)社工室覆盖率, 指导中心/总站 where they apply, 规范化站点, 示范站, 驻站社工. */
export function CoverageCards({ data }: { data: Coverage }) {
  const { t } = useI18n();
  const labels = useNetworkLabels();
  const stations = data.staff.stations;
  const share = (n: number) => (stations ? `${((n / stations) * 100).toFixed(1)}%` : '—');
  return (
    <div className="stat-grid" data-testid="coverage-cards">
      {COVERAGE_KINDS.filter((k) => data.kinds[k]).map((k) => {
        const c = data.kinds[k]!;
        return (
          <Headline
            key={k}
            testId={`coverage-card-${k}`}
            title={t('coverage.rate', { kind: labels.name('kindShort', k) })}
            value={pctText(c.rate)}
            percent={c.rate === null ? undefined : Math.round(c.rate * 1000) / 10}
            foot={c.total ? t('coverage.coveredOf', { covered: formatNumber(c.covered), total: formatNumber(c.total) }) : t('coverage.noUnits')}
          />
        );
      })}
      <Headline
        testId="coverage-card-standard"
        title={t('coverage.standardStations')}
        value={formatNumber(data.standard.station ?? 0)}
        foot={t('coverage.ofStations', { pct: share(data.standard.station ?? 0) })}
      />
      <Headline
        testId="coverage-card-demo"
        title={t('coverage.demoStations')}
        value={formatNumber(data.demo.station ?? 0)}
        foot={t('coverage.ofStations', { pct: share(data.demo.station ?? 0) })}
      />
      <Headline
        testId="coverage-card-workers"
        title={t('coverage.workers')}
        value={formatNumber(data.staff.residentWorkers)}
        tip={t('coverage.stationsOperating', { n: formatNumber(stations) })}
        foot={t('coverage.certifiedWorkers', { n: formatNumber(data.staff.certifiedWorkers) })}
      />
    </div>
  );
}
