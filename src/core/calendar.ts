// Class calendar math: when each lesson starts, which one is next, in the course's timezone (DST-safe via luxon).
import { DateTime } from 'luxon';

/** What the calendar needs of the course file. */
export interface CalendarSpec {
  timezone: string;
  calendar: {
    firstClass: string;
    everyWeeks: number;
    durationMinutes: number;
    skip: string[];
    overrides: Record<string, string>;
  };
}

/** What the calendar needs of a lesson. */
export interface CalendarLesson {
  number: number;
  startsAt?: string;
}

export interface ScheduledLesson<L extends CalendarLesson> {
  lesson: L;
  startsAt: Date;
  endsAt: Date;
}

const localToInstant = (local: string, zone: string): Date => {
  const dt = DateTime.fromISO(local, { zone });
  if (!dt.isValid) throw new Error(`invalid local date-time ${local} in ${zone}: ${dt.invalidExplanation}`);
  return dt.toJSDate();
};

/**
 * Each lesson, in number order, takes the next slot of the weekly rhythm (first class + k × everyWeeks weeks, same
 * local wall-clock time), skipping the skipped dates; a lesson's own `startsAt` or a course override wins for that
 * lesson, without moving the others.
 */
export function buildSchedule<L extends CalendarLesson>(
  course: CalendarSpec,
  lessons: readonly L[],
): ScheduledLesson<L>[] {
  const { timezone, calendar } = course;
  const first = DateTime.fromISO(calendar.firstClass, { zone: timezone });
  const skip = new Set(calendar.skip);
  const sorted = [...lessons].sort((a, b) => a.number - b.number);
  const out: ScheduledLesson<L>[] = [];
  let slot = 0;
  for (const lesson of sorted) {
    let start = first.plus({ weeks: slot * calendar.everyWeeks });
    while (skip.has(start.toISODate() ?? '')) {
      slot++;
      start = first.plus({ weeks: slot * calendar.everyWeeks });
    }
    slot++;
    const explicit = lesson.startsAt ?? calendar.overrides[String(lesson.number)];
    const startsAt = explicit ? localToInstant(explicit, timezone) : start.toJSDate();
    out.push({ lesson, startsAt, endsAt: new Date(startsAt.getTime() + calendar.durationMinutes * 60_000) });
  }
  return out;
}

/** The lesson in progress or the next one to start; undefined once the last lesson has ended. */
export function nextLesson<L extends CalendarLesson>(
  schedule: ScheduledLesson<L>[],
  now: Date,
): ScheduledLesson<L> | undefined {
  return [...schedule]
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
    .find((s) => s.endsAt > now);
}

/** Lessons whose class has already started: their questions may be asked. */
export function taughtLessons<L extends CalendarLesson>(schedule: ScheduledLesson<L>[], now: Date): L[] {
  return schedule.filter((s) => s.startsAt <= now).map((s) => s.lesson);
}
