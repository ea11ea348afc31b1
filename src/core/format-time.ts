// Dates and durations in the reader's language and the community's timezone.
import type { Locale } from './i18n.ts';
import { BoundedMemo } from './memo.ts';

// Building an Intl formatter costs far more than formatting with one, and thousands of scheduled posts format dates
// in the same few timezones: formatters are kept per locale, timezone and style (bounded, like any cache here).
const formatters = new BoundedMemo<string, Intl.DateTimeFormat | Intl.RelativeTimeFormat>(256);

/** "terça-feira, 24 de novembro de 2026 às 19:00" / "Tuesday, November 24, 2026 at 7:00 PM". */
export function formatDateTime(date: Date, timeZone: string, locale: Locale): string {
  return formatters
    .get(
      `full|${locale}|${timeZone}`,
      () => new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone }),
    )
    .format(date);
}

/** "24/11 19:00" / "11/24 7:00 PM", for lists. */
export function formatShortDateTime(date: Date, timeZone: string, locale: Locale): string {
  return formatters
    .get(
      `short|${locale}|${timeZone}`,
      () =>
        new Intl.DateTimeFormat(locale, {
          day: '2-digit',
          month: '2-digit',
          hour: '2-digit',
          minute: '2-digit',
          timeZone,
        }),
    )
    .format(date);
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "em 2 dias", "daqui a 3 horas", "há 5 minutos" / "in 2 days", "3 hours ago". */
export function formatRelative(target: Date, now: Date, locale: Locale): string {
  // Whole minutes first: a reminder posted a few milliseconds after its instant still says "em 1 hora", not "60 minutos".
  const diff = Math.round((target.getTime() - now.getTime()) / 60_000) * 60_000;
  const format = formatters.get(
    `relative|${locale}`,
    () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }),
  );
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms || unit === 'minute') return format.format(Math.round(diff / ms), unit);
  }
  return format.format(0, 'minute');
}
