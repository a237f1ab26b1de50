import { useQuery } from '@tanstack/react-query';
import { Empty, Spin } from 'antd';
import { ScatterChart } from 'echarts/charts';
import { GeoComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { useMemo } from 'react';
import { useI18n } from '../../../i18n/index.ts';
import { EChart, type EChartClick, type EChartOption } from '../../../shared/EChart.tsx';
import { type PublicStation, publicApi, publicKeys } from '../api/public.api.ts';

// The map needs the geo component and scatter points besides what EChart registers.
echarts.use([GeoComponent, ScatterChart]);

/** The boundaries to draw: the city of the place (or of the nearest station), else its province. */
export function mapCodesFor(regionCode: string | null): string[] {
  if (!regionCode || !/^\d{12}$/.test(regionCode)) return [];
  const province = `${regionCode.slice(0, 2)}0000`;
  const city = `${regionCode.slice(0, 4)}00`;
  return city === province ? [province] : [city, province];
}

/** Loads the first boundary file that exists and registers it with ECharts under its adcode. */
async function loadMap(codes: string[]): Promise<string | null> {
  for (const code of codes) {
    if (echarts.getMap(code)) return code;
    try {
      const geo = await publicApi.map(code);
      echarts.registerMap(code, geo as Parameters<typeof echarts.registerMap>[1]);
      return code;
    } catch {
      // No file for this division (e.g. a municipality's districts): try the next.
    }
  }
  return null;
}

interface StationMapProps {
  regionCode: string | null;
  items: PublicStation[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  /** The user's position (when searching near me). */
  me: { lng: number; lat: number } | null;
}

/** The stations as points on the city's (or province's) map; the selected one is larger and red. */
export function StationMap({ regionCode, items, selectedId, onSelect, me }: StationMapProps) {
  const { t } = useI18n();
  const codes = mapCodesFor(regionCode);
  const map = useQuery({
    queryKey: publicKeys.map(codes.join(',')),
    queryFn: () => loadMap(codes),
    enabled: codes.length > 0,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const located = useMemo(() => items.filter((s) => s.lng !== null && s.lat !== null), [items]);

  const option = useMemo<EChartOption | null>(() => {
    if (!map.data) return null;
    const point = (s: PublicStation) => ({ name: s.name, value: [s.lng, s.lat], id: s.id });
    const selected = located.find((s) => s.id === selectedId);
    return {
      tooltip: { trigger: 'item', formatter: (p: { name: string }) => p.name },
      geo: {
        map: map.data,
        roam: true,
        // Centre on the chosen station, else fit the whole division.
        ...(selected ? { center: [selected.lng, selected.lat], zoom: 2.5 } : {}),
        itemStyle: { areaColor: '#eef3fb', borderColor: '#9bb4d8' },
        emphasis: { itemStyle: { areaColor: '#dce8f8' }, label: { show: false } },
        label: { show: false },
      },
      series: [
        {
          type: 'scatter',
          coordinateSystem: 'geo',
          symbolSize: 10,
          itemStyle: { color: '#1561d6' },
          data: located.filter((s) => s.id !== selectedId).map(point),
          zlevel: 1,
        },
        {
          type: 'scatter',
          coordinateSystem: 'geo',
          symbolSize: 20,
          itemStyle: { color: '#e8453c', borderColor: '#fff', borderWidth: 2 },
          label: { show: true, position: 'right', formatter: '{b}', color: '#333', fontSize: 12 },
          data: selected ? [point(selected)] : [],
          zlevel: 2,
        },
        {
          type: 'scatter',
          coordinateSystem: 'geo',
          symbol: 'diamond',
          symbolSize: 14,
          itemStyle: { color: '#13a35a' },
          data: me ? [{ name: t('finder.me'), value: [me.lng, me.lat] }] : [],
          zlevel: 3,
        },
      ],
    };
  }, [map.data, located, selectedId, me, t]);

  if (!codes.length) return null;
  if (map.isLoading) return <Spin className="finder-map-spin" />;
  if (!option) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('finder.mapUnavailable')} />;
  return (
    <EChart
      option={option}
      height={420}
      onClick={(p: EChartClick) => {
        const id = (p.data as { id?: string } | undefined)?.id;
        if (id) onSelect(id);
      }}
      data-testid="finder-map"
    />
  );
}
