import { Alert, Button, Checkbox, Descriptions, Space } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n/index.ts';
import { formatNumber } from '../format.ts';
import type { ImportJob, ImportLabels } from './import.api.ts';
import { JobProgress } from './JobProgress.tsx';

interface CommitStepProps {
  job: ImportJob;
  labels: ImportLabels;
  committing: boolean;
  onBack: () => void;
  onCommit: (updateExisting: boolean) => void;
}

/** Step 4: what will change, the 更新已有记录 opt-in, then all valid rows in one go (or none). */
export function CommitStep({ job, labels, committing, onBack, onCommit }: CommitStepProps) {
  const { t } = useI18n();
  const [updateExisting, setUpdateExisting] = useState(job.updateExisting);
  if (job.status === 'committing') return <JobProgress job={job} />;
  const c = job.counts;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Descriptions
        bordered
        size="small"
        column={1}
        items={[
          { key: 'new', label: labels.willCreate, children: formatNumber(c.new) },
          {
            key: 'update',
            label: t('import.willUpdate'),
            children: updateExisting ? formatNumber(c.update) : t('import.skippedExisting', { n: formatNumber(c.update) }),
          },
          { key: 'invalid', label: t('import.willSkipInvalid'), children: formatNumber(c.invalid) },
        ]}
      />
      {c.update > 0 && (
        <Checkbox checked={updateExisting} onChange={(e) => setUpdateExisting(e.target.checked)} data-testid="import-update-existing">
          {labels.updateExisting.replace('{n}', formatNumber(c.update))}
        </Checkbox>
      )}
      <Alert type="info" showIcon title={t('import.allOrNothing')} />
      {job.status === 'failed' && job.message && <Alert type="error" showIcon title={job.message} />}
      <div className="wizard-actions">
        <Button onClick={onBack}>{t('import.back')}</Button>
        <Button
          type="primary"
          loading={committing}
          disabled={c.new + (updateExisting ? c.update : 0) === 0}
          onClick={() => onCommit(updateExisting)}
          data-testid="import-commit"
        >
          {t('import.commit')}
        </Button>
      </div>
    </Space>
  );
}
