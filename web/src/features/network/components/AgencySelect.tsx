import { useQuery } from '@tanstack/react-query';
import { Select, Spin } from 'antd';
import { useState } from 'react';
import { api } from '../../../api/client.ts';
import { useI18n } from '../../../i18n/index.ts';
import { useDebounced } from '../../../shared/useDebounced.ts';

interface AgencyOption {
  id: string;
  name: string;
}

interface AgencySelectProps {
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** The chosen agency's name when known (a stored platform's agencyName), so no look-up is needed. */
  knownName?: string | null;
  placeholder?: string;
  disabled?: boolean;
  id?: string;
  'data-testid'?: string;
}

/** An agency in the user's scope, found by name on the server (/agencies?q=). */
export function AgencySelect({ value, onChange, knownName, placeholder, disabled, id, ...rest }: AgencySelectProps) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const hits = useQuery({
    queryKey: ['agencies', 'pick', q],
    queryFn: () => api.get<{ items: AgencyOption[]; total: number }>('/agencies', { query: { q: q || undefined, page: 1, pageSize: 20 } }),
    staleTime: 30_000,
  });
  // The name of an agency restored from the address (?agencyId=) that is not among the hits.
  const chosen = useQuery({
    queryKey: ['agencies', 'detail', value ?? ''],
    queryFn: () => api.get<AgencyOption>(`/agencies/${value}`),
    enabled: !!value && !knownName && !hits.data?.items.some((a) => a.id === value),
    staleTime: 60_000,
  });
  const options = (hits.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }));
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: knownName ?? chosen.data?.name ?? value });
  return (
    <Select
      id={id}
      data-testid={rest['data-testid']}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      options={options}
      allowClear
      disabled={disabled}
      placeholder={placeholder ?? t('platform.agencyPlaceholder')}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      onOpenChange={(open) => {
        if (!open) setSearch('');
      }}
      notFoundContent={hits.isFetching ? <Spin size="small" /> : t('common.noData')}
    />
  );
}
