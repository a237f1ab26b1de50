import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Progress, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useDownload } from '../../../../api/download.ts';
import { useI18n } from '../../../../i18n/index.ts';
import { useNotifyError } from '../../../../shared/errors.ts';
import { IMPORT_MAX_BYTES, type ImportJob, importsApi } from '../../api/imports.api.ts';

/** Steps 1–2: the template (with its instructions sheet and drop-downs), then the filled-in file. */
export function UploadStep({ onUploaded, onTemplate }: { onUploaded: (job: ImportJob) => void; onTemplate: () => void }) {
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
    if (file.size > IMPORT_MAX_BYTES) {
      message.error(t('import.tooLarge', { mb: 50 }));
      return;
    }
    onTemplate();
    setPercent(0);
    try {
      const job = await importsApi.upload(file, setPercent);
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
        description={t('import.templateHelp')}
        action={
          <Button
            icon={<DownloadOutlined />}
            loading={pending}
            onClick={async () => {
              if (await download('/talents/template.xlsx', undefined, t('import.templateFileName'))) onTemplate();
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
          <p className="ant-upload-hint">{t('import.dropHint', { mb: 50 })}</p>
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
