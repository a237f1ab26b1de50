import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Modal, Result, Spin, Steps } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { useI18n } from '../../../../i18n/index.ts';
import { useErrorText, useNotifyError } from '../../../../shared/errors.ts';
import { type ImportJob, importKeys, importsApi } from '../../api/imports.api.ts';
import { talentKeys } from '../../api/talents.api.ts';
import { rememberedJob, useImportJob } from '../../hooks/useImportJob.ts';
import { CommitStep } from './CommitStep.tsx';
import { DoneStep } from './DoneStep.tsx';
import { UploadStep } from './UploadStep.tsx';
import { ValidationStep } from './ValidationStep.tsx';

interface ImportWizardProps {
  open: boolean;
  onClose: () => void;
}

/**
 * 批量导入 (UI.md "Import wizard"): 下载模板 → 上传文件 → 校验结果 → 确认导入 → 完成. The job runs on
 * the server: closing the wizard leaves it running, and reopening picks it up again.
 */
export function ImportWizard({ open, onClose }: ImportWizardProps) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const notifyError = useNotifyError();
  const errorText = useErrorText();
  const [jobId, setJobId] = useState<string | null>(() => rememberedJob.get());
  const [confirming, setConfirming] = useState(false);
  const [committing, setCommitting] = useState(false);
  const [templateSeen, setTemplateSeen] = useState(false);
  const job = useImportJob(jobId);

  useEffect(() => rememberedJob.set(jobId), [jobId]);
  // A job that finished while the list was not watching: the list may have changed.
  useEffect(() => {
    if (job.data?.status === 'done') void queryClient.invalidateQueries({ queryKey: talentKeys.all });
  }, [job.data?.status, queryClient]);

  const restart = () => {
    setJobId(null);
    setConfirming(false);
  };
  const onUploaded = (j: ImportJob) => {
    queryClient.setQueryData(importKeys.job(j.id), j);
    setJobId(j.id);
    setConfirming(false);
  };
  const commit = async (updateExisting: boolean) => {
    if (!jobId) return;
    setCommitting(true);
    try {
      const j = await importsApi.commit(jobId, updateExisting);
      queryClient.setQueryData(importKeys.job(j.id), j);
    } catch (err) {
      notifyError(err);
    } finally {
      setCommitting(false);
    }
  };
  const close = () => {
    // A finished (or failed) job is not worth reopening.
    if (job.data && (job.data.status === 'done' || job.data.status === 'failed')) setJobId(null);
    onClose();
  };

  const data = job.data;
  const status = data?.status;
  const current = !jobId ? (templateSeen ? 1 : 0) : status === 'done' ? 4 : status === 'committing' || confirming ? 3 : 2;

  let body: ReactNode;
  if (!jobId) body = <UploadStep onUploaded={onUploaded} onTemplate={() => setTemplateSeen(true)} />;
  else if (job.isPending) body = <Spin />;
  else if (job.error || !data)
    body = (
      <Alert
        type="error"
        showIcon
        title={errorText(job.error)}
        action={
          <Button size="small" onClick={restart}>
            {t('import.reupload')}
          </Button>
        }
      />
    );
  else if (status === 'done')
    body = (
      <DoneStep
        job={data}
        onList={() => {
          void queryClient.invalidateQueries({ queryKey: talentKeys.all });
          setJobId(null);
          onClose();
        }}
        onAgain={restart}
      />
    );
  else if (status === 'failed' && !confirming)
    body = (
      <Result
        status="error"
        title={t('import.failed')}
        subTitle={data.message ?? undefined}
        data-testid="import-failed"
        extra={
          <Button type="primary" onClick={restart}>
            {t('import.reupload')}
          </Button>
        }
      />
    );
  else if (status === 'committing' || (confirming && status !== 'validating'))
    body = <CommitStep job={data} committing={committing} onBack={() => setConfirming(false)} onCommit={commit} />;
  else body = <ValidationStep job={data} onReupload={restart} onNext={() => setConfirming(true)} />;

  return (
    <Modal open={open} onCancel={close} title={t('import.title')} width={880} footer={null} destroyOnHidden mask={{ closable: false }}>
      <div data-testid="import-wizard">
        <Steps
          size="small"
          current={current}
          status={status === 'done' ? 'finish' : status === 'failed' && !confirming ? 'error' : 'process'}
          style={{ marginBottom: 24 }}
          items={[
            { title: t('import.step.template') },
            { title: t('import.step.upload') },
            { title: t('import.step.validate') },
            { title: t('import.step.commit') },
            { title: t('import.step.done') },
          ]}
        />
        {body}
      </div>
    </Modal>
  );
}
