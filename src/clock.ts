// The only place that reads the wall clock. Everything else receives a Clock.
import type { Clock } from './core/time.ts';

export const systemClock: Clock = { now: () => new Date() };

/** A clock that can be moved forward: tests and the shell's `!clock`. */
export interface AdjustableClock extends Clock {
  advance(ms: number): void;
  set(to: Date): void;
}

/** Stands still until told to move: tests. */
export class ManualClock implements AdjustableClock {
  private current: number;
  constructor(start: Date) {
    this.current = start.getTime();
  }
  now(): Date {
    return new Date(this.current);
  }
  set(to: Date): void {
    this.current = to.getTime();
  }
  advance(ms: number): void {
    this.current += ms;
  }
}

/** Real time plus an offset that `!clock` grows: the interactive shell, where time also passes by itself. */
export class OffsetClock implements AdjustableClock {
  private offset = 0;
  /** Starts at `start` (`npm start -- --at …`), else at the real time. */
  constructor(start?: Date) {
    if (start) this.set(start);
  }
  now(): Date {
    return new Date(Date.now() + this.offset);
  }
  set(to: Date): void {
    this.offset = to.getTime() - Date.now();
  }
  advance(ms: number): void {
    this.offset += ms;
  }
}
