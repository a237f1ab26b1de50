import { Form, Select } from 'antd';
import { useI18n } from '../../i18n/index.ts';

type Option = { value: string; label: string };

function FilterSelect({ name, label, options, testId }: { name: string; label: string; options: Option[]; testId: string }) {
  const { t } = useI18n();
  return (
    <Form.Item name={name} label={label}>
      <Select allowClear placeholder={t('common.all')} options={options} data-testid={testId} />
    </Form.Item>
  );
}

/** A code-list filter of a query form (QueryForm): clearable, 全部 when empty; keyed by its field for field lists. */
export function filterSelect(name: string, label: string, options: Option[], testId: string) {
  return <FilterSelect key={name} name={name} label={label} options={options} testId={testId} />;
}

/** Yes/no filters are true/false in the URL and 'true'/'false' in a Select. */
export const flagIn = (v: boolean | undefined) => (v === undefined ? undefined : v ? 'true' : 'false');
export const flagOut = (v: string | undefined) => (v === undefined ? undefined : v === 'true');
