// A community's class calendar as an iCalendar feed (RFC 5545, built with ical-generator): one VEVENT per lesson with a
// UID that never changes (course, community, lesson number), local start and end with the community's TZID, what to
// prepare in the description and an alarm at the community's first reminder lead. Built on request from the current
// settings and content, so /config schedule, /config timezone and a content change show at the next refresh.
import { createHash } from 'node:crypto';
import ical, { ICalAlarmType, ICalCalendarMethod } from 'ical-generator';
import { DateTime } from 'luxon';
import type { Lesson } from '../content/schemas.ts';
import type { ScheduledLesson } from '../core/calendar.ts';
import type { Translate } from '../core/i18n.ts';
import { buildVtimezone } from './vtimezone.ts';

export interface FeedInput {
  courseId: string;
  courseTitle: string;
  /** The database id of the community: part of each UID, so two communities' feeds never collide in one client. */
  communityId: number;
  schedule: readonly ScheduledLesson<Lesson>[];
  /** The zone the community reads times in: each event's TZID. */
  timezone: string;
  /** Where the classes happen online (content/course.yaml `classLink`): each event's location and URL. */
  classLink?: string;
  /** The community's first reminder lead (minutes before class), for the alarm; none when undefined. */
  alarmMinutes?: number;
  t: Translate;
  /** DTSTAMP: when the feed was produced. */
  now: Date;
}

export interface Feed {
  body: string;
  /** Changes exactly when the calendar does (DTSTAMP left out): for If-None-Match. */
  etag: string;
}

/** The lesson's UID: stable across restarts, schedule and content edits (nothing in it moves). */
export const lessonUid = (courseId: string, communityId: number, lesson: number) =>
  `${courseId}-c${communityId}-aula-${lesson}@turma`;

const section = (title: string, items: readonly string[]) =>
  items.length ? [`${title}:`, ...items.map((i) => `- ${i}`)].join('\n') : '';

/** What a learner reads in the event: summary, objectives, pre-reading and reflection prompts (content checked free of internal file names). */
function describe(lesson: Lesson, t: Translate): string {
  return [
    lesson.summary ?? '',
    section(t('agenda.objectives'), lesson.objectives),
    section(t('agenda.preReading'), lesson.preReading),
    section(t('agenda.prompts'), lesson.reflectionPrompts),
  ]
    .filter(Boolean)
    .join('\n\n');
}

export function buildFeed(input: FeedInput): Feed {
  const { schedule, timezone, t } = input;
  // The zone's rules over the lessons' span only (not the request time, so the ETag holds between requests).
  // With no lessons, the start of this year: stable between requests too.
  const starts = schedule.map((s) => s.startsAt.getTime());
  const ends = schedule.map((s) => s.endsAt.getTime());
  const thisYear = Date.UTC(input.now.getUTCFullYear(), 0, 1);
  const span = {
    from: new Date(starts.length ? Math.min(...starts) : thisYear),
    to: new Date(ends.length ? Math.max(...ends) : thisYear),
  };
  const calendar = ical({
    name: input.courseTitle,
    prodId: { company: 'turma', product: 'turma', language: 'PT' },
    method: ICalCalendarMethod.PUBLISH,
    timezone: { name: timezone, generator: (zone) => buildVtimezone(zone, span.from, span.to) },
  });
  for (const { lesson, startsAt, endsAt } of schedule) {
    const summary = t('agenda.title', { number: lesson.number, title: lesson.title });
    const event = calendar.createEvent({
      id: lessonUid(input.courseId, input.communityId, lesson.number),
      start: DateTime.fromJSDate(startsAt).setZone(timezone),
      end: DateTime.fromJSDate(endsAt).setZone(timezone),
      timezone,
      stamp: input.now,
      summary,
      description: describe(lesson, t),
      ...(input.classLink ? { location: input.classLink, url: input.classLink } : {}),
    });
    if (input.alarmMinutes !== undefined && input.alarmMinutes > 0)
      event.createAlarm({
        type: ICalAlarmType.display,
        trigger: input.alarmMinutes * 60,
        description: summary,
      });
  }
  // With a calendar timezone ical-generator writes DTSTAMP as local time; RFC 5545 §3.8.7.2 wants UTC.
  const stamp = DateTime.fromJSDate(input.now, { zone: 'utc' }).toFormat("yyyyMMdd'T'HHmmss'Z'");
  const body = calendar.toString().replace(/^DTSTAMP:.*$/gm, `DTSTAMP:${stamp}`);
  const etag = `"${createHash('sha256')
    .update(body.replace(/^DTSTAMP:.*$/gm, ''))
    .digest('base64url')
    .slice(0, 27)}"`;
  return { body, etag };
}
