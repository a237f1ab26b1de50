import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, type ButtonProps, Card, Skeleton, Space } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { useCan } from '../../features/auth/hooks/useSession.ts';
import { groupKeys, groupsApi } from '../../features/groups/api/groups.api.ts';
import { GroupInfo } from '../../features/groups/components/GroupInfo.tsx';
import { GroupStatusTag } from '../../features/groups/components/GroupTags.tsx';
import { useI18n } from '../../i18n/index.ts';
import { useErrorText, useNotifyError } from '../../shared/errors.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';

/** /groups/:id — the group's record, with 编辑 and 删除. */
export default function GroupDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const can = useCan();
  const canManage = can('network.manage');
  const { modal, message } = App.useApp();
  const notifyError = useNotifyError();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const detail = useQuery({ queryKey: groupKeys.detail(id), queryFn: () => groupsApi.get(id) });
  const group = detail.data;

  const remove = () =>
    group &&
    modal.confirm({
      title: t('group.deleteTitle', { name: group.name }),
      content: t('group.deleteConfirm'),
      okText: t('common.delete'),
      okButtonProps: { danger: true, 'data-testid': 'confirm-ok' } as ButtonProps,
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await groupsApi.remove(group.id);
          message.success(t('group.deleted', { name: group.name }));
          queryClient.removeQueries({ queryKey: groupKeys.detail(group.id) });
          await queryClient.invalidateQueries({ queryKey: groupKeys.all });
          navigate('/groups');
        } catch (err) {
          notifyError(err);
        }
      },
    });

  return (
    <PageContainer
      title={
        group ? (
          <Space size={8} wrap>
            <span data-testid="group-detail-name">{group.name}</span>
            <GroupStatusTag status={group.status} />
          </Space>
        ) : (
          t('group.detail')
        )
      }
      extra={
        group &&
        canManage && (
          <Space wrap>
            <Link to={`/groups/${group.id}/edit`}>
              <Button type="primary" icon={<EditOutlined />} data-testid="group-detail-edit">
                {t('common.edit')}
              </Button>
            </Link>
            <Button danger icon={<DeleteOutlined />} onClick={remove} data-testid="group-detail-delete">
              {t('common.delete')}
            </Button>
          </Space>
        )
      }
    >
      <Card>
        {detail.error ? (
          <Alert type="error" showIcon title={errorText(detail.error)} />
        ) : !group ? (
          <Skeleton active paragraph={{ rows: 6 }} />
        ) : (
          <GroupInfo group={group} platformLinks={can('network.read')} />
        )}
      </Card>
    </PageContainer>
  );
}
