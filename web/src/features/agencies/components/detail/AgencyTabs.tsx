import { Tabs, type TabsProps } from 'antd';
import { useI18n } from '../../../../i18n/index.ts';
import type { AgencyDetail } from '../../api/types.ts';
import { AgencyBasicInfo } from './AgencyBasicInfo.tsx';
import { PairingsTab } from './PairingsTab.tsx';
import { PlatformsTab } from './PlatformsTab.tsx';
import { StaffTab } from './StaffTab.tsx';

const count = (label: string, n: number) => (n ? `${label} (${n})` : label);

interface AgencyTabsProps {
  agency: AgencyDetail;
  /** Staff and pairings editable (agency.manage). */
  canEdit: boolean;
  /** 本机构: the agency administrator keeps the staff list (add by ID number and name, edit, remove). */
  ownStaff?: boolean;
  /** Platform names link to the network pages (network.read). */
  platformLinks: boolean;
  activeKey?: string;
  onChange?: (key: string) => void;
}

/** The agency's tabs, shared by the detail page and 本机构. */
export function AgencyTabs({ agency, canEdit, ownStaff = false, platformLinks, activeKey, onChange }: AgencyTabsProps) {
  const { t } = useI18n();
  const items: TabsProps['items'] = [
    { key: 'basic', label: t('agency.tab.basic'), children: <AgencyBasicInfo agency={agency} /> },
    {
      key: 'staff',
      label: count(t('agency.tab.staff'), agency.staff.length),
      children: <StaffTab agency={agency} canEdit={canEdit || ownStaff} own={ownStaff} />,
    },
    {
      key: 'platforms',
      label: count(t('agency.tab.platforms'), agency.platforms.length),
      children: <PlatformsTab platforms={agency.platforms} linkable={platformLinks} />,
    },
    { key: 'pairings', label: count(t('agency.tab.pairings'), agency.pairings.length), children: <PairingsTab agency={agency} canEdit={canEdit} /> },
  ];
  return <Tabs items={items} activeKey={activeKey} onChange={onChange} data-testid="agency-tabs" />;
}
