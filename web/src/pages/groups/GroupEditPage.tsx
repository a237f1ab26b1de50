import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { scopeRootOf, useCurrentUser } from '../../features/auth/hooks/useSession.ts';
import { groupKeys, groupsApi } from '../../features/groups/api/groups.api.ts';
import { GroupForm } from '../../features/groups/components/GroupForm.tsx';
import { useI18n } from '../../i18n/index.ts';
import { EditPage } from '../../shared/form/EditPage.tsx';

/** /groups/new and /groups/:id/edit. */
export default function GroupEditPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const root = scopeRootOf(useCurrentUser());
  const detail = useQuery({ queryKey: groupKeys.detail(id ?? ''), queryFn: () => groupsApi.get(id as string), enabled: !!id });
  return (
    <EditPage
      id={id}
      record={detail}
      createTitle={t('group.create')}
      editTitle={t('group.edit')}
      editTitleOf={(g) => t('group.editTitle', { name: g.name })}
      skeletonRows={6}
      createForm={() => <GroupForm defaultRegion={root.level >= 4 ? root.code : undefined} />}
      editForm={(g) => <GroupForm key={g.id} detail={g} />}
    />
  );
}
