export type ThrottleDecision =
  | { readonly allowed: true; /** Requests left in the window after this one. */ readonly remaining: number }
  | { readonly allowed: false; readonly retryAfterSeconds: number };

export interface ThrottleOptions {
  /** Requests allowed per key within the window. */
  readonly limit: number;
  readonly windowMs: number;
  /** Keys remembered at most; beyond that the least recently used go first. */
  readonly maxKeys?: number;
}

const DEFAULT_MAX_KEYS = 50_000;

/**
 * An in-memory sliding window per key (here: the client's address): at most `limit` requests in any
 * `windowMs`. Refused requests do not count, and a request that should not count after all (a
 * sign-in that succeeded) is given back. Per gateway instance: see the README (Abuse limits).
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
    return { allowed: true, remaining: this.options.limit - recent.length };
  }

  /** Takes back the request allowed at `at`, so that it no longer counts. */
  giveBack(key: string, at: number): void {
    const times = this.hits.get(key);
    const index = times?.indexOf(at) ?? -1;
    if (times && index >= 0) times.splice(index, 1);
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
