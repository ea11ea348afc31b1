// Neutral inbound events: every platform turns what it receives into one of these.
import type { Locale } from './i18n.ts';

export type Platform = 'discord' | 'slack' | 'shell';

/** Who did it. `isAdmin` is decided by the platform (Manage Server, workspace admin, `!admin on`). */
export interface Actor {
  id: string;
  name: string;
  isAdmin: boolean;
  /** The user's own locale when the platform tells it. */
  locale?: Locale;
}

/** Where it happened: the community (guild, workspace, local shell), channel and optional thread. */
export interface Place {
  platform: Platform;
  communityId: string;
  channelId: string;
  threadId?: string;
  /** What the bot lacks to post in this channel, where the platform says (Discord's app_permissions). */
  botLacks?: readonly BotPermission[];
}

/** The permissions automated posts need: see the channel, post, embed, read history, start and post in threads. */
export type PostingPermission = 'view' | 'send' | 'embeds' | 'history' | 'threads' | 'sendInThreads';
/** What the bot may need: posting, and managing the server's scheduled events (`/config events`). */
export type BotPermission = PostingPermission | 'createEvents';
/** The permissions of posting, for the warning when a channel becomes the place of posts. */
export const POSTING_PERMISSIONS: readonly BotPermission[] = [
  'view',
  'send',
  'embeds',
  'history',
  'threads',
  'sendInThreads',
];

/** Argument values after parsing: strings, integers, or user ids. */
export type ArgValues = Record<string, string | number | undefined>;

export type InboundEvent =
  | {
      kind: 'command';
      name: string;
      /** Slack and the shell send one text string; Discord sends typed values. */
      args: { text: string } | { values: ArgValues };
      actor: Actor;
      place: Place;
    }
  | { kind: 'action'; buttonId: string; actor: Actor; place: Place }
  | { kind: 'autocomplete'; name: string; option: string; partial: string; actor: Actor; place: Place }
  | { kind: 'message'; text: string; actor: Actor; place: Place };
