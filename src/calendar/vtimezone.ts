// VTIMEZONE blocks (RFC 5545 §3.6.5) from the runtime's own time zone database, for the span a feed covers. Packaged
// VTIMEZONE data ages: @touch4it/ical-timezones ships 2018 rules (America/Sao_Paulo still has summer time there,
// abolished in 2019), which would move every November class by an hour in clients that trust the block; the data of
// Node's ICU is updated with Node.
import { DateTime } from 'luxon';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** `-0300`, `+0530`: an offset in minutes as RFC 5545 writes it. */
const utcOffset = (minutes: number) => {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
};

const offsetAt = (ms: number, zone: string) => DateTime.fromMillis(ms, { zone }).offset;

/** The instants in [from, to) where the zone's offset changes, to the minute. */
function transitions(zone: string, from: number, to: number): number[] {
  const found: number[] = [];
  for (let day = from; day < to; day += DAY_MS) {
    if (offsetAt(day, zone) === offsetAt(day + DAY_MS, zone)) continue;
    let lo = day;
    let hi = day + DAY_MS;
    // The first minute with the new offset.
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
      if (offsetAt(mid, zone) === offsetAt(day, zone)) lo = mid;
      else hi = mid;
    }
    found.push(hi);
  }
  return found;
}

/** One observance: from `at` on, the zone is `to` minutes from UTC (`from` before); daylight when it is summer time. */
function observance(zone: string, at: number, from: number, to: number): string[] {
  const kind = DateTime.fromMillis(at, { zone }).isInDST ? 'DAYLIGHT' : 'STANDARD';
  // DTSTART is the local time of the onset as read before it (in the offset it changes from).
  const onset = DateTime.fromMillis(at + from * 60_000, { zone: 'UTC' }).toFormat("yyyyMMdd'T'HHmmss");
  const name = DateTime.fromMillis(at, { zone }).toFormat('ZZZZ');
  return [
    `BEGIN:${kind}`,
    `DTSTART:${onset}`,
    `TZOFFSETFROM:${utcOffset(from)}`,
    `TZOFFSETTO:${utcOffset(to)}`,
    ...(/^[\w+-]+$/.test(name) ? [`TZNAME:${name}`] : []),
    `END:${kind}`,
  ];
}

/**
 * The VTIMEZONE of `zone` valid from `from` to `to`: the offset in force at the start, then each change in between
 * (fixed onsets, no recurrence rules, so nothing depends on a client's idea of future rules).
 */
export function buildVtimezone(zone: string, from: Date, to: Date): string {
  const start = from.getTime() - DAY_MS;
  const end = to.getTime() + DAY_MS;
  const first = offsetAt(start, zone);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`, ...observance(zone, start, first, first)];
  let previous = first;
  for (const at of transitions(zone, start, end)) {
    const next = offsetAt(at, zone);
    lines.push(...observance(zone, at, previous, next));
    previous = next;
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}
