// Callbacks at instants of the injected clock. With real time they also fire by themselves (setTimeout);
// moving an adjustable clock forward runs whatever became due, in order, so tests and `!clock` never sleep.
import type { AdjustableClock } from './clock.ts';
import type { Clock } from './core/time.ts';
import type { Logger } from './log.ts';

interface Pending {
  id: number;
  at: number;
  fn: () => unknown;
}

export class Timers {
  private pending: Pending[] = [];
  private nextId = 1;
  private handle: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    readonly clock: Clock,
    private readonly logger: Logger,
    private readonly realTime: boolean,
  ) {}

  /** Runs fn at `when` (or at the next run if already past); returns a cancel function. */
  at(when: Date, fn: () => unknown): () => void {
    const id = this.nextId++;
    const at = when.getTime();
    // Kept in order (time, then arrival) by a binary-search insert: thousands of daily reveals are pending at once.
    let lo = 0;
    let hi = this.pending.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.pending[mid]!.at <= at) lo = mid + 1;
      else hi = mid;
    }
    this.pending.splice(lo, 0, { id, at, fn });
    if (lo === 0) this.arm();
    return () => {
      const index = this.pending.findIndex((p) => p.id === id);
      if (index < 0) return;
      this.pending.splice(index, 1);
      if (index === 0) this.arm();
    };
  }

  /** Moves an adjustable clock forward and runs everything that became due, each at its own instant. */
  async advanceTo(target: Date): Promise<void> {
    const clock = this.clock as AdjustableClock;
    for (;;) {
      const next = this.pending[0];
      if (!next || next.at > target.getTime()) break;
      if (next.at > clock.now().getTime()) clock.set(new Date(next.at));
      await this.runDue();
    }
    if (target.getTime() > clock.now().getTime()) clock.set(target);
    await this.runDue();
  }

  /** Runs every callback whose time has come, one after another, including ones they schedule for now. */
  runDue(): Promise<void> {
    this.running = this.running.then(async () => {
      for (;;) {
        const next = this.pending[0];
        if (this.stopped || !next || next.at > this.clock.now().getTime()) break;
        this.pending.shift();
        try {
          await next.fn();
        } catch (err) {
          this.logger.error({ err }, 'timer callback failed');
        }
      }
      this.arm();
    });
    return this.running;
  }

  /** Waits for the callback in flight, then drops the rest. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.handle) clearTimeout(this.handle);
    await this.running;
    this.pending = [];
  }

  private arm() {
    if (!this.realTime || this.stopped) return;
    if (this.handle) clearTimeout(this.handle);
    const next = this.pending[0];
    if (!next) return;
    const delay = Math.min(Math.max(0, next.at - this.clock.now().getTime()), 2 ** 31 - 1);
    this.handle = setTimeout(() => void this.runDue(), delay);
    // Pending timers never keep the process alive: piped shells exit at end of input.
    this.handle.unref();
  }
}
