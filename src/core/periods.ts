// Leaderboard periods and local days in a community's timezone. Weeks start Monday 00:00 local time.
import { DateTime } from 'luxon';

export const PERIODS = ['week', 'month', 'all'] as const;
export type Period = (typeof PERIODS)[number];

/** [start, end) of the period containing `now`; undefined bounds mean "since ever" / "until ever". */
export function periodRange(period: Period, now: Date, timezone: string): { start?: Date; end?: Date } {
  if (period === 'all') return {};
  const local = DateTime.fromJSDate(now, { zone: timezone });
  const start = local.startOf(period === 'week' ? 'week' : 'month');
  return {
    start: start.toJSDate(),
    end: start.plus(period === 'week' ? { weeks: 1 } : { months: 1 }).toJSDate(),
  };
}

/** The local calendar day (YYYY-MM-DD) of an instant. */
export function localDay(at: Date, timezone: string): string {
  return DateTime.fromJSDate(at, { zone: timezone }).toISODate()!;
}

/** Start of the local day containing `at`. */
export function startOfLocalDay(at: Date, timezone: string): Date {
  return DateTime.fromJSDate(at, { zone: timezone }).startOf('day').toJSDate();
}
