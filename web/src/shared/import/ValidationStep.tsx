import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Space } from 'antd';
import { useDownload } from '../../api/download.ts';
import { useI18n } from '../../i18n/index.ts';
import { formatNumber } from '../format.ts';
import { ImportCounts } from './ImportCounts.tsx';
import { ImportErrorsTable } from './ImportErrorsTable.tsx';
import { type ImportConfig, type ImportJob, importApi } from './import.api.ts';
import { JobProgress } from './JobProgress.tsx';

/** Step 3: progress while validating, then the counts, the row errors and the error report. */
export function ValidationStep({ job, config, onReupload, onNext }: { job: ImportJob; config: ImportConfig; onReupload: () => void; onNext: () => void }) {
  const { t } = useI18n();
  const { download, pending } = useDownload();
  if (job.status === 'validating') return <JobProgress job={job} />;
  const c = job.counts;
  const importable = c.new + c.update;
  const baseName = job.fileName.replace(/\.xlsx$/i, '');
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <ImportCounts job={job} />
      {c.invalid > 0 ? (
        <Alert
          type="warning"
          showIcon
          title={t('import.hasErrors', { n: formatNumber(c.invalid) })}
          description={t('import.hasErrorsHelp')}
          action={
            <Button
              size="small"
              icon={<DownloadOutlined />}
              loading={pending}
              onClick={() => download(importApi(config).errorsPath(job.id), undefined, t('import.errorsFileName', { name: baseName }))}
              data-testid="import-download-errors"
            >
              {t('import.downloadErrors')}
            </Button>
          }
        />
      ) : (
        <Alert type="success" showIcon title={t('import.allValid', { n: formatNumber(c.rows) })} />
      )}
      {c.invalid > 0 && <ImportErrorsTable config={config} jobId={job.id} />}
      <div className="wizard-actions">
        <Button icon={<UploadOutlined />} onClick={onReupload} data-testid="import-reupload">
          {t('import.reupload')}
        </Button>
        <Button type="primary" disabled={importable === 0} onClick={onNext} data-testid="import-next">
          {t('import.next')}
        </Button>
      </div>
    </Space>
  );
}
