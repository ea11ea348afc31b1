// The Discord adapter: interactions in (commands, buttons, modals, autocomplete), neutral replies out through the
// interaction (reply / update / showModal, deferred when work approaches the 3-second deadline, follow-ups after),
// and the bot's own posts through REST (channel messages, threads from agenda posts).
import { once } from 'node:events';
import {
  type APIChannel,
  type APIMessage,
  type AutocompleteInteraction,
  type Client,
  DiscordAPIError,
  Events,
  type Interaction,
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
  type InteractionUpdateOptions,
  MessageFlags,
  type RepliableInteraction,
  Routes,
  Status,
} from 'discord.js';
import type { Bot } from '../../bot/bot.ts';
import type { InboundEvent } from '../../core/events.ts';
import { type Locale, matchLocale, translator } from '../../core/i18n.ts';
import { hasForm, type OutMessage, plainUserText } from '../../core/message.ts';
import { truncate } from '../../core/text.ts';
import type { Logger } from '../../log.ts';
import type { Metrics } from '../../metrics.ts';
import type { PlatformAdapter, PostedRef, PostTarget } from '../adapter.ts';
import { createDiscordClient } from './client.ts';
import { DiscordScheduledEvents } from './scheduled-events.ts';
import { autocompleteEvent, buttonEvent, commandEvent, modalEvent, placeOf } from './parse.ts';
import { type DiscordMessagePayload, renderDiscord, renderModal } from './render.ts';

export interface DiscordAdapterOptions {
  bot: Bot;
  token: string;
  /** REST base (DISCORD_API_URL); the gateway address comes from its /gateway/bot. */
  apiUrl?: string;
  /** DISCORD_SHARDS: 'auto' (what /gateway/bot recommends, the default) or a forced count; all run in this process. */
  shards?: 'auto' | number;
  logger: Logger;
  /** Counts platform API failures. */
  metrics?: Metrics;
  /** The bot's default language, for the few words the adapter says itself. */
  locale: Locale;
  /** Work still running after this long is deferred (Discord drops an interaction not answered in 3 s). */
  deferAfterMs?: number;
}

const THREAD_ARCHIVE_MINUTES = 1440;
/** Discord's error code for "a thread has already been created for this message". */
const THREAD_ALREADY_CREATED = 160004;
const CHOICE_LIMIT = 100;
const DESTROY_TIMEOUT_MS = 2000;

/** discord.js options for a rendered payload. */
const replyOptions = (payload: DiscordMessagePayload): InteractionReplyOptions => ({
  embeds: payload.embeds,
  components: payload.components as InteractionReplyOptions['components'],
  allowedMentions: { parse: [] },
  ...(payload.flags ? { flags: MessageFlags.Ephemeral } : {}),
});

/** Edits and updates keep the message's visibility: no flags. */
const editOptions = (
  payload: DiscordMessagePayload,
): InteractionEditReplyOptions & InteractionUpdateOptions => ({
  embeds: payload.embeds,
  components: payload.components as InteractionEditReplyOptions['components'],
  allowedMentions: { parse: [] },
});

export class DiscordAdapter implements PlatformAdapter {
  readonly platform = 'discord' as const;
  readonly client: Client;
  /** The guild scheduled events of this client (the event sync's port). */
  readonly scheduledEvents: DiscordScheduledEvents;
  private readonly inflight = new Set<Promise<void>>();
  private accepting = true;

  constructor(private readonly opts: DiscordAdapterOptions) {
    this.client = createDiscordClient(opts.apiUrl, opts.shards);
    this.scheduledEvents = new DiscordScheduledEvents(this.client.rest);
    this.client.on(Events.InteractionCreate, (interaction) => {
      if (!this.accepting) return;
      const work = this.onInteraction(interaction).finally(() => this.inflight.delete(work));
      this.inflight.add(work);
    });
    this.client.on(Events.Error, (err) => opts.logger.error({ err }, 'discord client error'));
    this.client.on(Events.Warn, (message) => opts.logger.warn({ platform: 'discord' }, message));
    // One line per shard state change, with how many are ready, so a log shows which connection is down.
    this.client.on(Events.ShardReady, (shard) => this.shardChanged('info', shard, 'discord shard ready'));
    this.client.on(Events.ShardResume, (shard) => this.shardChanged('info', shard, 'discord shard resumed'));
    this.client.on(Events.ShardReconnecting, (shard) =>
      this.shardChanged('warn', shard, 'discord shard reconnecting'),
    );
    this.client.on(Events.ShardDisconnect, (event, shard) =>
      this.shardChanged('warn', shard, 'discord gateway disconnected', { code: event.code }),
    );
    this.client.on(Events.ShardError, (err, shard) =>
      opts.logger.error({ err, platform: 'discord', shard }, 'discord shard error'),
    );
  }

