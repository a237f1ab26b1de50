import type { EChartOption } from '../../../../shared/EChart.tsx';
import { formatNumber } from '../../../../shared/format.ts';

export interface Slice {
  code: string;
  name: string;
  n: number;
}

const PALETTE = ['#1561d6', '#36b37e', '#f5a623', '#8e5cd9', '#e8684a', '#13a8a8', '#6c8cbf', '#d4b106', '#eb2f96', '#597ef7'];

const tooltipValue = (v: unknown) => formatNumber(Number(v));

/** Vertical bars (few categories) or horizontal ones (long names: service fields). */
export function barOption(slices: Slice[], opts: { horizontal?: boolean; color?: string; unit: string }): EChartOption {
  const names = slices.map((s) => s.name);
  const category = {
    type: 'category',
    data: names,
    axisTick: { alignWithLabel: true },
    axisLabel: { interval: 0, ...(opts.horizontal ? {} : { rotate: names.length > 6 ? 30 : 0 }) },
  };
  const value = { type: 'value', minInterval: 1, axisLabel: { formatter: (v: number) => formatNumber(v) } };
  return {
    color: [opts.color ?? PALETTE[0]],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: tooltipValue },
    grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
    xAxis: opts.horizontal ? value : category,
    yAxis: opts.horizontal ? { ...category, inverse: true } : value,
    series: [
      {
        type: 'bar',
        name: opts.unit,
        data: slices.map((s) => s.n),
        barMaxWidth: 36,
        label: { show: true, position: opts.horizontal ? 'right' : 'top', formatter: (p: { value: number }) => (p.value ? formatNumber(p.value) : '') },
      },
    ],
  };
}

/** A ring chart with its legend below. */
export function pieOption(slices: Slice[], unit: string): EChartOption {
  return {
    color: PALETTE,
    tooltip: {
      trigger: 'item',
      formatter: (p: { name: string; value: number; percent: number }) => `${p.name}<br/>${formatNumber(p.value)} ${unit}（${p.percent}%）`,
    },
    legend: { bottom: 0, type: 'scroll' },
    series: [
      {
        type: 'pie',
        radius: ['40%', '68%'],
        center: ['50%', '45%'],
        avoidLabelOverlap: true,
        label: { formatter: (p: { name: string; value: number }) => `${p.name}\n${formatNumber(p.value)}` },
        data: slices.filter((s) => s.n > 0).map((s) => ({ name: s.name, value: s.n })),
      },
    ],
  };
}

/** Child regions: total, certified and key talents side by side; click a region to drill down. */
export function childrenOption(
  rows: { name: string; total: number; certified: number; key: number }[],
  series: { total: string; certified: string; key: string },
): EChartOption {
  const names = rows.map((r) => r.name);
  return {
    color: ['#1561d6', '#36b37e', '#e8684a'],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: tooltipValue },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 8 ? 35 : 0 } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (v: number) => formatNumber(v) } },
    series: [
      { type: 'bar', name: series.total, data: rows.map((r) => r.total), barMaxWidth: 28 },
      { type: 'bar', name: series.certified, data: rows.map((r) => r.certified), barMaxWidth: 28 },
      { type: 'bar', name: series.key, data: rows.map((r) => r.key), barMaxWidth: 28 },
    ],
  };
}
