/**
 * An asynchronous value read at most once per `maxAgeMs`: gauges computed on scrape (consumer lag,
 * the outbox backlog) ask Kafka or the database, and Prometheus, a person at the dashboard and
 * several scrapers must not each cost a round of queries. Callers at the same time share one read;
 * a failed read is not kept.
 */
export class CachedValue<T> {
  private value?: { readonly at: number; readonly read: Promise<T> };

  constructor(
    private readonly read: () => Promise<T>,
    private readonly maxAgeMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(): Promise<T> {
    const now = this.now();
    if (this.value && now - this.value.at < this.maxAgeMs) return this.value.read;
    const read = this.read();
    const value = { at: now, read };
    this.value = value;
    read.catch(() => {
      if (this.value === value) this.value = undefined;
    });
    return read;
  }
}

/** How long a gauge computed on scrape keeps its value: below Prometheus's usual 15 s interval. */
export const SCRAPE_CACHE_MS = 5000;
