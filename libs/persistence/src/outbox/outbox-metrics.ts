import { CachedValue, describe, metricsRegistry, SCRAPE_CACHE_MS } from '@ic/platform';
import { Logger } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { OutboxBacklog, OutboxStore } from './outbox-store';

const logger = new Logger('OutboxMetrics');
const stores = new Map<OutboxStore, CachedValue<OutboxBacklog[]>>();

/**
 * Both gauges are filled on scrape from one read of the backlog (cached a few seconds; the
 * registry collects its metrics side by side, so each gauge asks the shared cache).
 */
new Gauge({
  name: 'ic_outbox_backlog_events',
  help: 'Events stored in an outbox and not yet published to Kafka, by collection',
  labelNames: ['collection'] as const,
  registers: [metricsRegistry],
  async collect() {
    this.reset();
    for (const { collection, events } of await currentBacklog()) this.set({ collection }, events);
  },
});

new Gauge({
  name: 'ic_outbox_oldest_unpublished_age_seconds',
  help: 'Age of the oldest event not yet published from an outbox (0: none waits), by collection',
  labelNames: ['collection'] as const,
  registers: [metricsRegistry],
  async collect() {
    this.reset();
    const now = Date.now();
    for (const { collection, oldest } of await currentBacklog())
      this.set({ collection }, oldest ? Math.max(0, (now - oldest.getTime()) / 1000) : 0);
  },
});

async function currentBacklog(): Promise<OutboxBacklog[]> {
  const backlog: OutboxBacklog[] = [];
  for (const cached of stores.values()) {
    try {
      backlog.push(...(await cached.get()));
    } catch (error) {
      // The scrape still answers with the other metrics; the outbox's series are missing meanwhile.
      logger.warn(`Could not read the outbox backlog: ${describe(error)}`);
    }
  }
  return backlog;
}

/** Publishes the backlog of the store's collections until `unwatchOutboxBacklog`. */
export function watchOutboxBacklog(store: OutboxStore): void {
  stores.set(store, new CachedValue(() => store.backlog(), SCRAPE_CACHE_MS));
}

export function unwatchOutboxBacklog(store: OutboxStore): void {
  stores.delete(store);
}
