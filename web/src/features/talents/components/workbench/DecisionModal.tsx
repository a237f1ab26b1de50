import { type ButtonProps, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../../i18n/index.ts';

export interface Decision {
  kind: 'approve' | 'reject';
  title: string;
  description?: string;
  run: (note: string) => Promise<void>;
}

/** 同意 / 驳回 with an optional note (≤ 200 characters); required when rejecting. */
export function DecisionModal({ value, onClose }: { value: Decision | null; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ note: string }>();
  const [busy, setBusy] = useState(false);
  const reject = value?.kind === 'reject';
  return (
    <Modal
      open={!!value}
      title={value?.title}
      onCancel={onClose}
      okText={reject ? t('workbench.reject') : t('workbench.approve')}
      okButtonProps={{ danger: reject, 'data-testid': 'decision-ok' } as ButtonProps}
      cancelText={t('common.cancel')}
      destroyOnHidden
      confirmLoading={busy}
      onOk={async () => {
        let note: string;
        try {
          note = (await form.validateFields()).note?.trim() ?? '';
        } catch {
          return;
        }
        setBusy(true);
        try {
          await value?.run(note);
          onClose();
        } catch {
          // run() has shown the error; the dialog stays open.
        } finally {
          setBusy(false);
        }
      }}
      data-testid="decision-modal"
    >
      {value?.description && <p>{value.description}</p>}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="note"
          label={reject ? t('workbench.rejectNote') : t('workbench.note')}
          rules={[
            { required: reject, whitespace: true, message: t('workbench.rejectNoteRequired') },
            { max: 200, message: t('workbench.noteTooLong') },
          ]}
        >
          <Input.TextArea rows={3} maxLength={200} showCount data-testid="decision-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
