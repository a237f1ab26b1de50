import { Form, Input } from 'antd';
import { useI18n } from '../../../i18n/index.ts';
import { useNetworkLabels } from '../../../i18n/network-labels.ts';
import { filterSelect } from '../../../shared/list/filter-fields.tsx';
import { QueryForm } from '../../../shared/QueryForm.tsx';
import { RegionSelect } from '../../regions/components/RegionSelect.tsx';
import type { GroupFilters } from '../api/groups.api.ts';

/** 地区 / 组织类型 / 登记·备案 / 状态 / 名称 (an incubator filter comes from a station's page link). */
export function GroupQueryForm({ value, onSearch }: { value: GroupFilters; onSearch: (filters: GroupFilters) => void }) {
  const { t } = useI18n();
  const labels = useNetworkLabels();
  const [form] = Form.useForm<GroupFilters>();
  return (
    <QueryForm<GroupFilters>
      form={form}
      value={value}
      testId="group-query-form"
      testIdPrefix="group-filter"
      labelWidth={84}
      defaultExpanded={value.q !== undefined}
      onSearch={(v) =>
        onSearch({
          regionCode: v.regionCode,
          kind: v.kind,
          registration: v.registration,
          status: v.status,
          q: v.q?.trim() || undefined,
          // Kept from a link (a station's groups) until 重置.
          incubatorId: Object.keys(v).length ? value.incubatorId : undefined,
        })
      }
      region={
        <Form.Item name="regionCode" label={t('group.region')}>
          <RegionSelect placeholder={t('common.all')} data-testid="group-filter-region" />
        </Form.Item>
      }
      fields={[
        filterSelect('kind', t('group.kind'), labels.options('groupKind'), 'group-filter-kind'),
        filterSelect('registration', t('group.registration'), labels.options('registration'), 'group-filter-registration'),
        filterSelect('status', t('group.status'), labels.options('groupStatus'), 'group-filter-status'),
      ]}
      more={[
        <Form.Item name="q" label={t('group.name')} key="q">
          <Input allowClear maxLength={40} placeholder={t('group.namePlaceholder')} data-testid="group-filter-name" />
        </Form.Item>,
      ]}
    />
  );
}
