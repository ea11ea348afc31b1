// Schedule math for the due queue, shared across communities: most communities keep the defaults, so a plan or a
// next instant computed for one set of settings serves every community with the same settings (bounded memo). Also
// the fingerprint of what plans are made from (the class calendar, the deployment's timezone), kept with the queue
// so a start-up with unchanged content re-plans nobody.
import { createHash } from 'node:crypto';
import type { ScheduledLesson } from '../core/calendar.ts';
import { BoundedMemo } from '../core/memo.ts';
import {
  kindsOf,
  nextPostAt,
  type PlannedPost,
  planPosts,
  POST_KINDS,
  type PostKind,
  type ScheduleSettings,
} from '../core/schedule-plan.ts';
import type { ContentStore } from '../content/store.ts';
import type { Lesson } from '../content/schemas.ts';
import type { NextPosts } from '../db/repos/due.ts';
import type { CommunityRow } from '../db/schema.ts';

/** Bumped when the planning rules change in code (a new post kind, another board time): forces a re-plan at start. */
const PLAN_VERSION = 1;
/** Memo entries kept before the memo is dropped and refilled (keeps memory flat whatever the settings in use). */
const MEMO_LIMIT = 4096;

/** Communities the scheduler posts for: an announcements channel set and not paused. */
export const isScheduled = (c: CommunityRow) => c.announceChannelId !== null && !c.paused;

export class Planner {
  private readonly memo = new BoundedMemo<string, unknown>(MEMO_LIMIT);

  constructor(
    private readonly content: ContentStore,
    private readonly defaultTimezone: string,
  ) {}

  /** What a community's posts are planned from. */
  settingsOf(community: CommunityRow): ScheduleSettings {
    return {
      timezone: community.timezone ?? this.defaultTimezone,
      quizTime: community.quizTime,
      quizDays: community.quizDays,
      agendaLeadMinutes: community.agendaLeadMinutes,
      reminderLeadsMinutes: community.reminderLeadsMinutes,
      digest: community.digestChannelId !== null,
    };
  }

  scheduleOf(community: CommunityRow): readonly ScheduledLesson<Lesson>[] {
    return this.content.scheduleFor(community.firstClass);
  }

  /** The community's posts of `kinds` in (from, to], oldest first (shared: do not modify). */
  plan(community: CommunityRow, from: Date, to: Date, kinds: readonly PostKind[]): readonly PlannedPost[] {
    return this.remember(`p|${this.keyOf(community)}|${+from}|${+to}|${kinds.join(',')}`, () =>
      planPosts(this.settingsOf(community), this.scheduleOf(community), from, to, kinds),
    );
  }

  /** The instant of the community's first post of `kind` after `after`. */
  nextAt(community: CommunityRow, kind: PostKind, after: Date): Date | undefined {
    return this.remember(`n|${this.keyOf(community)}|${kind}|${+after}`, () =>
      nextPostAt(this.settingsOf(community), this.scheduleOf(community), kind, after),
    );
  }

  /**
   * The next instant of every kind, each after the given instant for it; kinds the community is not owed (the
   * digest when none is configured, everything when it is paused) come back undefined, which removes their rows.
   */
  nextAll(community: CommunityRow, afterOf: (kind: PostKind) => Date): NextPosts {
    const owed = isScheduled(community) ? kindsOf(this.settingsOf(community)) : [];
    const next: NextPosts = {};
    for (const kind of POST_KINDS)
      next[kind] = owed.includes(kind) ? this.nextAt(community, kind, afterOf(kind)) : undefined;
    return next;
  }

  /** Changes whenever what plans are made from changes: the class calendar, the default timezone, the rules. */
  fingerprint(): string {
    const { course, schedule } = this.content;
    return createHash('sha256')
      .update(
        JSON.stringify({
          v: PLAN_VERSION,
          timezone: this.defaultTimezone,
          course: { timezone: course.timezone, calendar: course.calendar },
          lessons: this.content.lessons.map((l) => [l.number, l.startsAt ?? null]),
          schedule: schedule.map((s) => [s.lesson.number, s.startsAt.getTime()]),
        }),
      )
      .digest('hex');
  }

  private keyOf(c: CommunityRow): string {
    return [
      c.timezone ?? '',
      c.quizTime,
      c.quizDays.join(','),
      c.agendaLeadMinutes,
      c.reminderLeadsMinutes.join(','),
      c.digestChannelId === null ? 0 : 1,
      c.firstClass ?? '',
    ].join('|');
  }

  private remember<T>(key: string, compute: () => T): T {
    return this.memo.get(key, compute);
  }
}
