import { useMutation } from '@tanstack/react-query';
import { Alert, App, type ButtonProps, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { applyFieldErrors } from '../../../api/form-errors.ts';
import { useI18n } from '../../../i18n/index.ts';
import { useNotifyError } from '../../../shared/errors.ts';
import { RegionSelect } from '../../regions/components/RegionSelect.tsx';
import { type NewTransfer, workflowApi } from '../api/workflow.api.ts';

interface TransferRequestModalProps {
  /** Prefilled from the talent form; null = closed. */
  value: Partial<NewTransfer> | null;
  onClose: () => void;
  onDone: () => void;
}

/** 申请调入: the person is registered elsewhere; their current region's administrator decides. */
export function TransferRequestModal({ value, onClose, onDone }: TransferRequestModalProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<NewTransfer>();
  useEffect(() => {
    if (value) form.setFieldsValue({ reason: '', ...value });
  }, [form, value]);

  const send = useMutation({
    mutationFn: (v: NewTransfer) => workflowApi.requestTransfer({ ...v, reason: v.reason?.trim() ?? '' }),
    onSuccess: () => {
      message.success(t('transfer.requested'));
      onDone();
    },
    onError: (err) => {
      applyFieldErrors(form, err);
      notifyError(err);
    },
  });

  return (
    <Modal
      open={!!value}
      title={t('transfer.requestTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('transfer.submit')}
      okButtonProps={{ loading: send.isPending, 'data-testid': 'transfer-submit' } as ButtonProps}
      cancelText={t('common.cancel')}
      destroyOnHidden
      data-testid="transfer-modal"
    >
      <Alert type="info" showIcon title={t('transfer.requestHelp')} style={{ marginBottom: 16 }} />
      <Form<NewTransfer> form={form} layout="vertical" onFinish={(v) => send.mutate(v)} preserve={false}>
        <Form.Item name="name" label={t('talent.name')} rules={[{ required: true, whitespace: true, message: t('transfer.nameRequired') }]}>
          <Input maxLength={32} data-testid="transfer-name" />
        </Form.Item>
        <Form.Item name="idNumber" label={t('talent.idNumber')} rules={[{ required: true, whitespace: true, message: t('transfer.idRequired') }]}>
          <Input maxLength={18} className="mono" data-testid="transfer-id" />
        </Form.Item>
        <Form.Item name="toRegionCode" label={t('transfer.toRegion')} rules={[{ required: true, message: t('transfer.regionRequired') }]}>
          <RegionSelect minLevel={3} data-testid="transfer-region" />
        </Form.Item>
        <Form.Item name="reason" label={t('transfer.reason')} rules={[{ max: 200, message: t('transfer.reasonTooLong') }]}>
          <Input.TextArea rows={3} maxLength={200} showCount data-testid="transfer-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
