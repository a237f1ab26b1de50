import { Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { DUE_WINDOW_DAYS } from '../../../../../domain/talents/continuing-education.ts';
import { useI18n } from '../../../i18n/index.ts';
import { formatDecimal, formatNumber } from '../../../shared/format.ts';

/** Re-registration due date: red once passed, orange within the warning window. */
export function DueDateCell({ due }: { due: string | null }) {
  const { t } = useI18n();
  if (!due) return <Typography.Text type="secondary">—</Typography.Text>;
  const today = dayjs().format('YYYY-MM-DD');
  const soon = dayjs().add(DUE_WINDOW_DAYS, 'day').format('YYYY-MM-DD');
  if (due < today)
    return (
      <Tooltip title={t('talent.ce.overdue')}>
        <Typography.Text type="danger">{due}</Typography.Text>
      </Tooltip>
    );
  if (due <= soon)
    return (
      <Tooltip title={t('talent.ce.dueSoon', { days: DUE_WINDOW_DAYS })}>
        <Typography.Text type="warning">{due}</Typography.Text>
      </Tooltip>
    );
  return <span>{due}</span>;
}

/** Continuing-education hours against the requirement: orange while short. */
export function HoursCell({ hours, required }: { hours: number; required: number }) {
  const { t } = useI18n();
  if (!required) return <Typography.Text type="secondary">{formatDecimal(hours)}</Typography.Text>;
  const short = hours < required;
  const text = `${formatDecimal(hours)} / ${formatNumber(required)}`;
  return short ? (
    <Tooltip title={t('talent.ce.shortBy', { n: formatDecimal(required - hours) })}>
      <Typography.Text type="warning">{text}</Typography.Text>
    </Tooltip>
  ) : (
    <Typography.Text type="success">{text}</Typography.Text>
  );
}
