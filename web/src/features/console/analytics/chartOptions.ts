import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { formatNumber, formatPercent } from './figures';

/** What the console's charts may say: bars and lines on a grid, a legend, a tooltip. */
export type ChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

/**
 * Colours of the series: each at least 4.5:1 against the white background (WCAG 1.4.11 asks 3:1 for
 * graphics), bars side by side apart by a gap of white, and every series named in the legend.
 */
export const SERIES_COLOURS = {
  navy: '#003a70',
  green: '#1e6b34',
  orange: '#b35900',
  red: '#b3261e',
  brown: '#7a4e00',
  purple: '#6b3fa0',
} as const;

const TEXT = '#1b1b1b';
const LINE = '#767676';
const GRID_LINE = '#d0d4d9';
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

export interface Series {
  readonly name: string;
  readonly values: readonly number[];
  readonly colour: string;
}

/** What every chart shares: German numbers, dark text, no animation, the legend on top. */
function frame(legend: boolean): ChartOption {
  return {
    animation: false,
    aria: { enabled: false },
    textStyle: { fontFamily: FONT, fontSize: 13, color: TEXT },
    legend: legend
      ? { show: true, top: 0, left: 0, itemGap: 16, textStyle: { color: TEXT, fontSize: 13 } }
      : { show: false },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      // Drawn into the chart itself: the HTML tooltip would set inline styles the CSP forbids.
      renderMode: 'richText',
      valueFormatter: (value) => (typeof value === 'number' ? formatNumber(value) : String(value)),
    },
  };
}

const valueAxis = (formatter: (value: number) => string = formatNumber) => ({
  type: 'value' as const,
  minInterval: 1,
  axisLabel: { color: TEXT, formatter, hideOverlap: true },
  axisLine: { show: true, lineStyle: { color: LINE } },
  splitLine: { lineStyle: { color: GRID_LINE } },
});

const categoryAxis = (categories: readonly string[], labelWidth?: number) => ({
  type: 'category' as const,
  data: [...categories],
  axisLabel: {
    color: TEXT,
    ...(labelWidth ? { width: labelWidth, overflow: 'truncate' as const } : {}),
  },
  axisLine: { lineStyle: { color: LINE } },
  axisTick: { lineStyle: { color: LINE } },
});

/** At most a third of the window for the names beside the bars (a phone shows them shortened). */
function labelWidthFor(wanted: number): number {
  return Math.min(wanted, Math.round((globalThis.innerWidth || 1280) / 3));
}

/** Height of a chart with one row per category laid out horizontally (and room for the legend). */
export function horizontalChartHeight(categories: number, seriesCount = 1): number {
  return Math.max(160, 80 + categories * (14 + 14 * seriesCount));
}

/**
 * Bars lying down, one row per category (long names stay readable): the events' fill rates, the
 * participation by Land, sector, theme and size, the working groups.
 */
export function horizontalBarsOption(
  categories: readonly string[],
  series: readonly Series[],
  options: { readonly percent?: boolean; readonly labelWidth?: number } = {},
): ChartOption {
  const format = options.percent ? formatPercent : formatNumber;
  const base = frame(true);
  return {
    ...base,
    tooltip: { ...base.tooltip, valueFormatter: (value) => format(Number(value)) },
    grid: { top: 40, left: 8, right: 56, bottom: 8, containLabel: true },
    xAxis: {
      ...(options.percent
        ? { ...valueAxis(formatPercent), minInterval: undefined, max: (extent) => Math.max(1, extent.max) }
        : valueAxis()),
      // Fewer steps on a phone, so that the numbers under the bars do not run into each other.
      splitNumber: (globalThis.innerWidth || 1280) < 600 ? 2 : 5,
    },
    // The first category on top, as in the table; on a phone the names leave room for the bars.
    yAxis: { ...categoryAxis(categories, labelWidthFor(options.labelWidth ?? 220)), inverse: true },
    series: series.map((one) => ({
      type: 'bar' as const,
      name: one.name,
      data: [...one.values],
      itemStyle: { color: one.colour },
      barGap: '30%',
      barMaxWidth: 22,
      label: {
        show: true,
        position: 'right' as const,
        color: TEXT,
        // A zero says nothing a missing bar does not; its number is in the table.
        formatter: ({ value }: { value: unknown }) => (Number(value) === 0 ? '' : format(Number(value))),
      },
    })),
  };
}

/** Registrations per step as bars and all registrations so far as a line, over the steps since the opening. */
export function timelineOption(steps: readonly string[], perStep: Series, cumulative: Series): ChartOption {
  return {
    ...frame(true),
    grid: { top: 40, left: 8, right: 16, bottom: 8, containLabel: true },
    xAxis: categoryAxis(steps),
    yAxis: valueAxis(),
    series: [
      {
        type: 'bar',
        name: perStep.name,
        data: [...perStep.values],
        itemStyle: { color: perStep.colour },
        barMaxWidth: 28,
      },
      {
        type: 'line',
        name: cumulative.name,
        data: [...cumulative.values],
        itemStyle: { color: cumulative.colour },
        lineStyle: { color: cumulative.colour, width: 3 },
        symbol: 'circle',
        symbolSize: 7,
      },
    ],
  };
}

/** The movements of a month as bars side by side, the members at the month's end as a line. */
export function membershipOption(
  months: readonly string[],
  bars: readonly Series[],
  line: Series,
): ChartOption {
  return {
    ...frame(true),
    grid: { top: 56, left: 8, right: 16, bottom: 8, containLabel: true },
    xAxis: categoryAxis(months),
    yAxis: valueAxis(),
    series: [
      ...bars.map((one) => ({
        type: 'bar' as const,
        name: one.name,
        data: [...one.values],
        itemStyle: { color: one.colour },
        barGap: '30%',
        barMaxWidth: 18,
      })),
      {
        type: 'line' as const,
        name: line.name,
        data: [...line.values],
        itemStyle: { color: line.colour },
        lineStyle: { color: line.colour, width: 3 },
        symbol: 'diamond',
        symbolSize: 9,
      },
    ],
  };
}
