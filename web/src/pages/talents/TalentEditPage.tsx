import { useQuery } from '@tanstack/react-query';
import { Alert, Skeleton } from 'antd';
import { useParams } from 'react-router';
import { scopeRootOf, useCurrentUser } from '../../features/auth/hooks/useSession.ts';
import { talentKeys, talentsApi } from '../../features/talents/api/talents.api.ts';
import { TalentForm } from '../../features/talents/components/form/TalentForm.tsx';
import { useI18n } from '../../i18n/index.ts';
import { useErrorText } from '../../shared/errors.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';

/** /talents/new and /talents/:id/edit: the full record as one long form. */
export default function TalentEditPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const errorText = useErrorText();
  const user = useCurrentUser();
  const root = scopeRootOf(user);
  const detail = useQuery({ queryKey: talentKeys.detail(id ?? ''), queryFn: () => talentsApi.get(id as string), enabled: !!id });

  if (!id)
    return (
      <PageContainer title={t('talent.create')}>
        <TalentForm defaultRegion={root.level >= 3 ? root.code : undefined} />
      </PageContainer>
    );
  return (
    <PageContainer title={detail.data ? t('talent.editTitle', { name: detail.data.name }) : t('talent.edit')}>
      {detail.error ? (
        <Alert type="error" showIcon title={errorText(detail.error)} />
      ) : !detail.data ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : (
        <TalentForm key={detail.data.id} detail={detail.data} />
      )}
    </PageContainer>
  );
}
