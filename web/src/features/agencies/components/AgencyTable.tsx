import type { TableColumnsType } from 'antd';
import type { SizeType } from 'antd/es/config-provider/SizeContext';
import { useI18n } from '../../../i18n/index.ts';
import { useNetworkLabels } from '../../../i18n/network-labels.ts';
import { formatNumber } from '../../../shared/format.ts';
import { nameLinkColumn, regionColumn, rowActionsColumn, updatedAtColumn } from '../../../shared/table/columns.tsx';
import { ListTable } from '../../../shared/table/ListTable.tsx';
import type { ListTableBaseProps } from '../../../shared/table/list-table-props.ts';
import { sortableBy } from '../../../shared/table/table-sort.ts';
import type { AgencyListItem, AgencyQuery, AgencySort } from '../api/types.ts';
import { AgencyStatusTag, AgencyTagList, CreditCode, EligibleTag } from './AgencyTags.tsx';

interface AgencyTableProps extends ListTableBaseProps<AgencyListItem, AgencyQuery> {
  hidden: ReadonlySet<string>;
  size: SizeType;
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
  const { query, canManage, onDelete, onCreate, onImport } = props;
  const { t } = useI18n();
  const labels = useNetworkLabels();
  const sortable = sortableBy(query, SORTS);

  const columns: TableColumnsType<AgencyListItem> = [
    nameLinkColumn(t('agency.name'), sortable('name'), (r) => `/agencies/${r.id}`, 'agency'),
    {
      title: t('agency.creditCode'),
      dataIndex: 'creditCode',
      key: 'creditCode',
      render: (v: string, r) => <CreditCode code={v} overridden={r.creditCheckOverridden} testId={`agency-credit-warning-${r.id}`} />,
    },
    regionColumn(t('agency.region'), sortable('regionName')),
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
    updatedAtColumn(t('agency.updatedAt'), sortable('updatedAt')),
    rowActionsColumn({ t, canManage, path: (r) => `/agencies/${r.id}`, testId: 'agency', onDelete }),
  ];

  return (
    <ListTable
      {...props}
      testId="agency"
      sorts={SORTS}
      columns={columns}
      empty={{
        filtered: t('org.emptyFiltered'),
        canAdd: t('agency.emptyCanCreate'),
        none: t('agency.empty'),
        actions: [...(onImport ? [{ label: t('org.import'), onClick: onImport, primary: true }] : []), { label: t('agency.create'), onClick: onCreate }],
      }}
    />
  );
}
