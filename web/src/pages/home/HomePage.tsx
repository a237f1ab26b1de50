import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Skeleton } from 'antd';
import { Navigate } from 'react-router';
import { useCurrentUser } from '../../features/auth/hooks/useSession.ts';
import { dashboardApi } from '../../features/dashboard/api/dashboard.api.ts';
import { RecentAudit } from '../../features/dashboard/components/RecentAudit.tsx';
import { StatCards } from '../../features/dashboard/components/StatCards.tsx';
import { NetworkHomeCards } from '../../features/network/components/NetworkHomeCards.tsx';
import { TalentHomeCards } from '../../features/talents/components/TalentHomeCards.tsx';
import { useI18n } from '../../i18n/index.ts';
import { useErrorText } from '../../shared/errors.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';

export default function HomePage() {
  const user = useCurrentUser();
  const { t } = useI18n();
  const errorText = useErrorText();
  const canDashboard = user.permissions.includes('dashboard.read');
  const canTalents = user.permissions.includes('talent.read');
  // A social worker's system is their own record.
  const selfOnly = user.permissions.includes('talent.self') && !canTalents;
  const { data, isPending, error, refetch } = useQuery({ queryKey: ['dashboard'], queryFn: dashboardApi.get, enabled: canDashboard && !selfOnly });
  if (selfOnly) return <Navigate to="/me/talent" replace />;

  return (
    <PageContainer title={data ? t('home.title', { region: data.region.name }) : t('menu.home')} subTitle={t('home.welcome', { name: user.displayName })}>
      {!canDashboard ? (
        <Alert type="info" showIcon title={t('home.noDashboard')} />
      ) : error ? (
        <Alert
          type="error"
          showIcon
          title={errorText(error)}
          action={
            <Button size="small" onClick={() => refetch()}>
              {t('common.retry')}
            </Button>
          }
        />
      ) : isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : (
        <>
          <StatCards data={data} populationSource={data.region.populationSource} />
          {canTalents && <TalentHomeCards />}
          {user.permissions.includes('network.read') && <NetworkHomeCards />}
          {data.recentAudit && <RecentAudit items={data.recentAudit} />}
        </>
      )}
    </PageContainer>
  );
}
