import { useQuery } from '@tanstack/react-query';
import { Alert, Skeleton } from 'antd';
import { useParams } from 'react-router';
import { agenciesApi, agencyKeys } from '../../features/agencies/api/agencies.api.ts';
import { AgencyForm } from '../../features/agencies/components/form/AgencyForm.tsx';
import { scopeRootOf, useCurrentUser } from '../../features/auth/hooks/useSession.ts';
import { useI18n } from '../../i18n/index.ts';
import { useErrorText } from '../../shared/errors.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';

/** /agencies/new and /agencies/:id/edit. */
export default function AgencyEditPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const errorText = useErrorText();
  const root = scopeRootOf(useCurrentUser());
  const detail = useQuery({ queryKey: agencyKeys.detail(id ?? ''), queryFn: () => agenciesApi.get(id as string), enabled: !!id });

  if (!id)
    return (
      <PageContainer title={t('agency.create')}>
        <AgencyForm defaultRegion={root.level >= 2 ? root.code : undefined} />
      </PageContainer>
    );
  return (
    <PageContainer title={detail.data ? t('agency.editTitle', { name: detail.data.name }) : t('agency.edit')}>
      {detail.error ? (
        <Alert type="error" showIcon title={errorText(detail.error)} />
      ) : !detail.data ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <AgencyForm key={detail.data.id} detail={detail.data} />
      )}
    </PageContainer>
  );
}
