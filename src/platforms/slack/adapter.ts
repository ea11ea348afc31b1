// The Slack adapter: a bolt App (Socket Mode with an app token, else HTTP at /slack/events with the signing secret).
// Every request is acknowledged once its work is recorded (an answer, a setting: well under a millisecond), never
// before, because Slack does not resend a request it got a 200 for; work still running at ACK_AFTER_MS is
// acknowledged then, so Slack's 3-second deadline always holds. The answer follows through response_url, a modal or
// the Web API. Clicks are de-duplicated (platform retries), admins come from users.info or SLACK_ADMIN_USER_IDS.
import type {
  App,
  BlockAction,
  RespondFn,
  SlashCommand,
  SocketModeReceiver,
  ViewSubmitAction,
} from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Bot } from '../../bot/bot.ts';
import type { Locale } from '../../core/i18n.ts';
import { LINK_ACTION_PREFIX, type OutMessage, parseFormId, plainUserText } from '../../core/message.ts';
import type { HttpServer } from '../../http-server.ts';
import type { Logger } from '../../log.ts';
import type { Metrics } from '../../metrics.ts';
import type { PlatformAdapter, PostedRef, PostTarget } from '../adapter.ts';
import { ChannelPacer } from '../pacer.ts';
import { createSlackApp } from './app.ts';
import { ackAfter, formMeta, replyAfterForm } from './requests.ts';
import { placeOf, unescapeSlack } from './parse.ts';
import { SlackUsers } from './users.ts';
import { SlackHome } from './home.ts';
import { isHomeButton } from '../../core/home-render.ts';
import { escapeSlack, renderSlack } from './render.ts';
import { answerInteraction } from './answer.ts';
import { submittedValues } from './modal.ts';
import { RecentKeys } from '../../core/recent-keys.ts';

/** Slack's chat.postMessage allows about one message per second per channel (bursts are tolerated briefly). */
export const SLACK_POST_INTERVAL_MS = 1000;

export interface SlackAdapterOptions {
  bot: Bot;
  botToken: string;
  /** Socket Mode when set. */
  appToken?: string;
  /** HTTP mode: verifies every request (bad or stale signature → 401). */
  signingSecret?: string;
  /** Web API base (SLACK_API_URL), for tests and proxies. */
  apiUrl?: string;
  adminUserIds: readonly string[];
  /** HTTP mode: the server on PORT that /slack/events is added to. */
  http?: HttpServer;
  logger: Logger;
  /** Counts platform API failures. */
  metrics?: Metrics;
  locale: Locale;
  /** The least time between two of the bot's own posts in one channel (default SLACK_POST_INTERVAL_MS). */
  postIntervalMs?: number;
}

export class SlackAdapter implements PlatformAdapter {
  readonly platform = 'slack' as const;
  readonly app: App;
  private readonly socket: SocketModeReceiver | undefined;
  private serving = false;
  /** Set once stop() began: posts fail at once (the run table retries them) instead of racing the shutdown. */
  private stopping = false;
  private readonly users: SlackUsers;
  /** The bot's own posts (scheduled, live rounds), paced per channel; replies to people are not. */
  private readonly pacer: ChannelPacer;
  private readonly seen = new RecentKeys(10_000);
  private readonly inflight = new Set<Promise<unknown>>();
  private readonly home: SlackHome;

  constructor(private readonly opts: SlackAdapterOptions) {
    this.users = new SlackUsers(opts.adminUserIds, opts.logger);
    this.pacer = new ChannelPacer(opts.postIntervalMs ?? SLACK_POST_INTERVAL_MS);
    this.home = new SlackHome({ ...opts, users: this.users, track: (work) => this.track(work) });
    ({ app: this.app, socket: this.socket } = createSlackApp(opts));
    this.app.command(/.*/, ({ command, ack, respond, client }) =>
      this.track(() => this.onCommand(command, () => ack(), respond, client)),
    );
    this.app.action(/.*/, ({ body, ack, respond, client }) =>
      this.track(async () => {
        if (body.type === 'block_actions') await this.onClick(body, () => ack(), respond, client);
        else await ack();
      }),
    );
    // The App Home tab: published when the member opens it (bolt acknowledges events on arrival).
    this.app.event('app_home_opened', ({ event, body, client }) =>
      this.track(() => this.home.opened(event, body.team_id, client)),
    );
    this.app.view(/^form:/, ({ body, ack, client }) =>
      this.track(async () => {
        if (body.type === 'view_submission') await this.onForm(body, () => ack(), client);
        else await ack();
      }),
    );
    this.app.error(async (err) => {
      opts.metrics?.platformErrors.inc({ platform: 'slack', operation: 'request' });
      opts.logger.error({ err, platform: 'slack' }, 'slack request failed');
    });
  }

