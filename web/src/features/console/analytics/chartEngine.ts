import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { ChartOption } from './chartOptions';

// Only what the console's charts use: bars and lines on a grid with a legend and a tooltip, drawn as SVG
// (sharp in print and at 200 % zoom; no canvas, no inline script or style, so the app's CSP holds).
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/** A chart drawn into an element: `update` draws another option, `dispose` removes it. */
export interface DrawnChart {
  update(option: ChartOption): void;
  dispose(): void;
}

/**
 * Draws into the element and keeps the chart at the element's width. jsdom draws nothing:
 * component tests replace this module.
 */
export function drawChart(element: HTMLElement): DrawnChart {
  const chart = echarts.init(element, null, { renderer: 'svg' });
  const observer = new ResizeObserver(() => chart.resize());
  observer.observe(element);
  return {
    update: (option) => chart.setOption(option, { notMerge: true }),
    dispose: () => {
      observer.disconnect();
      chart.dispose();
    },
  };
}
