import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Card } from 'antd';
import { useState } from 'react';
import { type AuditQuery, auditApi, auditKeys } from '../../features/audit/api/audit.api.ts';
import { AuditFilters, type AuditFilterValues } from '../../features/audit/components/AuditFilters.tsx';
import { AuditTable } from '../../features/audit/components/AuditTable.tsx';
import { useI18n } from '../../i18n/index.ts';
import { useErrorText } from '../../shared/errors.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';

/** Local calendar days → the server's half-open [from, to) range of instants. */
function toQuery(f: AuditFilterValues, page: number, pageSize: number): AuditQuery {
  const [start, end] = f.range ?? [];
  return {
    regionCode: f.regionCode,
    actor: f.actor,
    action: f.action,
    entityType: f.entityType,
    entityId: f.entityId,
    from: start ? start.startOf('day').toISOString() : undefined,
    to: end ? end.add(1, 'day').startOf('day').toISOString() : undefined,
    page,
    pageSize,
  };
}

export default function AuditPage() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [filters, setFilters] = useState<AuditFilterValues>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const query = toQuery(filters, paging.page, paging.pageSize);
  const list = useQuery({ queryKey: auditKeys.list(query), queryFn: () => auditApi.list(query), placeholderData: keepPreviousData });
  const filtered = Object.values(filters).some((v) => v !== undefined && v !== null);

  return (
    <PageContainer title={t('menu.audit')} subTitle={t('audit.subtitle')}>
      <AuditFilters
        value={filters}
        onSearch={(f) => {
          setFilters(f);
          setPaging((p) => ({ ...p, page: 1 }));
        }}
      />
      <Card>
        {list.error && <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 12 }} />}
        <AuditTable
          items={list.data?.items}
          total={list.data?.total ?? 0}
          page={paging.page}
          pageSize={paging.pageSize}
          loading={list.isFetching}
          filtered={filtered}
          onPage={(page, pageSize) => setPaging({ page, pageSize })}
        />
      </Card>
    </PageContainer>
  );
}
