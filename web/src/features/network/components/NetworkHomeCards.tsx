import { useQuery } from '@tanstack/react-query';
import { Card, Progress, Skeleton, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../i18n/index.ts';
import { useNetworkLabels } from '../../../i18n/network-labels.ts';
import { formatNumber } from '../../../shared/format.ts';
import { coverageApi, coverageKeys } from '../api/coverage.api.ts';

/** 阵地建设 on the home page: station and room coverage of the user's region, standard stations. */
export function NetworkHomeCards() {
  const { t } = useI18n();
  const labels = useNetworkLabels();
  const data = useQuery({ queryKey: coverageKeys.of(undefined), queryFn: () => coverageApi.get() });
  if (data.error) return null;
  const c = data.data;
  const rateCard = (kind: 'station' | 'room') => {
    const k = c?.kinds[kind];
    if (!k) return null;
    const pct = k.rate === null ? null : Math.round(k.rate * 1000) / 10;
    return (
      <Card className="stat-card" data-testid={`home-coverage-${kind}`} key={kind}>
        <Statistic title={t('coverage.rate', { kind: labels.name('kindShort', kind) })} value={pct === null ? '—' : `${pct.toFixed(1)}%`} />
        {pct !== null && <Progress percent={pct} size="small" showInfo={false} />}
        <div className="stat-card-foot">{t('coverage.coveredOf', { covered: formatNumber(k.covered), total: formatNumber(k.total) })}</div>
      </Card>
    );
  };
  return (
    <>
      <Typography.Title level={5} className="home-section-title">
        {t('home.networkTitle')}
      </Typography.Title>
      {!c ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : (
        <div className="stat-grid">
          {rateCard('station')}
          {rateCard('room')}
          <Card className="stat-card" data-testid="home-coverage-standard">
            <Statistic title={t('coverage.standardStations')} value={formatNumber(c.standard.station ?? 0)} />
            <div className="stat-card-foot">
              <Link to="/network/coverage">{t('home.toCoverage')}</Link>
            </div>
          </Card>
          <Card className="stat-card" data-testid="home-coverage-workers">
            <Statistic title={t('coverage.workers')} value={formatNumber(c.staff.residentWorkers)} />
            <div className="stat-card-foot">
              <Link to="/network/platforms">{t('home.toPlatforms')}</Link>
            </div>
          </Card>
        </div>
      )}
    </>
  );
}
