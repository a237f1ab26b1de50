import { Button, Empty, Space, Table, type TableColumnsType, type TablePaginationConfig, Tooltip } from 'antd';
import type { SizeType } from 'antd/es/config-provider/SizeContext';
import type { SorterResult } from 'antd/es/table/interface';
import { Link } from 'react-router';
import { useI18n } from '../../../i18n/index.ts';
import { formatDateTime, formatNumber, rowTestId } from '../../../shared/format.ts';
import type { AgencyListItem, AgencyQuery, AgencySort } from '../api/types.ts';
import { useOrgLabels } from '../labels.ts';
import { AgencyStatusTag, AgencyTagList, CreditCode, EligibleTag } from './AgencyTags.tsx';

interface AgencyTableProps {
  query: AgencyQuery;
  filtered: boolean;
  items: AgencyListItem[] | undefined;
  total: number;
  loading: boolean;
  canManage: boolean;
  hidden: ReadonlySet<string>;
  size: SizeType;
  onChange: (patch: Partial<AgencyQuery>) => void;
  onDelete: (a: AgencyListItem) => void;
  onCreate: () => void;
  onImport?: () => void;
}

const SORTS: Record<string, AgencySort> = { name: 'name', regionName: 'region_code', rating: 'rating', updatedAt: 'updated_at' };

export function useAgencyColumnTitles(): { key: string; title: string }[] {
  const { t } = useI18n();
  return [
    { key: 'creditCode', title: t('agency.creditCode') },
    { key: 'regionName', title: t('agency.region') },
    { key: 'legalRep', title: t('agency.legalRep') },
    { key: 'tags', title: t('agency.tags') },
    { key: 'rating', title: t('agency.rating') },
    { key: 'partyOrg', title: t('agency.partyOrg') },
    { key: 'staff', title: t('agency.staffCertified') },
    { key: 'platformCount', title: t('agency.platformCount') },
    { key: 'eligible', title: t('agency.eligible') },
    { key: 'status', title: t('agency.status') },
    { key: 'updatedAt', title: t('agency.updatedAt') },
  ];
}

/** 社工机构 list table: name → detail, credit code with the override mark, counts, eligibility. */
export function AgencyTable(props: AgencyTableProps) {
  const { query, filtered, items, total, loading, canManage, hidden, size, onChange, onDelete, onCreate, onImport } = props;
  const { t } = useI18n();
  const labels = useOrgLabels();
  const sortable = (key: string) => ({
    key,
    sorter: true,
    sortOrder: query.sort === SORTS[key] ? (query.order === 'asc' ? ('ascend' as const) : ('descend' as const)) : null,
  });

  const columns: TableColumnsType<AgencyListItem> = [
    {
      title: t('agency.name'),
      dataIndex: 'name',
      fixed: 'left',
      ...sortable('name'),
      render: (v: string, r) => (
        <Link to={`/agencies/${r.id}`} data-testid={`agency-link-${r.id}`}>
          {v}
        </Link>
      ),
    },
    {
      title: t('agency.creditCode'),
      dataIndex: 'creditCode',
      key: 'creditCode',
      render: (v: string, r) => <CreditCode code={v} overridden={r.creditCheckOverridden} testId={`agency-credit-warning-${r.id}`} />,
    },
    {
      title: t('agency.region'),
      dataIndex: 'regionName',
      ...sortable('regionName'),
      render: (v: string | null, r) => <Tooltip title={<span className="mono">{r.regionCode}</span>}>{v ?? r.regionCode}</Tooltip>,
    },
    { title: t('agency.legalRep'), dataIndex: 'legalRep', key: 'legalRep', render: (v: string) => v || '—' },
    { title: t('agency.tags'), dataIndex: 'tags', key: 'tags', render: (v: string[]) => <AgencyTagList tags={v} /> },
    {
      title: t('agency.rating'),
      dataIndex: 'rating',
      ...sortable('rating'),
      render: (v: string | null, r) => (v ? `${labels.name('rating', v)}${r.ratingYear ? ` (${r.ratingYear})` : ''}` : '—'),
    },
    { title: t('agency.partyOrg'), dataIndex: 'partyOrg', key: 'partyOrg', render: (v: boolean) => (v ? t('common.yes') : t('common.no')) },
    {
      title: t('agency.staffCertified'),
      key: 'staff',
      align: 'right',
      render: (_: unknown, r) => `${formatNumber(r.staffCount)} / ${formatNumber(r.certifiedCount)}`,
    },
    { title: t('agency.platformCount'), dataIndex: 'platformCount', key: 'platformCount', align: 'right', render: (v: number) => formatNumber(v) },
    {
      title: t('agency.eligible'),
      dataIndex: 'eligible',
      key: 'eligible',
      render: (v: boolean, r) => <EligibleTag eligible={v} testId={`agency-eligible-${r.id}`} />,
    },
    { title: t('agency.status'), dataIndex: 'status', key: 'status', render: (v: string) => <AgencyStatusTag status={v} /> },
    { title: t('agency.updatedAt'), dataIndex: 'updatedAt', ...sortable('updatedAt'), render: (v: string) => formatDateTime(v, false) },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      width: canManage ? 150 : 70,
      render: (_: unknown, r) => (
        <Space size={0}>
          <Link to={`/agencies/${r.id}`}>
            <Button type="link" size="small" data-testid={`agency-view-${r.id}`}>
              {t('common.view')}
            </Button>
          </Link>
          {canManage && (
            <Link to={`/agencies/${r.id}/edit`}>
              <Button type="link" size="small" data-testid={`agency-edit-${r.id}`}>
                {t('common.edit')}
              </Button>
            </Link>
          )}
          {canManage && (
            <Button type="link" size="small" danger onClick={() => onDelete(r)} data-testid={`agency-delete-${r.id}`}>
              {t('common.delete')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  const onTableChange = (p: TablePaginationConfig, _f: unknown, sorter: SorterResult<AgencyListItem> | SorterResult<AgencyListItem>[]) => {
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
    <Table<AgencyListItem>
      rowKey="id"
      data-testid="agency-table"
      size={size}
      loading={loading}
      dataSource={items}
      columns={columns.filter((c) => !hidden.has(String(c.key)))}
      onChange={onTableChange}
      onRow={(r) => rowTestId(`agency-row-${r.id}`)}
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
            description={filtered ? t('org.emptyFiltered') : canManage ? t('agency.emptyCanCreate') : t('agency.empty')}
            data-testid="agency-empty"
          >
            {!filtered && canManage && (
              <Space>
                {onImport && (
                  <Button type="primary" onClick={onImport}>
                    {t('org.import')}
                  </Button>
                )}
                <Button onClick={onCreate}>{t('agency.create')}</Button>
              </Space>
            )}
          </Empty>
        ),
      }}
    />
  );
}
