import { Tabs, type TabsProps } from 'antd';
import { useI18n } from '../../../../i18n/index.ts';
import type { PlatformDetail } from '../../api/types.ts';
import { BasicTab } from './BasicTab.tsx';
import { ChecksTab } from './ChecksTab.tsx';
import { FundingTab } from './FundingTab.tsx';
import { HistoryTab } from './HistoryTab.tsx';
import { PhotosTab } from './PhotosTab.tsx';
import { StaffTab } from './StaffTab.tsx';

const count = (label: string, n: number) => (n ? `${label} (${n})` : label);

/** The platform's tabs; 变更记录 only for roles that may read the audit log. */
export function PlatformTabs({
  platform,
  canManage,
  withHistory,
  activeKey,
  onChange,
}: {
  platform: PlatformDetail;
  canManage: boolean;
  withHistory: boolean;
  activeKey?: string;
  onChange?: (key: string) => void;
}) {
  const { t } = useI18n();
  const items: TabsProps['items'] = [
    { key: 'basic', label: t('platform.section.basic'), children: <BasicTab platform={platform} /> },
    {
      key: 'checks',
      label: `${t('platform.section.checks')} ${platform.checksMet}/${platform.checksTotal}`,
      // Re-mounted when the stored checks change (saved elsewhere, refetched), so the editor starts from them.
      children: <ChecksTab key={platform.updatedAt} platform={platform} canManage={canManage} />,
    },
    {
      key: 'staff',
      label: count(t('platform.section.staff'), platform.staff.length),
      children: <StaffTab key={platform.updatedAt} platform={platform} canManage={canManage} />,
    },
    { key: 'funding', label: count(t('platform.section.funding'), platform.funding.length), children: <FundingTab platform={platform} /> },
    { key: 'photos', label: count(t('platform.section.photos'), platform.photos.length), children: <PhotosTab platform={platform} canManage={canManage} /> },
    ...(withHistory ? [{ key: 'history', label: t('platform.section.history'), children: <HistoryTab platformId={platform.id} /> }] : []),
  ];
  return <Tabs items={items} activeKey={activeKey} onChange={onChange} data-testid="platform-tabs" />;
}
