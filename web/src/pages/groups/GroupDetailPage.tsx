import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { useCan } from '../../features/auth/hooks/useSession.ts';
import { groupKeys, groupsApi } from '../../features/groups/api/groups.api.ts';
import { GroupInfo } from '../../features/groups/components/GroupInfo.tsx';
import { GroupStatusTag } from '../../features/groups/components/GroupTags.tsx';
import { useI18n } from '../../i18n/index.ts';
import { DetailActions } from '../../shared/detail/DetailActions.tsx';
import { DetailPage } from '../../shared/detail/DetailPage.tsx';
import { deleteTexts, useConfirmDelete } from '../../shared/useConfirmDelete.ts';

/** /groups/:id — the group's record, with 编辑 and 删除. */
export default function GroupDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const can = useCan();
  const canManage = can('network.manage');
  const confirmDelete = useConfirmDelete();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const detail = useQuery({ queryKey: groupKeys.detail(id), queryFn: () => groupsApi.get(id) });
  const group = detail.data;

  const remove = () =>
    group &&
    confirmDelete({
      ...deleteTexts(t, 'group', group.name),
      remove: () => groupsApi.remove(group.id),
      after: async () => {
        queryClient.removeQueries({ queryKey: groupKeys.detail(group.id) });
        await queryClient.invalidateQueries({ queryKey: groupKeys.all });
        navigate('/groups');
      },
    });

  return (
    <DetailPage
      name={group?.name}
      nameTestId="group-detail-name"
      tags={group && <GroupStatusTag status={group.status} />}
      fallbackTitle={t('group.detail')}
      extra={group && canManage && <DetailActions canManage editTo={`/groups/${group.id}/edit`} testId="group" onDelete={remove} />}
      error={detail.error}
      skeletonRows={6}
    >
      {() => group && <GroupInfo group={group} platformLinks={can('network.read')} />}
    </DetailPage>
  );
}
