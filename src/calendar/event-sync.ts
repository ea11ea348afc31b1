// Keeps one platform scheduled event per lesson of the next four weeks (Discord's Events tab) for each community with
// /config events on: created once, edited when the schedule or the content changes, deleted when the lesson leaves
// the window or the calendar (or events are turned off). Each create is claimed in the run table first (kind
// `event`, target `lesson:<n>:g<generation>`), so a second sync, a retry or a restart never creates twice; a retry
// after a crash mid-create first looks for the event by name. It runs when events are turned on, when the schedule
// or timezone changes, at start for the communities with events on (only those), and once a day.
import pLimit from 'p-limit';
import { createHash } from 'node:crypto';
import type { ContentStore } from '../content/store.ts';
import type { Lesson } from '../content/schemas.ts';
import type { ScheduledLesson } from '../core/calendar.ts';
import type { Platform } from '../core/events.ts';
import { type Locale, translator } from '../core/i18n.ts';
import {
  EventsRefusedError,
  type ScheduledEventSpec,
  type ScheduledEventsPort,
} from '../core/scheduled-events.ts';
import type { Clock } from '../core/time.ts';
import type { Repositories } from '../db/repositories.ts';
import type { CommunityRow } from '../db/schema.ts';
import type { Logger } from '../log.ts';
import { retryDelayMs } from '../scheduler/scheduler.ts';
import type { Timers } from '../timers.ts';

/** How far ahead lessons get an event. */

/** The run that creates a lesson's event (one per generation of the lesson's row). */
const runKeyOf = (
  communityId: number,
  row: { lesson: number; generation: number; plannedFor: Date | null; startsAt: Date },
) => ({
  communityId,
  kind: 'event' as const,
  target: `lesson:${row.lesson}:g${row.generation}`,
  scheduledFor: row.plannedFor ?? row.startsAt,
});

export const EVENT_WINDOW_MS = 28 * 86_400_000;
const DAY_MS = 86_400_000;
/** When a failed edit or delete is tried again (creates follow the run table's backoff). */
const EDIT_RETRY_MS = 3_600_000;
/** Communities synced at once (start-up, the daily pass). */
const SYNCS_IN_FLIGHT = 4;

export interface EventSyncDeps {
  repos: Repositories;
  content: ContentStore;
  clock: Clock;
  timers: Timers;
  logger: Logger;
  locale: Locale;
}

/** What one sync did; `failed` is the first error of a create that will be retried. */
export interface EventSyncResult {
  created: number;
  updated: number;
  removed: number;
  failed?: string;
}

const fingerprintOf = (spec: ScheduledEventSpec) =>
  createHash('sha256')
    .update(JSON.stringify([spec.name, spec.description, spec.location]))
    .digest('hex');

export class EventSync {
  private readonly ports = new Map<Platform, ScheduledEventsPort>();
  private readonly running = new Map<number, Promise<EventSyncResult>>();
  private cancelDaily: (() => void) | undefined;
  private readonly retries = new Map<number, () => void>();
  private stopped = false;

  constructor(private readonly deps: EventSyncDeps) {}

  /** The platform's scheduled events (Discord registers its own when it is configured). */
  register(platform: Platform, port: ScheduledEventsPort): void {
    this.ports.set(platform, port);
  }

  /** Whether this platform has scheduled events here. */
  supports(platform: Platform): boolean {
    return this.ports.has(platform);
  }

  /** The address of a lesson's event, when it has one. */
  eventUrl(community: CommunityRow, lesson: number): string | undefined {
    const port = this.ports.get(community.platform);
    const row =
      port && community.eventsEnabled ? this.deps.repos.lessonEvents.find(community.id, lesson) : undefined;
    return row?.eventId ? port!.url(community.externalId, row.eventId) : undefined;
  }

  /** Syncs the communities with events on (only those), then once a day. */
  async start(): Promise<void> {
    await this.syncAll();
    this.armDaily();
  }

  stop(): void {
    this.stopped = true;
    this.cancelDaily?.();
    for (const cancel of this.retries.values()) cancel();
  }

