// Slack's App Home tab: on app_home_opened the member's home (src/core/home-render.ts sections, as Block Kit) is
// published with views.publish, and republished after they answer a question — only for members who opened it. Its
// two buttons: "Praticar agora" opens the member's Messages tab with the app (conversations.open) and posts the
// practice question there through the bot, as /quiz would, so its answer buttons work as anywhere else; "Enviar
// reflexão" opens the /reflect modal (views.open with the click's trigger_id). Every call is the Web API client's:
// 10 s timeout, no retry.
import type { BlockAction, ButtonAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Bot } from '../../bot/bot.ts';
import type { InboundEvent } from '../../core/events.ts';
import { HOME_BUTTONS, isHomeButton } from '../../core/home-render.ts';
import { type Locale, translator } from '../../core/i18n.ts';
import { hasForm, type OutMessage } from '../../core/message.ts';
import type { Logger } from '../../log.ts';
import type { Metrics } from '../../metrics.ts';
import { placeOf } from './parse.ts';
import { renderModalView } from './modal.ts';
import { renderSlack, type SlackBlock } from './render.ts';
import { ackAfter } from './requests.ts';
import type { SlackUsers } from './users.ts';

/** Slack's limit on the blocks of a home view. */
export const HOME_BLOCK_LIMIT = 100;
/** Slack user and team ids (U…/W…, T…/E…): anything else in an event is not Slack's. */
const SLACK_ID = /^[A-Z][A-Z0-9]{2,30}$/;

type HomeBlock = SlackBlock | { type: 'divider' };

/** The home's sections as a home view: each section's blocks, a divider between sections, within Slack's limit. */
export function renderHomeView(sections: readonly OutMessage[]): { type: 'home'; blocks: HomeBlock[] } {
  const blocks = sections.flatMap((section, i): HomeBlock[] => [
    ...(i ? [{ type: 'divider' as const }] : []),
    ...renderSlack({ ...section, ephemeral: false }).flatMap((p) => p.blocks),
  ]);
  return { type: 'home', blocks: blocks.slice(0, HOME_BLOCK_LIMIT) };
}

export interface SlackHomeOptions {
  bot: Bot;
  users: SlackUsers;
  logger: Logger;
  metrics?: Metrics;
  locale: Locale;
  /** Keeps background work (a refresh) known to the adapter, so stop() waits for it. */
  track: <T>(work: () => Promise<T>) => Promise<T>;
}

export class SlackHome {
  /** Members whose home is being republished, and whether another answer came in meanwhile (bounded by them). */
  private readonly refreshing = new Map<string, boolean>();

  constructor(private readonly opts: SlackHomeOptions) {}

  /** app_home_opened (Events API, acknowledged by bolt on arrival): publishes the member's home tab. */
  async opened(event: unknown, teamId: unknown, client: WebClient): Promise<void> {
    const { user, tab } = (event ?? {}) as { user?: unknown; tab?: unknown };
    if (
      typeof user !== 'string' ||
      !SLACK_ID.test(user) ||
      typeof teamId !== 'string' ||
      !SLACK_ID.test(teamId)
    ) {
      this.opts.logger.warn({ platform: 'slack' }, 'app_home_opened without a user or team; ignored');
      return;
    }
    // The Messages tab opening too sends app_home_opened (tab: "messages"): nothing to publish then.
    if (tab !== 'home') return;
    try {
      await this.publish(client, teamId, user, 'remember');
    } catch (err) {
      this.failed(err, 'home', { user, team: teamId });
    }
  }

  /**
   * After an answer: republishes the member's home if they ever opened it. Fire-and-forget: it never delays the
   * answer; a failure is logged and counted. A burst of answers costs at most two publishes in a row per member (the
   * one running, then one with the latest figures), never an older home published after a newer one.
   */
  refresh(client: WebClient, teamId: string, user: string): void {
    const key = `${teamId}:${user}`;
    if (this.refreshing.has(key)) {
      this.refreshing.set(key, true);
      return;
    }
    this.refreshing.set(key, false);
    const run = async (): Promise<void> => {
      try {
        await this.publish(client, teamId, user, 'onlyIfOpened');
      } catch (err) {
        this.failed(err, 'home', { user, team: teamId });
      }
      if (!this.refreshing.get(key)) return void this.refreshing.delete(key);
      this.refreshing.set(key, false);
      return run();
    };
    void this.opts.track(run);
  }

