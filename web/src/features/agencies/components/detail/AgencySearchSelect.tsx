import { useQuery } from '@tanstack/react-query';
import { Select, Spin } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../../i18n/index.ts';
import { useDebounced } from '../../../../shared/useDebounced.ts';
import { agenciesApi, agencyKeys } from '../../api/agencies.api.ts';

interface AgencySearchSelectProps {
  value?: string;
  onChange?: (id: string | undefined) => void;
  /** An agency that may not be chosen (the one whose page this is). */
  excludeId?: string;
  id?: string;
  'data-testid'?: string;
}

/** Picks another agency in the user's scope by name (GET /agencies?q=). */
export function AgencySearchSelect({ value, onChange, excludeId, id, ...rest }: AgencySearchSelectProps) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const hits = useQuery({
    queryKey: agencyKeys.search(q),
    queryFn: () => agenciesApi.list({ q: q || undefined, page: 1, pageSize: 20 }),
  });
  return (
    <Select<string>
      id={id}
      allowClear
      value={value}
      onChange={(v) => onChange?.(v)}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      placeholder={t('pairing.searchAgency')}
      notFoundContent={hits.isFetching ? <Spin size="small" /> : t('common.noData')}
      options={(hits.data?.items ?? [])
        .filter((a) => a.id !== excludeId)
        .map((a) => ({ value: a.id, label: `${a.name}${a.regionName ? ` · ${a.regionName}` : ''}` }))}
      data-testid={rest['data-testid']}
    />
  );
}
