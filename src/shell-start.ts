// Where the shell's simulated clock starts, and what it says first when the course calendar is over: so a
// newcomer can replay the shipped course on any date (`npm start -- --at 2026-11-09T08:00`).
import { DateTime } from 'luxon';
import type { ContentStore } from './content/store.ts';
import { formatDateTime } from './core/format-time.ts';
import { type Locale, translator } from './core/i18n.ts';
import { isRealLocalDate, LOCAL_DATE_TIME, parseClockTarget } from './core/time.ts';

/** The `--at <when>` of the command line (also `--at=<when>`), else `fallback`; other arguments are refused. */
export function startArgument(argv: readonly string[], fallback?: string): string | undefined {
  let at = fallback;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--at') at = argv[++i] ?? '';
    else if (arg.startsWith('--at=')) at = arg.slice('--at='.length);
    else
      throw new Error(
        `unknown argument "${arg.slice(0, 40)}"; npm start takes only --at <local date and time>`,
      );
  }
  return at;
}

/** The instant `text` names (local to `timezone`, or with an offset), or an explanation of what was expected. */
export function parseStart(text: string, now: Date, timezone: string): Date | string {
  const local = text.trim().replace(' ', 'T');
  const ok = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local) ? isRealLocalDate(local) : true;
  const at = ok ? parseClockTarget(local, now, timezone) : undefined;
  return at ?? `"${text.slice(0, 40)}" is not a local date and time like 2026-11-09T08:00`;
}

/** How to replay the course, when its calendar (the community's own, if it moved it) has ended by `now`. */
export function courseOverNotice(
  content: ContentStore,
  firstClass: string | null | undefined,
  now: Date,
  timezone: string,
  locale: Locale,
): string | undefined {
  const schedule = content.scheduleFor(firstClass);
  const first = schedule[0];
  const last = schedule.at(-1);
  if (!first || !last || last.endsAt > now) return undefined;
  const firstLocal = DateTime.fromJSDate(first.startsAt, { zone: timezone });
  const at = firstLocal.minus({ days: 1 }).set({ hour: 8, minute: 0 }).toFormat(LOCAL_DATE_TIME);
  // The next class day of the course's weekday, at least a day ahead, at its time.
  let nextDay = DateTime.fromJSDate(now, { zone: timezone })
    .plus({ days: 1 })
    .set({ hour: firstLocal.hour, minute: firstLocal.minute });
  while (nextDay.weekday !== firstLocal.weekday) nextDay = nextDay.plus({ days: 1 });
  const next = nextDay.toFormat(LOCAL_DATE_TIME);
  const t = translator(locale);
  return t('shell.courseOver', { last: formatDateTime(last.startsAt, timezone, locale), at, next });
}

/**
 * Why the shell's clock may not go back to `target`: a post this database already planned after it would never run
 * again (its run is claimed). `latest` is the latest planned post, if any.
 */
export function rewindRefusal(
  target: Date,
  latest: Date | undefined,
  timezone: string,
  locale: Locale,
): string | undefined {
  if (!latest || latest <= target) return undefined;
  return translator(locale)('shell.clockNoRewind', {
    time: formatDateTime(target, timezone, locale),
    iso: DateTime.fromJSDate(target, { zone: timezone }).toFormat(LOCAL_DATE_TIME),
    latest: formatDateTime(latest, timezone, locale),
  });
}
