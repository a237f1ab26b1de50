import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Table } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../../i18n/index.ts';
import { type NetworkListName, useNetworkLabels } from '../../../../i18n/network-labels.ts';
import { useErrorText } from '../../../../shared/errors.ts';
import { auditApi } from '../../../audit/api/audit.api.ts';
import type { ChangeValueFormatter } from '../../../audit/components/ChangesTable.tsx';
import { historyColumns, historyExpandable } from '../../../audit/components/history-table.tsx';

/** Fields the audit log stores as codes, and the list that names them. */
const CODED: Record<string, NetworkListName> = {
  kind: 'kind',
  status: 'status',
  operatingMode: 'operatingMode',
  constructionSource: 'constructionSource',
  demoLevel: 'demoLevel',
};

/** 变更记录: the platform's audit entries (the audit API filtered to this entity), each with 修改前 → 修改后. */
export function HistoryTab({ platformId }: { platformId: string }) {
  const { t } = useI18n();
  const labels = useNetworkLabels();
  const errorText = useErrorText();
  const [paging, setPaging] = useState({ page: 1, pageSize: 10 });
  const q = { entityType: 'platform', entityId: platformId, ...paging };
  const history = useQuery({ queryKey: ['audit', 'list', q], queryFn: () => auditApi.list(q), placeholderData: keepPreviousData });
  const format: ChangeValueFormatter = (field, v) => {
    if (CODED[field] && typeof v === 'string') return labels.name(CODED[field], v);
    if (field === 'services' && Array.isArray(v)) return labels.names('service', v as string[]);
    return undefined;
  };
  if (history.error) return <Alert type="error" showIcon title={errorText(history.error)} />;
  return (
    <Table
      rowKey="id"
      size="small"
      data-testid="platform-history"
      loading={history.isFetching}
      dataSource={history.data?.items}
      scroll={{ x: 'max-content' }}
      columns={historyColumns(t)}
      expandable={historyExpandable(t, format)}
      pagination={{
        current: paging.page,
        pageSize: paging.pageSize,
        total: history.data?.total ?? 0,
        showTotal: (n) => t('table.total', { total: n }),
        onChange: (page, pageSize) => setPaging({ page: pageSize !== paging.pageSize ? 1 : page, pageSize }),
      }}
    />
  );
}
