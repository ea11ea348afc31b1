// Per-channel pacing of outbound posts: calls for one channel run one at a time, each at least `intervalMs` after the
// previous one ended (Slack allows chat.postMessage about once per second per channel); different channels never
// wait on each other. p-limit(1) per channel keeps the order; idle channels are forgotten, so memory stays flat.
import { setTimeout as sleep } from 'node:timers/promises';
import pLimit, { type LimitFunction } from 'p-limit';

/** Channels remembered before idle ones are swept. */
const SWEEP_ABOVE = 1000;

interface Lane {
  limit: LimitFunction;
  /** When the next call for this channel may start (epoch ms). */
  nextAt: number;
}

export class ChannelPacer {
  private readonly lanes = new Map<string, Lane>();

  constructor(private readonly intervalMs: number) {}

  /** Runs `call` for `channel` once the channel's previous call has ended and its interval has passed. */
  run<T>(channel: string, call: () => Promise<T>): Promise<T> {
    let lane = this.lanes.get(channel);
    if (!lane) {
      if (this.lanes.size >= SWEEP_ABOVE) this.sweep();
      this.lanes.set(channel, (lane = { limit: pLimit(1), nextAt: 0 }));
    }
    const own = lane;
    return own.limit(async () => {
      const wait = own.nextAt - Date.now();
      if (wait > 0) await sleep(wait);
      try {
        return await call();
      } finally {
        own.nextAt = Date.now() + this.intervalMs;
      }
    });
  }

  /** Channels currently remembered (tests). */
  get size(): number {
    return this.lanes.size;
  }

  private sweep(): void {
    const now = Date.now();
    for (const [channel, lane] of this.lanes)
      if (lane.limit.activeCount === 0 && lane.limit.pendingCount === 0 && lane.nextAt <= now)
        this.lanes.delete(channel);
  }
}
