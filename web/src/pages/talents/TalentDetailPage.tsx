import { DeleteOutlined, EditOutlined, UserAddOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, type ButtonProps, Card, Skeleton, Space, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useCan } from '../../features/auth/hooks/useSession.ts';
import { talentKeys, talentsApi } from '../../features/talents/api/talents.api.ts';
import { TalentTabs } from '../../features/talents/components/detail/TalentTabs.tsx';
import { OpenAccountModal } from '../../features/talents/components/OpenAccountModal.tsx';
import { KeyTalentTag, TalentStatusTag, TierTag, YouthTag } from '../../features/talents/components/TalentTags.tsx';
import { type OneTimePassword, OneTimePasswordModal } from '../../features/users/components/OneTimePasswordModal.tsx';
import { useI18n } from '../../i18n/index.ts';
import { useErrorText, useNotifyError } from '../../shared/errors.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';

/** /talents/:id — the record in tabs, with 编辑, 开通账号 and 删除. */
export default function TalentDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const can = useCan();
  const { modal, message } = App.useApp();
  const notifyError = useNotifyError();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [sp, setSp] = useSearchParams();
  const [accountFor, setAccountFor] = useState(false);
  const [otp, setOtp] = useState<OneTimePassword | null>(null);
  const detail = useQuery({ queryKey: talentKeys.detail(id), queryFn: () => talentsApi.get(id) });
  const talent = detail.data;
  const canManage = can('talent.manage');

  const remove = () =>
    talent &&
    modal.confirm({
      title: t('talent.deleteTitle', { name: talent.name }),
      content: t('talent.deleteConfirm'),
      okText: t('common.delete'),
      okButtonProps: { danger: true, 'data-testid': 'confirm-ok' } as ButtonProps,
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await talentsApi.remove(talent.id);
          message.success(t('talent.deleted', { name: talent.name }));
          queryClient.removeQueries({ queryKey: talentKeys.detail(talent.id) });
          await queryClient.invalidateQueries({ queryKey: talentKeys.all });
          navigate('/talents');
        } catch (err) {
          notifyError(err);
        }
      },
    });

  return (
    <PageContainer
      title={
        talent ? (
          <Space size={8} wrap>
            <span data-testid="talent-detail-name">{talent.name}</span>
            <TierTag tier={talent.tier} />
            {talent.isKey && <KeyTalentTag reasons={talent.keyReasons} testId="talent-detail-key" />}
            {talent.youth && <YouthTag />}
            <TalentStatusTag status={talent.status} />
            {talent.hasAccount && <Tag color="cyan">{t('talent.account.has')}</Tag>}
          </Space>
        ) : (
          t('talent.detail')
        )
      }
      extra={
        talent && (
          <Space wrap>
            {canManage && (
              <Link to={`/talents/${talent.id}/edit`}>
                <Button type="primary" icon={<EditOutlined />} data-testid="talent-detail-edit">
                  {t('common.edit')}
                </Button>
              </Link>
            )}
            {can('user.manage') && !talent.hasAccount && (
              <Button icon={<UserAddOutlined />} onClick={() => setAccountFor(true)} data-testid="talent-open-account">
                {t('talent.account.open')}
              </Button>
            )}
            {canManage && (
              <Button danger icon={<DeleteOutlined />} onClick={remove} data-testid="talent-detail-delete">
                {t('common.delete')}
              </Button>
            )}
          </Space>
        )
      }
    >
      <Card>
        {detail.error ? (
          <Alert type="error" showIcon title={errorText(detail.error)} />
        ) : !talent ? (
          <Skeleton active paragraph={{ rows: 8 }} />
        ) : (
          <TalentTabs
            talent={talent}
            canReveal={can('talent.reveal')}
            withHistory
            activeKey={sp.get('tab') ?? 'basic'}
            onChange={(tab) => setSp(tab === 'basic' ? {} : { tab }, { replace: true })}
          />
        )}
      </Card>
      <OpenAccountModal
        talent={accountFor && talent ? talent : null}
        onClose={() => setAccountFor(false)}
        onOpened={(username, password) => {
          setAccountFor(false);
          setOtp({ username, displayName: talent?.name ?? username, password, kind: 'initial' });
          void queryClient.invalidateQueries({ queryKey: talentKeys.detail(id) });
        }}
      />
      <OneTimePasswordModal value={otp} onClose={() => setOtp(null)} />
    </PageContainer>
  );
}
