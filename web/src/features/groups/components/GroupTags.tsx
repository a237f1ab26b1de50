import { Tag } from 'antd';
import { useOrgLabels } from '../../agencies/labels.ts';

export function GroupStatusTag({ status }: { status: string }) {
  const labels = useOrgLabels();
  return <Tag color={status === 'active' ? 'green' : 'default'}>{labels.name('groupStatus', status)}</Tag>;
}

export function RegistrationTag({ registration }: { registration: string }) {
  const labels = useOrgLabels();
  return <Tag color={registration === 'registered' ? 'blue' : 'purple'}>{labels.name('registration', registration)}</Tag>;
}
