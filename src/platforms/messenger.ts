// Posts on the bot's own initiative (live rounds, reveals, scheduled posts) through whichever adapter serves the
// platform of the target: the Poster the domain modules are given.
import type { Destination, PostedRef, Poster } from '../core/destination.ts';
import type { Platform } from '../core/events.ts';
import type { OutMessage } from '../core/message.ts';
import type { Metrics } from '../metrics.ts';
import type { PlatformAdapter } from './adapter.ts';

export class Messenger implements Poster {
  private readonly adapters = new Map<Platform, PlatformAdapter>();

  constructor(private readonly metrics?: Metrics) {}

  register(adapter: PlatformAdapter): void {
    this.adapters.set(adapter.platform, adapter);
  }

  /** Posts through the destination's platform; a failure is counted as a platform API error and rethrown. */
  async post(
    to: Destination,
    message: OutMessage,
    options?: { idempotencyKey?: string },
  ): Promise<PostedRef> {
    const adapter = this.adapters.get(to.platform);
    if (!adapter) throw new Error(`no adapter for ${to.platform}`);
    try {
      return await adapter.post(to, message, options);
    } catch (err) {
      this.metrics?.platformErrors.inc({ platform: to.platform, operation: 'post' });
      throw err;
    }
  }
}
