// The boundary every platform implements: turn its traffic into neutral events for the Bot, render neutral
// messages back, and post on the bot's own initiative (scheduler, live rounds).
import type { Platform } from '../bot/events.ts';
import type { OutMessage } from '../core/message.ts';

/** Where the bot posts on its own: a channel of a community, optionally inside a thread. */
export interface PostTarget {
  communityId: string;
  channelId: string;
  threadId?: string;
}

/** What a post became on the platform, so it can be edited or threaded later. */
export interface PostedRef {
  channelId: string;
  messageId: string;
  /** Set when the message started a thread (OutMessage.startThread). */
  threadId?: string;
}

export interface PlatformAdapter {
  readonly platform: Platform;
  /** Connects and starts delivering events to the bot; resolves once ready. */
  start(): Promise<void>;
  /** Stops taking new events and lets in-flight ones finish. */
  stop(): Promise<void>;
  /** Whether events can arrive now (gateway ready, socket open, receiver serving); for /healthz. */
  isConnected(): boolean;
  /**
   * Posts on the bot's own initiative. `idempotencyKey` is the same on every retry of one logical post: platforms
   * that can (Discord's enforce_nonce) make a retry after a crash return the first message instead of a second one.
   */
  post(target: PostTarget, message: OutMessage, options?: { idempotencyKey?: string }): Promise<PostedRef>;
  edit(ref: PostedRef, message: OutMessage): Promise<void>;
}
