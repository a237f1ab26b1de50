import { SafetyCertificateOutlined, StarOutlined, TeamOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Card, Skeleton, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../../i18n/index.ts';
import { formatCompact, formatNumber } from '../../../shared/format.ts';
import { analyticsApi, analyticsKeys } from '../api/analytics.api.ts';

function Figure({ title, icon, n, foot, testId }: { title: string; icon: ReactNode; n: number; foot: ReactNode; testId: string }) {
  const { lang, t } = useI18n();
  return (
    <Card className="stat-card" data-testid={testId}>
      <Statistic
        title={
          <span>
            {icon} {title}
          </span>
        }
        value={formatCompact(n, lang)}
      />
      <div className="stat-card-foot" title={t('unit.persons', { n: formatNumber(n) })}>
        {foot}
      </div>
    </Card>
  );
}

/** 人才库 on the home page: 人才总数, 持证人数, 重点人才 of the user's scope. */
export function TalentHomeCards() {
  const { t } = useI18n();
  const data = useQuery({ queryKey: analyticsKeys.of(undefined, undefined), queryFn: () => analyticsApi.get() });
  if (data.error) return null;
  const x = data.data?.totals;
  const pct = (n: number) => (x?.total ? `${((n / x.total) * 100).toFixed(1)}%` : '—');
  return (
    <>
      <Typography.Title level={5} className="home-section-title">
        {t('menu.talentGroup')}
      </Typography.Title>
      {!x ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : (
        <div className="stat-grid">
          <Figure
            testId="home-talent-total"
            icon={<TeamOutlined />}
            title={t('analytics.total')}
            n={x.total}
            foot={<Link to="/talents">{t('home.talentList')}</Link>}
          />
          <Figure
            testId="home-talent-certified"
            icon={<SafetyCertificateOutlined />}
            title={t('analytics.certified')}
            n={x.certified}
            foot={t('home.shareOfTotal', { pct: pct(x.certified) })}
          />
          <Figure
            testId="home-talent-key"
            icon={<StarOutlined />}
            title={t('analytics.key')}
            n={x.key}
            foot={<Link to="/talents?key=true">{t('home.viewKey')}</Link>}
          />
          <Figure
            testId="home-talent-youth"
            icon={<TeamOutlined />}
            title={t('analytics.youth')}
            n={x.youth}
            foot={<Link to="/talents/analytics">{t('home.toAnalytics')}</Link>}
          />
        </div>
      )}
    </>
  );
}
