import { Space, type TableColumnsType, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../i18n/index.ts';
import { useNetworkLabels } from '../../../i18n/network-labels.ts';
import { formatDate } from '../../../shared/format.ts';
import { regionColumn, rowActionsColumn } from '../../../shared/table/columns.tsx';
import { ListTable } from '../../../shared/table/ListTable.tsx';
import type { ListTableBaseProps } from '../../../shared/table/list-table-props.ts';
import { sortableBy } from '../../../shared/table/table-sort.ts';
import type { PlatformQuery, PlatformSort } from '../api/platforms.api.ts';
import type { PlatformListItem } from '../api/types.ts';
import { ChecklistProgress, DemoTag, PlatformStatusTag } from './PlatformTags.tsx';

type PlatformTableProps = ListTableBaseProps<PlatformListItem, PlatformQuery>;

/** Column key → server sort. */
const SORTS: Record<string, PlatformSort> = { name: 'name', regionName: 'region_code', openedOn: 'opened_on', updatedAt: 'updated_at' };

export function PlatformTable(props: PlatformTableProps) {
  const { query, canManage, onDelete, onImport, onCreate } = props;
  const { t } = useI18n();
  const labels = useNetworkLabels();
  const sortable = sortableBy(query, SORTS);

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
    regionColumn(t('platform.region'), sortable('regionName')),
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
    rowActionsColumn({ t, canManage, path: (r) => `/network/platforms/${r.id}`, testId: 'platform', onDelete }),
  ];

  return (
    <ListTable
      {...props}
      testId="platform"
      sorts={SORTS}
      columns={columns}
      empty={{
        filtered: t('platform.emptyFiltered'),
        canAdd: t('platform.emptyCanCreate'),
        none: t('platform.empty'),
        actions: [
          { label: t('platform.create'), onClick: onCreate, primary: true },
          { label: t('platform.import'), onClick: onImport },
        ],
      }}
    />
  );
}
