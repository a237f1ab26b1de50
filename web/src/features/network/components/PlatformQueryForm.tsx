import { Form, Input } from 'antd';
import { useI18n } from '../../../i18n/index.ts';
import { useNetworkLabels } from '../../../i18n/network-labels.ts';
import { filterSelect, flagIn, flagOut } from '../../../shared/list/filter-fields.tsx';
import { QueryForm } from '../../../shared/QueryForm.tsx';
import { RegionSelect } from '../../regions/components/RegionSelect.tsx';
import type { PlatformFilters } from '../api/platforms.api.ts';
import { AgencySelect } from './AgencySelect.tsx';

interface FormValues extends Omit<PlatformFilters, 'standard' | 'demo'> {
  standard?: 'true' | 'false';
  demo?: 'true' | 'false';
}

/** 地区 / 阵地类型 / 运营状态 / 规范化, and behind 展开: 示范, 运营机构, 名称. */
export function PlatformQueryForm({ value, onSearch }: { value: PlatformFilters; onSearch: (filters: PlatformFilters) => void }) {
  const { t } = useI18n();
  const labels = useNetworkLabels();
  const [form] = Form.useForm<FormValues>();
  const formValue: FormValues = { ...value, standard: flagIn(value.standard), demo: flagIn(value.demo) };
  const hiddenInForce = ['demo', 'agencyId', 'q'].some((k) => value[k as keyof PlatformFilters] !== undefined);
  return (
    <QueryForm<FormValues>
      form={form}
      value={formValue}
      testId="platform-query-form"
      testIdPrefix="platform-filter"
      labelWidth={84}
      defaultExpanded={hiddenInForce}
      onSearch={(v) =>
        onSearch({
          regionCode: v.regionCode,
          kind: v.kind,
          status: v.status,
          standard: flagOut(v.standard),
          demo: flagOut(v.demo),
          agencyId: v.agencyId ?? undefined,
          q: v.q?.trim() || undefined,
        })
      }
      region={
        <Form.Item name="regionCode" label={t('platform.region')}>
          <RegionSelect placeholder={t('common.all')} data-testid="platform-filter-region" />
        </Form.Item>
      }
      fields={[
        filterSelect('kind', t('platform.kind'), labels.options('kind'), 'platform-filter-kind'),
        filterSelect('status', t('platform.status'), labels.options('status'), 'platform-filter-status'),
        filterSelect(
          'standard',
          t('platform.checklist'),
          [
            { value: 'true', label: t('platform.standard') },
            { value: 'false', label: t('platform.notStandard') },
          ],
          'platform-filter-standard',
        ),
      ]}
      more={[
        filterSelect(
          'demo',
          t('platform.demo'),
          [
            { value: 'true', label: t('platform.demoYes') },
            { value: 'false', label: t('platform.demoNo') },
          ],
          'platform-filter-demo',
        ),
        <Form.Item name="agencyId" label={t('platform.agency')} key="agencyId">
          <AgencySelect placeholder={t('common.all')} data-testid="platform-filter-agency" />
        </Form.Item>,
        <Form.Item name="q" label={t('platform.name')} key="q">
          <Input allowClear maxLength={40} placeholder={t('platform.namePlaceholder')} data-testid="platform-filter-name" />
        </Form.Item>,
      ]}
    />
  );
}
