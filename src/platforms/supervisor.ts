// Keeps one platform connected on its own: the first attempt at start, then retries in the background with backoff,
// so one platform's outage never keeps the other (or /healthz) down. Its status says what /healthz shows.
import type { Logger } from '../log.ts';
import type { PlatformAdapter } from './adapter.ts';

/** Backoff between attempts to connect: 1 s, 2 s, 4 s … at most a minute. */
export const reconnectDelayMs = (failures: number) => Math.min(60_000, 1000 * 2 ** Math.max(0, failures - 1));
/** An attempt that neither connects nor fails in this long (a gateway that never says READY) counts as failed. */
export const CONNECT_TIMEOUT_MS = 30_000;

export class PlatformSupervisor {
  private failure: string | undefined = 'connecting';
  private stopped = false;
  private wake: (() => void) | undefined;

  constructor(
    readonly adapter: PlatformAdapter,
    private readonly logger: Logger,
    private readonly delayMs: (failures: number) => number = reconnectDelayMs,
  ) {}

  get platform() {
    return this.adapter.platform;
  }

  /** Starts connecting; resolves after the first attempt (true if it connected) while retries go on behind. */
  start(): Promise<boolean> {
    let first!: (ok: boolean) => void;
    const firstAttempt = new Promise<boolean>((resolve) => (first = resolve));
    void this.run(first);
    return firstAttempt;
  }

  private async run(first: (ok: boolean) => void): Promise<void> {
    for (let failures = 0; !this.stopped;) {
      try {
        await withTimeout(this.adapter.start(), CONNECT_TIMEOUT_MS);
        if (this.stopped) await this.adapter.stop(); // stopped while connecting
        this.failure = undefined;
        first(true);
        return;
      } catch (err) {
        failures += 1;
        this.failure = describeError(err);
        first(false);
        const retryInMs = this.delayMs(failures);
        this.logger.error(
          { err, platform: this.platform, retryInMs },
          `cannot connect to ${this.platform}; retrying`,
        );
        await this.adapter.stop().catch(() => undefined);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, retryInMs);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    }
  }

  /** 'ok', or why the platform cannot take events now. */
  status(): string {
    const problem = this.adapter.connectionProblem?.();
    if (this.failure) return `failing: ${this.failure}${problem ? ` (${problem})` : ''}`;
    if (this.adapter.isConnected()) return 'ok';
    return `failing: ${problem ?? 'not connected'}`;
  }

  /** Stops retrying and stops the adapter. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.adapter.stop();
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no connection after ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** An error with its causes ("fetch failed: connect ECONNREFUSED 127.0.0.1:9"): the root is what the operator needs. */
export function describeError(err: unknown): string {
  const parts: string[] = [];
  let current: unknown = err;
  for (let depth = 0; current && depth < 5; depth++) {
    const e = current as { message?: unknown; cause?: unknown; original?: unknown };
    const message = typeof e.message === 'string' ? e.message : String(current);
    if (message && !parts.some((p) => p.includes(message))) parts.push(message);
    current = e.original ?? e.cause;
  }
  return parts.join(': ') || 'unknown error';
}
