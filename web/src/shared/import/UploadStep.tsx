import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Progress, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useDownload } from '../../api/download.ts';
import { useI18n } from '../../i18n/index.ts';
import { useNotifyError } from '../errors.ts';
import { type ImportConfig, type ImportJob, importApi, maxBytesOf } from './import.api.ts';

/** Steps 1–2: the template (with its instructions sheet and drop-downs), then the filled-in file. */
export function UploadStep({ config, onUploaded, onTemplate }: { config: ImportConfig; onUploaded: (job: ImportJob) => void; onTemplate: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const { download, pending } = useDownload();
  const [percent, setPercent] = useState<number | null>(null);

  const upload = async (file: File) => {
    if (!/\.xlsx$/i.test(file.name)) {
      message.error(t('import.onlyXlsx'));
      return;
    }
    if (file.size > maxBytesOf(config)) {
      message.error(t('import.tooLarge', { mb: config.maxMb ?? 50 }));
      return;
    }
    onTemplate();
    setPercent(0);
    try {
      const job = await importApi(config).upload(file, setPercent);
      onUploaded(job);
    } catch (err) {
      notifyError(err);
    } finally {
      setPercent(null);
    }
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Alert
        type="info"
        showIcon
        title={t('import.templateTitle')}
        description={config.labels.templateHelp}
        action={
          <Button
            icon={<DownloadOutlined />}
            loading={pending}
            onClick={async () => {
              if (await download(config.templatePath, undefined, config.labels.templateFileName)) onTemplate();
            }}
            data-testid="import-template"
          >
            {t('import.downloadTemplate')}
          </Button>
        }
      />
      <div data-testid="import-upload">
        <Upload.Dragger
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          multiple={false}
          showUploadList={false}
          disabled={percent !== null}
          beforeUpload={(file) => {
            void upload(file);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('import.dropHere')}</p>
          <p className="ant-upload-hint">{t('import.dropHint', { mb: config.maxMb ?? 50 })}</p>
        </Upload.Dragger>
      </div>
      {percent !== null && (
        <div data-testid="import-uploading">
          <Typography.Text type="secondary">{t('import.uploading')}</Typography.Text>
          <Progress percent={percent} status="active" />
        </div>
      )}
    </Space>
  );
}
