import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * The one registry of this process: every metric of the platform registers here (`registers:
 * [metricsRegistry]`), and `/metrics` serves it. Not prom-client's global registry, so that a library
 * that registers metrics of its own there does not change what the services publish.
 */
export const metricsRegistry = new Registry();

let defaultMetricsCollected = false;

/**
 * Labels every metric with the service's name and adds Node's default metrics (CPU, memory, event
 * loop lag, garbage collection, handles). Prometheus adds the instance from the scrape target.
 */
export function startServiceMetrics(service: string): void {
  metricsRegistry.setDefaultLabels({ service });
  if (defaultMetricsCollected) return;
  defaultMetricsCollected = true;
  collectDefaultMetrics({ register: metricsRegistry });
}
