import { WarningOutlined } from '@ant-design/icons';
import { Space, Tag, Tooltip } from 'antd';
import { useI18n } from '../../../i18n/index.ts';
import { useNetworkLabels } from '../../../i18n/network-labels.ts';

/** 可承接 / 暂停承接 (the server decides eligibility from rating, status and records). */
export function EligibleTag({ eligible, reason, testId }: { eligible: boolean; reason?: string | null; testId?: string }) {
  const { t } = useI18n();
  const tag = (
    <Tag color={eligible ? 'green' : 'red'} data-testid={testId}>
      {eligible ? t('agency.eligibleYes') : t('agency.eligibleNo')}
    </Tag>
  );
  return reason ? <Tooltip title={reason}>{tag}</Tooltip> : tag;
}

export function AgencyStatusTag({ status }: { status: string }) {
  const labels = useNetworkLabels();
  return <Tag color={status === 'active' ? 'blue' : 'default'}>{labels.name('agencyStatus', status)}</Tag>;
}

export function AgencyTagList({ tags }: { tags: readonly string[] }) {
  const labels = useNetworkLabels();
  if (!tags.length) return <span>—</span>;
  return (
    <Space size={[0, 4]} wrap>
      {tags.map((c) => (
        <Tag key={c} color="geekblue">
          {labels.name('agencyTag', c)}
        </Tag>
      ))}
    </Space>
  );
}

/** The credit code, with a warning mark when an administrator accepted a wrong check character. */
export function CreditCode({ code, overridden, testId }: { code: string; overridden: boolean; testId?: string }) {
  const { t } = useI18n();
  return (
    <Space size={4}>
      <span className="mono">{code}</span>
      {overridden && (
        <Tooltip title={t('agency.creditOverriddenHint')}>
          <WarningOutlined style={{ color: '#d48806' }} aria-label={t('agency.creditOverridden')} data-testid={testId} />
        </Tooltip>
      )}
    </Space>
  );
}
