import { Descriptions } from 'antd';
import { useI18n } from '../../../../i18n/index.ts';
import { useNetworkLabels } from '../../../../i18n/network-labels.ts';
import { formatDate, formatDateTime, regionPathText } from '../../../../shared/format.ts';
import type { AgencyDetail } from '../../api/types.ts';
import { AgencyStatusTag, AgencyTagList, CreditCode, EligibleTag } from '../AgencyTags.tsx';

/** 基本信息: registration, rating, party organisation, contact and the eligibility the server decided. */
export function AgencyBasicInfo({ agency }: { agency: AgencyDetail }) {
  const { t } = useI18n();
  const labels = useNetworkLabels();
  const dash = (v: string | number | null | undefined) => (v === null || v === undefined || v === '' ? '—' : v);
  const eligibility = agency.eligible
    ? t('agency.eligibleYes')
    : [t('agency.eligibleNo'), agency.ineligibleYear ? `(${agency.ineligibleYear})` : '', agency.ineligibleReason ?? ''].filter(Boolean).join(' ');
  return (
    <Descriptions column={{ xs: 1, md: 2, xl: 3 }} bordered size="small" data-testid="agency-basic">
      <Descriptions.Item label={t('agency.name')}>{agency.name}</Descriptions.Item>
      <Descriptions.Item label={t('agency.creditCode')}>
        <CreditCode code={agency.creditCode} overridden={agency.creditCheckOverridden} testId="agency-detail-credit-warning" />
      </Descriptions.Item>
      <Descriptions.Item label={t('agency.region')}>{regionPathText(agency.regionPath)}</Descriptions.Item>
      <Descriptions.Item label={t('agency.registrationAuthority')}>{dash(agency.registrationAuthority)}</Descriptions.Item>
      <Descriptions.Item label={t('agency.registeredOn')}>{dash(formatDate(agency.registeredOn))}</Descriptions.Item>
      <Descriptions.Item label={t('agency.legalRep')}>{dash(agency.legalRep)}</Descriptions.Item>
      <Descriptions.Item label={t('agency.tags')}>
        <AgencyTagList tags={agency.tags} />
      </Descriptions.Item>
      <Descriptions.Item label={t('agency.rating')}>
        {agency.rating ? `${labels.name('rating', agency.rating)}${agency.ratingYear ? ` (${agency.ratingYear})` : ''}` : t('agency.ratingNone')}
      </Descriptions.Item>
      <Descriptions.Item label={t('agency.partyOrg')}>
        {agency.partyOrg ? `${t('common.yes')}${agency.partyOrgOn ? ` (${formatDate(agency.partyOrgOn)})` : ''}` : t('common.no')}
      </Descriptions.Item>
      <Descriptions.Item label={t('agency.contactPhone')}>{dash(agency.contactPhone)}</Descriptions.Item>
      <Descriptions.Item label={t('agency.address')} span={2}>
        {dash(agency.address)}
      </Descriptions.Item>
      <Descriptions.Item label={t('agency.status')}>
        <AgencyStatusTag status={agency.status} />
      </Descriptions.Item>
      <Descriptions.Item label={t('agency.eligible')}>
        <EligibleTag eligible={agency.eligible} reason={agency.eligible ? null : eligibility} testId="agency-detail-eligible" />
        {!agency.eligible && agency.ineligibleReason ? <span> {agency.ineligibleReason}</span> : null}
      </Descriptions.Item>
      <Descriptions.Item label={t('agency.staffCertified')}>{`${agency.staffCount} / ${agency.certifiedCount}`}</Descriptions.Item>
      <Descriptions.Item label={t('agency.updatedAt')}>{formatDateTime(agency.updatedAt, false)}</Descriptions.Item>
    </Descriptions>
  );
}
