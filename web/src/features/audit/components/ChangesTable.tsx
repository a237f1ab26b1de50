import { Table, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../../i18n/index.ts';
import { useLabels } from '../../../i18n/labels.ts';
import { formatNumber } from '../../../shared/format.ts';

interface ChangeRow {
  field: string;
  before: unknown;
  after: unknown;
}

/** A module's own rendering of its fields' values (code lists …); undefined = the default rendering. */
export type ChangeValueFormatter = (field: string, value: unknown) => ReactNode | undefined;

/** One audit entry's changes as 字段 / 修改前 → 修改后. */
export function ChangesTable({
  changes,
  format,
  fieldKeyPrefix,
}: {
  changes: Record<string, [unknown, unknown]>;
  format?: ChangeValueFormatter;
  /** Message-key prefix of the module's own field names (e.g. 'talentField'), tried before 'field.'. */
  fieldKeyPrefix?: string;
}) {
  const { t, tx } = useI18n();
  const labels = useLabels();

  const show = (field: string, v: unknown) => {
    if (v === null || v === undefined || v === '') return <Typography.Text type="secondary">{t('audit.emptyValue')}</Typography.Text>;
    const own = format?.(field, v);
    if (own !== undefined) return own;
    if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
    if (field === 'role' && typeof v === 'string') return labels.role(v);
    if (field === 'designations' && Array.isArray(v))
      return v.length ? v.map((k) => labels.designation(String(k))).join(t('common.listSeparator')) : t('audit.emptyValue');
    if (field === 'urbanRuralClass' && typeof v === 'string') return labels.urbanRural(v);
    if (field === 'populationSource' && typeof v === 'string') return labels.populationSource(v);
    if (field === 'level' && typeof v === 'number') return labels.level(v);
    if ((field === 'status' || field === 'reason') && typeof v === 'string') return tx(`audit.value.${v}`, v);
    if (typeof v === 'number') return formatNumber(v);
    if (typeof v === 'string') return v;
    return <span className="mono">{JSON.stringify(v)}</span>;
  };

  const rows: ChangeRow[] = Object.entries(changes).map(([field, [before, after]]) => ({ field, before, after }));
  return (
    <Table<ChangeRow>
      className="changes-table"
      rowKey="field"
      size="small"
      pagination={false}
      bordered
      dataSource={rows}
      data-testid="audit-changes"
      columns={[
        {
          title: t('audit.field'),
          dataIndex: 'field',
          width: 200,
          render: (f: string) => (
            <span>
              {fieldKeyPrefix ? tx(`${fieldKeyPrefix}.${f}`, tx(`field.${f}`, f)) : tx(`field.${f}`, f)}{' '}
              <Typography.Text type="secondary" className="mono" style={{ fontSize: 12 }}>
                {f}
              </Typography.Text>
            </span>
          ),
        },
        { title: t('audit.before'), dataIndex: 'before', render: (v: unknown, r) => show(r.field, v) },
        { title: '', key: 'arrow', width: 40, align: 'center', render: () => <span className="changes-arrow">→</span> },
        { title: t('audit.after'), dataIndex: 'after', render: (v: unknown, r) => show(r.field, v) },
      ]}
    />
  );
}
