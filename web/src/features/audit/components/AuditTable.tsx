import { Descriptions, Table, type TableColumnsType, type TablePaginationConfig, Typography } from 'antd';
import { useI18n } from '../../../i18n/index.ts';
import { formatDateTime } from '../../../shared/format.ts';
import type { AuditEntry } from '../api/audit.api.ts';
import { ActionTag, useEntityTypeName } from './ActionTag.tsx';
import { ChangesTable } from './ChangesTable.tsx';

interface AuditTableProps {
  items: AuditEntry[] | undefined;
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  filtered: boolean;
  onPage: (page: number, pageSize: number) => void;
}

export function AuditTable({ items, total, page, pageSize, loading, filtered, onPage }: AuditTableProps) {
  const { t } = useI18n();
  const entityName = useEntityTypeName();
  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.at'), dataIndex: 'at', width: 170, render: (v: string) => formatDateTime(v) },
    { title: t('audit.actor'), dataIndex: 'actorName', width: 140, render: (v: string | null) => v ?? <Typography.Text type="secondary">—</Typography.Text> },
    { title: t('audit.action'), dataIndex: 'action', width: 130, render: (v: string) => <ActionTag action={v} /> },
    { title: t('audit.entityType'), dataIndex: 'entityType', width: 100, render: (v: string) => entityName(v) },
    {
      title: t('audit.entityId'),
      dataIndex: 'entityId',
      width: 230,
      // The readable name (username, region name) with the id a click away.
      render: (v: string | null, r: AuditEntry) =>
        v ? (
          <Typography.Text className={r.entityLabel ? undefined : 'mono'} style={{ maxWidth: 200 }} ellipsis={{ tooltip: v }} copyable={{ text: v }}>
            {r.entityLabel ?? v}
          </Typography.Text>
        ) : (
          (r.entityLabel ?? '—')
        ),
    },
    { title: t('audit.regionCode'), dataIndex: 'regionCode', width: 140, render: (v: string) => <span className="mono">{v}</span> },
    { title: t('audit.ip'), dataIndex: 'ip', width: 130, render: (v: string | null) => <span className="mono">{v ?? '—'}</span> },
  ];

  return (
    <Table<AuditEntry>
      rowKey="id"
      data-testid="audit-table"
      size="middle"
      loading={loading}
      dataSource={items}
      columns={columns}
      scroll={{ x: 1100 }}
      expandable={{
        expandedRowRender: (r) => (
          <div style={{ padding: '4px 8px' }}>
            {r.changes ? <ChangesTable changes={r.changes} /> : <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>}
            <Descriptions
              size="small"
              column={1}
              style={{ marginTop: 8 }}
              items={[{ key: 'requestId', label: t('audit.requestId'), children: <span className="mono">{r.requestId ?? '—'}</span> }]}
            />
          </div>
        ),
      }}
      pagination={{
        current: page,
        pageSize,
        total,
        showSizeChanger: true,
        pageSizeOptions: [10, 20, 50, 100],
        showTotal: (n) => t('table.total', { total: n }),
      }}
      onChange={(p: TablePaginationConfig) => onPage(p.pageSize !== pageSize ? 1 : (p.current ?? 1), p.pageSize ?? pageSize)}
      locale={{ emptyText: filtered ? t('audit.emptyFiltered') : t('audit.emptyList') }}
    />
  );
}
