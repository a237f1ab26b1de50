import { Button, Result } from 'antd';
import { useI18n } from '../../i18n/index.ts';
import { formatNumber } from '../format.ts';
import type { ImportJob, ImportLabels } from './import.api.ts';

const fill = (text: string, params: Record<string, string>) => text.replace(/\{(\w+)\}/g, (m, k: string) => params[k] ?? m);

/** Step 5: what changed, and the way back to the list (which refreshes). */
export function DoneStep({ job, labels, onList, onAgain }: { job: ImportJob; labels: ImportLabels; onList: () => void; onAgain: () => void }) {
  const { t } = useI18n();
  const c = job.counts;
  return (
    <Result
      status="success"
      data-testid="import-done"
      title={t('import.doneTitle')}
      subTitle={fill(labels.doneSummary, { created: formatNumber(c.created), updated: formatNumber(c.updated), skipped: formatNumber(c.skipped) })}
      extra={[
        <Button type="primary" key="list" onClick={onList} data-testid="import-to-list">
          {labels.toList}
        </Button>,
        <Button key="again" onClick={onAgain}>
          {t('import.again')}
        </Button>,
      ]}
    />
  );
}
