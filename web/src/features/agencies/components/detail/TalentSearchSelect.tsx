import { useQuery } from '@tanstack/react-query';
import { Select, Spin } from 'antd';
import { useState } from 'react';
import { api } from '../../../../api/client.ts';
import { useI18n } from '../../../../i18n/index.ts';
import { useDebounced } from '../../../../shared/useDebounced.ts';

interface TalentHit {
  id: string;
  name: string;
  regionName: string | null;
  idNumberMasked: string;
}

/** Picks a registered talent by name, certificate or ID number (GET /talents?q=, the user's scope). */
export function TalentSearchSelect({ onPick, exclude }: { onPick: (t: { id: string; name: string }) => void; exclude: ReadonlySet<string> }) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const hits = useQuery({
    queryKey: ['talents', 'pick', q],
    queryFn: () => api.get<{ items: TalentHit[] }>('/talents', { query: { q, pageSize: 20 } }),
    enabled: q.length > 0,
  });
  return (
    <Select<string>
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      value={null}
      placeholder={t('agency.staff.searchTalent')}
      style={{ width: 320, maxWidth: '100%' }}
      notFoundContent={hits.isFetching ? <Spin size="small" /> : q ? t('agency.staff.noTalent') : t('agency.staff.typeToSearch')}
      options={(hits.data?.items ?? []).map((h) => ({
        value: h.id,
        label: `${h.name} · ${h.idNumberMasked}${h.regionName ? ` · ${h.regionName}` : ''}`,
        disabled: exclude.has(h.id),
      }))}
      onChange={(id) => {
        const hit = hits.data?.items.find((h) => h.id === id);
        if (hit) onPick({ id: hit.id, name: hit.name });
        setSearch('');
      }}
      data-testid="agency-staff-search"
    />
  );
}
