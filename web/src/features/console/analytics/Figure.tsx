import type { ReactNode } from 'react';
import { texts } from '../../../texts';
import { Chart } from './Chart';
import type { ChartOption } from './chartOptions';

const t = texts.console.analytics.chart;

interface FigureProps {
  /** Id of the heading (and anchor of the figure). */
  readonly id: string;
  readonly heading: string;
  readonly level: 2 | 3;
  readonly intro?: ReactNode;
  /** Choices above the chart (which event, which step). */
  readonly controls?: ReactNode;
  /** Loading, failed or nothing to draw: shown instead of the chart, its table and its CSV. */
  readonly state?: ReactNode;
  readonly chart: { readonly label: string; readonly option: ChartOption; readonly height: number };
  /** The chart's numbers: a `<table>` with a caption. */
  readonly table: ReactNode;
  /** The table under the chart (true) or folded in „Tabelle anzeigen“. */
  readonly tableOpen?: boolean;
  readonly csv: { readonly href: string; readonly label: string; readonly note?: string };
  /** Further lines under the chart. */
  readonly children?: ReactNode;
}

/** A chart with its heading, its table and its CSV file: what every figure of the analytics page has. */
export function Figure({
  id,
  heading,
  level,
  intro,
  controls,
  state,
  chart,
  table,
  tableOpen = false,
  csv,
  children,
}: FigureProps) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section className="analytics-figure" aria-labelledby={id}>
      <Heading id={id}>{heading}</Heading>
      {intro ? <p className="analytics-intro">{intro}</p> : null}
      {controls}
      {state ?? (
        <>
          <Chart label={chart.label} option={chart.option} height={chart.height} />
          {children}
          {tableOpen ? (
            <TableScroll heading={heading}>{table}</TableScroll>
          ) : (
            <details className="analytics-table">
              <summary>
                {t.showTable}
                <span className="visually-hidden">: {heading}</span>
              </summary>
              <TableScroll heading={heading}>{table}</TableScroll>
            </details>
          )}
          <p className="analytics-csv">
            <a href={csv.href} download>
              {csv.label}
            </a>
            {csv.note ? <span className="analytics-csv-note"> {csv.note}</span> : null}
          </p>
        </>
      )}
    </section>
  );
}

/** A table wider than a phone scrolls sideways; the keyboard reaches it too (WCAG 2.1.1). */
function TableScroll({ heading, children }: { readonly heading: string; readonly children: ReactNode }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={t.tableOf(heading)}>
      {children}
    </div>
  );
}
