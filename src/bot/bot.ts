// The dispatcher: a neutral event in, neutral messages out. Finds the command, builds its context, runs it,
// and turns failures into a private message (UserError as is, anything else logged as a bug).
import { isUserError, UserError } from '../core/errors.ts';
import { type Locale, type Translate, translator } from '../core/i18n.ts';
import { type OutMessage, toMessages } from '../core/message.ts';
import { type Voice, voiceOf } from '../core/voice.ts';
import type { Clock } from '../core/time.ts';
import type { Repositories } from '../db/repositories.ts';
import type { QuizEngine, Who } from '../quiz/engine.ts';
import type { Scheduler } from '../scheduler/scheduler.ts';
import type { EventSync } from '../calendar/event-sync.ts';
import type { Logger } from '../log.ts';
import type { CommandOutcome, Metrics } from '../metrics.ts';
import type { ContentStore } from '../content/store.ts';
import type { ActionContext, AutocompleteChoice, Command, CommandContext } from './command.ts';
import type { Actor, InboundEvent, Place } from '../core/events.ts';
import { renderHome } from '../core/home-render.ts';
import { loadHome } from '../quiz/home.ts';
import { coerceValues, parseTextArgs } from './options.ts';
import { type RateLimit, RateLimiter } from '../core/rate-limit.ts';

/** What of a community row decides how the bot speaks and schedules for it. */
type CommunityView = { timezone: string | null; locale: Locale | null; firstClass: string | null };
type BaseContext = Omit<CommandContext, 'args'>;

export interface BotDeps {
  commands: readonly Command[];
  events: EventSync;
  content: ContentStore;
  repos: Repositories;
  quiz: QuizEngine;
  scheduler: Scheduler;
  clock: Clock;
  logger: Logger;
  defaultLocale: Locale;
  defaultTimezone: string;
  /** Per-user flood control; false turns it off (throughput benchmarks). */
  rateLimit?: RateLimit | false;
  metrics?: Metrics;
  /** PUBLIC_URL: commands print links under it. */
  publicUrl?: string;
}

export class Bot {
  private readonly byName: Map<string, Command>;
  private readonly byPrefix: Map<string, Command>;
  private readonly limiter: RateLimiter | undefined;

  constructor(private readonly deps: BotDeps) {
    this.byName = new Map(deps.commands.map((c) => [c.name, c]));
    this.limiter = deps.rateLimit === false ? undefined : new RateLimiter(deps.rateLimit);
    this.byPrefix = new Map(
      deps.commands.flatMap((c) => (c.actionPrefixes ?? []).map((p) => [p, c] as const)),
    );
  }

  get commands(): readonly Command[] {
    return this.deps.commands;
  }

  /** Handles one command, click or message; never throws. Counted and timed in the metrics. */
  async handle(event: InboundEvent): Promise<OutMessage[]> {
    const metrics = this.deps.metrics;
    if (!metrics || (event.kind !== 'command' && event.kind !== 'action')) return this.dispatch(event);
    const stop = metrics.handlerSeconds.startTimer({ platform: event.place.platform, kind: event.kind });
    const outcome = { value: 'ok' as CommandOutcome };
    const replies = await this.dispatch(event, outcome);
    stop();
    metrics.commands.inc({
      platform: event.place.platform,
      command: this.metricName(event),
      outcome: outcome.value,
    });
    return replies;
  }

  /** A bounded label: known command names, button prefixes, else "unknown". */
  private metricName(event: Extract<InboundEvent, { kind: 'command' | 'action' }>): string {
    if (event.kind === 'command') return this.byName.has(event.name) ? event.name : 'unknown';
    const prefix = event.buttonId.slice(0, Math.max(0, event.buttonId.indexOf(':')));
    return this.byPrefix.has(prefix) ? `button:${prefix}` : 'button:unknown';
  }

  private async dispatch(event: InboundEvent, outcome?: { value: CommandOutcome }): Promise<OutMessage[]> {
    let t = translator(event.actor.locale ?? this.deps.defaultLocale);
    try {
      // The community is looked up once per event; its row decides locale, timezone and calendar.
      const community = this.communityOf(event);
      const voice = this.voiceOf(event, community);
      t = voice.t;
      if (event.kind === 'command' || event.kind === 'action') this.checkRate(event, t);
      switch (event.kind) {
        case 'command':
          return toMessages(await this.runCommand(event, this.baseContext(event, community, voice)));
        case 'action':
          return toMessages(await this.runAction(event, this.baseContext(event, community, voice)));
        case 'message':
          return [];
        case 'autocomplete':
          return [];
      }
    } catch (error) {
      if (outcome) outcome.value = isUserError(error) ? 'user_error' : 'error';
      if (isUserError(error)) return [{ text: error.message, ephemeral: true }];
      this.deps.logger.error(
        {
          err: error,
          kind: event.kind,
          command: event.kind === 'command' ? event.name : undefined,
          button: event.kind === 'action' ? event.buttonId : undefined,
          user: event.actor.id,
          community: `${event.place.platform}:${event.place.communityId}`,
        },
        'handler failed',
      );
      return [{ text: t('error.generic'), ephemeral: true }];
    }
  }

