import { Button, Empty, Space, Table, type TableColumnsType, type TablePaginationConfig, Tooltip } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { Link } from 'react-router';
import { useI18n } from '../../../i18n/index.ts';
import { formatDate, formatDateTime, formatNumber, rowTestId } from '../../../shared/format.ts';
import { useOrgLabels } from '../../agencies/labels.ts';
import type { GroupListItem, GroupQuery } from '../api/groups.api.ts';
import { GroupStatusTag, RegistrationTag } from './GroupTags.tsx';

interface GroupTableProps {
  query: GroupQuery;
  filtered: boolean;
  items: GroupListItem[] | undefined;
  total: number;
  loading: boolean;
  canManage: boolean;
  platformLinks: boolean;
  onChange: (patch: Partial<GroupQuery>) => void;
  onDelete: (g: GroupListItem) => void;
  onCreate: () => void;
  onImport?: () => void;
}

const SORTS: Record<string, string> = { name: 'name', regionName: 'region_code', members: 'members', updatedAt: 'updated_at' };

/** 社区社会组织 list table. */
export function GroupTable({ query, filtered, items, total, loading, canManage, platformLinks, onChange, onDelete, onCreate, onImport }: GroupTableProps) {
  const { t } = useI18n();
  const labels = useOrgLabels();
  const sortable = (key: string) => ({
    key,
    sorter: true,
    sortOrder: query.sort === SORTS[key] ? (query.order === 'asc' ? ('ascend' as const) : ('descend' as const)) : null,
  });
  const columns: TableColumnsType<GroupListItem> = [
    {
      title: t('group.name'),
      dataIndex: 'name',
      fixed: 'left',
      ...sortable('name'),
      render: (v: string, r) => (
        <Link to={`/groups/${r.id}`} data-testid={`group-link-${r.id}`}>
          {v}
        </Link>
      ),
    },
    {
      title: t('group.region'),
      dataIndex: 'regionName',
      ...sortable('regionName'),
      render: (v: string | null, r) => <Tooltip title={<span className="mono">{r.regionCode}</span>}>{v ?? r.regionCode}</Tooltip>,
    },
    { title: t('group.kind'), dataIndex: 'kind', render: (v: string) => labels.name('groupKind', v) },
    { title: t('group.members'), dataIndex: 'members', align: 'right', ...sortable('members'), render: (v: number) => formatNumber(v) },
    { title: t('group.registration'), dataIndex: 'registration', render: (v: string) => <RegistrationTag registration={v} /> },
    {
      title: t('group.incubator'),
      dataIndex: 'incubatorName',
      render: (v: string | null, r) => (v && r.incubatorId && platformLinks ? <Link to={`/network/platforms/${r.incubatorId}`}>{v}</Link> : (v ?? '—')),
    },
    { title: t('group.establishedOn'), dataIndex: 'establishedOn', render: (v: string | null) => formatDate(v) || '—' },
    { title: t('group.status'), dataIndex: 'status', render: (v: string) => <GroupStatusTag status={v} /> },
    { title: t('group.updatedAt'), dataIndex: 'updatedAt', ...sortable('updatedAt'), render: (v: string) => formatDateTime(v, false) },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      width: canManage ? 150 : 70,
      render: (_: unknown, r) => (
        <Space size={0}>
          <Link to={`/groups/${r.id}`}>
            <Button type="link" size="small" data-testid={`group-view-${r.id}`}>
              {t('common.view')}
            </Button>
          </Link>
          {canManage && (
            <Link to={`/groups/${r.id}/edit`}>
              <Button type="link" size="small" data-testid={`group-edit-${r.id}`}>
                {t('common.edit')}
              </Button>
            </Link>
          )}
          {canManage && (
            <Button type="link" size="small" danger onClick={() => onDelete(r)} data-testid={`group-delete-${r.id}`}>
              {t('common.delete')}
            </Button>
          )}
        </Space>
      ),
    },
  ];
  const onTableChange = (p: TablePaginationConfig, _f: unknown, sorter: SorterResult<GroupListItem> | SorterResult<GroupListItem>[]) => {
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
    <Table<GroupListItem>
      rowKey="id"
      data-testid="group-table"
      loading={loading}
      dataSource={items}
      columns={columns}
      onChange={onTableChange}
      onRow={(r) => rowTestId(`group-row-${r.id}`)}
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
            description={filtered ? t('org.emptyFiltered') : canManage ? t('group.emptyCanCreate') : t('group.empty')}
            data-testid="group-empty"
          >
            {!filtered && canManage && (
              <Space>
                {onImport && (
                  <Button type="primary" onClick={onImport}>
                    {t('org.import')}
                  </Button>
                )}
                <Button onClick={onCreate}>{t('group.create')}</Button>
              </Space>
            )}
          </Empty>
        ),
      }}
    />
  );
}
