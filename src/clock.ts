// The only place that reads the wall clock. Everything else receives a Clock.
import type { Clock } from './core/time.ts';

export const systemClock: Clock = { now: () => new Date() };

/** A clock that only moves when told to: tests, and the shell's `!clock`. */
export class ManualClock implements Clock {
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
