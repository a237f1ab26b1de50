import { Card, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { useCan } from '../../features/auth/hooks/useSession.ts';
import { DuplicatesPanel } from '../../features/talents/components/workbench/DuplicatesPanel.tsx';
import { SubmissionsPanel } from '../../features/talents/components/workbench/SubmissionsPanel.tsx';
import { TransfersPanel } from '../../features/talents/components/workbench/TransfersPanel.tsx';
import { useI18n } from '../../i18n/index.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';

/** /talents/workbench — 调入申请, 疑似重复, 本人申报审核. */
export default function TalentWorkbenchPage() {
  const { t } = useI18n();
  const can = useCan();
  const canManage = can('talent.manage');
  const [sp, setSp] = useSearchParams();
  const tab = sp.get('tab') ?? 'transfers';
  const direction = sp.get('direction') === 'requested' ? 'requested' : undefined;
  const items = [
    { key: 'transfers', label: t('workbench.transfers'), children: <TransfersPanel canManage={canManage} initialDirection={direction} /> },
    ...(canManage
      ? [
          { key: 'duplicates', label: t('workbench.duplicates'), children: <DuplicatesPanel /> },
          { key: 'submissions', label: t('workbench.submissions'), children: <SubmissionsPanel /> },
        ]
      : []),
  ];
  return (
    <PageContainer title={t('menu.talentWorkbench')}>
      <Card>
        <Tabs activeKey={tab} onChange={(k) => setSp(k === 'transfers' ? {} : { tab: k }, { replace: true })} items={items} data-testid="workbench-tabs" />
      </Card>
    </PageContainer>
  );
}
