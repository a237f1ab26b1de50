import { type TableColumnsType, type TableProps, Typography } from 'antd';
import type { TFunction } from '../../../i18n/index.ts';
import { formatDateTime } from '../../../shared/format.ts';
import type { AuditEntry } from '../api/audit.api.ts';
import { ActionTag } from './ActionTag.tsx';
import { ChangesTable, type ChangeValueFormatter } from './ChangesTable.tsx';

/** A record's 变更记录 tab (人才, 阵地): when, who, what. */
export function historyColumns(t: TFunction): TableColumnsType<AuditEntry> {
  return [
    { title: t('audit.at'), dataIndex: 'at', width: 170, render: (v: string) => formatDateTime(v) },
    { title: t('audit.actor'), dataIndex: 'actorName', width: 140, render: (v: string | null) => v ?? '—' },
    { title: t('audit.action'), dataIndex: 'action', width: 120, render: (v: string) => <ActionTag action={v} /> },
  ];
}

/** Each entry opens to its 修改前 → 修改后 table; coded values are named by `format`. */
export function historyExpandable(t: TFunction, format: ChangeValueFormatter, fieldKeyPrefix?: string): TableProps<AuditEntry>['expandable'] {
  return {
    expandedRowRender: (r) =>
      r.changes ? (
        <ChangesTable changes={r.changes} format={format} fieldKeyPrefix={fieldKeyPrefix} />
      ) : (
        <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>
      ),
    rowExpandable: (r) => !!r.changes,
  };
}
