import { Progress, Typography } from 'antd';
import { useI18n } from '../../i18n/index.ts';
import { formatNumber } from '../format.ts';
import type { ImportJob } from './import.api.ts';

/** Rows processed of the total while the server validates or commits. */
export function JobProgress({ job }: { job: ImportJob }) {
  const { t } = useI18n();
  const total = job.totalRows;
  const percent = total ? Math.min(100, Math.floor((job.processedRows / total) * 100)) : 0;
  return (
    <div data-testid="import-progress">
      <Typography.Text>
        {job.status === 'committing' ? t('import.committing') : t('import.validating')}{' '}
        {total
          ? t('import.progressOf', { done: formatNumber(job.processedRows), total: formatNumber(total) })
          : t('import.progressRows', { done: formatNumber(job.processedRows) })}
      </Typography.Text>
      <Progress percent={percent} status="active" />
      <Typography.Text type="secondary">{t('import.canLeave')}</Typography.Text>
    </div>
  );
}
