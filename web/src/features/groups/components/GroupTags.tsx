import { Tag } from 'antd';
import { useNetworkLabels } from '../../../i18n/network-labels.ts';

export function GroupStatusTag({ status }: { status: string }) {
  const labels = useNetworkLabels();
  return <Tag color={status === 'active' ? 'green' : 'default'}>{labels.name('groupStatus', status)}</Tag>;
}

export function RegistrationTag({ registration }: { registration: string }) {
  const labels = useNetworkLabels();
  return <Tag color={registration === 'registered' ? 'blue' : 'purple'}>{labels.name('registration', registration)}</Tag>;
}
