import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, type ButtonProps, Form, Input, Modal } from 'antd';
import { phoneSchema } from '../../../../../../domain/talents/talent.schema.ts';
import { applyFieldErrors } from '../../../../api/form-errors.ts';
import { useI18n } from '../../../../i18n/index.ts';
import { useNotifyError } from '../../../../shared/errors.ts';
import '../../../../shared/zod-locale.ts';
import { emptyToNull, zodRule } from '../../../../shared/zod-rules.ts';
import { workflowApi, workflowKeys } from '../../api/workflow.api.ts';

/** 修改联系电话 of one's own record (empty = remove it). */
export function PhoneModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ phone: string }>();
  const save = useMutation({
    mutationFn: (phone: string) => workflowApi.updateMyPhone(phone.trim() ? phone.trim() : null),
    onSuccess: (detail) => {
      queryClient.setQueryData(workflowKeys.me, detail);
      message.success(t('me.phoneSaved'));
      onClose();
    },
    onError: (err) => {
      applyFieldErrors(form, err);
      notifyError(err);
    },
  });
  return (
    <Modal
      open={open}
      title={t('me.editPhone')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: save.isPending, 'data-testid': 'me-phone-save' } as ButtonProps}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v.phone ?? '')} preserve={false}>
        <Form.Item name="phone" label={t('talent.phone')} rules={[zodRule(phoneSchema.nullable(), emptyToNull)]} extra={t('me.phoneHelp')}>
          <Input inputMode="tel" maxLength={20} autoComplete="tel" data-testid="me-phone" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
