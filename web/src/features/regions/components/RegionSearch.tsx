import { LoadingOutlined, SearchOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { AutoComplete, Input, Tag } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../i18n/index.ts';
import { useLabels } from '../../../i18n/labels.ts';
import { useDebounced } from '../../../shared/useDebounced.ts';
import { regionKeys, regionsApi } from '../api/regions.api.ts';

/** Name search inside the user's scope (GET /regions?q=); picking a hit jumps to it. */
export function RegionSearch({ onPick }: { onPick: (code: string) => void }) {
  const { t } = useI18n();
  const labels = useLabels();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 300);
  const hits = useQuery({ queryKey: regionKeys.search(q), queryFn: () => regionsApi.search(q, 20), enabled: q.length > 0, staleTime: 60_000 });
  const options = (q ? (hits.data ?? []) : []).map((h) => ({
    value: h.code,
    label: (
      <div className="region-search-option" data-testid={`region-search-hit-${h.code}`}>
        <span>{h.pathName}</span>
        <Tag variant="filled">{labels.level(h.level)}</Tag>
      </div>
    ),
  }));
  return (
    <AutoComplete
      style={{ width: '100%' }}
      options={options}
      value={text}
      onChange={(v) => setText(v)}
      onSelect={(code: string) => {
        const hit = hits.data?.find((h) => h.code === code);
        setText(hit?.name ?? '');
        onPick(code);
      }}
      notFoundContent={q && !hits.isFetching && hits.data ? t('region.searchEmpty') : undefined}
      popupMatchSelectWidth={440}
    >
      <Input
        prefix={<SearchOutlined />}
        suffix={hits.isFetching ? <LoadingOutlined /> : <span />}
        placeholder={t('region.searchPlaceholder')}
        allowClear
        data-testid="region-search"
      />
    </AutoComplete>
  );
}
