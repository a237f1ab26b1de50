import { Descriptions, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../../i18n/index.ts';
import { useNetworkLabels } from '../../../../i18n/network-labels.ts';
import { useTalentLabels } from '../../../../i18n/talent-labels.ts';
import { formatDate, formatDateTime } from '../../../../shared/format.ts';
import type { PlatformDetail } from '../../api/types.ts';
import { DemoTag, PlatformStatusTag } from '../PlatformTags.tsx';

/** 基本信息: every field of the record, code lists named. */
export function BasicTab({ platform: p }: { platform: PlatformDetail }) {
  const { t } = useI18n();
  const labels = useNetworkLabels();
  const talentLabels = useTalentLabels();
  const none = <Typography.Text type="secondary">{t('platform.notSet')}</Typography.Text>;
  const text = (v: string | null | undefined) => (v ? v : none);
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2, xl: 3 }}
      data-testid="platform-basic"
      items={[
        { key: 'kind', label: t('platform.kind'), children: labels.name('kind', p.kind) },
        { key: 'region', label: t('platform.region'), children: p.regionPath.map((r) => r.name).join(' / ') },
        { key: 'status', label: t('platform.status'), children: <PlatformStatusTag status={p.status} /> },
        { key: 'address', label: t('platform.address'), children: text(p.address), span: 2 },
        {
          key: 'lngLat',
          label: t('platform.lngLat'),
          children: p.lng !== null && p.lat !== null ? <span className="mono">{`${p.lng}, ${p.lat}`}</span> : none,
        },
        { key: 'openedOn', label: t('platform.openedOn'), children: text(formatDate(p.openedOn)) },
        {
          key: 'mode',
          label: t('platform.operatingMode'),
          children:
            p.operatingMode === 'agency' && p.agencyId ? (
              <Space size={4}>
                {labels.name('operatingMode', p.operatingMode)}
                <Link to={`/agencies/${p.agencyId}`}>{p.agencyName ?? p.agencyId}</Link>
              </Space>
            ) : (
              labels.name('operatingMode', p.operatingMode)
            ),
        },
        { key: 'source', label: t('platform.constructionSource'), children: text(labels.name('constructionSource', p.constructionSource)) },
        { key: 'floorArea', label: t('platform.floorArea'), children: p.floorArea ?? none },
        {
          key: 'rooms',
          label: t('platform.rooms'),
          children: t('platform.roomsCell', { a: p.roomsIndividual, b: p.roomsGroup, c: p.roomsActivity }),
        },
        { key: 'equipment', label: t('platform.equipment'), children: text(p.equipment) },
        {
          key: 'services',
          label: t('platform.services'),
          span: 3,
          children: p.services.length ? p.services.map((s) => <Tag key={s}>{labels.name('service', s)}</Tag>) : none,
        },
        { key: 'hours', label: t('platform.openingHours'), children: text(p.openingHours) },
        { key: 'contact', label: t('platform.contactName'), children: text(p.contactName) },
        { key: 'phone', label: t('platform.contactPhone'), children: text(p.contactPhone) },
        { key: 'public', label: t('platform.isPublic'), children: p.isPublic ? t('common.yes') : t('common.no') },
        { key: 'demo', label: t('platform.demo'), children: p.demoLevel ? <DemoTag level={p.demoLevel} year={p.demoYear} /> : none },
        { key: 'brand', label: t('platform.brand'), children: text(p.brand) },
        {
          key: 'honours',
          label: t('platform.honours'),
          span: 3,
          children: p.honours.length
            ? p.honours.map((h) => <div key={`${h.year}-${h.title}`}>{`${h.year} · ${talentLabels.name('honourLevel', h.level)} · ${h.title}`}</div>)
            : none,
        },
        { key: 'note', label: t('platform.note'), span: 3, children: text(p.note) },
        { key: 'createdAt', label: t('platform.createdAt'), children: formatDateTime(p.createdAt) },
        { key: 'updatedAt', label: t('platform.updatedAt'), children: formatDateTime(p.updatedAt) },
      ]}
    />
  );
}
