import { AsyncLocalStorage } from 'node:async_hooks';

const correlation = new AsyncLocalStorage<string>();

/**
 * Runs `work` with the correlation id of the request or message it handles, so that every log line
 * written meanwhile names it (see PlatformLogger); without one, `work` runs as it is.
 */
export function withCorrelationId<T>(correlationId: string | undefined, work: () => T): T {
  return correlationId ? correlation.run(correlationId, work) : work();
}

/** The correlation id of the request or message being handled, if any. */
export function currentCorrelationId(): string | undefined {
  return correlation.getStore();
}
