/**
 * A small ECharts wrapper: only the chart types and components the app uses are registered (the
 * full library is several times larger), the canvas follows its container's size, and the parent
 * gets the instance (for getDataURL) through `onReady`.
 */
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { type CSSProperties, useEffect, useRef } from 'react';

echarts.use([BarChart, PieChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

export type EChartsInstance = echarts.ECharts;
export type EChartOption = echarts.EChartsCoreOption;
export type EChartClick = { name: string; dataIndex: number; data: unknown; seriesIndex?: number };

interface EChartProps {
  option: EChartOption;
  height?: number;
  style?: CSSProperties;
  onClick?: (params: EChartClick) => void;
  /** A click anywhere in the grid above a category (not only on its bars, which may be tiny or zero). */
  onCategoryClick?: (index: number) => void;
  onReady?: (chart: EChartsInstance | null) => void;
  'data-testid'?: string;
}

export function EChart({ option, height = 300, style, onClick, onCategoryClick, onReady, ...rest }: EChartProps) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsInstance | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;
  const categoryRef = useRef(onCategoryClick);
  categoryRef.current = onCategoryClick;
  const readyRef = useRef(onReady);
  readyRef.current = onReady;

  useEffect(() => {
    if (!el.current) return;
    const instance = echarts.init(el.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (p) => clickRef.current?.(p as unknown as EChartClick));
    instance.getZr().on('click', (e) => {
      const point = [e.offsetX, e.offsetY];
      if (!categoryRef.current || !instance.containPixel('grid', point)) return;
      const [x] = instance.convertFromPixel({ gridIndex: 0 }, point) as number[];
      const index = Math.round(x);
      if (Number.isFinite(index) && index >= 0) categoryRef.current(index);
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el.current);
    readyRef.current?.(instance);
    return () => {
      observer.disconnect();
      readyRef.current?.(null);
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div ref={el} style={{ width: '100%', height, cursor: onClick || onCategoryClick ? 'pointer' : undefined, ...style }} data-testid={rest['data-testid']} />
  );
}
