import { ApartmentOutlined, EnvironmentOutlined, HomeOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { Card, Statistic, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { type MessageKey, useI18n } from '../../../i18n/index.ts';
import { useLabels } from '../../../i18n/labels.ts';
import { formatCompact, formatNumber } from '../../../shared/format.ts';
import type { Dashboard } from '../api/dashboard.api.ts';

const LEVEL_CARD: Record<number, { key: MessageKey; icon: ReactNode }> = {
  1: { key: 'home.level.1', icon: <EnvironmentOutlined /> },
  2: { key: 'home.level.2', icon: <EnvironmentOutlined /> },
  3: { key: 'home.level.3', icon: <ApartmentOutlined /> },
  4: { key: 'home.level.4', icon: <ApartmentOutlined /> },
  5: { key: 'home.level.5', icon: <HomeOutlined /> },
};

function StatCard({ title, icon, value, foot, testId }: { title: ReactNode; icon: ReactNode; value: ReactNode; foot?: ReactNode; testId: string }) {
  return (
    <Card className="stat-card" data-testid={testId}>
      <Statistic
        title={
          <span>
            {icon} {title}
          </span>
        }
        value={value as string}
      />
      {foot && <div className="stat-card-foot">{foot}</div>}
    </Card>
  );
}

/** Headline figures of the user's region: population, divisions by level, users — all from /api/v1/dashboard. */
export function StatCards({ data, populationSource }: { data: Dashboard; populationSource?: string | null }) {
  const { t, lang } = useI18n();
  const labels = useLabels();
  const levels = Object.keys(data.regionCounts)
    .map(Number)
    .filter((l) => l > data.region.level && LEVEL_CARD[l])
    .sort((a, b) => a - b);
  const cards: ReactNode[] = [
    <StatCard
      key="population"
      testId="stat-population"
      icon={<TeamOutlined />}
      title={t('home.population')}
      value={data.region.population === null ? t('home.noPopulation') : formatCompact(data.region.population, lang)}
      foot={
        data.region.population === null ? (
          data.region.name
        ) : (
          <Tooltip title={populationSource ? t('region.populationSource', { source: labels.populationSource(populationSource) }) : undefined}>
            {data.region.name} · {t('unit.persons', { n: formatNumber(data.region.population) })}
            {populationSource === 'estimate' && ` · ${labels.populationSource(populationSource)}`}
          </Tooltip>
        )
      }
    />,
    ...levels.map((l) => (
      <StatCard
        key={l}
        testId={`stat-level-${l}`}
        icon={LEVEL_CARD[l].icon}
        title={t(LEVEL_CARD[l].key)}
        value={formatNumber(data.regionCounts[String(l)])}
        foot={t('home.inScope')}
      />
    )),
    ...(data.userCount === null
      ? []
      : [
          <StatCard
            key="users"
            testId="stat-users"
            icon={<UserOutlined />}
            title={t('home.users')}
            value={formatNumber(data.userCount)}
            foot={<Link to="/users">{t('home.manageUsers')}</Link>}
          />,
        ]),
  ];
  return <div className="stat-grid">{cards}</div>;
}
