import { describe, expect, it } from 'vitest';
import { periodRange, localDay } from '../../src/core/periods.ts';
import { competitionRanks } from '../../src/core/ranking.ts';
import { dailyPoints, livePoints, practicePoints, SCORING } from '../../src/core/scoring.ts';
import { bestStreak, currentStreak } from '../../src/core/streaks.ts';

describe('scoring', () => {
  it('gives the daily question 10 points plus a capped streak bonus', () => {
    expect(dailyPoints(true, 0)).toEqual({ base: 10, bonus: 0 });
    expect(dailyPoints(true, 2)).toEqual({ base: 10, bonus: 4 });
    expect(dailyPoints(true, 50)).toEqual({ base: 10, bonus: SCORING.daily.streakCap });
    expect(dailyPoints(false, 5)).toEqual({ base: 0, bonus: 0 });
  });

  it('gives live answers a speed bonus falling linearly to zero at the time limit', () => {
    expect(livePoints(true, 0, 20_000)).toEqual({ base: 10, bonus: 10 });
    expect(livePoints(true, 10_000, 20_000)).toEqual({ base: 10, bonus: 5 });
    expect(livePoints(true, 20_000, 20_000)).toEqual({ base: 10, bonus: 0 });
    expect(livePoints(true, 25_000, 20_000)).toEqual({ base: 10, bonus: 0 });
    expect(livePoints(false, 0, 20_000)).toEqual({ base: 0, bonus: 0 });
  });

  it('caps practice points per day', () => {
    expect(practicePoints(true, 0)).toBe(1);
    expect(practicePoints(true, SCORING.practice.dailyCap - 1)).toBe(1);
    expect(practicePoints(true, SCORING.practice.dailyCap)).toBe(0);
    expect(practicePoints(false, 0)).toBe(0);
  });
});

describe('streaks', () => {
  it('counts consecutive right days up to the latest, merging several dailies of one day', () => {
    const days = [
      { day: '2026-11-16', right: true },
      { day: '2026-11-17', right: false },
      { day: '2026-11-18', right: true },
      { day: '2026-11-19', right: true },
      { day: '2026-11-19', right: false },
      { day: '2026-11-20', right: true },
    ];
    expect(currentStreak(days)).toBe(3);
    expect(bestStreak(days)).toBe(3);
    expect(currentStreak([...days, { day: '2026-11-21', right: false }])).toBe(0);
  });

  it('puts answers just before and after local midnight on different days', () => {
    // 23:59 and 00:01 in São Paulo are 02:59 and 03:01 UTC.
    expect(localDay(new Date('2026-11-20T02:59:00Z'), 'America/Sao_Paulo')).toBe('2026-11-19');
    expect(localDay(new Date('2026-11-20T03:01:00Z'), 'America/Sao_Paulo')).toBe('2026-11-20');
  });
});

describe('periods', () => {
  const tz = 'America/Sao_Paulo';
  it('starts the week on Monday 00:00 local time', () => {
    // Sunday 2026-11-22 23:59 local = 2026-11-23T02:59Z; Monday 00:00 local = 03:00Z.
    const sunday = periodRange('week', new Date('2026-11-23T02:59:00Z'), tz);
    const monday = periodRange('week', new Date('2026-11-23T03:00:00Z'), tz);
    expect(sunday.start?.toISOString()).toBe('2026-11-16T03:00:00.000Z');
    expect(sunday.end?.toISOString()).toBe('2026-11-23T03:00:00.000Z');
    expect(monday.start?.toISOString()).toBe('2026-11-23T03:00:00.000Z');
  });

  it('covers the calendar month, and everything for all', () => {
    const month = periodRange('month', new Date('2026-12-31T12:00:00Z'), tz);
    expect(month.start?.toISOString()).toBe('2026-12-01T03:00:00.000Z');
    expect(month.end?.toISOString()).toBe('2027-01-01T03:00:00.000Z');
    expect(periodRange('all', new Date(), tz)).toEqual({});
  });
});

describe('competitionRanks', () => {
  it('lets ties share a rank and skips the next ones', () => {
    const rows = [
      { points: 30 },
      { points: 20 },
      { points: 20 },
      { points: 10 },
      { points: 10 },
      { points: 5 },
    ];
    expect(competitionRanks(rows).map((r) => r.rank)).toEqual([1, 2, 2, 4, 4, 6]);
  });
});
