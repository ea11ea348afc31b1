// The scheduler keeps time: per community, at local wall-clock times, it posts lesson agendas (with a discussion
// thread), pre-class reminders, the daily question, the weekly board and the monitors' digest — each exactly once.
// What is due comes from the due queue (per community and kind, the next instant to look at; due-queue.ts keeps it
// when a community is configured, after each post, and for everyone when the class calendar changed), so a tick reads
// only what is due now, never every community. What already ran lives in the run table: each post is claimed there
// before it is made and recorded after, which is what makes it exactly once. node-cron only ticks; between ticks one
// timer is armed for the earliest due row or retry, so `!clock` and tests step through posts at their own instants.
// What each post says is built in posts.ts; where and in which language and timezone it goes, in audience.ts.
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import nodeCron, { type ScheduledTask } from 'node-cron';
import pLimit, { type LimitFunction } from 'p-limit';
import type { ContentStore } from '../content/store.ts';
import type { Lesson } from '../content/schemas.ts';
import type { ScheduledLesson } from '../core/calendar.ts';
import type { Poster } from '../core/destination.ts';
import type { Locale } from '../core/i18n.ts';
import type { PlannedPost } from '../core/schedule-plan.ts';
import type { Clock } from '../core/time.ts';
import type { DueCommunity } from '../db/repos/due.ts';
import type { Repositories } from '../db/repositories.ts';
import type { CommunityRow, ScheduledRunRow } from '../db/schema.ts';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';
import type { QuizEngine } from '../quiz/engine.ts';
import type { Timers } from '../timers.ts';
import { audienceOf } from './audience.ts';
import { DueQueue } from './due-queue.ts';
import { Planner } from './planner.ts';
import { buildPost } from './posts.ts';

