import { Form, Input, Select } from 'antd';
import { useI18n } from '../../../i18n/index.ts';
import { useNetworkLabels } from '../../../i18n/network-labels.ts';
import { QueryForm } from '../../../shared/QueryForm.tsx';
import { RegionSelect } from '../../regions/components/RegionSelect.tsx';
import type { AgencyFilters } from '../api/types.ts';

interface FormValues extends Omit<AgencyFilters, 'eligible'> {
  eligible?: 'true' | 'false';
}

/** 地区 / 机构名称 / 机构类型 / 评估等级, and behind 展开: 承接资格, 机构状态. */
export function AgencyQueryForm({ value, onSearch }: { value: AgencyFilters; onSearch: (filters: AgencyFilters) => void }) {
  const { t } = useI18n();
  const labels = useNetworkLabels();
  const [form] = Form.useForm<FormValues>();
  const formValue: FormValues = { ...value, eligible: value.eligible === undefined ? undefined : value.eligible ? 'true' : 'false' };
  const select = (name: keyof FormValues, label: string, options: { value: string; label: string }[], testId: string) => (
    <Form.Item name={name} label={label} key={name}>
      <Select allowClear placeholder={t('common.all')} options={options} data-testid={testId} />
    </Form.Item>
  );
  return (
    <QueryForm<FormValues>
      form={form}
      value={formValue}
      testId="agency-query-form"
      testIdPrefix="agency-filter"
      labelWidth={84}
      defaultExpanded={value.eligible !== undefined || value.status !== undefined}
      onSearch={(v) =>
        onSearch({
          regionCode: v.regionCode,
          q: v.q?.trim() || undefined,
          tag: v.tag,
          rating: v.rating,
          eligible: v.eligible === undefined ? undefined : v.eligible === 'true',
          status: v.status,
        })
      }
      region={
        <Form.Item name="regionCode" label={t('agency.region')}>
          <RegionSelect placeholder={t('common.all')} data-testid="agency-filter-region" />
        </Form.Item>
      }
      fields={[
        <Form.Item name="q" label={t('agency.name')} key="q">
          <Input allowClear maxLength={40} placeholder={t('agency.namePlaceholder')} data-testid="agency-filter-name" />
        </Form.Item>,
        select('tag', t('agency.tags'), labels.options('agencyTag'), 'agency-filter-tag'),
        select('rating', t('agency.rating'), labels.options('rating'), 'agency-filter-rating'),
      ]}
      more={[
        select(
          'eligible',
          t('agency.eligible'),
          [
            { value: 'true', label: t('agency.eligibleYes') },
            { value: 'false', label: t('agency.eligibleNo') },
          ],
          'agency-filter-eligible',
        ),
        select('status', t('agency.status'), labels.options('agencyStatus'), 'agency-filter-status'),
      ]}
    />
  );
}