  private armDaily(): void {
    if (this.stopped) return;
    this.cancelDaily = this.deps.timers.at(new Date(this.deps.clock.now().getTime() + DAY_MS), async () => {
      await this.syncAll();
      this.armDaily();
    });
  }

  private async syncAll(): Promise<void> {
    const limit = pLimit(SYNCS_IN_FLIGHT);
    const communities = this.deps.repos.communities.withEvents().filter((c) => this.ports.has(c.platform));
    await Promise.all(communities.map((c) => limit(() => this.sync(c.id))));
  }

  /** Brings the community's events in line with its calendar; one sync per community at a time. Never throws. */
  sync(communityId: number): Promise<EventSyncResult> {
    const previous = this.running.get(communityId) ?? Promise.resolve(undefined);
    const next = previous
      .then(() => this.syncNow(communityId))
      .catch((err: unknown) => {
        this.deps.logger.error({ err, community: communityId }, 'event sync failed');
        return { created: 0, updated: 0, removed: 0, failed: (err as Error).message ?? String(err) };
      });
    this.running.set(communityId, next);
    void next.finally(() => {
      if (this.running.get(communityId) === next) this.running.delete(communityId);
    });
    return next;
  }

  private specOf(community: CommunityRow, item: ScheduledLesson<Lesson>, port: ScheduledEventsPort) {
    const t = translator(community.locale ?? this.deps.locale);
    const bullets = (items: readonly string[]) => items.map((i) => `- ${i}`).join('\n');
    return {
      name: t('agenda.title', { number: item.lesson.number, title: item.lesson.title }),
      description: t('event.description', {
        objectives: bullets(item.lesson.objectives),
        reading: bullets(item.lesson.preReading),
      }),
      startsAt: item.startsAt,
      endsAt: item.endsAt,
      // The class link when the course has one, else the announcements channel, else the course's name.
      location:
        this.deps.content.course.classLink ??
        (community.announceChannelId
          ? port.channelUrl(community.externalId, community.announceChannelId)
          : this.deps.content.course.title),
    } satisfies ScheduledEventSpec;
  }

  private async syncNow(communityId: number): Promise<EventSyncResult> {
    const { repos, content, clock } = this.deps;
    const result: EventSyncResult = { created: 0, updated: 0, removed: 0 };
    const community = repos.communities.byId(communityId);
    const port = community && this.ports.get(community.platform);
    if (!community || !port) return result;
    const guild = community.externalId;
    const now = clock.now();
    const wanted = community.eventsEnabled
      ? content
          .scheduleFor(community.firstClass)
          .filter((s) => s.startsAt > now && s.startsAt.getTime() <= now.getTime() + EVENT_WINDOW_MS)
      : [];
    const rows = new Map(repos.lessonEvents.list(communityId).map((r) => [r.lesson, r]));

    // Lessons that left the window or the calendar: their upcoming events go (started ones are left to finish).
    for (const row of rows.values()) {
      if (wanted.some((w) => w.lesson.number === row.lesson)) continue;
      if (!row.eventId) {
        // A create planned (failed, waiting to retry) and no longer wanted is closed, so /config stops showing it
        // as failing; the lesson's next return plans a new generation.
        if (row.plannedFor) {
          repos.runs.skipped(runKeyOf(community.id, row), 'lesson no longer in the window', clock.now());
          repos.lessonEvents.removed(row.id, clock.now());
        }
        continue;
      }
      if (row.startsAt <= now) continue;
      try {
        await port.remove(guild, row.eventId);
        repos.lessonEvents.removed(row.id, clock.now());
        result.removed++;
      } catch (err) {
        result.failed ??= this.logged(err, community.id, row.lesson, 'scheduled event delete failed');
      }
    }

    for (const item of wanted) {
      const spec = this.specOf(community, item, port);
      const shape = { startsAt: spec.startsAt, endsAt: spec.endsAt, fingerprint: fingerprintOf(spec) };
      const row = rows.get(item.lesson.number);
      // An event of a class that already took place (the calendar moved it to the future again) is left as it is:
      // the lesson's next generation gets a new one.
      if (row?.eventId && row.startsAt <= now) repos.lessonEvents.removed(row.id, clock.now());
      else if (row?.eventId) {
        if (
          row.startsAt.getTime() === shape.startsAt.getTime() &&
          row.endsAt.getTime() === shape.endsAt.getTime() &&
          row.fingerprint === shape.fingerprint
        )
          continue;
        let edited: boolean;
        try {
          edited = await port.edit(guild, row.eventId, spec);
        } catch (err) {
          result.failed ??= this.logged(err, community.id, item.lesson.number, 'scheduled event edit failed');
          continue;
        }
        if (edited) {
          repos.lessonEvents.edited(row.id, shape, clock.now());
          result.updated++;
          continue;
        }
        // Deleted by hand: the next generation creates it again.
        repos.lessonEvents.removed(row.id, clock.now());
      }
      const failed = await this.create(community, port, item.lesson.number, spec, shape);
      if (failed === undefined) result.created++;
      else if (failed) result.failed ??= failed;
    }
    return result;
  }

