import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, type ButtonProps, Card, Skeleton, Space } from 'antd';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { agenciesApi, agencyKeys } from '../../features/agencies/api/agencies.api.ts';
import { AgencyStatusTag, EligibleTag } from '../../features/agencies/components/AgencyTags.tsx';
import { AgencyTabs } from '../../features/agencies/components/detail/AgencyTabs.tsx';
import { useCan } from '../../features/auth/hooks/useSession.ts';
import { useI18n } from '../../i18n/index.ts';
import { useErrorText, useNotifyError } from '../../shared/errors.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';

/** /agencies/:id — the agency in tabs (基本信息, 人员, 运营阵地, 结对帮扶), with 编辑 and 删除. */
export default function AgencyDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const can = useCan();
  const canManage = can('agency.manage');
  const { modal, message } = App.useApp();
  const notifyError = useNotifyError();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [sp, setSp] = useSearchParams();
  const detail = useQuery({ queryKey: agencyKeys.detail(id), queryFn: () => agenciesApi.get(id) });
  const agency = detail.data;

  const remove = () =>
    agency &&
    modal.confirm({
      title: t('agency.deleteTitle', { name: agency.name }),
      content: t('agency.deleteConfirm'),
      okText: t('common.delete'),
      okButtonProps: { danger: true, 'data-testid': 'confirm-ok' } as ButtonProps,
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await agenciesApi.remove(agency.id);
          message.success(t('agency.deleted', { name: agency.name }));
          queryClient.removeQueries({ queryKey: agencyKeys.detail(agency.id) });
          await queryClient.invalidateQueries({ queryKey: agencyKeys.all });
          navigate('/agencies');
        } catch (err) {
          notifyError(err);
        }
      },
    });

  return (
    <PageContainer
      title={
        agency ? (
          <Space size={8} wrap>
            <span data-testid="agency-detail-name">{agency.name}</span>
            <AgencyStatusTag status={agency.status} />
            <EligibleTag eligible={agency.eligible} reason={agency.ineligibleReason} />
          </Space>
        ) : (
          t('agency.detail')
        )
      }
      extra={
        agency &&
        canManage && (
          <Space wrap>
            <Link to={`/agencies/${agency.id}/edit`}>
              <Button type="primary" icon={<EditOutlined />} data-testid="agency-detail-edit">
                {t('common.edit')}
              </Button>
            </Link>
            <Button danger icon={<DeleteOutlined />} onClick={remove} data-testid="agency-detail-delete">
              {t('common.delete')}
            </Button>
          </Space>
        )
      }
    >
      <Card>
        {detail.error ? (
          <Alert type="error" showIcon title={errorText(detail.error)} />
        ) : !agency ? (
          <Skeleton active paragraph={{ rows: 8 }} />
        ) : (
          <AgencyTabs
            agency={agency}
            canEdit={canManage}
            platformLinks={can('network.read')}
            activeKey={sp.get('tab') ?? 'basic'}
            onChange={(tab) => setSp(tab === 'basic' ? {} : { tab }, { replace: true })}
          />
        )}
      </Card>
    </PageContainer>
  );
}
