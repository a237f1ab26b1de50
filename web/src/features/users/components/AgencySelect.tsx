import { useQuery } from '@tanstack/react-query';
import { Select, Spin } from 'antd';
import { useState } from 'react';
import type { AgencyListItem } from '../../../../../domain/network/agency.schema.ts';
import { api } from '../../../api/client.ts';
import { useI18n } from '../../../i18n/index.ts';
import { useDebounced } from '../../../shared/useDebounced.ts';

interface AgencySelectProps {
  value?: string;
  onChange?: (value: string | undefined) => void;
  /** The name of the current value (an edited account's agency), shown before any search. */
  currentName?: string | null;
  disabled?: boolean;
  id?: string;
  'data-testid'?: string;
}

/**
 * Picks an agency of the user's scope by name or credit code (server search, /agencies?q=), for
 * binding a 社工机构管理员 account to the agency it acts for.
 */
export function AgencySelect({ value, onChange, currentName, disabled, id, 'data-testid': testId }: AgencySelectProps) {
  const { t } = useI18n();
  const [term, setTerm] = useState('');
  const q = useDebounced(term.trim(), 300);
  const found = useQuery({
    queryKey: ['agencies', 'pick', q],
    queryFn: () => api.get<{ items: AgencyListItem[]; total: number }>('/agencies', { query: { q: q || undefined, pageSize: 20, sort: 'name' } }),
  });
  const options = (found.data?.items ?? []).map((a) => ({ value: a.id, label: `${a.name}(${a.regionName ?? a.regionCode})` }));
  if (value && currentName && !options.some((o) => o.value === value)) options.unshift({ value, label: currentName });
  return (
    <Select
      id={id}
      data-testid={testId}
      showSearch={{ filterOption: false, onSearch: setTerm }}
      value={value}
      onChange={(v) => onChange?.(v)}
      options={options}
      placeholder={t('user.boundAgencySearch')}
      notFoundContent={found.isFetching ? <Spin size="small" /> : undefined}
      allowClear
      disabled={disabled}
    />
  );
}
