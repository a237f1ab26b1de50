import { Descriptions } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../i18n/index.ts';
import { useNetworkLabels } from '../../../i18n/network-labels.ts';
import { formatDate, formatDateTime, formatNumber } from '../../../shared/format.ts';
import type { GroupDetail } from '../api/groups.api.ts';
import { GroupStatusTag, RegistrationTag } from './GroupTags.tsx';

export function GroupInfo({ group, platformLinks }: { group: GroupDetail; platformLinks: boolean }) {
  const { t } = useI18n();
  const labels = useNetworkLabels();
  const dash = (v: string | null | undefined) => (v ? v : '—');
  return (
    <Descriptions column={{ xs: 1, md: 2, xl: 3 }} bordered size="small" data-testid="group-basic">
      <Descriptions.Item label={t('group.name')}>{group.name}</Descriptions.Item>
      <Descriptions.Item label={t('group.region')}>{dash(group.regionName)}</Descriptions.Item>
      <Descriptions.Item label={t('group.kind')}>{labels.name('groupKind', group.kind)}</Descriptions.Item>
      <Descriptions.Item label={t('group.registration')}>
        <RegistrationTag registration={group.registration} />
      </Descriptions.Item>
      <Descriptions.Item label={t('group.members')}>{formatNumber(group.members)}</Descriptions.Item>
      <Descriptions.Item label={t('group.establishedOn')}>{dash(formatDate(group.establishedOn))}</Descriptions.Item>
      <Descriptions.Item label={t('group.incubator')}>
        {group.incubatorId && group.incubatorName && platformLinks ? (
          <Link to={`/network/platforms/${group.incubatorId}`}>{group.incubatorName}</Link>
        ) : (
          dash(group.incubatorName)
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('group.contactName')}>{dash(group.contactName)}</Descriptions.Item>
      <Descriptions.Item label={t('group.contactPhone')}>{dash(group.contactPhone)}</Descriptions.Item>
      <Descriptions.Item label={t('group.status')}>
        <GroupStatusTag status={group.status} />
      </Descriptions.Item>
      <Descriptions.Item label={t('group.updatedAt')}>{formatDateTime(group.updatedAt, false)}</Descriptions.Item>
      <Descriptions.Item label={t('group.createdAt')}>{formatDateTime(group.createdAt, false)}</Descriptions.Item>
      <Descriptions.Item label={t('group.note')} span={3}>
        <span style={{ whiteSpace: 'pre-wrap' }}>{dash(group.note)}</span>
      </Descriptions.Item>
    </Descriptions>
  );
}
