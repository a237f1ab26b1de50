import { useQuery } from '@tanstack/react-query';
import { Alert, Skeleton } from 'antd';
import { useParams } from 'react-router';
import { scopeRootOf, useCurrentUser } from '../../features/auth/hooks/useSession.ts';
import { groupKeys, groupsApi } from '../../features/groups/api/groups.api.ts';
import { GroupForm } from '../../features/groups/components/GroupForm.tsx';
import { useI18n } from '../../i18n/index.ts';
import { useErrorText } from '../../shared/errors.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';

/** /groups/new and /groups/:id/edit. */
export default function GroupEditPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const errorText = useErrorText();
  const root = scopeRootOf(useCurrentUser());
  const detail = useQuery({ queryKey: groupKeys.detail(id ?? ''), queryFn: () => groupsApi.get(id as string), enabled: !!id });
  if (!id)
    return (
      <PageContainer title={t('group.create')}>
        <GroupForm defaultRegion={root.level >= 4 ? root.code : undefined} />
      </PageContainer>
    );
  return (
    <PageContainer title={detail.data ? t('group.editTitle', { name: detail.data.name }) : t('group.edit')}>
      {detail.error ? (
        <Alert type="error" showIcon title={errorText(detail.error)} />
      ) : !detail.data ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : (
        <GroupForm key={detail.data.id} detail={detail.data} />
      )}
    </PageContainer>
  );
}
