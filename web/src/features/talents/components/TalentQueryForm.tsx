import { Form, Input, InputNumber, Space } from 'antd';
import { useI18n } from '../../../i18n/index.ts';
import { useTalentLabels } from '../../../i18n/talent-labels.ts';
import { filterSelect, flagIn, flagOut } from '../../../shared/list/filter-fields.tsx';
import { QueryForm } from '../../../shared/QueryForm.tsx';
import { RegionSelect } from '../../regions/components/RegionSelect.tsx';
import type { TalentFilters } from '../api/talents.api.ts';

interface FormValues extends Omit<TalentFilters, 'key' | 'due' | 'short'> {
  key?: 'true' | 'false';
  due?: 'true' | 'false';
  short?: 'true' | 'false';
}

/**
 * 地区 / 姓名·证书号·身份证号 / 证书等级 / 人才类别, and behind 展开: 服务领域, 人员身份, 年龄, 重点人才,
 * 待再登记, 学时不足, 人员状态.
 */
export function TalentQueryForm({ value, onSearch }: { value: TalentFilters; onSearch: (filters: TalentFilters) => void }) {
  const { t } = useI18n();
  const labels = useTalentLabels();
  const [form] = Form.useForm<FormValues>();
  const yesNo = [
    { value: 'true', label: t('common.yes') },
    { value: 'false', label: t('common.no') },
  ];
  const formValue: FormValues = { ...value, key: flagIn(value.key), due: flagIn(value.due), short: flagIn(value.short) };
  const hiddenInForce = ['field', 'role', 'minAge', 'maxAge', 'key', 'due', 'short', 'status'].some((k) => value[k as keyof TalentFilters] !== undefined);

  return (
    <QueryForm<FormValues>
      form={form}
      value={formValue}
      testId="talent-query-form"
      testIdPrefix="talent-filter"
      labelWidth={84}
      defaultExpanded={hiddenInForce}
      onSearch={(v) =>
        onSearch({
          regionCode: v.regionCode,
          q: v.q?.trim() || undefined,
          tier: v.tier,
          category: v.category,
          field: v.field,
          role: v.role,
          minAge: v.minAge ?? undefined,
          maxAge: v.maxAge ?? undefined,
          key: flagOut(v.key),
          due: flagOut(v.due),
          short: flagOut(v.short),
          status: v.status,
        })
      }
      region={
        <Form.Item name="regionCode" label={t('talent.region')}>
          <RegionSelect placeholder={t('common.all')} data-testid="talent-filter-region" />
        </Form.Item>
      }
      fields={[
        <Form.Item name="q" label={t('common.keyword')} key="q" tooltip={t('talent.keywordHelp')}>
          <Input allowClear maxLength={40} placeholder={t('talent.keywordPlaceholder')} data-testid="talent-filter-keyword" />
        </Form.Item>,
        filterSelect('tier', t('talent.tier'), labels.options('tier'), 'talent-filter-tier'),
        filterSelect('category', t('talent.category'), labels.options('category'), 'talent-filter-category'),
      ]}
      more={[
        filterSelect('field', t('talent.field'), labels.options('field'), 'talent-filter-field'),
        filterSelect('role', t('talent.role'), labels.options('role'), 'talent-filter-role'),
        <Form.Item label={t('talent.ageRange')} key="age" style={{ marginBottom: 12 }}>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name="minAge" noStyle>
              <InputNumber min={0} max={120} precision={0} placeholder={t('talent.ageFrom')} style={{ width: '50%' }} data-testid="talent-filter-min-age" />
            </Form.Item>
            <Form.Item name="maxAge" noStyle>
              <InputNumber min={0} max={120} precision={0} placeholder={t('talent.ageTo')} style={{ width: '50%' }} data-testid="talent-filter-max-age" />
            </Form.Item>
          </Space.Compact>
        </Form.Item>,
        filterSelect('key', t('talent.key'), yesNo, 'talent-filter-key'),
        filterSelect('due', t('talent.filterDue'), yesNo, 'talent-filter-due'),
        filterSelect('short', t('talent.filterShort'), yesNo, 'talent-filter-short'),
        filterSelect('status', t('talent.status'), labels.options('status'), 'talent-filter-status'),
      ]}
    />
  );
}