  /** Suggestions for an option being typed (Discord autocomplete). */
  autocomplete(event: Extract<InboundEvent, { kind: 'autocomplete' }>): AutocompleteChoice[] {
    const command = this.byName.get(event.name);
    if (!command?.autocomplete) return [];
    const community = this.communityOf(event);
    try {
      return command
        .autocomplete(
          this.baseContext(event, community, this.voiceOf(event, community)),
          event.option,
          event.partial,
        )
        .slice(0, 25);
    } catch (error) {
      this.deps.logger.error({ err: error, command: event.name }, 'autocomplete failed');
      return [];
    }
  }

  private async runCommand(event: Extract<InboundEvent, { kind: 'command' }>, base: BaseContext) {
    const { t } = base;
    const command = this.byName.get(event.name);
    if (!command)
      throw new UserError('unknown-command', t('error.unknownCommand', { name: event.name.slice(0, 32) }));
    if (command.adminOnly && !event.actor.isAdmin) throw new UserError('admin-only', t('error.adminOnly'));
    const args =
      'text' in event.args
        ? parseTextArgs(command, event.args.text, t)
        : coerceValues(command, event.args.values, t);
    const ctx: CommandContext = { ...base, args };
    return command.run(ctx);
  }

  private async runAction(event: Extract<InboundEvent, { kind: 'action' }>, base: BaseContext) {
    const { t } = base;
    const cut = event.buttonId.indexOf(':');
    const command = cut > 0 ? this.byPrefix.get(event.buttonId.slice(0, cut)) : undefined;
    if (!command?.action) throw new UserError('stale-button', t('error.staleButton'));
    const ctx: ActionContext = {
      ...base,
      prefix: event.buttonId.slice(0, cut),
      payload: event.buttonId.slice(cut + 1),
    };
    return command.action(ctx);
  }

  /**
   * The member's home (Slack's App Home tab) as neutral sections: points, rank, streak, reviews due, the next lesson
   * and the last question of the day. Opening it is remembered (`remember`), and only the homes of members who
   * opened theirs are rebuilt after an answer (`onlyIfOpened`: undefined for the others, at the cost of one look-up).
   */
  home(place: Place, actor: Actor, mode: 'remember' | 'onlyIfOpened'): OutMessage[] | undefined {
    const { repos, quiz, content, clock } = this.deps;
    const now = clock.now();
    const who = quiz.identify(place, actor);
    if (mode === 'onlyIfOpened' && !repos.homeViews.has(who.memberId)) return undefined;
    if (mode === 'remember') repos.homeViews.opened(who.memberId, now);
    const community = repos.communities.byId(who.communityId);
    const { t, locale, timezone } = voiceOf(
      community,
      { locale: this.deps.defaultLocale, timezone: this.deps.defaultTimezone },
      actor.locale,
    );
    const home = loadHome(
      repos,
      quiz.questions,
      content.scheduleFor(community?.firstClass),
      { ...who, name: actor.name },
      now,
      timezone,
    );
    return renderHome(home, { now, timezone, locale, t });
  }

  /** Per-user flood control on commands and clicks (a polite private refusal, nothing else happens). */
  private checkRate(event: InboundEvent, t: Translate): void {
    const key = `${event.place.platform}:${event.place.communityId}:${event.actor.id}`;
    const verdict = this.limiter?.take(key, this.deps.clock.now());
    if (verdict && !verdict.ok)
      throw new UserError('rate-limited', t('error.rateLimited', { seconds: verdict.retryAfterSeconds }));
  }

  /** The user's own locale, else the community's, else the bot's default; the community's timezone likewise. */
  private voiceOf(event: InboundEvent, community: CommunityView | undefined): Voice {
    const { defaultLocale: locale, defaultTimezone: timezone } = this.deps;
    return voiceOf(community, { locale, timezone }, event.actor.locale);
  }

  /** The community row of the event's place, if it exists yet (its own timezone and locale win over defaults). */
  private communityOf(event: InboundEvent): CommunityView | undefined {
    return this.deps.repos.communities.find(event.place.platform, event.place.communityId);
  }

  private baseContext(
    event: InboundEvent,
    community: CommunityView | undefined,
    { locale, timezone, t }: Voice,
  ): BaseContext {
    const { content, repos, quiz, scheduler, clock, commands, events } = this.deps;
    let who: Who | undefined;
    return {
      actor: event.actor,
      place: event.place,
      locale,
      timezone,
      schedule: content.scheduleFor(community?.firstClass),
      t,
      now: clock.now(),
      clock,
      content,
      repos,
      quiz,
      scheduler,
      events,
      commands,
      ...(this.deps.publicUrl ? { publicUrl: this.deps.publicUrl } : {}),
      // Rows are made only when a command needs them (not for a glossary look-up), and only once.
      who: () => (who ??= quiz.identify(event.place, event.actor)),
    };
  }
}
