/** A figure measured in several runs: its median, with the spread. */
export interface Figure {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly values: readonly number[];
}

export function summarize(values: readonly number[]): Figure {
  if (values.length === 0) throw new Error('no values to summarize');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], values };
}

/** The nearest-rank percentile `p` (0–100] of values sorted ascending. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new Error('no values for a percentile');
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** The latency figures one run reports: median, p95 and p99. */
export interface Latencies {
  readonly median: number;
  readonly p95: number;
  readonly p99: number;
}

export function latenciesOf(values: readonly number[]): Latencies {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
}

/** Figures per key (one value per run each) → their summaries, e.g. RSS per service. */
export function summarizeEach(values: Readonly<Record<string, readonly number[]>>): Record<string, Figure> {
  return Object.fromEntries(Object.entries(values).map(([key, list]) => [key, summarize(list)]));
}
