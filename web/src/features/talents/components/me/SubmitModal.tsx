import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, type ButtonProps, Form, Input, InputNumber, Modal, Select } from 'antd';
import { certificateSchema, trainingSchema } from '../../../../../../domain/talents/talent.schema.ts';
import { applyFieldErrors } from '../../../../api/form-errors.ts';
import { useI18n } from '../../../../i18n/index.ts';
import { useTalentLabels } from '../../../../i18n/talent-labels.ts';
import { DateStringPicker } from '../../../../shared/DateStringPicker.tsx';
import { useNotifyError } from '../../../../shared/errors.ts';
import '../../../../shared/zod-locale.ts';
import { emptyToNull, zodRule } from '../../../../shared/zod-rules.ts';
import { type NewSubmission, workflowApi, workflowKeys } from '../../api/workflow.api.ts';

export type SubmitKind = 'certificate' | 'training';

const cert = certificateSchema.shape;
const training = trainingSchema.shape;

/** 申报证书 / 申报培训学时: checked like the server checks them; counted once an administrator approves. */
export function SubmitModal({ kind, onClose }: { kind: SubmitKind | null; onClose: () => void }) {
  const { t } = useI18n();
  const labels = useTalentLabels();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const [form] = Form.useForm();
  const send = useMutation({
    mutationFn: (body: NewSubmission) => workflowApi.submit(body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: workflowKeys.mySubmissions });
      message.success(t('me.submitted'));
      onClose();
    },
    onError: (err) => {
      // The server names fields as certificate.certificateNo / training.hours.
      applyFieldErrors(form, err, {
        'certificate.certificateNo': 'certificateNo',
        'training.hours': 'hours',
        'training.date': 'date',
        'training.title': 'title',
      });
      notifyError(err);
    },
  });
  const submit = (v: Record<string, unknown>) => {
    if (kind === 'certificate') {
      const parsed = certificateSchema.safeParse({ registeredOn: null, reregisteredOn: null, ...v });
      if (parsed.success) send.mutate({ kind, certificate: parsed.data });
    } else if (kind === 'training') {
      const parsed = trainingSchema.safeParse(v);
      if (parsed.success) send.mutate({ kind, training: parsed.data });
    }
  };

  return (
    <Modal
      open={!!kind}
      title={kind === 'certificate' ? t('me.submitCertificate') : t('me.submitTraining')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('me.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: send.isPending, 'data-testid': 'me-submit-ok' } as ButtonProps}
      destroyOnHidden
      data-testid="me-submit-modal"
    >
      <Alert type="info" showIcon title={t('me.submitHelp')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        {kind === 'certificate' ? (
          <>
            <Form.Item name="level" label={t('talent.cert.level')} required rules={[zodRule(cert.level)]}>
              <Select options={labels.options('certificateLevel')} data-testid="me-cert-level" />
            </Form.Item>
            <Form.Item name="certificateNo" label={t('talent.cert.no')} required rules={[zodRule(cert.certificateNo)]}>
              <Input maxLength={40} data-testid="me-cert-no" />
            </Form.Item>
            <Form.Item name="obtainedYear" label={t('talent.cert.year')} required rules={[zodRule(cert.obtainedYear)]}>
              <InputNumber min={1950} max={2100} precision={0} style={{ width: '100%' }} inputMode="numeric" data-testid="me-cert-year" />
            </Form.Item>
            <Form.Item name="registeredOn" label={t('talent.cert.registeredOn')} rules={[zodRule(cert.registeredOn, emptyToNull)]}>
              <DateStringPicker />
            </Form.Item>
          </>
        ) : (
          <>
            <Form.Item name="date" label={t('talent.training.date')} required rules={[zodRule(training.date)]}>
              <DateStringPicker data-testid="me-training-date" />
            </Form.Item>
            <Form.Item name="hours" label={t('talent.training.hours')} required rules={[zodRule(training.hours)]}>
              <InputNumber min={0} max={500} style={{ width: '100%' }} inputMode="decimal" data-testid="me-training-hours" />
            </Form.Item>
            <Form.Item name="title" label={t('talent.training.title')} required rules={[zodRule(training.title)]}>
              <Input maxLength={100} data-testid="me-training-title" />
            </Form.Item>
            <Form.Item name="organizer" label={t('talent.training.organizer')} rules={[zodRule(training.organizer)]}>
              <Input maxLength={100} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
