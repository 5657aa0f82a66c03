export type ThrottleDecision =
  { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

export interface ThrottleOptions {
  /** Requests allowed per key within the window. */
  readonly limit: number;
  readonly windowMs: number;
  /** Keys remembered at most; beyond that the least recently used go first. */
  readonly maxKeys?: number;
}

const DEFAULT_MAX_KEYS = 50_000;

/**
 * An in-memory sliding window per key (here: the client's IP address): at most `limit` requests in
 * any `windowMs`. Refused requests do not count. Per gateway instance, which is enough to slow down
 * one client; the membership service additionally limits the mails per address.
 */
export class SlidingWindowThrottle {
  private readonly hits = new Map<string, number[]>();
  private readonly maxKeys: number;

  constructor(private readonly options: ThrottleOptions) {
    this.maxKeys = options.maxKeys ?? DEFAULT_MAX_KEYS;
  }

  take(key: string, now = Date.now()): ThrottleDecision {
    const windowStart = now - this.options.windowMs;
    const recent = (this.hits.get(key) ?? []).filter((at) => at > windowStart);
    const oldest = recent[0];
    if (recent.length >= this.options.limit && oldest !== undefined) {
      this.hits.set(key, recent);
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest - windowStart) / 1000)) };
    }
    recent.push(now);
    this.hits.delete(key);
    this.hits.set(key, recent);
    this.evict(windowStart);
    return { allowed: true };
  }

  get size(): number {
    return this.hits.size;
  }

  private evict(windowStart: number): void {
    if (this.hits.size <= this.maxKeys) return;
    for (const [key, times] of this.hits) {
      if ((times[times.length - 1] ?? 0) <= windowStart) this.hits.delete(key);
    }
    for (const key of this.hits.keys()) {
      if (this.hits.size <= this.maxKeys) break;
      this.hits.delete(key);
    }
  }
}