  /** Creates one lesson's event under a run claim: undefined when made, false when not ours to make now, else why it failed. */
  private async create(
    community: CommunityRow,
    port: ScheduledEventsPort,
    lesson: number,
    spec: ScheduledEventSpec,
    shape: { startsAt: Date; endsAt: Date; fingerprint: string },
  ): Promise<string | false | undefined> {
    const { repos, clock, logger } = this.deps;
    const planned = repos.lessonEvents.plan(community.id, lesson, shape, clock.now());
    const key = runKeyOf(community.id, planned);
    const run = repos.runs.claim(key, clock.now());
    if (!run) {
      // Waiting for a retry (a failure before a restart, say): come back then, not at the next daily pass.
      const retry = repos.runs.retryOf(key);
      if (retry) this.retryAt(community.id, retry);
      return false;
    }
    try {
      // A retry may follow a create Discord made before the answer was lost: adopt that event instead of a second,
      // and bring it to today's times (the lesson may have moved since the lost create).
      const found =
        run.attempts > 1
          ? (await port.list(community.externalId)).find((e) => e.name === spec.name)?.id
          : undefined;
      const adopted = found && (await port.edit(community.externalId, found, spec)) ? found : undefined;
      const eventId = adopted ?? (await port.create(community.externalId, spec));
      repos.lessonEvents.created(planned.id, eventId, clock.now());
      repos.runs.done(run.id, eventId, clock.now());
      return undefined;
    } catch (err) {
      const message = (err as Error).message ?? String(err);
      const wait = err instanceof EventsRefusedError ? DAY_MS : retryDelayMs(run.attempts);
      const retryAt = new Date(clock.now().getTime() + wait);
      logger.error(
        { err, community: community.id, lesson, retryAt },
        'scheduled event create failed; will retry',
      );
      repos.runs.failed(run.id, message, retryAt, clock.now());
      this.retryAt(community.id, retryAt);
      return message;
    }
  }

  /**
   * Logs a failed edit or cancel, tries again within the hour (a day when the platform refuses), and returns its
   * message for the reply.
   */
  private logged(err: unknown, community: number, lesson: number, what: string): string {
    const refused = err instanceof EventsRefusedError;
    this.deps.logger.error(
      { err, community, lesson },
      `${what}; trying again ${refused ? 'tomorrow (the platform refuses)' : 'within the hour'}`,
    );
    const wait = refused ? DAY_MS : EDIT_RETRY_MS;
    this.retryAt(community, new Date(this.deps.clock.now().getTime() + wait));
    return (err as Error).message ?? String(err);
  }

  private retryAt(communityId: number, at: Date): void {
    if (this.stopped || this.retries.has(communityId)) return;
    const cancel = this.deps.timers.at(at, () => {
      this.retries.delete(communityId);
      return this.sync(communityId);
    });
    this.retries.set(communityId, cancel);
  }
}
