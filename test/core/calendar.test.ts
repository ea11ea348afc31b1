import { describe, expect, it } from 'vitest';
import { buildSchedule, type CalendarSpec, nextLesson, taughtLessons } from '../../src/core/calendar.ts';

const lessons = (n: number) => Array.from({ length: n }, (_, i) => ({ number: i + 1 }));
const spec = (calendar: Partial<CalendarSpec['calendar']>, timezone = 'America/Sao_Paulo'): CalendarSpec => ({
  timezone,
  calendar: {
    firstClass: '2026-11-10T19:00',
    everyWeeks: 1,
    durationMinutes: 90,
    skip: [],
    overrides: {},
    ...calendar,
  },
});
const iso = (d: Date) => d.toISOString();

describe('buildSchedule', () => {
  it('puts lessons on the weekly rhythm, across month and year ends, at the same local time', () => {
    const schedule = buildSchedule(spec({ firstClass: '2026-12-15T19:00' }), lessons(4));
    // São Paulo is UTC-3 all year (no DST since 2019).
    expect(schedule.map((s) => iso(s.startsAt))).toEqual([
      '2026-12-15T22:00:00.000Z',
      '2026-12-22T22:00:00.000Z',
      '2026-12-29T22:00:00.000Z',
      '2027-01-05T22:00:00.000Z',
    ]);
    expect(iso(schedule[0]!.endsAt)).toBe('2026-12-15T23:30:00.000Z');
  });

  it('moves the following lessons one slot per skipped date', () => {
    const schedule = buildSchedule(spec({ skip: ['2026-11-24', '2026-12-01'] }), lessons(3));
    expect(schedule.map((s) => iso(s.startsAt).slice(0, 10))).toEqual([
      '2026-11-10',
      '2026-11-17',
      '2026-12-08',
    ]);
  });

  it('honours an every-other-week rhythm', () => {
    const schedule = buildSchedule(spec({ everyWeeks: 2, firstClass: '2026-01-28T10:00' }), lessons(3));
    expect(schedule.map((s) => iso(s.startsAt).slice(0, 10))).toEqual([
      '2026-01-28',
      '2026-02-11',
      '2026-02-25',
    ]);
  });

  it('lets an override or a lesson startsAt move one lesson without moving the others', () => {
    const schedule = buildSchedule(spec({ overrides: { '2': '2026-11-18T08:30' } }), [
      { number: 1 },
      { number: 2 },
      { number: 3, startsAt: '2026-11-30T20:00' },
      { number: 4 },
    ]);
    expect(schedule.map((s) => iso(s.startsAt))).toEqual([
      '2026-11-10T22:00:00.000Z',
      '2026-11-18T11:30:00.000Z',
      '2026-11-30T23:00:00.000Z',
      '2026-12-01T22:00:00.000Z',
    ]);
  });

  it('keeps the local wall-clock time across a DST change (America/New_York)', () => {
    const schedule = buildSchedule(spec({ firstClass: '2026-10-27T19:00' }, 'America/New_York'), lessons(2));
    // EDT (UTC-4) before 1 November 2026, EST (UTC-5) after.
    expect(schedule.map((s) => iso(s.startsAt))).toEqual([
      '2026-10-27T23:00:00.000Z',
      '2026-11-04T00:00:00.000Z',
    ]);
  });
});

describe('nextLesson and taughtLessons', () => {
  const schedule = buildSchedule(spec({}), lessons(3));

  it('is the lesson in progress, then the next one to start', () => {
    expect(nextLesson(schedule, new Date('2026-11-09T12:00:00Z'))?.lesson.number).toBe(1);
    expect(nextLesson(schedule, new Date('2026-11-10T23:00:00Z'))?.lesson.number).toBe(1);
    expect(nextLesson(schedule, new Date('2026-11-10T23:31:00Z'))?.lesson.number).toBe(2);
  });

  it('is nothing once the last class has ended', () => {
    expect(nextLesson(schedule, new Date('2026-11-25T00:00:00Z'))).toBeUndefined();
  });

  it('counts a lesson as taught from the moment its class starts', () => {
    expect(taughtLessons(schedule, new Date('2026-11-17T21:59:00Z')).map((l) => l.number)).toEqual([1]);
    expect(taughtLessons(schedule, new Date('2026-11-17T22:00:00Z')).map((l) => l.number)).toEqual([1, 2]);
  });
});