  /** Shards ready and shards this process runs (0 of 0 before the first login has fetched the count). */
  shardState(): { ready: number; total: number; notReady: number[] } {
    const shards = [...this.client.ws.shards.values()];
    const notReady = shards.filter((s) => s.status !== Status.Ready).map((s) => s.id);
    return { ready: shards.length - notReady.length, total: shards.length, notReady };
  }

  private shardChanged(
    level: 'info' | 'warn',
    shard: number,
    message: string,
    extra: Record<string, unknown> = {},
  ): void {
    const { ready, total } = this.shardState();
    this.opts.metrics?.gatewayShards.set({ platform: 'discord', state: 'ready' }, ready);
    this.opts.metrics?.gatewayShards.set({ platform: 'discord', state: 'total' }, total);
    this.opts.logger[level](
      { platform: 'discord', shard, shardsReady: ready, shards: total, ...extra },
      message,
    );
  }

  /** Logs in and resolves once the gateway is ready and the guilds have arrived. */
  async start(): Promise<void> {
    this.accepting = true;
    const ready = once(this.client, Events.ClientReady);
    await this.client.login(this.opts.token);
    await ready;
    this.opts.logger.info(
      { user: this.client.user?.tag, guilds: this.client.guilds.cache.size, shards: this.shardState().total },
      'discord connected',
    );
  }

