import { DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useI18n } from '../../../i18n/index.ts';
import { QueryForm } from '../../../shared/QueryForm.tsx';
import { RegionSelect } from '../../regions/components/RegionSelect.tsx';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from '../api/audit.api.ts';

export interface AuditFilterValues {
  regionCode?: string;
  actor?: string;
  action?: string;
  range?: [Dayjs, Dayjs] | null;
  entityType?: string;
  entityId?: string;
}

/** 地区 / 操作人 / 操作类型 / 时间范围, and behind 展开: 对象类型 / 对象编号. */
export function AuditFilters({ value, onSearch }: { value: AuditFilterValues; onSearch: (v: AuditFilterValues) => void }) {
  const { t, tx } = useI18n();
  const [form] = Form.useForm<AuditFilterValues>();

  return (
    <QueryForm<AuditFilterValues>
      form={form}
      value={value}
      testId="audit-filter-form"
      testIdPrefix="audit-filter"
      defaultExpanded={Boolean(value.entityType || value.entityId)}
      onSearch={(v) => onSearch({ ...v, actor: v.actor?.trim() || undefined, entityId: v.entityId?.trim() || undefined })}
      region={
        <Form.Item name="regionCode" label={t('audit.region')}>
          <RegionSelect placeholder={t('common.all')} data-testid="audit-filter-region" />
        </Form.Item>
      }
      fields={[
        <Form.Item name="actor" label={t('audit.actor')} key="actor">
          <Input allowClear placeholder={t('audit.actorPlaceholder')} data-testid="audit-filter-actor" />
        </Form.Item>,
        <Form.Item name="action" label={t('audit.action')} key="action">
          <Select
            allowClear
            placeholder={t('common.all')}
            options={AUDIT_ACTIONS.map((a) => ({ value: a, label: tx(`audit.action.${a}`, a) }))}
            data-testid="audit-filter-action"
          />
        </Form.Item>,
        <Form.Item name="range" label={t('audit.range')} key="range">
          <DatePicker.RangePicker style={{ width: '100%' }} format="YYYY-MM-DD" allowEmpty={[true, true]} data-testid="audit-filter-range" />
        </Form.Item>,
      ]}
      more={[
        <Form.Item name="entityType" label={t('audit.entityType')} key="entityType">
          <Select
            allowClear
            placeholder={t('common.all')}
            options={AUDIT_ENTITY_TYPES.map((e) => ({ value: e, label: tx(`audit.entity.${e}`, e) }))}
            data-testid="audit-filter-entity-type"
          />
        </Form.Item>,
        <Form.Item name="entityId" label={t('audit.entityId')} key="entityId">
          <Input allowClear placeholder={t('audit.entityIdPlaceholder')} data-testid="audit-filter-entity-id" />
        </Form.Item>,
      ]}
    />
  );
}
