import { Descriptions, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../../i18n/index.ts';
import { useTalentLabels } from '../../../../i18n/talent-labels.ts';
import { useNotifyError } from '../../../../shared/errors.ts';
import { formatDateTime } from '../../../../shared/format.ts';
import { type TalentDetail, talentsApi } from '../../api/talents.api.ts';
import { KeyTalentTag, TalentStatusTag, TierTag, YouthTag } from '../TalentTags.tsx';
import { MaskedField } from './MaskedField.tsx';

/** 基本信息: identity (masked, revealable), origin, work region path, categories, key-talent reasons. */
export function BasicInfoTab({ talent, canReveal }: { talent: TalentDetail; canReveal: boolean }) {
  const { t } = useI18n();
  const labels = useTalentLabels();
  const notifyError = useNotifyError();
  const [revealed, setRevealed] = useState<{ idNumber: string; phone: string | null } | null>(null);
  const [shown, setShown] = useState(false);
  const [loading, setLoading] = useState(false);

  const toggle = async () => {
    if (shown) return setShown(false);
    if (revealed) return setShown(true);
    setLoading(true);
    try {
      setRevealed(await talentsApi.reveal(talent.id));
      setShown(true);
    } catch (err) {
      notifyError(err);
    } finally {
      setLoading(false);
    }
  };
  const reveal = canReveal ? toggle : undefined;
  const path = talent.regionPath.map((r) => r.name).join(' / ');

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {talent.isKey && (
        <div className="key-reasons" data-testid="talent-key-reasons">
          <Typography.Text strong>{t('talent.keyReasons')}</Typography.Text>
          <ul>
            {talent.keyReasons.map((r) => (
              <li key={r.ruleId}>{r.label}</li>
            ))}
          </ul>
          {talent.keySince && <Typography.Text type="secondary">{t('talent.keySince', { date: talent.keySince })}</Typography.Text>}
        </div>
      )}
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, sm: 1, md: 2, xl: 3 }}
        data-testid="talent-basic"
        items={[
          { key: 'name', label: t('talent.name'), children: talent.name },
          {
            key: 'id',
            label: t('talent.idNumber'),
            children: (
              <MaskedField
                masked={talent.idNumberMasked}
                full={revealed?.idNumber}
                shown={shown}
                onToggle={reveal}
                loading={loading}
                testId="talent-id-number"
              />
            ),
          },
          { key: 'sex', label: t('talent.sex'), children: labels.name('sex', talent.sex) },
          {
            key: 'birth',
            label: t('talent.birthDate'),
            children: (
              <Space size={4}>
                {talent.birthDate}
                <Typography.Text type="secondary">{t('talent.ageYears', { age: talent.age })}</Typography.Text>
                {talent.youth && <YouthTag />}
              </Space>
            ),
          },
          { key: 'ethnicity', label: t('talent.ethnicity'), children: labels.name('ethnicity', talent.ethnicity) },
          { key: 'native', label: t('talent.nativePlace'), children: talent.nativePlaceName ?? talent.nativePlace ?? '—' },
          {
            key: 'phone',
            label: t('talent.phone'),
            children: (
              <MaskedField masked={talent.phoneMasked} full={revealed?.phone} shown={shown} onToggle={reveal} loading={loading} testId="talent-phone" />
            ),
          },
          { key: 'party', label: t('talent.partyMember'), children: talent.partyMember ? t('common.yes') : t('common.no') },
          { key: 'status', label: t('talent.status'), children: <TalentStatusTag status={talent.status} /> },
          {
            key: 'region',
            label: t('talent.workRegion'),
            // Two columns on wide screens, one on phones: a fixed 2 breaks the one-column layout.
            span: { xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 },
            children: (
              <Space size={4} wrap>
                <span data-testid="talent-region-path">{path}</span>
                {talent.urbanRural && <Tag>{labels.name('urbanRural', talent.urbanRural)}</Tag>}
              </Space>
            ),
          },
          {
            key: 'tier',
            label: t('talent.tier'),
            children: (
              <Space size={4}>
                <TierTag tier={talent.tier} />
                {talent.isKey && <KeyTalentTag reasons={talent.keyReasons} />}
              </Space>
            ),
          },
          { key: 'categories', label: t('talent.category'), children: labels.names('category', talent.categories) || '—' },
          { key: 'fields', label: t('talent.field'), children: labels.names('field', talent.fields) || '—' },
          { key: 'roles', label: t('talent.role'), children: labels.names('role', talent.roles) || '—' },
          { key: 'education', label: t('talent.educationLevel'), children: labels.name('education', talent.educationLevel) || '—' },
          { key: 'created', label: t('talent.createdAt'), children: formatDateTime(talent.createdAt, false) },
          { key: 'updated', label: t('talent.updatedAt'), children: formatDateTime(talent.updatedAt, false) },
        ]}
      />
    </Space>
  );
}
