import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Space, Typography } from 'antd';
import { useI18n } from '../../../i18n/index.ts';

export interface OneTimePassword {
  username: string;
  displayName: string;
  password: string;
  kind: 'initial' | 'reset';
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard permission (plain http, old browser): the selection fallback.
    const area = document.createElement('textarea');
    area.value = text;
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

/** Shows a generated password exactly once, with a copy button; the user must change it at first login. */
export function OneTimePasswordModal({ value, onClose }: { value: OneTimePassword | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const copy = async () => {
    if (!value) return;
    if (await copyText(value.password)) message.success(t('user.otp.copied'));
    else message.warning(t('user.otp.copyFailed'));
  };
  return (
    <Modal
      open={!!value}
      title={value?.kind === 'initial' ? t('user.otp.initialTitle') : t('user.otp.resetTitle')}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      data-testid="one-time-password-modal"
      footer={
        <Space>
          <Button icon={<CopyOutlined />} onClick={copy} data-testid="copy-password">
            {t('user.otp.copy')}
          </Button>
          <Button type="primary" onClick={onClose} data-testid="one-time-password-done">
            {t('user.otp.done')}
          </Button>
        </Space>
      }
    >
      {value && (
        <>
          <Typography.Paragraph>{t('user.otp.for', { name: value.displayName, username: value.username })}</Typography.Paragraph>
          <Typography.Paragraph className="one-time-password mono" data-testid="one-time-password">
            {value.password}
          </Typography.Paragraph>
          <Alert type="warning" showIcon title={t('user.otp.onlyOnce')} description={t('user.otp.mustChange')} />
        </>
      )}
    </Modal>
  );
}
