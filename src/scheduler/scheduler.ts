// The scheduler keeps time: per community, at local wall-clock times, it posts lesson agendas (with a discussion
// thread), pre-class reminders, the daily question and the weekly board — each exactly once. node-cron only ticks;
// what is due comes from the calendar and settings (planPosts), and what already ran lives in the run table. Between
// ticks it also arms a timer for the next post, so `!clock` and tests step through posts at their own instants. What
// each post says is built in posts.ts; where and in which language and timezone it goes, in audience.ts.
import nodeCron, { type ScheduledTask } from 'node-cron';
import pLimit, { type LimitFunction } from 'p-limit';
import type { ContentStore } from '../content/store.ts';
import type { Lesson } from '../content/schemas.ts';
import type { ScheduledLesson } from '../core/calendar.ts';
import type { Poster } from '../core/destination.ts';
import type { Locale } from '../core/i18n.ts';
import { type PlannedPost, planPosts, type ScheduleSettings } from '../core/schedule-plan.ts';
import type { Clock } from '../core/time.ts';
import type { Repositories } from '../db/repositories.ts';
import type { CommunityRow } from '../db/schema.ts';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';
import type { QuizEngine } from '../quiz/engine.ts';
import type { Timers } from '../timers.ts';
import { audienceOf, timezoneOf } from './audience.ts';
import { buildPost } from './posts.ts';

/** How far back a tick looks for posts missed while the bot was down. */
export const CATCH_UP_MS = 7 * 86_400_000;
/** How far ahead the next wake-up is looked for. */
const LOOKAHEAD_MS = 8 * 86_400_000;

/**
 * Communities of one platform posted for at once. Posts of one community go one after another (one channel, in
 * order); different communities do not wait on each other, and a platform that hangs holds only its own slots until
 * its calls time out.
 */
export const POSTS_IN_FLIGHT_PER_PLATFORM = 8;

/** Retry delay after the n-th failed attempt: 1, 2, 4 … minutes, at most an hour. */
export const retryDelayMs = (attempts: number) => Math.min(60, 2 ** Math.max(0, attempts - 1)) * 60_000;

export interface SchedulerDeps {
  repos: Repositories;
  quiz: QuizEngine;
  messenger: Poster;
  content: ContentStore;
  clock: Clock;
  timers: Timers;
  logger: Logger;
  timezone: string;
  locale: Locale;
  metrics?: Metrics;
  /** Links agendas to the lessons' platform scheduled events (src/calendar/event-sync.ts). */
  events?: { eventUrl(community: CommunityRow, lesson: number): string | undefined };
}

export class Scheduler {
  /** When the last tick looked for due posts (for /healthz). */
  lastTickAt: Date | undefined;
  private task: ScheduledTask | undefined;
  private cancelWakeUp: (() => void) | undefined;
  private running: Promise<void> = Promise.resolve();
  private stopped = false;
  private readonly limits = new Map<string, LimitFunction>();

  constructor(private readonly deps: SchedulerDeps) {}

  private limitFor(platform: string): LimitFunction {
    let limit = this.limits.get(platform);
    if (!limit) this.limits.set(platform, (limit = pLimit(POSTS_IN_FLIGHT_PER_PLATFORM)));
    return limit;
  }

  /** Starts ticking (every minute with node-cron when `cron`), catching up on start. */
  async start(options: { cron: boolean }): Promise<void> {
    const interrupted = this.deps.repos.runs.releaseInterrupted(this.deps.clock.now());
    if (interrupted)
      this.deps.logger.warn({ runs: interrupted }, 'retrying posts interrupted by the last stop');
    if (options.cron) {
      // Every minute, in UTC: the tick itself resolves each community's wall-clock times.
      this.task = nodeCron.schedule('* * * * *', () => this.tick(), {
        noOverlap: true,
        timezone: 'Etc/UTC',
        name: 'turma-scheduler',
      });
    }
    await this.tick();
  }

  /** Lets the tick in flight finish, then stops ticking. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.cancelWakeUp?.();
    await this.task?.stop();
    await this.task?.destroy();
    await this.running;
  }

  /** Posts whatever is due, once; safe to call any number of times, concurrently or from several processes. */
  tick(): Promise<void> {
    this.running = this.running
      .then(() => this.runDue())
      .catch((err) => this.deps.logger.error({ err }, 'scheduler tick failed'));
    return this.running;
  }

