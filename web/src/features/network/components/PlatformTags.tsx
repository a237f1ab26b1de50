import { Progress, Space, Tag, Tooltip } from 'antd';
import { useI18n } from '../../../i18n/index.ts';
import { useNetworkLabels } from '../../../i18n/network-labels.ts';

const STATUS_COLORS: Record<string, string> = { planned: 'blue', operating: 'green', suspended: 'orange', closed: 'default' };

export function PlatformStatusTag({ status }: { status: string }) {
  const labels = useNetworkLabels();
  return <Tag color={STATUS_COLORS[status] ?? 'default'}>{labels.name('status', status)}</Tag>;
}

export function DemoTag({ level, year }: { level: string | null; year: number | null }) {
  const { t } = useI18n();
  const labels = useNetworkLabels();
  if (!level) return null;
  return <Tag color="gold">{t('platform.demoTag', { level: labels.name('demoLevel', level), year: year ?? '' })}</Tag>;
}

/** "4/6" with a small bar; the tooltip says what is lacking (or that every item is met). */
export function ChecklistProgress({
  met,
  total,
  lacking,
  testId,
}: {
  met: number;
  total: number;
  /** Names of the unmet items when known (detail); the list shows the count only. */
  lacking?: string[];
  testId?: string;
}) {
  const { t } = useI18n();
  const standard = total > 0 && met === total;
  const tip = standard
    ? t('platform.allMet')
    : lacking?.length
      ? t('platform.lacking', { items: lacking.join(t('common.listSeparator')) })
      : t('platform.notStandard');
  return (
    <Tooltip title={tip}>
      <Space size={6} data-testid={testId}>
        <Progress type="circle" size={18} percent={total ? Math.round((met / total) * 100) : 0} showInfo={false} status={standard ? 'success' : 'normal'} />
        <span className="mono">
          {met}/{total}
        </span>
        {standard && <Tag color="green">{t('platform.standard')}</Tag>}
      </Space>
    </Tooltip>
  );
}
