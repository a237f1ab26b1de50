import { Table, Tag } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../../i18n/index.ts';
import { useNetworkLabels } from '../../../../i18n/network-labels.ts';
import type { OperatedPlatform } from '../../api/types.ts';

/** 运营阵地: the platforms the agency runs (委托运营), each linking to the network module's page. */
export function PlatformsTab({ platforms, linkable }: { platforms: OperatedPlatform[]; linkable: boolean }) {
  const { t } = useI18n();
  const labels = useNetworkLabels();
  return (
    <Table<OperatedPlatform>
      rowKey="id"
      size="small"
      dataSource={platforms}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="agency-platforms-table"
      locale={{ emptyText: t('agency.platforms.empty') }}
      columns={[
        { title: t('agency.platforms.name'), dataIndex: 'name', render: (v: string, r) => (linkable ? <Link to={`/network/platforms/${r.id}`}>{v}</Link> : v) },
        { title: t('agency.platforms.kind'), dataIndex: 'kind', render: (v: string) => labels.name('kindShort', v) },
        { title: t('agency.platforms.region'), dataIndex: 'regionName', render: (v: string | null) => v ?? '—' },
        {
          title: t('agency.platforms.status'),
          dataIndex: 'status',
          render: (v: string) => <Tag color={v === 'operating' ? 'green' : v === 'planned' ? 'blue' : 'default'}>{labels.name('status', v)}</Tag>,
        },
      ]}
    />
  );
}
