import { Tag } from 'antd';
import { useI18n } from '../../../i18n/index.ts';

const COLORS: Record<string, string> = {
  create: 'blue',
  update: 'gold',
  revoke: 'volcano',
  delete: 'volcano',
  disable: 'red',
  enable: 'green',
  password_reset: 'purple',
  password_change: 'purple',
  login: 'green',
  login_failed: 'red',
  lockout: 'magenta',
  logout: 'default',
  session_expired: 'default',
  reveal: 'orange',
  export: 'cyan',
  import: 'geekblue',
  merge: 'purple',
  dismiss_duplicate: 'default',
  transfer_request: 'blue',
  transfer_approve: 'green',
  transfer_reject: 'red',
  submit: 'blue',
  approve: 'green',
  reject: 'red',
  account_link: 'purple',
};

export function ActionTag({ action }: { action: string }) {
  const { tx } = useI18n();
  return <Tag color={COLORS[action] ?? 'default'}>{tx(`audit.action.${action}`, action)}</Tag>;
}

/** 用户 / 区划 … for an entity type. */
export function useEntityTypeName(): (type: string) => string {
  const { tx } = useI18n();
  return (type: string) => tx(`audit.entity.${type}`, type);
}
