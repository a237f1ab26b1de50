import { type TableColumnsType, Typography } from 'antd';
import type { SizeType } from 'antd/es/config-provider/SizeContext';
import { Link } from 'react-router';
import { useI18n } from '../../../i18n/index.ts';
import { useTalentLabels } from '../../../i18n/talent-labels.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { regionColumn, rowActionsColumn } from '../../../shared/table/columns.tsx';
import { ListTable } from '../../../shared/table/ListTable.tsx';
import type { ListTableBaseProps } from '../../../shared/table/list-table-props.ts';
import { sortableBy } from '../../../shared/table/table-sort.ts';
import type { TalentListItem, TalentQuery, TalentSort } from '../api/talents.api.ts';
import { DueDateCell, HoursCell } from './CeCells.tsx';
import { KeyTalentTag, TalentStatusTag, TierTag } from './TalentTags.tsx';

interface TalentTableProps extends ListTableBaseProps<TalentListItem, TalentQuery> {
  /** More rows match than the server counted: show "100,000+". */
  totalCapped?: boolean;
  hidden: ReadonlySet<string>;
  size: SizeType;
}

/** Column key → server sort (the age column sorts by birth date, the other way round). */
const SORTS: Record<string, { sort: TalentSort; flip?: boolean }> = {
  name: { sort: 'name' },
  age: { sort: 'birth_date', flip: true },
  regionName: { sort: 'region_code' },
  tier: { sort: 'tier' },
  updatedAt: { sort: 'updated_at' },
};

export function useTalentColumnTitles(): { key: string; title: string }[] {
  const { t } = useI18n();
  return [
    { key: 'idNumberMasked', title: t('talent.idNumber') },
    { key: 'sex', title: t('talent.sex') },
    { key: 'age', title: t('talent.age') },
    { key: 'regionName', title: t('talent.region') },
    { key: 'tier', title: t('talent.tier') },
    { key: 'categories', title: t('talent.category') },
    { key: 'fields', title: t('talent.field') },
    { key: 'isKey', title: t('talent.key') },
    { key: 'reregistrationDue', title: t('talent.reregistrationDue') },
    { key: 'ceHours', title: t('talent.ceHours') },
    { key: 'status', title: t('talent.status') },
    { key: 'updatedAt', title: t('talent.updatedAt') },
  ];
}

export function TalentTable(props: TalentTableProps) {
  const { query, filtered, items, total, totalCapped, loading, canManage, hidden, size, onChange, onDelete, onImport, onCreate } = props;
  const { t } = useI18n();
  const labels = useTalentLabels();
  const sortable = sortableBy(query, SORTS);

  const columns: TableColumnsType<TalentListItem> = [
    {
      title: t('talent.name'),
      dataIndex: 'name',
      fixed: 'left',
      ...sortable('name'),
      render: (v: string, r) => (
        <Link to={`/talents/${r.id}`} data-testid={`talent-link-${r.id}`}>
          {v}
        </Link>
      ),
    },
    { title: t('talent.idNumber'), dataIndex: 'idNumberMasked', key: 'idNumberMasked', render: (v: string) => <span className="mono">{v}</span> },
    { title: t('talent.sex'), dataIndex: 'sex', key: 'sex', render: (v: string) => labels.name('sex', v) },
    { title: t('talent.age'), dataIndex: 'age', align: 'right', ...sortable('age') },
    regionColumn(t('talent.region'), sortable('regionName')),
    { title: t('talent.tier'), dataIndex: 'tier', ...sortable('tier'), render: (v: string) => <TierTag tier={v} /> },
    { title: t('talent.category'), dataIndex: 'categories', key: 'categories', render: (v: string[]) => labels.names('category', v) },
    {
      title: t('talent.field'),
      dataIndex: 'fields',
      key: 'fields',
      render: (v: string[]) => (
        <Typography.Text style={{ maxWidth: 180 }} ellipsis={{ tooltip: labels.names('field', v) }}>
          {labels.names('field', v) || '—'}
        </Typography.Text>
      ),
    },
    {
      title: t('talent.key'),
      dataIndex: 'isKey',
      key: 'isKey',
      render: (v: boolean, r) => (v ? <KeyTalentTag reasons={r.keyReasons} testId={`talent-key-${r.id}`} /> : null),
    },
    {
      title: t('talent.reregistrationDue'),
      dataIndex: 'reregistrationDue',
      key: 'reregistrationDue',
      render: (v: string | null) => <DueDateCell due={v} />,
    },
    {
      title: t('talent.ceHours'),
      dataIndex: 'ceHours',
      key: 'ceHours',
      align: 'right',
      render: (v: number, r) => <HoursCell hours={v} required={r.ceRequired} />,
    },
    { title: t('talent.status'), dataIndex: 'status', key: 'status', render: (v: string) => <TalentStatusTag status={v} /> },
    { title: t('talent.updatedAt'), dataIndex: 'updatedAt', ...sortable('updatedAt'), render: (v: string) => formatDateTime(v, false) },
    rowActionsColumn({ t, canManage, path: (r) => `/talents/${r.id}`, testId: 'talent', onDelete }),
  ];

  return (
    <ListTable
      testId="talent"
      query={query}
      sorts={SORTS}
      columns={columns}
      items={items}
      total={total}
      loading={loading}
      hidden={hidden}
      size={size}
      totalText={totalCapped ? (n) => t('talent.totalCapped', { total: n.toLocaleString() }) : undefined}
      onChange={onChange}
      empty={{
        description: filtered ? t('talent.emptyFiltered') : canManage ? t('talent.emptyCanImport') : t('talent.empty'),
        actions:
          !filtered && canManage
            ? [
                { label: t('talent.import'), onClick: onImport, primary: true },
                { label: t('talent.create'), onClick: onCreate },
              ]
            : undefined,
      }}
    />
  );
}
