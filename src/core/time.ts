// Time helpers for the pure core: the clock is always passed in, never read here.
import { DateTime } from 'luxon';

/** A source of "now"; platforms and tests inject one, the core only receives instants. */
export interface Clock {
  now(): Date;
}

/** True when the runtime knows this IANA timezone name. */
export function isValidTimeZone(zone: string): boolean {
  if (!zone || /\s/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/**
 * The target of a clock move: `+90m`, `+2h`, `+1d12h`, `+30s` (relative to now) or an ISO date-time, local to the
 * timezone unless it carries Z or an offset. Undefined when the text is neither.
 */
export function parseClockTarget(text: string, now: Date, timezone: string): Date | undefined {
  const arg = text.trim();
  if (/^\+(\d{1,6}[smhd])+$/.test(arg)) {
    let ms = 0;
    for (const [, n, unit] of arg.matchAll(/(\d+)([smhd])/g))
      ms += Number(n) * UNIT_MS[unit as keyof typeof UNIT_MS];
    return new Date(now.getTime() + ms);
  }
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?(Z|[+-]\d{2}:\d{2})?$/.test(arg)) return undefined;
  const dt = DateTime.fromISO(arg, { zone: timezone });
  return dt.isValid ? dt.toJSDate() : undefined;
}

/** How course files and settings write a local date and time (luxon format): 2026-11-10T19:00. */
export const LOCAL_DATE_TIME = "yyyy-MM-dd'T'HH:mm";

/** Years a course date may fall in: anything outside is a typo (0000, 20260), not a class. */
export const COURSE_YEARS = { min: 2000, max: 2100 } as const;

/**
 * A real local date (`2026-11-10`) or date and time (`2026-11-10T19:00`) in COURSE_YEARS: no 30 February, no 25:00.
 * What enters a setting or a content file passes this, so nothing stored can break a later read.
 */
export function isRealLocalDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?$/.exec(text);
  if (!m) return false;
  const [year, month, day, hour = 0, minute = 0] = m.slice(1).map((part) => Number(part ?? 0));
  if (year! < COURSE_YEARS.min || year! > COURSE_YEARS.max) return false;
  const date = DateTime.fromObject({ year, month, day, hour, minute }, { zone: 'UTC' });
  return date.isValid;
}