  /** Checks the token (auth.test), then connects (Socket Mode) or starts answering on /slack/events (HTTP). */
  async start(): Promise<void> {
    this.stopping = false;
    await this.app.init();
    if (this.socket) {
      await this.app.start();
      this.opts.logger.info('slack connected (Socket Mode)');
    } else {
      this.serving = true;
      this.opts.logger.info('slack serving /slack/events');
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.serving = false;
    if (this.socket) await this.app.stop();
    await Promise.allSettled([...this.inflight]);
  }

  isConnected(): boolean {
    return this.socket ? Boolean(this.socket.client.websocket?.isActive()) : this.serving;
  }

  async post(target: PostTarget, message: OutMessage): Promise<PostedRef> {
    if (this.stopping) throw new Error('slack is stopping');
    // No idempotency key on Slack: chat.postMessage has none (see the README's notes on exactly-once).
    let ts: string | undefined;
    for (const payload of renderSlack({ ...message, ephemeral: false })) {
      const sent = await this.pacer.run(target.channelId, () =>
        this.app.client.chat.postMessage({
          channel: target.channelId,
          ...(target.threadId ? { thread_ts: target.threadId } : {}),
          text: payload.text,
          blocks: payload.blocks,
          unfurl_links: false,
          unfurl_media: false,
        }),
      );
      ts ??= sent.ts;
    }
    const ref: PostedRef = { channelId: target.channelId, messageId: ts! };
    const thread = message.startThread;
    if (thread && !target.threadId) {
      // A Slack thread is the replies to a message: the first reply names it.
      await this.pacer.run(target.channelId, () =>
        this.app.client.chat.postMessage({
          channel: target.channelId,
          thread_ts: ts!,
          text: `🧵 *${escapeSlack(plainUserText(thread.name))}*`,
        }),
      );
      ref.threadId = ts;
    }
    return ref;
  }

  private async onCommand(
    command: SlashCommand,
    ack: () => Promise<void>,
    respond: RespondFn,
    client: WebClient,
  ): Promise<void> {
    const place = placeOf(command.team_id, command.channel_id);
    await answerInteraction(
      this.opts,
      async () => ({
        kind: 'command',
        name: command.command.replace(/^\//, ''),
        args: { text: unescapeSlack(command.text ?? '') },
        actor: await this.users.actor(command.user_id, command.user_name, client),
        place,
      }),
      ack,
      respond,
      client,
      command.trigger_id,
    );
  }

  private async onClick(
    body: BlockAction,
    ack: () => Promise<void>,
    respond: RespondFn,
    client: WebClient,
  ): Promise<void> {
    const action = body.actions?.[0];
    // Slack resends a request it thinks failed (X-Slack-Retry-Num): the same click, the same action_ts.
    if (
      !action ||
      action.type !== 'button' ||
      typeof body.user?.id !== 'string' ||
      !this.seen.add(`${body.user.id}:${action.action_ts}:${action.action_id}`) ||
      // A link button opened its address in the browser; the click itself asks nothing of the bot.
      action.action_id.startsWith(LINK_ACTION_PREFIX)
    )
      return ack();
    if (body.container?.type === 'view' || isHomeButton(action.action_id))
      return this.home.click(body, action, ack, client);
    const teamId = body.team?.id ?? body.user.team_id ?? '';
    const channelId = body.channel?.id ?? body.container?.channel_id ?? '';
    const place = placeOf(teamId, channelId, body.message?.thread_ts);
    await answerInteraction(
      this.opts,
      async () => ({
        kind: 'action',
        buttonId: action.action_id,
        actor: await this.users.actor(body.user.id, body.user.name ?? body.user.username ?? '', client),
        place,
      }),
      ack,
      respond,
      client,
      body.trigger_id,
    );
    // An answer changes the member's figures: their home follows, after the feedback and only if they opened it.
    if (action.action_id.startsWith('qa:')) this.home.refresh(client, teamId, body.user.id);
  }

  private async onForm(body: ViewSubmitAction, ack: () => Promise<void>, client: WebClient): Promise<void> {
    const form = parseFormId(body.view.callback_id);
    const meta = formMeta(body.view.private_metadata);
    if (!form || !meta.channel) return ack();
    const { command } = form;
    const channel = meta.channel;
    const values = { ...form.values, ...submittedValues(body.view.state) };
    const place = placeOf(meta.team ?? body.team?.id ?? '', channel);
    try {
      // The modal closes (ack) once the submission is saved.
      const messages = await ackAfter(
        async () =>
          this.opts.bot.handle({
            kind: 'command',
            name: command,
            args: { values },
            actor: await this.users.actor(body.user.id, body.user.name, client),
            place,
          }),
        ack,
      );
      // A modal has no response_url: answer in the channel it was opened from, privately unless the reply is public.
      for (const message of messages)
        for (const payload of renderSlack(message))
          await replyAfterForm(client, channel, body.user.id, payload, Boolean(message.ephemeral));
      this.home.refresh(client, place.communityId, body.user.id);
    } catch (err) {
      this.opts.metrics?.platformErrors.inc({ platform: 'slack', operation: 'form' });
      this.opts.logger.error(
        { err, platform: 'slack', command, user: body.user.id },
        'slack form reply failed',
      );
    }
  }

  private track<T>(work: () => Promise<T>): Promise<T> {
    const p = work();
    this.inflight.add(p);
    void p.finally(() => this.inflight.delete(p)).catch(() => undefined);
    return p;
  }
}
