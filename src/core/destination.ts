// Where the bot posts on its own (scheduled posts, live rounds, reveals) and what a post became: neutral types the
// domain modules use, and the one port they post through. Platforms implement it (src/platforms/messenger.ts).
import type { Place, Platform } from './events.ts';
import type { OutMessage } from './message.ts';

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

/** Where to post: a platform plus the adapter-level target. */
export type Destination = PostTarget & { platform: Platform };

export const destinationOf = (place: Place): Destination => ({
  platform: place.platform,
  communityId: place.communityId,
  channelId: place.channelId,
  threadId: place.threadId,
});

/**
 * Posts on the bot's own initiative. `idempotencyKey` is the same on every retry of one logical post: platforms that
 * can (Discord's enforce_nonce) make a retry after a crash return the first message instead of a second one.
 */
export interface Poster {
  post(to: Destination, message: OutMessage, options?: { idempotencyKey?: string }): Promise<PostedRef>;
}
