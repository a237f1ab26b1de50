/**
 * 批量导入 (UI.md "Import wizard"): 下载模板 → 上传文件 → 校验结果 → 确认导入 → 完成, for any import that
 * speaks the job protocol of import.api.ts. The job runs on the server: closing the wizard leaves it
 * running, and reopening picks it up again.
 *
 * Usage (one config per kind of record; labels are already translated):
 *
 *   const config: ImportConfig = {
 *     kind: 'agency',
 *     templatePath: '/agencies/template.xlsx',
 *     uploadPath: '/network-imports/agencies',
 *     jobPath: '/network-imports',
 *     invalidate: [agencyKeys.all],
 *     labels: { title: t('…'), templateHelp, templateFileName, willCreate, updateExisting: '…{n}…', doneSummary: '…{created}…{updated}…{skipped}…', toList },
 *   };
 *   <ImportWizard open={open} onClose={() => setOpen(false)} config={config} />
 *
 * Test ids (import-wizard, import-upload, import-counts, import-errors, import-next, import-commit,
 * import-done, import-to-list …) are the same for every kind.
 */
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Modal, Result, Spin, Steps } from 'antd';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { useI18n } from '../../i18n/index.ts';
import { useErrorText, useNotifyError } from '../errors.ts';
import { CommitStep } from './CommitStep.tsx';
import { DoneStep } from './DoneStep.tsx';
import { type ImportConfig, type ImportJob, importApi, importKeys } from './import.api.ts';
import { UploadStep } from './UploadStep.tsx';
import { rememberedJob, useImportJob } from './useImportJob.ts';
import { ValidationStep } from './ValidationStep.tsx';

export type { ImportConfig, ImportLabels } from './import.api.ts';

interface ImportWizardProps {
  open: boolean;
  onClose: () => void;
  config: ImportConfig;
}

export function ImportWizard({ open, onClose, config }: ImportWizardProps) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const notifyError = useNotifyError();
  const errorText = useErrorText();
  const remembered = useMemo(() => rememberedJob(config.kind), [config.kind]);
  const [jobId, setJobId] = useState<string | null>(() => remembered.get());
  const [confirming, setConfirming] = useState(false);
  const [committing, setCommitting] = useState(false);
  const [templateSeen, setTemplateSeen] = useState(false);
  const job = useImportJob(config, jobId);
  const refreshLists = () => Promise.all(config.invalidate.map((queryKey) => queryClient.invalidateQueries({ queryKey })));

  useEffect(() => remembered.set(jobId), [remembered, jobId]);
  // A job that finished while the list was not watching: the list may have changed.
  // biome-ignore lint/correctness/useExhaustiveDependencies: refreshLists follows config, which callers rebuild each render.
  useEffect(() => {
    if (job.data?.status === 'done') void refreshLists();
  }, [job.data?.status]);

  const restart = () => {
    setJobId(null);
    setConfirming(false);
  };
  const onUploaded = (j: ImportJob) => {
    queryClient.setQueryData(importKeys.job(config.kind, j.id), j);
    setJobId(j.id);
    setConfirming(false);
  };
  const commit = async (updateExisting: boolean) => {
    if (!jobId) return;
    setCommitting(true);
    try {
      const j = await importApi(config).commit(jobId, updateExisting);
      queryClient.setQueryData(importKeys.job(config.kind, j.id), j);
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
  if (!jobId) body = <UploadStep config={config} onUploaded={onUploaded} onTemplate={() => setTemplateSeen(true)} />;
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
        labels={config.labels}
        onList={() => {
          void refreshLists();
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
    body = <CommitStep job={data} labels={config.labels} committing={committing} onBack={() => setConfirming(false)} onCommit={commit} />;
  else body = <ValidationStep job={data} config={config} onReupload={restart} onNext={() => setConfirming(true)} />;

  return (
    <Modal open={open} onCancel={close} title={config.labels.title} width={880} footer={null} destroyOnHidden mask={{ closable: false }}>
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
