import { Space, Tag } from 'antd';
import { useI18n } from '../../../i18n/index.ts';
import { useLabels } from '../../../i18n/labels.ts';

const DESIGNATION_COLORS: Record<string, string> = {
  rural_revitalization_key_county: 'orange',
  old_revolutionary_base: 'red',
  ethnic_minority_area: 'purple',
  remote_mountain_area: 'cyan',
  relocation_site: 'geekblue',
  three_areas: 'gold',
};

export function DesignationTags({ keys }: { keys: string[] }) {
  const labels = useLabels();
  if (!keys.length) return null;
  return (
    <Space size={[4, 4]} wrap>
      {keys.map((k) => (
        <Tag key={k} color={DESIGNATION_COLORS[k]} title={labels.designation(k)}>
          {labels.designationTag(k)}
        </Tag>
      ))}
    </Space>
  );
}

export function RegionStatusTag({ status, validTo }: { status: 'active' | 'revoked'; validTo?: string | null }) {
  const { t } = useI18n();
  return status === 'active' ? (
    <Tag color="success">{t('region.status.active')}</Tag>
  ) : (
    <Tag title={validTo ?? undefined}>
      {t('region.status.revoked')}
      {validTo ? ` ${validTo}` : ''}
    </Tag>
  );
}
