import { Tabs, type TabsProps } from 'antd';
import { useI18n } from '../../../../i18n/index.ts';
import type { TalentDetail } from '../../api/talents.api.ts';
import { BasicInfoTab } from './BasicInfoTab.tsx';
import { ContinuingEducationTab } from './ContinuingEducationTab.tsx';
import { HistoryTab } from './HistoryTab.tsx';
import { CertificatesTable, DispatchesTable, EducationTable, HonoursTable, WorkTable } from './RecordTables.tsx';

interface TalentTabsProps {
  talent: TalentDetail;
  canReveal: boolean;
  /** 变更历史 (administrators; not on the social worker's own page). */
  withHistory: boolean;
  activeKey?: string;
  onChange?: (key: string) => void;
}

const count = (label: string, n: number) => (n ? `${label} (${n})` : label);

/** The record's tabs, shared by the detail page and 我的档案. */
export function TalentTabs({ talent, canReveal, withHistory, activeKey, onChange }: TalentTabsProps) {
  const { t } = useI18n();
  const items: TabsProps['items'] = [
    { key: 'basic', label: t('talent.section.basic'), children: <BasicInfoTab talent={talent} canReveal={canReveal} /> },
    { key: 'certificates', label: count(t('talent.section.certificates'), talent.certificates.length), children: <CertificatesTable talent={talent} /> },
    { key: 'education', label: t('talent.section.education'), children: <EducationTable talent={talent} /> },
    { key: 'work', label: t('talent.section.workHistory'), children: <WorkTable talent={talent} /> },
    { key: 'ce', label: t('talent.section.trainings'), children: <ContinuingEducationTab talent={talent} /> },
    { key: 'honours', label: count(t('talent.section.honours'), talent.honours.length), children: <HonoursTable talent={talent} /> },
    { key: 'dispatches', label: count(t('talent.section.dispatches'), talent.dispatches.length), children: <DispatchesTable talent={talent} /> },
    ...(withHistory ? [{ key: 'history', label: t('talent.section.history'), children: <HistoryTab talentId={talent.id} /> }] : []),
  ];
  return <Tabs items={items} activeKey={activeKey} onChange={onChange} data-testid="talent-tabs" />;
}
