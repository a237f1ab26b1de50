import { Button, Empty, Space, Table, type TableColumnsType, type TablePaginationConfig, Tooltip, Typography } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { Link } from 'react-router';
import { useI18n } from '../../../i18n/index.ts';
import { formatDate, rowTestId } from '../../../shared/format.ts';
import type { PlatformQuery, PlatformSort } from '../api/platforms.api.ts';
import type { PlatformListItem } from '../api/types.ts';
import { useNetworkLabels } from '../hooks/useNetworkLabels.ts';
import { ChecklistProgress, DemoTag, PlatformStatusTag } from './PlatformTags.tsx';

interface PlatformTableProps {
  query: PlatformQuery;
  filtered: boolean;
  items: PlatformListItem[] | undefined;
  total: number;
  loading: boolean;
  canManage: boolean;
  onChange: (patch: Partial<PlatformQuery>) => void;
  onDelete: (p: PlatformListItem) => void;
  onImport: () => void;
  onCreate: () => void;
}

/** Column key → server sort. */
const SORTS: Record<string, PlatformSort> = { name: 'name', regionName: 'region_code', openedOn: 'opened_on', updatedAt: 'updated_at' };

export function PlatformTable({ query, filtered, items, total, loading, canManage, onChange, onDelete, onImport, onCreate }: PlatformTableProps) {
  const { t } = useI18n();
  const labels = useNetworkLabels();
  const sortable = (key: string) => ({
    key,
    sorter: true,
    sortOrder: query.sort === SORTS[key] ? (query.order === 'asc' ? ('ascend' as const) : ('descend' as const)) : null,
  });

  const columns: TableColumnsType<PlatformListItem> = [
    {
      title: t('platform.name'),
      dataIndex: 'name',
      fixed: 'left',
      ...sortable('name'),
      render: (v: string, r) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/network/platforms/${r.id}`} data-testid={`platform-link-${r.id}`}>
            {v}
          </Link>
          {r.brand && <Typography.Text type="secondary">{r.brand}</Typography.Text>}
        </Space>
      ),
    },
    { title: t('platform.kind'), dataIndex: 'kind', key: 'kind', render: (v: string) => labels.name('kindShort', v) },
    {
      title: t('platform.region'),
      dataIndex: 'regionName',
      ...sortable('regionName'),
      render: (v: string, r) => <Tooltip title={<span className="mono">{r.regionCode}</span>}>{v || r.regionCode}</Tooltip>,
    },
    { title: t('platform.status'), dataIndex: 'status', key: 'status', render: (v: string) => <PlatformStatusTag status={v} /> },
    {
      title: t('platform.operatingMode'),
      dataIndex: 'operatingMode',
      key: 'operatingMode',
      render: (v: string, r) =>
        v === 'agency' && r.agencyName ? (
          <Typography.Text style={{ maxWidth: 200 }} ellipsis={{ tooltip: r.agencyName }}>
            {r.agencyName}
          </Typography.Text>
        ) : (
          labels.name('operatingMode', v)
        ),
    },
    {
      title: t('platform.checklist'),
      key: 'checks',
      render: (_: unknown, r) => <ChecklistProgress met={r.checksMet} total={r.checksTotal} testId={`platform-checks-${r.id}`} />,
    },
    { title: t('platform.demo'), key: 'demo', render: (_: unknown, r) => <DemoTag level={r.demoLevel} year={r.demoYear} /> },
    {
      title: t('platform.staff'),
      key: 'staff',
      render: (_: unknown, r) => t('platform.staffCell', { fullTime: r.staffFullTime, certified: r.staffCertified }),
    },
    { title: t('platform.openedOn'), dataIndex: 'openedOn', ...sortable('openedOn'), render: (v: string | null) => formatDate(v) || '—' },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      width: canManage ? 150 : 70,
      render: (_: unknown, r) => (
        <Space size={0}>
          <Link to={`/network/platforms/${r.id}`}>
            <Button type="link" size="small" data-testid={`platform-view-${r.id}`}>
              {t('common.view')}
            </Button>
          </Link>
          {canManage && (
            <Link to={`/network/platforms/${r.id}/edit`}>
              <Button type="link" size="small" data-testid={`platform-edit-${r.id}`}>
                {t('common.edit')}
              </Button>
            </Link>
          )}
          {canManage && (
            <Button type="link" size="small" danger onClick={() => onDelete(r)} data-testid={`platform-delete-${r.id}`}>
              {t('common.delete')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  const onTableChange = (p: TablePaginationConfig, _f: unknown, sorter: SorterResult<PlatformListItem> | SorterResult<PlatformListItem>[]) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const sort = s?.order ? SORTS[String(s.columnKey)] : undefined;
    const pageSize = p.pageSize ?? query.pageSize;
    onChange({
      page: pageSize !== query.pageSize || sort !== query.sort ? 1 : (p.current ?? 1),
      pageSize,
      sort,
      order: sort ? (s?.order === 'ascend' ? 'asc' : 'desc') : undefined,
    });
  };

  return (
    <Table<PlatformListItem>
      rowKey="id"
      data-testid="platform-table"
      loading={loading}
      dataSource={items}
      columns={columns}
      onChange={onTableChange}
      onRow={(r) => rowTestId(`platform-row-${r.id}`)}
      scroll={{ x: 'max-content' }}
      pagination={{
        current: query.page,
        pageSize: query.pageSize,
        total,
        showSizeChanger: true,
        pageSizeOptions: [10, 20, 50, 100],
        showTotal: (n) => t('table.total', { total: n }),
      }}
      locale={{
        emptyText: (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={filtered ? t('platform.emptyFiltered') : canManage ? t('platform.emptyCanCreate') : t('platform.empty')}
            data-testid="platform-empty"
          >
            {!filtered && canManage && (
              <Space>
                <Button type="primary" onClick={onCreate}>
                  {t('platform.create')}
                </Button>
                <Button onClick={onImport}>{t('platform.import')}</Button>
              </Space>
            )}
          </Empty>
        ),
      }}
    />
  );
}
