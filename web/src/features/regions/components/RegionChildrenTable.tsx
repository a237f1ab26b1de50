import { Button, Card, Empty, Space, Switch, Table, type TableColumnsType, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../i18n/index.ts';
import { useLabels } from '../../../i18n/labels.ts';
import { formatNumber } from '../../../shared/format.ts';
import type { RegionChild } from '../api/regions.api.ts';
import { DesignationTags, RegionStatusTag } from './RegionTags.tsx';

interface RegionChildrenTableProps {
  items: RegionChild[] | undefined;
  loading: boolean;
  canManage: boolean;
  canAdd: boolean;
  includeRevoked: boolean;
  onIncludeRevokedChange: (value: boolean) => void;
  onView: (code: string) => void;
  onEdit: (region: RegionChild) => void;
  onRevoke: (region: RegionChild) => void;
  onAdd: () => void;
}

export function RegionChildrenTable(props: RegionChildrenTableProps) {
  const { items, loading, canManage, canAdd, includeRevoked, onIncludeRevokedChange, onView, onEdit, onRevoke, onAdd } = props;
  const { t } = useI18n();
  const labels = useLabels();
  const showUrbanRural = (items ?? []).some((r) => r.urbanRuralClass);

  const columns: TableColumnsType<RegionChild> = [
    {
      title: t('region.code'),
      dataIndex: 'code',
      sorter: (a, b) => a.code.localeCompare(b.code),
      render: (v: string) => <span className="mono">{v}</span>,
    },
    {
      title: t('region.name'),
      dataIndex: 'name',
      sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
      render: (v: string, r) => <Link to={`/regions/${r.code}`}>{v}</Link>,
    },
    { title: t('region.level'), dataIndex: 'level', render: (v: number) => labels.level(v) },
    {
      title: t('region.childCount'),
      dataIndex: 'childCount',
      align: 'right',
      sorter: (a, b) => a.childCount - b.childCount,
      render: (v: number) => formatNumber(v),
    },
    {
      title: t('region.population'),
      dataIndex: 'population',
      align: 'right',
      sorter: (a, b) => (a.population ?? -1) - (b.population ?? -1),
      render: (v: number | null) => (v === null ? <Typography.Text type="secondary">—</Typography.Text> : formatNumber(v)),
    },
    ...(showUrbanRural
      ? [{ title: t('region.urbanRuralClass'), dataIndex: 'urbanRuralClass', render: (v: string | null) => labels.urbanRural(v) || '—' }]
      : []),
    { title: t('region.designations'), dataIndex: 'designations', render: (v: string[]) => (v.length ? <DesignationTags keys={v} /> : '—') },
    {
      title: t('region.status'),
      dataIndex: 'status',
      render: (v: 'active' | 'revoked', r) => <RegionStatusTag status={v} validTo={r.validTo} />,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: canManage ? 160 : 70,
      fixed: 'right',
      render: (_: unknown, r) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => onView(r.code)} data-testid={`region-view-${r.code}`}>
            {t('common.view')}
          </Button>
          {canManage && r.status === 'active' && (
            <>
              <Button type="link" size="small" onClick={() => onEdit(r)} data-testid={`region-edit-${r.code}`}>
                {t('common.edit')}
              </Button>
              <Button type="link" size="small" danger onClick={() => onRevoke(r)} data-testid={`region-revoke-${r.code}`}>
                {t('region.revoke')}
              </Button>
            </>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={t('region.children', { n: items?.length ?? 0 })}
      style={{ marginTop: 16 }}
      extra={
        <Space wrap>
          <Space size={6}>
            <Switch size="small" checked={includeRevoked} onChange={onIncludeRevokedChange} data-testid="region-include-revoked" />
            <span>{t('region.showRevoked')}</span>
          </Space>
        </Space>
      }
    >
      <Table<RegionChild>
        rowKey="code"
        size="small"
        data-testid="region-children-table"
        loading={loading}
        dataSource={items}
        columns={columns}
        scroll={{ x: 'max-content' }}
        pagination={{
          defaultPageSize: 20,
          pageSizeOptions: [10, 20, 50, 100],
          showSizeChanger: true,
          showTotal: (total) => t('table.total', { total }),
          hideOnSinglePage: false,
        }}
        locale={{
          emptyText: (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={canAdd ? t('region.emptyChildrenCanAdd') : t('region.emptyChildren')}>
              {canAdd && (
                <Button type="primary" onClick={onAdd}>
                  {t('region.addChild')}
                </Button>
              )}
            </Empty>
          ),
        }}
      />
    </Card>
  );
}
