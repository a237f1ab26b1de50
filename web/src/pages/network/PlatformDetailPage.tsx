import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, type ButtonProps, Card, Skeleton, Space, Tag } from 'antd';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useCan } from '../../features/auth/hooks/useSession.ts';
import { coverageKeys } from '../../features/network/api/coverage.api.ts';
import { platformKeys, platformsApi } from '../../features/network/api/platforms.api.ts';
import { PlatformTabs } from '../../features/network/components/detail/PlatformTabs.tsx';
import { DemoTag, PlatformStatusTag } from '../../features/network/components/PlatformTags.tsx';
import { useNetworkLabels } from '../../features/network/hooks/useNetworkLabels.ts';
import { useI18n } from '../../i18n/index.ts';
import { useErrorText, useNotifyError } from '../../shared/errors.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';

/** /network/platforms/:id — the platform in tabs, with 编辑 and 删除. */
export default function PlatformDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const can = useCan();
  const labels = useNetworkLabels();
  const { modal, message } = App.useApp();
  const notifyError = useNotifyError();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [sp, setSp] = useSearchParams();
  const detail = useQuery({ queryKey: platformKeys.detail(id), queryFn: () => platformsApi.get(id) });
  const p = detail.data;
  const canManage = can('network.manage');

  const remove = () =>
    p &&
    modal.confirm({
      title: t('platform.deleteTitle', { name: p.name }),
      content: t('platform.deleteConfirm', { photos: p.photos.length }),
      okText: t('common.delete'),
      okButtonProps: { danger: true, 'data-testid': 'confirm-ok' } as ButtonProps,
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await platformsApi.remove(p.id);
          message.success(t('platform.deleted', { name: p.name }));
          queryClient.removeQueries({ queryKey: platformKeys.detail(p.id) });
          await Promise.all([queryClient.invalidateQueries({ queryKey: platformKeys.all }), queryClient.invalidateQueries({ queryKey: coverageKeys.all })]);
          navigate('/network/platforms');
        } catch (err) {
          notifyError(err);
        }
      },
    });

  return (
    <PageContainer
      title={
        p ? (
          <Space size={8} wrap>
            <span data-testid="platform-detail-name">{p.name}</span>
            <Tag>{labels.name('kindShort', p.kind)}</Tag>
            <PlatformStatusTag status={p.status} />
            {p.standard ? (
              <Tag color="green" data-testid="platform-detail-standard">
                {t('platform.standard')}
              </Tag>
            ) : (
              <Tag color="orange" data-testid="platform-detail-standard">
                {t('platform.notStandard')} {p.checksMet}/{p.checksTotal}
              </Tag>
            )}
            <DemoTag level={p.demoLevel} year={p.demoYear} />
          </Space>
        ) : (
          t('platform.detail')
        )
      }
      subTitle={p?.regionPath.map((r) => r.name).join(' / ')}
      extra={
        p &&
        canManage && (
          <Space wrap>
            <Link to={`/network/platforms/${p.id}/edit`}>
              <Button type="primary" icon={<EditOutlined />} data-testid="platform-detail-edit">
                {t('common.edit')}
              </Button>
            </Link>
            <Button danger icon={<DeleteOutlined />} onClick={remove} data-testid="platform-detail-delete">
              {t('common.delete')}
            </Button>
          </Space>
        )
      }
    >
      <Card>
        {detail.error ? (
          <Alert type="error" showIcon title={errorText(detail.error)} />
        ) : !p ? (
          <Skeleton active paragraph={{ rows: 8 }} />
        ) : (
          <PlatformTabs
            platform={p}
            canManage={canManage}
            withHistory={can('audit.read')}
            activeKey={sp.get('tab') ?? 'basic'}
            onChange={(tab) => setSp(tab === 'basic' ? {} : { tab }, { replace: true })}
          />
        )}
      </Card>
    </PageContainer>
  );
}
