import { Button, Result } from 'antd';
import { useI18n } from '../../../../i18n/index.ts';
import { formatNumber } from '../../../../shared/format.ts';
import type { ImportJob } from '../../api/imports.api.ts';

/** Step 5: what changed, and the way back to the list (which refreshes). */
export function DoneStep({ job, onList, onAgain }: { job: ImportJob; onList: () => void; onAgain: () => void }) {
  const { t } = useI18n();
  const c = job.counts;
  return (
    <Result
      status="success"
      data-testid="import-done"
      title={t('import.doneTitle')}
      subTitle={t('import.doneSummary', { created: formatNumber(c.created), updated: formatNumber(c.updated), skipped: formatNumber(c.skipped) })}
      extra={[
        <Button type="primary" key="list" onClick={onList} data-testid="import-to-list">
          {t('import.toList')}
        </Button>,
        <Button key="again" onClick={onAgain}>
          {t('import.again')}
        </Button>,
      ]}
    />
  );
}
