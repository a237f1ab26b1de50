import { UserAddOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useCan } from '../../features/auth/hooks/useSession.ts';
import { talentKeys, talentsApi } from '../../features/talents/api/talents.api.ts';
import { TalentTabs } from '../../features/talents/components/detail/TalentTabs.tsx';
import { OpenAccountModal } from '../../features/talents/components/OpenAccountModal.tsx';
import { KeyTalentTag, TalentStatusTag, TierTag, YouthTag } from '../../features/talents/components/TalentTags.tsx';
import { type OneTimePassword, OneTimePasswordModal } from '../../features/users/components/OneTimePasswordModal.tsx';
import { useI18n } from '../../i18n/index.ts';
import { DetailActions } from '../../shared/detail/DetailActions.tsx';
import { DetailPage } from '../../shared/detail/DetailPage.tsx';
import { useTabParam } from '../../shared/detail/useTabParam.ts';
import { deleteTexts, useConfirmDelete } from '../../shared/useConfirmDelete.ts';

/** /talents/:id — the record in tabs, with 编辑, 开通账号 and 删除. */
export default function TalentDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const can = useCan();
  const confirmDelete = useConfirmDelete();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const tabs = useTabParam();
  const [accountFor, setAccountFor] = useState(false);
  const [otp, setOtp] = useState<OneTimePassword | null>(null);
  const detail = useQuery({ queryKey: talentKeys.detail(id), queryFn: () => talentsApi.get(id) });
  const talent = detail.data;
  const canManage = can('talent.manage');

  const remove = () =>
    talent &&
    confirmDelete({
      ...deleteTexts(t, 'talent', talent.name),
      remove: () => talentsApi.remove(talent.id),
      after: async () => {
        queryClient.removeQueries({ queryKey: talentKeys.detail(talent.id) });
        await queryClient.invalidateQueries({ queryKey: talentKeys.all });
        navigate('/talents');
      },
    });

  return (
    <DetailPage
      name={talent?.name}
      nameTestId="talent-detail-name"
      tags={
        talent && (
          <>
            <TierTag tier={talent.tier} />
            {talent.isKey && <KeyTalentTag reasons={talent.keyReasons} testId="talent-detail-key" />}
            {talent.youth && <YouthTag />}
            <TalentStatusTag status={talent.status} />
            {talent.hasAccount && <Tag color="cyan">{t('talent.account.has')}</Tag>}
          </>
        )
      }
      fallbackTitle={t('talent.detail')}
      extra={
        talent && (
          <DetailActions canManage={canManage} editTo={`/talents/${talent.id}/edit`} testId="talent" onDelete={remove}>
            {can('user.manage') && !talent.hasAccount && (
              <Button icon={<UserAddOutlined />} onClick={() => setAccountFor(true)} data-testid="talent-open-account">
                {t('talent.account.open')}
              </Button>
            )}
          </DetailActions>
        )
      }
      error={detail.error}
      aside={
        <>
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
        </>
      }
    >
      {() => talent && <TalentTabs talent={talent} canReveal={can('talent.reveal')} withHistory {...tabs} />}
    </DetailPage>
  );
}