  /** A click on one of the home's buttons (a view, not a message: no response_url). */
  async click(body: BlockAction, action: ButtonAction, ack: () => Promise<void>, client: WebClient) {
    const user = body.user?.id;
    const teamId = body.team?.id ?? body.user?.team_id ?? '';
    if (!isHomeButton(action.action_id) || !user || !teamId) {
      this.opts.logger.warn(
        { platform: 'slack', button: action.action_id.slice(0, 40) },
        'unknown home button',
      );
      return ack();
    }
    try {
      if (action.action_id === HOME_BUTTONS.practice) await this.practice(client, teamId, user, body, ack);
      else await this.reflect(client, teamId, user, body, ack);
    } catch (err) {
      this.failed(err, 'home-click', { user, team: teamId, button: action.action_id });
      // The click gave no feedback yet: a word in the member's Messages tab (chat.postMessage to the user id).
      if (action.action_id === HOME_BUTTONS.practice)
        await client.chat
          .postMessage({ channel: user, text: translator(this.opts.locale)('home.dmFailed') })
          .catch(() => undefined);
    }
  }

  /** Practice in the member's Messages tab: the card is opened (recorded) before the click is acknowledged. */
  private async practice(
    client: WebClient,
    teamId: string,
    user: string,
    body: BlockAction,
    ack: () => Promise<void>,
  ) {
    let channel: string | undefined;
    const messages = await ackAfter(async () => {
      const opened = await client.conversations.open({ users: user });
      channel = opened.channel?.id;
      if (!channel) throw new Error('conversations.open gave no channel');
      return this.opts.bot.handle(await this.event(client, body, 'quiz', placeOf(teamId, channel)));
    }, ack);
    for (const message of messages)
      for (const payload of renderSlack({ ...message, ephemeral: false }))
        await client.chat.postMessage({ channel: channel!, text: payload.text, blocks: payload.blocks });
  }

  /**
   * The reflection form of /reflect, opened with the click's trigger_id. Its place is the member's Messages tab (the
   * user id as channel), where the confirmation goes after the submission; without a next lesson, the reason goes
   * there too.
   */
  private async reflect(
    client: WebClient,
    teamId: string,
    user: string,
    body: BlockAction,
    ack: () => Promise<void>,
  ) {
    let locale = this.opts.locale;
    const messages = await ackAfter(async () => {
      const event = await this.event(client, body, 'reflect', placeOf(teamId, user));
      locale = event.actor.locale ?? locale;
      return this.opts.bot.handle(event);
    }, ack);
    const [first, ...rest] = messages;
    if (first && hasForm(first)) {
      const t = translator(locale);
      await client.views.open({
        trigger_id: body.trigger_id,
        view: renderModalView(first, JSON.stringify({ team: teamId, channel: user }), {
          submit: t('form.submit'),
          close: t('form.close'),
        }),
      });
    } else if (first) rest.unshift(first);
    for (const message of rest)
      for (const payload of renderSlack({ ...message, ephemeral: false }))
        await client.chat.postMessage({ channel: user, text: payload.text, blocks: payload.blocks });
  }

  private async event(
    client: WebClient,
    body: BlockAction,
    command: string,
    place: ReturnType<typeof placeOf>,
  ): Promise<InboundEvent> {
    const actor = await this.opts.users.actor(
      body.user.id,
      body.user.name ?? body.user.username ?? '',
      client,
    );
    return { kind: 'command', name: command, args: { text: '' }, actor, place };
  }

  private async publish(
    client: WebClient,
    teamId: string,
    user: string,
    mode: 'remember' | 'onlyIfOpened',
  ): Promise<void> {
    const actor = await this.opts.users.actor(user, '', client);
    const sections = this.opts.bot.home(placeOf(teamId, user), actor, mode);
    if (!sections) return;
    await client.views.publish({ user_id: user, view: renderHomeView(sections) });
  }

  private failed(err: unknown, operation: string, context: Record<string, string>): void {
    this.opts.metrics?.platformErrors.inc({ platform: 'slack', operation });
    this.opts.logger.error({ err, platform: 'slack', ...context }, 'slack home failed');
  }
}