  /** Takes no new interactions, lets in-flight ones answer, then closes the gateway. */
  async stop(): Promise<void> {
    this.accepting = false;
    await Promise.allSettled([...this.inflight]);
    // discord.js's destroy waits on a shard still waiting for READY without end: bounded, so a stop is prompt.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.client.destroy(),
      new Promise((resolve) => (timer = setTimeout(resolve, DESTROY_TIMEOUT_MS).unref())),
    ]).finally(() => clearTimeout(timer));
  }

  /** Ready only when every shard is: a guild on a dropped shard gets no interactions. */
  isConnected(): boolean {
    const { ready, total } = this.shardState();
    return this.accepting && this.client.isReady() && total > 0 && ready === total;
  }

  /** For /healthz when not connected: which shards are down. */
  connectionProblem(): string | undefined {
    const { ready, total, notReady } = this.shardState();
    if (total === 0 || ready === total) return undefined;
    return `${ready} of ${total} shards ready; not ready: ${notReady.join(', ')}`;
  }

  async post(
    target: PostTarget,
    message: OutMessage,
    options: { idempotencyKey?: string } = {},
  ): Promise<PostedRef> {
    const channel = target.threadId ?? target.channelId;
    let firstId: string | undefined;
    for (const [part, payload] of renderDiscord({ ...message, ephemeral: false }).entries()) {
      // With enforce_nonce Discord answers a repeated nonce (a retry after a crash) with the message it already made.
      const nonce = options.idempotencyKey && `${options.idempotencyKey}:${part}`.slice(0, 25);
      const body = nonce ? { ...payload, nonce, enforce_nonce: true } : payload;
      const sent = (await this.client.rest.post(Routes.channelMessages(channel), { body })) as APIMessage;
      firstId ??= sent.id;
    }
    const ref: PostedRef = { channelId: channel, messageId: firstId! };
    if (message.startThread)
      ref.threadId = await this.startThread(channel, firstId!, plainUserText(message.startThread.name));
    return ref;
  }

  /** A thread from a message; if a retry finds it already there, it is the one (its id is the message's). */
  private async startThread(channel: string, messageId: string, name: string): Promise<string> {
    try {
      const thread = (await this.client.rest.post(Routes.threads(channel, messageId), {
        body: { name: truncate(name, 100), auto_archive_duration: THREAD_ARCHIVE_MINUTES },
      })) as APIChannel;
      return thread.id;
    } catch (err) {
      if (err instanceof DiscordAPIError && err.code === THREAD_ALREADY_CREATED) return messageId;
      throw err;
    }
  }

  /** The one handler: every failure ends here, logged with context, and the user gets a short private apology. */
  private async onInteraction(interaction: Interaction): Promise<void> {
    try {
      if (interaction.isAutocomplete()) return await this.autocomplete(interaction);
      if (!interaction.isRepliable()) return;
      const place = placeOf(interaction);
      if (!place) {
        // Registered for servers only; a client that still sends one from a DM (an old registration, a user
        // install) hears why, in the user's language.
        const t = translator(matchLocale(interaction.locale) ?? this.opts.locale);
        await interaction.reply({ content: t('discord.guildOnly'), flags: MessageFlags.Ephemeral });
        return;
      }
      let event: InboundEvent | undefined;
      if (interaction.isChatInputCommand()) event = commandEvent(interaction, place);
      else if (interaction.isButton()) event = buttonEvent(interaction, place);
      else if (interaction.isModalSubmit()) event = modalEvent(interaction, place);
      if (event) await this.respond(interaction, event);
    } catch (err) {
      this.opts.metrics?.platformErrors.inc({ platform: 'discord', operation: 'interaction' });
      this.opts.logger.error(
        {
          err,
          platform: 'discord',
          interaction: interaction.type,
          command: interaction.isCommand() ? interaction.commandName : undefined,
          button: interaction.isButton() ? interaction.customId : undefined,
          user: interaction.user.id,
          guild: interaction.guildId,
        },
        'discord interaction failed',
      );
      if (interaction.isRepliable()) await this.apologise(interaction);
    }
  }

  private async autocomplete(interaction: AutocompleteInteraction): Promise<void> {
    const place = placeOf(interaction);
    const choices = place ? this.opts.bot.autocomplete(autocompleteEvent(interaction, place)) : [];
    await interaction.respond(
      choices.map((c) => ({ name: truncate(c.name, CHOICE_LIMIT), value: c.value.slice(0, CHOICE_LIMIT) })),
    );
  }

  /** Runs the bot; defers if it is slow, then answers with the first message and follows up with the rest. */
  private async respond(interaction: RepliableInteraction, event: InboundEvent): Promise<void> {
    const work = this.opts.bot.handle(event);
    let deferring: Promise<unknown> | undefined;
    const timer = setTimeout(() => {
      deferring = interaction.isMessageComponent() ? interaction.deferUpdate() : interaction.deferReply();
    }, this.opts.deferAfterMs ?? 2000);
    const messages = await work.finally(() => clearTimeout(timer));
    if (deferring) await deferring;
    if (messages.length === 0) {
      if (interaction.isMessageComponent() && !interaction.deferred) await interaction.deferUpdate();
      return;
    }
    let answered = false;
    for (const message of messages) {
      if (!answered && hasForm(message) && this.canShowModal(interaction)) {
        await interaction.showModal(renderModal(message));
        answered = true;
        continue;
      }
      for (const payload of renderDiscord(message)) {
        await this.send(interaction, payload, message, !answered);
        answered = true;
      }
    }
  }

  private canShowModal(interaction: RepliableInteraction): interaction is RepliableInteraction & {
    showModal: (modal: ReturnType<typeof renderModal>) => Promise<unknown>;
  } {
    return (
      !interaction.deferred &&
      !interaction.replied &&
      (interaction.isChatInputCommand() || interaction.isMessageComponent())
    );
  }

  /** One payload through the right call for the interaction's state. */
  private async send(
    interaction: RepliableInteraction,
    payload: DiscordMessagePayload,
    message: OutMessage,
    first: boolean,
  ): Promise<void> {
    const component = interaction.isMessageComponent() ? interaction : undefined;
    if (!first) await interaction.followUp(replyOptions(payload));
    else if (!interaction.deferred) {
      if (message.replace && component) await component.update(editOptions(payload));
      else await interaction.reply(replyOptions(payload));
    } else if (component) {
      if (message.replace) await interaction.editReply(editOptions(payload));
      else await interaction.followUp(replyOptions(payload));
    } else if (payload.flags) {
      // A command deferred in public: a private answer cannot reuse that message.
      await interaction.deleteReply();
      await interaction.followUp(replyOptions(payload));
    } else await interaction.editReply(editOptions(payload));
  }

  private async apologise(interaction: RepliableInteraction): Promise<void> {
    const content = translator(this.opts.locale)('error.generic');
    try {
      if (interaction.deferred || interaction.replied)
        await interaction.followUp({ content, flags: MessageFlags.Ephemeral });
      else await interaction.reply({ content, flags: MessageFlags.Ephemeral });
    } catch (err) {
      this.opts.logger.warn({ err }, 'could not tell the user about a failure');
    }
  }
}
