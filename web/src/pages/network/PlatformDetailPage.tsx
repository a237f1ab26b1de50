import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Tag } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { useCan } from '../../features/auth/hooks/useSession.ts';
import { coverageKeys } from '../../features/network/api/coverage.api.ts';
import { platformKeys, platformsApi } from '../../features/network/api/platforms.api.ts';
import { PlatformTabs } from '../../features/network/components/detail/PlatformTabs.tsx';
import { DemoTag, PlatformStatusTag } from '../../features/network/components/PlatformTags.tsx';
import { useI18n } from '../../i18n/index.ts';
import { useNetworkLabels } from '../../i18n/network-labels.ts';
import { DetailActions } from '../../shared/detail/DetailActions.tsx';
import { DetailPage } from '../../shared/detail/DetailPage.tsx';
import { useTabParam } from '../../shared/detail/useTabParam.ts';
import { deleteTexts, useConfirmDelete } from '../../shared/useConfirmDelete.ts';

/** /network/platforms/:id — the platform in tabs, with 编辑 and 删除. */
export default function PlatformDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const can = useCan();
  const labels = useNetworkLabels();
  const confirmDelete = useConfirmDelete();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const tabs = useTabParam();
  const detail = useQuery({ queryKey: platformKeys.detail(id), queryFn: () => platformsApi.get(id) });
  const p = detail.data;
  const canManage = can('network.manage');

  const remove = () =>
    p &&
    confirmDelete({
      ...deleteTexts(t, 'platform', p.name),
      content: t('platform.deleteConfirm', { photos: p.photos.length }),
      remove: () => platformsApi.remove(p.id),
      after: async () => {
        queryClient.removeQueries({ queryKey: platformKeys.detail(p.id) });
        await Promise.all([queryClient.invalidateQueries({ queryKey: platformKeys.all }), queryClient.invalidateQueries({ queryKey: coverageKeys.all })]);
        navigate('/network/platforms');
      },
    });

  return (
    <DetailPage
      name={p?.name}
      nameTestId="platform-detail-name"
      tags={
        p && (
          <>
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
          </>
        )
      }
      fallbackTitle={t('platform.detail')}
      subTitle={p?.regionPath.map((r) => r.name).join(' / ')}
      extra={p && canManage && <DetailActions canManage editTo={`/network/platforms/${p.id}/edit`} testId="platform" onDelete={remove} />}
      error={detail.error}
    >
      {() => p && <PlatformTabs platform={p} canManage={canManage} withHistory={can('audit.read')} {...tabs} />}
    </DetailPage>
  );
}
