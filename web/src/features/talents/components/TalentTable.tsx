import { type TableColumnsType, Typography } from 'antd';
import type { SizeType } from 'antd/es/config-provider/SizeContext';
import { useI18n } from '../../../i18n/index.ts';
import { useTalentLabels } from '../../../i18n/talent-labels.ts';
import { nameLinkColumn, regionColumn, rowActionsColumn, updatedAtColumn } from '../../../shared/table/columns.tsx';
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
  const { query, totalCapped, canManage, onDelete, onImport, onCreate } = props;
  const { t } = useI18n();
  const labels = useTalentLabels();
  const sortable = sortableBy(query, SORTS);

  const columns: TableColumnsType<TalentListItem> = [
    nameLinkColumn(t('talent.name'), sortable('name'), (r) => `/talents/${r.id}`, 'talent'),
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
    updatedAtColumn(t('talent.updatedAt'), sortable('updatedAt')),
    rowActionsColumn({ t, canManage, path: (r) => `/talents/${r.id}`, testId: 'talent', onDelete }),
  ];

  return (
    <ListTable
      {...props}
      testId="talent"
      sorts={SORTS}
      columns={columns}
      totalText={totalCapped ? (n) => t('talent.totalCapped', { total: n.toLocaleString() }) : undefined}
      empty={{
        filtered: t('talent.emptyFiltered'),
        canAdd: t('talent.emptyCanImport'),
        none: t('talent.empty'),
        actions: [
          { label: t('talent.import'), onClick: onImport, primary: true },
          { label: t('talent.create'), onClick: onCreate },
        ],
      }}
    />
  );
}
