// What the scheduler should post, and when: pure, from a community's settings, the class calendar and a window.
// Wall-clock times are resolved in the community's timezone with luxon: on a spring-forward day a 02:30 job runs at
// 03:30 (the first valid minute); on a fall-back day a 01:30 job runs once, at the first 01:30.
import { DateTime } from 'luxon';
import type { ScheduledLesson } from './calendar.ts';

export type PostKind = 'agenda' | 'reminder' | 'daily' | 'board' | 'digest';

/** Every post kind, in the order a community's posts of one instant go out. */
export const POST_KINDS: readonly PostKind[] = ['agenda', 'digest', 'reminder', 'daily', 'board'];

/** One post the scheduler owes a community. */
export interface PlannedPost {
  kind: PostKind;
  /** Stable description of what the post is about; with kind and `at` it forms the run key. */
  target: string;
  lesson?: number;
  leadMinutes?: number;
  at: Date;
  /** After this instant the post is no longer useful and is dropped instead of caught up. */
  deadline: Date;
}

export interface ScheduleSettings {
  timezone: string;
  quizTime: string;
  quizDays: number[];
  agendaLeadMinutes: number;
  reminderLeadsMinutes: number[];
  /** The monitors' digest is configured (`/config digest`): it goes out at the agenda's instant. */
  digest?: boolean;
}

/** The weekly board goes out on Sunday (ISO weekday 7) at 20:00 local time, before the week turns. */
export const BOARD_WEEKDAY = 7;
export const BOARD_TIME = '20:00';

/** A local wall-clock time on a day; of two identical wall times (fall-back) the first, like cron. */
const atLocal = (day: DateTime, hhmm: string): DateTime => {
  const [hour, minute] = hhmm.split(':').map(Number);
  const dt = DateTime.fromObject(
    { year: day.year, month: day.month, day: day.day, hour, minute },
    { zone: day.zoneName ?? undefined },
  );
  const hourEarlier = dt.minus({ hours: 1 });
  return hourEarlier.hour === dt.hour && hourEarlier.minute === dt.minute ? hourEarlier : dt;
};

/** The kinds a community with these settings is owed (the digest only where one is configured). */
export const kindsOf = (settings: ScheduleSettings): PostKind[] =>
  POST_KINDS.filter((kind) => kind !== 'digest' || settings.digest);

/** Every post whose time falls in (from, to], oldest first; only of `kinds` when given. */
export function planPosts(
  settings: ScheduleSettings,
  schedule: readonly ScheduledLesson<{ number: number }>[],
  from: Date,
  to: Date,
  kinds: readonly PostKind[] = POST_KINDS,
): PlannedPost[] {
  const posts: PlannedPost[] = [];
  const inWindow = (at: Date) => at > from && at <= to;
  const wants = new Set(kinds);

  for (const { lesson, startsAt } of schedule) {
    const agendaAt = new Date(startsAt.getTime() - settings.agendaLeadMinutes * 60_000);
    if (inWindow(agendaAt)) {
      if (wants.has('agenda'))
        posts.push({
          kind: 'agenda',
          target: `lesson:${lesson.number}`,
          lesson: lesson.number,
          at: agendaAt,
          deadline: startsAt,
        });
      if (settings.digest && wants.has('digest'))
        posts.push({
          kind: 'digest',
          target: `lesson:${lesson.number}`,
          lesson: lesson.number,
          at: agendaAt,
          deadline: startsAt,
        });
    }
    for (const lead of wants.has('reminder') ? settings.reminderLeadsMinutes : []) {
      const at = new Date(startsAt.getTime() - lead * 60_000);
      if (inWindow(at)) {
        posts.push({
          kind: 'reminder',
          target: `lesson:${lesson.number}:${lead}`,
          lesson: lesson.number,
          leadMinutes: lead,
          at,
          deadline: startsAt,
        });
      }
    }
  }

  if (!wants.has('daily') && !wants.has('board'))
    return posts.sort((a, b) => a.at.getTime() - b.at.getTime());
  // Local days from the day before `from` to the day of `to` (a window can start late on one local day).
  const zone = settings.timezone;
  let day = DateTime.fromJSDate(from, { zone }).startOf('day').minus({ days: 1 });
  const lastDay = DateTime.fromJSDate(to, { zone }).startOf('day');
  while (day <= lastDay) {
    const endOfDay = day.plus({ days: 1 }).toJSDate();
    if (wants.has('daily') && settings.quizDays.includes(day.weekday)) {
      const at = atLocal(day, settings.quizTime).toJSDate();
      if (inWindow(at))
        posts.push({ kind: 'daily', target: `day:${day.toISODate()}`, at, deadline: endOfDay });
    }
    if (wants.has('board') && day.weekday === BOARD_WEEKDAY) {
      const at = atLocal(day, BOARD_TIME).toJSDate();
      const weekStart = day.minus({ days: 6 }).toISODate();
      if (inWindow(at)) posts.push({ kind: 'board', target: `week:${weekStart}`, at, deadline: endOfDay });
    }
    day = day.plus({ days: 1 });
  }
  return posts.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** Days and boards recur within a week; a week and a day covers any set of weekdays and a DST shift. */
const RECURRING_HORIZON_MS = 8 * 86_400_000;

/**
 * The instant of the first post of `kind` after `after`, or undefined when there is none (no lesson left, no quiz
 * day). Agendas, reminders and digests follow the finite class calendar; dailies and boards recur every week.
 */
export function nextPostAt(
  settings: ScheduleSettings,
  schedule: readonly ScheduledLesson<{ number: number }>[],
  kind: PostKind,
  after: Date,
): Date | undefined {
  if (kind === 'daily' || kind === 'board') {
    const to = new Date(after.getTime() + RECURRING_HORIZON_MS);
    return planPosts(settings, schedule, after, to, [kind])[0]?.at;
  }
  if (kind === 'digest' && !settings.digest) return undefined;
  const leads = kind === 'reminder' ? settings.reminderLeadsMinutes : [settings.agendaLeadMinutes];
  let next: number | undefined;
  for (const { startsAt } of schedule)
    for (const lead of leads) {
      const at = startsAt.getTime() - lead * 60_000;
      if (at > after.getTime() && (next === undefined || at < next)) next = at;
    }
  return next === undefined ? undefined : new Date(next);
}

/** Minutes from "90m", "24h", "2d" or a bare number of minutes; undefined when malformed. */
export function parseLead(text: string): number | undefined {
  const m = /^(\d{1,5})\s*([mhd]?)$/i.exec(text.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = (m[2] ?? '').toLowerCase();
  const minutes = unit === 'd' ? n * 1440 : unit === 'h' ? n * 60 : n;
  return minutes > 0 && minutes <= 14 * 1440 ? minutes : undefined;
}

/** "1h", "24h", "90m", "2d": the shortest exact way to write a lead. */
export function formatLead(minutes: number): string {
  if (minutes % 1440 === 0) return `${minutes / 1440}d`;
  if (minutes % 60 === 0) return `${minutes / 60}h`;
  return `${minutes}m`;
}
