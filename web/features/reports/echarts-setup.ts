/**
 * The charting library, tree-shaken: only bar and line charts, the grid, tooltip and legend, and
 * the SVG renderer. Imported lazily by `Chart`, so the dashboard's first load carries none of it.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export type ChartOption = Parameters<echarts.ECharts['setOption']>[0];

export function renderChart(element: HTMLElement, option: ChartOption): () => void {
  const chart = echarts.init(element, undefined, { renderer: 'svg' });
  chart.setOption(option);
  const resize = () => chart.resize();
  window.addEventListener('resize', resize);
  return () => {
    window.removeEventListener('resize', resize);
    chart.dispose();
  };
}
