import { Form, Input } from 'antd';
import { useI18n } from '../../../i18n/index.ts';
import { useNetworkLabels } from '../../../i18n/network-labels.ts';
import { filterSelect, flagIn, flagOut } from '../../../shared/list/filter-fields.tsx';
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
  const formValue: FormValues = { ...value, eligible: flagIn(value.eligible) };
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
          eligible: flagOut(v.eligible),
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
        filterSelect('tag', t('agency.tags'), labels.options('agencyTag'), 'agency-filter-tag'),
        filterSelect('rating', t('agency.rating'), labels.options('rating'), 'agency-filter-rating'),
      ]}
      more={[
        filterSelect(
          'eligible',
          t('agency.eligible'),
          [
            { value: 'true', label: t('agency.eligibleYes') },
            { value: 'false', label: t('agency.eligibleNo') },
          ],
          'agency-filter-eligible',
        ),
        filterSelect('status', t('agency.status'), labels.options('agencyStatus'), 'agency-filter-status'),
      ]}
    />
  );
}
