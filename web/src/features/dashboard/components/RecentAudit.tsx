import { Card, Table } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../i18n/index.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { ActionTag, useEntityTypeName } from '../../audit/components/ActionTag.tsx';
import type { Dashboard } from '../api/dashboard.api.ts';

type Row = NonNullable<Dashboard['recentAudit']>[number];

export function RecentAudit({ items }: { items: Row[] }) {
  const { t } = useI18n();
  const entityName = useEntityTypeName();
  return (
    <Card title={t('home.recentAudit')} extra={<Link to="/audit">{t('common.viewAll')}</Link>}>
      <Table<Row>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={items}
        data-testid="recent-audit-table"
        locale={{ emptyText: t('home.noAudit') }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('audit.at'), dataIndex: 'at', width: 180, render: (v: string) => formatDateTime(v) },
          { title: t('audit.actor'), dataIndex: 'actorName', width: 160, render: (v: string | null) => v ?? '—' },
          { title: t('audit.action'), dataIndex: 'action', width: 140, render: (v: string) => <ActionTag action={v} /> },
          {
            title: t('audit.entity'),
            key: 'entity',
            render: (_: unknown, r) => (
              <span>
                {entityName(r.entityType)} {r.entityLabel ?? <span className="mono">{r.entityId ?? ''}</span>}
              </span>
            ),
          },
        ]}
      />
    </Card>
  );
}
