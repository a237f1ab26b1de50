import { useQuery } from '@tanstack/react-query';
import { Select, Spin } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../i18n/index.ts';
import { useDebounced } from '../../../shared/useDebounced.ts';
import { groupKeys, groupsApi } from '../api/groups.api.ts';

interface StationSelectProps {
  /** The township whose stations are offered (a village's township). */
  townshipCode: string | null;
  value?: string | null;
  /** The stored incubator's name, shown before the options load. */
  initialName?: string | null;
  onChange?: (id: string | null) => void;
  id?: string;
  'data-testid'?: string;
}

/** 孵化社工站: the township's stations (GET /platforms?kind=station&regionCode=<township>). */
export function StationSelect({ townshipCode, value, initialName, onChange, id, ...rest }: StationSelectProps) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const stations = useQuery({
    queryKey: groupKeys.stations(townshipCode ?? '', q),
    queryFn: () => groupsApi.stations(townshipCode as string, q),
    enabled: !!townshipCode,
  });
  const options = (stations.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }));
  if (value && initialName && !options.some((o) => o.value === value)) options.unshift({ value, label: initialName });
  return (
    <Select<string>
      id={id}
      allowClear
      disabled={!townshipCode}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      placeholder={townshipCode ? t('group.incubatorPlaceholder') : t('group.incubatorPickRegion')}
      notFoundContent={stations.isFetching ? <Spin size="small" /> : t('group.incubatorNone')}
      options={options}
      data-testid={rest['data-testid']}
    />
  );
}
