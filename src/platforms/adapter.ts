// The boundary every platform implements: turn its traffic into neutral events for the Bot, render neutral
// messages back, and post on the bot's own initiative (scheduler, live rounds).
import type { PostedRef, PostTarget } from '../core/destination.ts';
import type { Platform } from '../core/events.ts';
import type { OutMessage } from '../core/message.ts';

export interface PlatformAdapter {
  readonly platform: Platform;
  /** Connects and starts delivering events to the bot; resolves once ready. */
  start(): Promise<void>;
  /** Stops taking new events and lets in-flight ones finish. */
  stop(): Promise<void>;
  /** Whether events can arrive now (gateway ready, socket open, receiver serving); for /healthz. */
  isConnected(): boolean;
  /** When not connected, why in a few words (e.g. "1 of 2 shards ready"); /healthz shows it. */
  connectionProblem?(): string | undefined;
  /**
   * Posts on the bot's own initiative. `idempotencyKey` is the same on every retry of one logical post: platforms
   * that can (Discord's enforce_nonce) make a retry after a crash return the first message instead of a second one.
   */
  post(target: PostTarget, message: OutMessage, options?: { idempotencyKey?: string }): Promise<PostedRef>;
}

export type { PostedRef, PostTarget };