  private async runDue(): Promise<void> {
    if (this.stopped) return;
    const now = this.deps.clock.now();
    this.lastTickAt = now;
    this.deps.metrics?.schedulerLastTick.set(now.getTime() / 1000);
    const work = this.deps.repos.communities.scheduled().map((community) => {
      const since = Math.max(now.getTime() - CATCH_UP_MS, community.activeSince?.getTime() ?? 0);
      const schedule = this.deps.content.scheduleFor(community.firstClass);
      const posts = planPosts(this.settingsOf(community), schedule, new Date(since), now);
      if (posts.length === 0) return undefined;
      return this.limitFor(community.platform)(async () => {
        for (const post of posts) await this.runOne(community, schedule, post, now);
      });
    });
    await Promise.all(work);
    this.armNextWakeUp(now);
  }

  private settingsOf(community: CommunityRow): ScheduleSettings {
    return {
      timezone: timezoneOf(community, this.deps),
      quizTime: community.quizTime,
      quizDays: community.quizDays,
      agendaLeadMinutes: community.agendaLeadMinutes,
      reminderLeadsMinutes: community.reminderLeadsMinutes,
      digest: community.digestChannelId !== null,
    };
  }

  private async runOne(
    community: CommunityRow,
    schedule: readonly ScheduledLesson<Lesson>[],
    post: PlannedPost,
    now: Date,
  ): Promise<void> {
    const { repos, logger } = this.deps;
    const key = { communityId: community.id, kind: post.kind, target: post.target, scheduledFor: post.at };
    if (now >= post.deadline) {
      repos.runs.skipped(key, 'missed: no longer useful', now);
      return;
    }
    const run = repos.runs.claim(key, now);
    if (!run) return;
    const count = (outcome: 'done' | 'skipped' | 'failed') =>
      this.deps.metrics?.schedulerRuns.inc({ kind: post.kind, outcome });
    try {
      const ref = await this.post(community, schedule, post, now, `run${run.id}`);
      if (ref === undefined) repos.runs.skipped(key, 'nothing to post', now, run.id);
      else repos.runs.done(run.id, ref, now);
      count(ref === undefined ? 'skipped' : 'done');
    } catch (err) {
      count('failed');
      const retryAt = new Date(now.getTime() + retryDelayMs(run.attempts));
      logger.error(
        { err, community: community.id, kind: post.kind, target: post.target, retryAt },
        'scheduled post failed; will retry',
      );
      repos.runs.failed(run.id, (err as Error).message ?? String(err), retryAt, now);
    }
  }

  /**
   * Makes one post; returns the platform reference, or undefined when there was nothing to post. `idempotencyKey`
   * is the run's, so a retry after a crash mid-post can be recognised by the platform.
   */
  private async post(
    community: CommunityRow,
    schedule: readonly ScheduledLesson<Lesson>[],
    post: PlannedPost,
    now: Date,
    idempotencyKey: string,
  ): Promise<string | undefined> {
    const { messenger, quiz, repos } = this.deps;
    const audience = audienceOf(community, this.deps);
    const eventUrl = (lesson: number) => this.deps.events?.eventUrl(community, lesson);
    const built = buildPost(post, { audience, schedule, communityId: community.id, quiz, now, eventUrl });
    if (!built) return undefined;
    const ref = JSON.stringify(
      await messenger.post(built.dest ?? audience.dest, built.message, { idempotencyKey }),
    );
    // A retry re-posts the daily question opened by the failed attempt (unposted) instead of opening another.
    if (built.questionInstanceId !== undefined) repos.quiz.setMessageRef(built.questionInstanceId, ref);
    return ref;
  }

  /** Arms one timer for the earliest upcoming post or retry, so nothing waits for the next minute tick. */
  private armNextWakeUp(now: Date): void {
    if (this.stopped) return;
    this.cancelWakeUp?.();
    const horizon = new Date(now.getTime() + LOOKAHEAD_MS);
    let next = this.deps.repos.runs.nextRetry(now);
    for (const community of this.deps.repos.communities.scheduled()) {
      const first = planPosts(
        this.settingsOf(community),
        this.deps.content.scheduleFor(community.firstClass),
        now,
        horizon,
      )[0];
      if (first && (!next || first.at < next)) next = first.at;
    }
    this.cancelWakeUp = next ? this.deps.timers.at(next, () => this.tick()) : undefined;
  }
}
