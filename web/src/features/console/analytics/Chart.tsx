import { useEffect, useRef } from 'react';
import { drawChart, type DrawnChart } from './chartEngine';
import type { ChartOption } from './chartOptions';

interface ChartProps {
  /** What the chart shows, in words, for those who do not see it (its table says it in full). */
  readonly label: string;
  readonly option: ChartOption;
  /** Height in pixels; the width is the page's. */
  readonly height: number;
}

/** An ECharts chart as one image with a German description; thin on purpose: the data are in its table. */
export function Chart({ label, option, height }: ChartProps) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<DrawnChart | null>(null);
  useEffect(() => {
    if (!element.current) return;
    const drawn = drawChart(element.current);
    chart.current = drawn;
    return () => {
      chart.current = null;
      drawn.dispose();
    };
  }, []);
  useEffect(() => {
    chart.current?.update(option);
  }, [option]);
  return <div ref={element} className="chart" role="img" aria-label={label} style={{ height }} />;
}
