/**
 * Per-caller fixed-window limiter with IETF RateLimit headers. In AWS the stage throttle is the hard
 * limit across containers; this one is per process (per Lambda container, or the whole embedded
 * default) and tells clients where they stand.
 */
export interface RateDecision {
  allowed: boolean;
  headers: Record<string, string>;
}

/** The RateLimit headers of a fixed window (`windowSeconds` long, ending `resetSeconds` from now). */
export function windowHeaders(
  limit: number,
  used: number,
  windowSeconds: number,
  resetSeconds: number,
): Record<string, string> {
  return {
    'ratelimit-limit': String(limit),
    'ratelimit-remaining': String(Math.max(0, limit - used)),
    'ratelimit-reset': String(resetSeconds),
    'ratelimit-policy': `${limit};w=${windowSeconds}`,
  };
}

export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowSeconds: number,
  ) {}

  /** Whether `key` has used up its window, without counting this look. */
  exhausted(key: string, nowMs: number): boolean {
    const window = this.windows.get(key);
    return (
      window !== undefined && nowMs - window.start < this.windowSeconds * 1000 && window.count >= this.limit
    );
  }

  /** Counts one request of `key`; `limit` overrides the limiter's own (a caller with its own limit). */
  take(key: string, nowMs: number, limit = this.limit): RateDecision {
    const windowMs = this.windowSeconds * 1000;
    let window = this.windows.get(key);
    if (!window || nowMs - window.start >= windowMs) {
      window = { start: nowMs, count: 0 };
      this.windows.set(key, window);
      if (this.windows.size > 10_000) this.prune(nowMs);
    }
    window.count += 1;
    const reset = Math.max(0, Math.ceil((window.start + windowMs - nowMs) / 1000));
    return {
      allowed: window.count <= limit,
      headers: windowHeaders(limit, window.count, this.windowSeconds, reset),
    };
  }

  private prune(nowMs: number): void {
    const windowMs = this.windowSeconds * 1000;
    for (const [key, w] of this.windows) if (nowMs - w.start >= windowMs) this.windows.delete(key);
  }
}
