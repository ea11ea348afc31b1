// Leaderboard periods and local days in a community's timezone. Weeks start Monday 00:00 local time.
import { DateTime } from 'luxon';
import { BoundedMemo } from './memo.ts';

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

const DAY_MS = 86_400_000;

/** Every timezone's offset is a whole number of quarter hours: within one, the local date cannot change. */
const QUARTER_HOUR_MS = 15 * 60_000;
const recentDays = new BoundedMemo<string, number>(256);

/**
 * The local calendar day of an instant as a number: days from 1970-01-01 to its local date. On the answer path, so
 * the last few quarter hours' results are remembered (a bounded map) instead of resolving the zone each time.
 */
export function dayNumber(at: Date, timezone: string): number {
  return recentDays.get(`${timezone} ${Math.floor(at.getTime() / QUARTER_HOUR_MS)}`, () => {
    const local = DateTime.fromJSDate(at, { zone: timezone });
    return Math.floor(Date.UTC(local.year, local.month - 1, local.day) / DAY_MS);
  });
}

/** Local days [from, to) as day numbers; an open bound stays open. */
export interface DayRange {
  from?: number;
  to?: number;
}

/**
 * The local days a range touches, whole: from the day of `start` to the day of the last instant before `end`. A
 * range of local midnights (every period) maps exactly; a range ending now takes in today so far.
 */
export function dayRange(range: { start?: Date; end?: Date }, timezone: string): DayRange {
  return {
    ...(range.start ? { from: dayNumber(range.start, timezone) } : {}),
    ...(range.end ? { to: dayNumber(new Date(range.end.getTime() - 1), timezone) + 1 } : {}),
  };
}
