// Leaderboard latency (top 10 plus the caller's rank) with 10,000 members and 1,000,000 score events spread over a
// year, for this week and for all time.
import { periodRange } from '../../src/core/periods.ts';
import { makeTestApp } from '../helpers.ts';
import { type BenchRow, percentile, timeEach } from './stats.ts';

const MEMBERS = 10_000;
const EVENTS = 1_000_000;
const YEAR_MS = 365 * 86_400_000;

export async function benchLeaderboard(): Promise<BenchRow[]> {
  const now = new Date('2026-11-23T12:00:00Z');
  const app = makeTestApp(now);
  try {
    const sqlite = app.database.sqlite;
    const communityId = app.repos.communities.ensure('shell', 'local', now).id;
    sqlite.transaction(() => {
      const member = sqlite.prepare(
        'insert into members (community_id, external_id, display_name, created_at) values (?, ?, ?, ?)',
      );
      for (let m = 0; m < MEMBERS; m++) member.run(communityId, `m${m}`, `m${m}`, now.getTime());
      const event = sqlite.prepare(
        "insert into score_events (community_id, member_id, kind, points, ref, created_at) values (?, ?, 'daily', ?, ?, ?)",
      );
      let seed = 7;
      const rand = () => {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        return seed / 0x7fffffff;
      };
      for (let e = 0; e < EVENTS; e++) {
        event.run(
          communityId,
          1 + Math.floor(rand() * MEMBERS),
          1 + Math.floor(rand() * 20),
          `bench:${e}`,
          now.getTime() - Math.floor(rand() * YEAR_MS),
        );
      }
      sqlite.exec(
        `insert into member_totals (member_id, community_id, points)
         select member_id, community_id, sum(points) from score_events group by member_id`,
      );
    })();
    sqlite.exec('analyze');
    const week = periodRange('week', now, app.config.timezone);
    const callers = Array.from({ length: 300 }, (_, i) => 1 + ((i * 7919) % MEMBERS));
    const board = (range: typeof week) => (caller: number) => {
      app.repos.scores.top(communityId, range, 10);
      app.repos.scores.standing(communityId, caller, range);
    };
    timeEach(callers.slice(0, 20), board(week));
    const weekly = timeEach(callers, board(week));
    const allTime = timeEach(callers, board({}));
    return [
      {
        name: 'leaderboard p50, this week (10k members, 1M events)',
        value: percentile(weekly, 50),
        unit: 'ms',
      },
      {
        name: 'leaderboard p99, this week (10k members, 1M events)',
        value: percentile(weekly, 99),
        unit: 'ms',
        goal: { op: '<=', target: 25 },
      },
      {
        name: 'leaderboard p50, all time (10k members, 1M events)',
        value: percentile(allTime, 50),
        unit: 'ms',
      },
      {
        name: 'leaderboard p99, all time (10k members, 1M events)',
        value: percentile(allTime, 99),
        unit: 'ms',
        goal: { op: '<=', target: 25 },
      },
    ];
  } finally {
    await app.dispose();
  }
}
