import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { isWithin } from '../../../../../domain/standards/region-code.ts';
import { useI18n } from '../../../i18n/index.ts';
import { useLabels } from '../../../i18n/labels.ts';
import { formatNumber } from '../../../shared/format.ts';
import type { RegionDetail } from '../api/regions.api.ts';
import { DesignationTags, RegionStatusTag } from './RegionTags.tsx';

interface RegionDetailCardProps {
  detail: RegionDetail;
  scopeCode: string;
  canManage: boolean;
  onAddChild: () => void;
  onEdit: () => void;
  onRevoke: () => void;
}

export function RegionDetailCard({ detail, scopeCode, canManage, onAddChild, onEdit, onRevoke }: RegionDetailCardProps) {
  const { t } = useI18n();
  const labels = useLabels();
  const r = detail.region;
  const active = r.status === 'active';
  // Ancestors for the breadcrumb: 全国 only when it is all there is; links only inside the user's scope.
  const ancestors = detail.path.filter((p) => p.level > 0 || r.level === 0);
  const counts = Object.entries(detail.counts)
    .map(([level, n]) => ({ level: Number(level), n }))
    .filter((c) => c.level > r.level && c.n > 0)
    .sort((a, b) => a.level - b.level);

  return (
    <Card
      data-testid="region-detail"
      title={
        <Space size={8} wrap>
          <span>{r.name}</span>
          <Tag color="blue">{labels.level(r.level)}</Tag>
          <RegionStatusTag status={r.status} validTo={r.validTo} />
        </Space>
      }
      extra={
        canManage &&
        active && (
          <Space wrap>
            {r.level < 5 && (
              <Button type="primary" icon={<PlusOutlined />} onClick={onAddChild} data-testid="region-add-child">
                {t('region.addChild')}
              </Button>
            )}
            {r.level > 0 && (
              <Button icon={<EditOutlined />} onClick={onEdit} data-testid="region-edit">
                {t('common.edit')}
              </Button>
            )}
            {r.code !== scopeCode && (
              <Button danger icon={<DeleteOutlined />} onClick={onRevoke} data-testid="region-revoke">
                {t('region.revoke')}
              </Button>
            )}
          </Space>
        )
      }
    >
      {ancestors.length > 0 && (
        <Breadcrumb
          style={{ marginBottom: 12 }}
          items={[
            ...ancestors.map((p) => ({
              key: p.code,
              title: isWithin(p.code, scopeCode) ? <Link to={`/regions/${p.code}`}>{p.name}</Link> : p.name,
            })),
            { key: r.code, title: r.name },
          ]}
        />
      )}
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, sm: 1, md: 2, xxl: 3 }}
        styles={{ label: { whiteSpace: 'nowrap' } }}
        items={[
          {
            key: 'code',
            label: t('region.code'),
            children: (
              <Typography.Text className="mono" copyable>
                {r.code}
              </Typography.Text>
            ),
          },
          { key: 'level', label: t('region.level'), children: labels.level(r.level) },
          {
            key: 'population',
            label: t('region.population'),
            children:
              r.population === null ? (
                <Typography.Text type="secondary">{t('region.noPopulation')}</Typography.Text>
              ) : (
                <span>
                  {t('unit.persons', { n: formatNumber(r.population) })}
                  {r.populationSource && (
                    <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                      {t('region.populationSource', { source: labels.populationSource(r.populationSource) })}
                    </Typography.Text>
                  )}
                </span>
              ),
          },
          { key: 'urbanRural', label: t('region.urbanRuralClass'), children: labels.urbanRural(r.urbanRuralClass) || '—' },
          { key: 'validFrom', label: t('region.validFrom'), children: r.validFrom },
          { key: 'validTo', label: t('region.validTo'), children: r.validTo ?? '—' },
          {
            key: 'designations',
            label: t('region.designations'),
            span: 'filled',
            children: r.designations.length ? <DesignationTags keys={r.designations} /> : '—',
          },
          ...(r.replacedBy
            ? [
                {
                  key: 'replacedBy',
                  label: t('region.replacedBy'),
                  children: isWithin(r.replacedBy, scopeCode) ? <Link to={`/regions/${r.replacedBy}`}>{r.replacedBy}</Link> : r.replacedBy,
                },
              ]
            : []),
          {
            key: 'counts',
            label: t('region.subtree'),
            span: 'filled',
            children: counts.length
              ? counts.map((c) => t('region.countAtLevel', { level: labels.level(c.level), n: formatNumber(c.n) })).join(' · ')
              : t('region.noChildren'),
          },
        ]}
      />
    </Card>
  );
}
