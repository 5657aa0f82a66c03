import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Figure, summarize } from './stats';

interface Row {
  readonly label: string;
  readonly unit: string;
  readonly values: number[];
}

/** The figures of all runs, in the order they were first measured: one value per run each. */
export class FigureTable {
  private readonly rows = new Map<string, Row>();

  add(key: string, label: string, unit: string, value: number): void {
    const row = this.rows.get(key) ?? { label, unit, values: [] };
    row.values.push(value);
    this.rows.set(key, row);
  }

  summaries(): Record<string, { label: string; unit: string } & Figure> {
    return Object.fromEntries(
      [...this.rows].map(([key, row]) => [
        key,
        { label: row.label, unit: row.unit, ...summarize(row.values) },
      ]),
    );
  }
}

export interface BenchReport {
  readonly date: string;
  readonly node: string;
  readonly runs: number;
  readonly infrastructure: string;
  /** The variables the run used (bench/README.md explains each). */
  readonly settings: Readonly<Record<string, number | string>>;
  readonly figures: ReturnType<FigureTable['summaries']>;
  /** Per rush: what the correctness check found wrong (empty: correct) and its errors by status. */
  readonly checks: readonly {
    /** Which rush of which run, e.g. "run 1, burst". */
    readonly scenario: string;
    readonly problems: readonly string[];
    readonly errors: Record<string, number>;
  }[];
  /** Where CPU profiles of a service were written (BENCH_PROFILE). */
  readonly profiles: readonly string[];
}

/** Writes bench/results/<prefix><date>.json and .md and returns the Markdown. */
export function writeReport(
  resultsDir: string,
  report: BenchReport,
  prefix = '',
): { stem: string; markdown: string } {
  mkdirSync(resultsDir, { recursive: true });
  const stem = `${prefix}${report.date.slice(0, 19).replace(/[:T]/g, '-')}`;
  writeFileSync(join(resultsDir, `${stem}.json`), `${JSON.stringify(report, null, 2)}\n`);
  const format = (value: number) => (Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(2));
  const settings = Object.entries(report.settings)
    .map(([name, value]) => `${name}=${value}`)
    .join(', ');
  const markdown = [
    `# Benchmark ${report.date}`,
    '',
    `Node ${report.node}, ${report.runs} run(s), infrastructure: ${report.infrastructure}; ${settings}.`,
    '',
    '| figure | median | min | max |',
    '|---|---|---|---|',
    ...Object.values(report.figures).map(
      (figure) =>
        `| ${figure.label} | ${format(figure.median)} ${figure.unit} | ${format(figure.min)} | ${format(figure.max)} |`,
    ),
    '',
    ...report.checks.map(
      (check) =>
        `${check.scenario}: correctness ${check.problems.length === 0 ? 'ok' : check.problems.join('; ')}; ` +
        `errors ${Object.keys(check.errors).length === 0 ? 'none' : JSON.stringify(check.errors)}.`,
    ),
    ...(report.profiles.length > 0 ? ['', `CPU profiles: ${report.profiles.join(', ')}`] : []),
    '',
  ].join('\n');
  writeFileSync(join(resultsDir, `${stem}.md`), markdown);
  return { stem, markdown };
}
