// The VTIMEZONE blocks, read back by ical.js: local times in them convert to the same instants as the runtime's own
// zone data, across daylight-saving changes and in zones that dropped them.
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { buildVtimezone } from '../../src/calendar/vtimezone.ts';

/** The instant ical.js gives a local wall-clock time in the zone as the block describes it. */
function instantOf(block: string, zone: string, local: string): Date {
  const timezone = new ICAL.Timezone(
    new ICAL.Component(ICAL.parse(`BEGIN:VCALENDAR\r\n${block}\r\nEND:VCALENDAR`)).getFirstSubcomponent(
      'vtimezone',
    )!,
  );
  const time = ICAL.Time.fromDateTimeString(local);
  time.zone = timezone;
  expect(timezone.tzid).toBe(zone);
  return time.toJSDate();
}

const luxonInstant = (zone: string, local: string) => DateTime.fromISO(local, { zone }).toJSDate();

describe('buildVtimezone', () => {
  it('describes summer time where a zone has it, with each change at its exact minute', () => {
    const block = buildVtimezone('Europe/Berlin', new Date('2026-01-01'), new Date('2027-12-31'));
    expect(block.match(/BEGIN:DAYLIGHT/g)).toHaveLength(2);
    expect(block).toContain('DTSTART:20260329T020000');
    expect(block).toContain('DTSTART:20261025T030000');
    for (const local of [
      '2026-02-10T19:00:00',
      '2026-07-10T19:00:00',
      '2026-10-24T19:00:00',
      '2026-10-26T19:00:00',
      '2027-04-01T08:30:00',
    ])
      expect(instantOf(block, 'Europe/Berlin', local), local).toEqual(luxonInstant('Europe/Berlin', local));
  });

  it('gives São Paulo no summer time (abolished in 2019), unlike 2018 data still packaged (@touch4it/ical-timezones)', () => {
    const block = buildVtimezone('America/Sao_Paulo', new Date('2026-11-01'), new Date('2027-03-01'));
    expect(block).not.toContain('DAYLIGHT');
    expect(block).toContain('TZOFFSETTO:-0300');
    expect(instantOf(block, 'America/Sao_Paulo', '2026-12-15T19:00:00')).toEqual(
      new Date('2026-12-15T22:00:00Z'),
    );
  });

  it('handles half-hour offsets and the southern hemisphere', () => {
    const block = buildVtimezone('Australia/Adelaide', new Date('2026-01-01'), new Date('2026-12-31'));
    expect(block).toContain('TZOFFSETTO:+1030');
    expect(block).toContain('TZOFFSETTO:+0930');
    for (const local of ['2026-01-15T10:00:00', '2026-06-15T10:00:00', '2026-11-15T10:00:00'])
      expect(instantOf(block, 'Australia/Adelaide', local), local).toEqual(
        luxonInstant('Australia/Adelaide', local),
      );
  });
});
