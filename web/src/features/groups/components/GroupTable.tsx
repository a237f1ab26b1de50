import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../i18n/index.ts';
import { useNetworkLabels } from '../../../i18n/network-labels.ts';
import { formatDate, formatNumber } from '../../../shared/format.ts';
import { nameLinkColumn, regionColumn, rowActionsColumn, updatedAtColumn } from '../../../shared/table/columns.tsx';
import { ListTable } from '../../../shared/table/ListTable.tsx';
import type { ListTableBaseProps } from '../../../shared/table/list-table-props.ts';
import { sortableBy } from '../../../shared/table/table-sort.ts';
import type { GroupListItem, GroupQuery } from '../api/groups.api.ts';
import { GroupStatusTag, RegistrationTag } from './GroupTags.tsx';

interface GroupTableProps extends ListTableBaseProps<GroupListItem, GroupQuery> {
  platformLinks: boolean;
}

const SORTS: Record<string, string> = { name: 'name', regionName: 'region_code', members: 'members', updatedAt: 'updated_at' };

/** 社区社会组织 list table. */
export function GroupTable(props: GroupTableProps) {
  const { query, canManage, platformLinks, onDelete, onCreate, onImport } = props;
  const { t } = useI18n();
  const labels = useNetworkLabels();
  const sortable = sortableBy(query, SORTS);
  const columns: TableColumnsType<GroupListItem> = [
    nameLinkColumn(t('group.name'), sortable('name'), (r) => `/groups/${r.id}`, 'group'),
    regionColumn(t('group.region'), sortable('regionName')),
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
    updatedAtColumn(t('group.updatedAt'), sortable('updatedAt')),
    rowActionsColumn({ t, canManage, path: (r) => `/groups/${r.id}`, testId: 'group', onDelete }),
  ];

  return (
    <ListTable
      {...props}
      testId="group"
      sorts={SORTS}
      columns={columns}
      empty={{
        filtered: t('org.emptyFiltered'),
        canAdd: t('group.emptyCanCreate'),
        none: t('group.empty'),
        actions: [...(onImport ? [{ label: t('org.import'), onClick: onImport, primary: true }] : []), { label: t('group.create'), onClick: onCreate }],
      }}
    />
  );
}
