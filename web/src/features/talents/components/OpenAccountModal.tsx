import { useMutation } from '@tanstack/react-query';
import { Alert, type ButtonProps, Form, Input, Modal } from 'antd';
import { applyFieldErrors } from '../../../api/form-errors.ts';
import { useI18n } from '../../../i18n/index.ts';
import { useNotifyError } from '../../../shared/errors.ts';
import type { TalentDetail } from '../api/talents.api.ts';
import { talentsApi } from '../api/talents.api.ts';

interface OpenAccountModalProps {
  talent: TalentDetail | null;
  onClose: () => void;
  onOpened: (username: string, password: string) => void;
}

/** 开通账号: a social-worker login bound to this record (own record, phone, submissions). */
export function OpenAccountModal({ talent, onClose, onOpened }: OpenAccountModalProps) {
  const { t } = useI18n();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<{ username: string }>();
  const open = useMutation({
    mutationFn: (username: string) => talentsApi.openAccount(talent?.id ?? '', username.trim()),
    onSuccess: (res) => onOpened(res.username, res.initialPassword),
    onError: (err) => {
      applyFieldErrors(form, err);
      notifyError(err);
    },
  });
  return (
    <Modal
      open={!!talent}
      title={t('talent.account.title', { name: talent?.name ?? '' })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('talent.account.submit')}
      okButtonProps={{ loading: open.isPending, 'data-testid': 'account-submit' } as ButtonProps}
      cancelText={t('common.cancel')}
      destroyOnHidden
      data-testid="account-modal"
    >
      <Alert type="info" showIcon title={t('talent.account.help')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" onFinish={(v) => open.mutate(v.username)} preserve={false}>
        <Form.Item
          name="username"
          label={t('user.username')}
          extra={t('user.usernameHelp')}
          rules={[
            { required: true, whitespace: true, message: t('user.usernameRequired') },
            { pattern: /^[A-Za-z0-9][A-Za-z0-9_.-]{2,31}$/, message: t('user.usernameFormat') },
          ]}
        >
          <Input maxLength={32} autoComplete="off" data-testid="account-username" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
