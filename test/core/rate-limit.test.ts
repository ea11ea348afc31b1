import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/core/rate-limit.ts';

const at = (s: number) => new Date(Date.UTC(2026, 10, 23, 12, 0, s));

describe('RateLimiter', () => {
  it('allows a burst up to capacity, then one per refill interval', () => {
    const limiter = new RateLimiter({ capacity: 3, refillPerSecond: 0.5 });
    expect([1, 2, 3].map(() => limiter.take('ana', at(0)).ok)).toEqual([true, true, true]);
    expect(limiter.take('ana', at(0))).toEqual({ ok: false, retryAfterSeconds: 2 });
    expect(limiter.take('ana', at(1)).ok).toBe(false);
    expect(limiter.take('ana', at(2)).ok).toBe(true);
    expect(limiter.take('bruno', at(2)).ok).toBe(true);
  });

  it('stays bounded however many people pass by', () => {
    const limiter = new RateLimiter({ capacity: 2, refillPerSecond: 1 }, 100);
    for (let i = 0; i < 1000; i++) limiter.take(`user${i}`, at(i % 60));
    expect((limiter as unknown as { buckets: Map<string, unknown> }).buckets.size).toBeLessThanOrEqual(100);
  });

  it('neither refills nor starves when the clock goes back', () => {
    const limiter = new RateLimiter({ capacity: 2, refillPerSecond: 1 });
    expect(limiter.take('ana', at(50)).ok).toBe(true);
    // Four days earlier (the shell's clock moved back): the bucket is as it was, one token left.
    const earlier = new Date(at(50).getTime() - 4 * 86_400_000);
    expect(limiter.take('ana', earlier)).toEqual({ ok: true });
    expect(limiter.take('ana', earlier).ok).toBe(false);
    expect(limiter.take('ana', new Date(earlier.getTime() + 1000)).ok).toBe(true);
  });
});