/** Due-queue rows (and retries) read per round of a tick; a tick runs rounds until nothing is due. */
export const DUE_BATCH = 500;
/** A community whose planning failed is looked at again this much later (the error is logged). */
const REPLAN_AFTER_ERROR_MS = 60_000;

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
  /** The instant the wake-up timer is armed for. */
  private wakeUpAt: number | undefined;
  private running: Promise<void> = Promise.resolve();
  private ticking = false;
  private stopped = false;
  private readonly limits = new Map<string, LimitFunction>();
  private readonly planner: Planner;
  private readonly queue: DueQueue;
  /** Communities re-planned (settings changed) while a tick was posting for them: the tick must not overwrite it. */
  private readonly replannedDuringTick = new Set<number>();

  constructor(private readonly deps: SchedulerDeps) {
    this.planner = new Planner(deps.content, deps.timezone);
    this.queue = new DueQueue(deps.repos, this.planner, deps.clock);
  }

  private limitFor(platform: string): LimitFunction {
    let limit = this.limits.get(platform);
    if (!limit) this.limits.set(platform, (limit = pLimit(POSTS_IN_FLIGHT_PER_PLATFORM)));
    return limit;
  }

  /**
   * Starts ticking (every minute with node-cron when `cron`), catching up on start: re-plans every community first
   * only when the class calendar changed since the due queue was planned.
   */
  async start(options: { cron: boolean }): Promise<void> {
    const { repos, logger, clock } = this.deps;
    const interrupted = repos.runs.releaseInterrupted(clock.now());
    if (interrupted) logger.warn({ runs: interrupted }, 'retrying posts interrupted by the last stop');
    if (!this.queue.isCurrent()) {
      const planned = await this.queue.replanAll();
      logger.info({ communities: planned }, 'the class calendar changed: every community re-planned');
    }
    if (options.cron) {
      // Every minute, in UTC: the due queue holds instants, already resolved in each community's timezone.
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

  /**
   * Re-plans one community after its settings changed (/config), then posts what became due. While a tick is
   * posting, it does not wait for it: that tick reads the re-planned rows in its next round or wakes up for them.
   */
  replan(communityId: number): Promise<void> {
    const community = this.deps.repos.communities.byId(communityId);
    if (!community) return Promise.resolve();
    this.queue.replan(community, this.deps.clock.now());
    if (this.ticking) {
      this.replannedDuringTick.add(communityId);
      return Promise.resolve();
    }
    return this.tick();
  }

  private async runDue(): Promise<void> {
    if (this.stopped) return;
    const { repos, clock, metrics } = this.deps;
    const now = clock.now();
    this.lastTickAt = now;
    metrics?.schedulerLastTick.set(now.getTime() / 1000);
    this.ticking = true;
    try {
      // Each round reads at most DUE_BATCH rows due now; every community handled moves past now (or is pushed a
      // minute on error), so rounds end once a round reads less than a full batch or handles nothing.
      for (;;) {
        const { communities, rows } = repos.due.dueAt(now, DUE_BATCH);
        const retries = repos.runs.retriesDue(now, DUE_BATCH);
        if (rows === 0 && retries.length === 0) break;
        const retriesOf = new Map<number, ScheduledRunRow[]>();
        for (const run of retries)
          retriesOf.set(run.communityId, [...(retriesOf.get(run.communityId) ?? []), run]);
        const work: Promise<boolean>[] = communities.map((entry) => {
          const own = retriesOf.get(entry.community.id) ?? [];
          retriesOf.delete(entry.community.id);
          return this.limitFor(entry.community.platform)(() => this.runCommunity(entry, own, now));
        });
        for (const [communityId, own] of retriesOf) {
          const community = repos.communities.byId(communityId);
          if (!community) continue;
          work.push(
            this.limitFor(community.platform)(() => this.runCommunity({ community, due: [] }, own, now)),
          );
        }
        const handled = (await Promise.all(work)).filter(Boolean).length;
        if (this.stopped || handled === 0 || (rows < DUE_BATCH && retries.length < DUE_BATCH)) break;
      }
    } finally {
      this.ticking = false;
      this.replannedDuringTick.clear();
    }
    this.armNextWakeUp(now);
  }

  /** A community's due posts and retries, one after another; true when its rows moved on. */
  private async runCommunity(entry: DueCommunity, retries: ScheduledRunRow[], now: Date): Promise<boolean> {
    const { community, due } = entry;
    // Interactions waiting on the event loop go first: a burst of posts never holds them for more than one post.
    await yieldToEvents();
    try {
      const schedule = this.planner.scheduleOf(community);
      for (const run of retries) await this.retry(community, schedule, run, now);
      if (due.length === 0) return true;
      for (const post of this.queue.postsDue(entry, now)) await this.runOne(community, schedule, post, now);
      const kinds = due.map((d) => d.kind);
      this.queue.advance(community.id, kinds, now, this.replannedDuringTick.delete(community.id));
      return true;
    } catch (err) {
      this.deps.logger.error(
        { err, community: community.id },
        'scheduling a community failed; looking again later',
      );
      try {
        const later = new Date(now.getTime() + REPLAN_AFTER_ERROR_MS);
        this.queue.postpone(
          community.id,
          due.map((d) => d.kind),
          later,
        );
      } catch (again) {
        this.deps.logger.error({ err: again, community: community.id }, 'could not postpone a community');
      }
      return false;
    }
  }

  /** A failed post whose retry time came: made again if the community still owes it, else given up. */
  private async retry(
    community: CommunityRow,
    schedule: readonly ScheduledLesson<Lesson>[],
    run: ScheduledRunRow,
    now: Date,
  ): Promise<void> {
    const post = this.queue.postOfRun(community, run);
    if (!post) {
      const { communityId, kind, target, scheduledFor } = run;
      this.deps.repos.runs.skipped(
        { communityId, kind, target, scheduledFor },
        'no longer planned (settings changed or posts paused)',
        now,
      );
      return;
    }
    await this.runOne(community, schedule, post, now);
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

  /** Arms one timer for the earliest due row or retry, so nothing waits for the next minute tick. */
  private armNextWakeUp(now: Date): void {
    if (this.stopped) return;
    const retry = this.deps.repos.runs.nextRetry(now);
    const due = this.deps.repos.due.earliest();
    const next = !retry || (due && due < retry) ? due : retry;
    // An idle tick usually finds the same instant: the armed timer stays (no re-sorting of pending timers).
    if (this.cancelWakeUp && next?.getTime() === this.wakeUpAt) return;
    this.cancelWakeUp?.();
    this.wakeUpAt = next?.getTime();
    this.cancelWakeUp = next
      ? this.deps.timers.at(next, () => {
          this.cancelWakeUp = this.wakeUpAt = undefined;
          return this.tick();
        })
      : undefined;
  }
}
