// Per-user token buckets: a burst of `capacity` actions, then `refillPerSecond` more each second. Pure: the caller
// passes the time. Bounded: idle buckets (full again) are forgotten when the map grows large.

export interface RateLimit {
  capacity: number;
  refillPerSecond: number;
}

/** Generous for a person (a live round is one click per question), tight for a script: 20 at once, 1 a second after. */
export const USER_RATE_LIMIT: RateLimit = { capacity: 20, refillPerSecond: 1 };

interface Bucket {
  tokens: number;
  at: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly limit: RateLimit = USER_RATE_LIMIT,
    private readonly maxKeys = 50_000,
  ) {}

  /** Takes one token for `key`; when none is left, returns how many seconds until the next one. */
  take(key: string, now: Date): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const t = now.getTime();
    const bucket = this.buckets.get(key) ?? { tokens: this.limit.capacity, at: t };
    // Time that ran backwards (the shell's clock moved back, a system clock corrected) refills nothing and takes
    // nothing away: the bucket is as it was.
    const elapsed = Math.max(0, t - bucket.at);
    const tokens = Math.min(
      this.limit.capacity,
      bucket.tokens + (elapsed / 1000) * this.limit.refillPerSecond,
    );
    if (tokens < 1) {
      this.buckets.set(key, { tokens, at: t });
      return { ok: false, retryAfterSeconds: Math.ceil((1 - tokens) / this.limit.refillPerSecond) };
    }
    if (this.buckets.size >= this.maxKeys) this.forgetFull(t);
    this.buckets.set(key, { tokens: tokens - 1, at: t });
    return { ok: true };
  }

  private forgetFull(t: number) {
    for (const [key, b] of this.buckets) {
      if (b.tokens + ((t - b.at) / 1000) * this.limit.refillPerSecond >= this.limit.capacity)
        this.buckets.delete(key);
    }
    if (this.buckets.size >= this.maxKeys) this.buckets.clear();
  }
}
