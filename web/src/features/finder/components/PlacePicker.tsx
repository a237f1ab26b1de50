import { Cascader } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../../i18n/index.ts';
import { type PublicRegion, publicApi } from '../api/public.api.ts';

interface Option {
  value: string;
  label: string;
  level: number;
  isLeaf: boolean;
  loading?: boolean;
  children?: Option[];
}

/** The deepest level offered: townships (stations serve a township; villages have rooms). */
const DEEPEST = 4;

const toOption = (r: PublicRegion): Option => ({ value: r.code, label: r.name, level: r.level, isLeaf: r.level >= DEEPEST });

/**
 * 选择地区: province → city → county → township, each level loaded when opened
 * (GET /public/regions?parent=). Any level can be chosen.
 */
export function PlacePicker({ value, onChange }: { value: string[]; onChange: (path: string[], names: string[]) => void }) {
  const { t } = useI18n();
  const [options, setOptions] = useState<Option[]>([]);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    publicApi
      .regions(null)
      .then((rs) => setOptions(rs.map(toOption)))
      .catch(() => setFailed(true));
  }, []);

  const loadData = async (selected: Option[]) => {
    const target = selected[selected.length - 1];
    if (!target || target.children) return;
    target.loading = true;
    setOptions((o) => [...o]);
    try {
      const kids = await publicApi.regions(target.value);
      target.children = kids.map(toOption);
      if (kids.length === 0) target.isLeaf = true;
    } catch {
      target.isLeaf = true;
    } finally {
      target.loading = false;
      setOptions((o) => [...o]);
    }
  };

  return (
    <Cascader<Option>
      options={options}
      value={value}
      loadData={loadData}
      changeOnSelect
      showSearch={false}
      allowClear={false}
      placeholder={failed ? t('finder.regionsFailed') : t('finder.pickPlace')}
      status={failed ? 'error' : undefined}
      onChange={(path, selected) =>
        onChange(
          (path ?? []) as string[],
          ((selected ?? []) as Option[]).map((o) => o.label),
        )
      }
      className="finder-place"
      data-testid="finder-region"
      popupClassName="finder-place-popup"
    />
  );
}
