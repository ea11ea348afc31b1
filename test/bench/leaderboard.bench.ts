// Leaderboard latency (top 10 plus the caller's rank) with 10,000 members and 1,000,000 score events spread over a
// year, for this week and for all time; and the whole board message (accuracy and current streak on every line) with
// a year of daily questions and their answers.
import { translator } from '../../src/core/i18n.ts';
import { type Period, periodRange } from '../../src/core/periods.ts';
import { renderLeaderboard } from '../../src/core/board-render.ts';
import { loadLeaderboard, renderWeeklyBoard } from '../../src/quiz/boards.ts';
import { makeTestApp } from '../helpers.ts';
import { type BenchRow, percentile, timeEach } from './stats.ts';

const MEMBERS = 10_000;
const EVENTS = 1_000_000;
const YEAR_MS = 365 * 86_400_000;
const DAYS = 365;
/** Members answering the daily question every day (most of them right), besides a random few hundred a day. */
const REGULARS = 50;

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
      const instance = sqlite.prepare(
        "insert into question_instances (community_id, kind, question_id, channel_id, day_key, opened_at) values (?, 'daily', ?, 'c', ?, ?)",
      );
      const answer = sqlite.prepare(
        "insert or ignore into answers (instance_id, member_id, choice, correct, answered_at, elapsed_ms) values (?, ?, 'A', ?, ?, 1000)",
      );
      for (let d = DAYS; d > 0; d--) {
        const at = now.getTime() - d * 86_400_000;
        const id = instance.run(
          communityId,
          `bench-q${d}`,
          new Date(at).toISOString().slice(0, 10),
          at,
        ).lastInsertRowid;
        for (let m = 1; m <= REGULARS; m++) answer.run(id, m, rand() < 0.9 ? 1 : 0, at + m);
        for (let a = 0; a < 300; a++)
          answer.run(id, 1 + Math.floor(rand() * MEMBERS), rand() < 0.6 ? 1 : 0, at + 60_000);
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
    // The whole message: the board with accuracy and streaks, and the caller's own line.
    const t = translator('pt-BR');
    const message = (period: Period) => (caller: number) =>
      renderLeaderboard(
        loadLeaderboard(
          app.repos,
          { communityId, memberId: caller, name: `m${caller - 1}` },
          periodRange(period, app.clock.now(), app.config.timezone),
        ),
        period,
        t,
        'pt-BR',
      );
    timeEach(callers.slice(0, 20), message('week'));
    const weekMessage = timeEach(callers, message('week'));
    const allMessage = timeEach(callers, message('all'));
    const posts = Array.from({ length: 100 }, () => 0);
    const weeklyBoard = timeEach(posts, () => renderWeeklyBoard(app.quiz, communityId, week, t, 'pt-BR'));
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
      {
        name: '/leaderboard message p50, this week (365 dailies)',
        value: percentile(weekMessage, 50),
        unit: 'ms',
      },
      {
        name: '/leaderboard message p99, this week (365 dailies)',
        value: percentile(weekMessage, 99),
        unit: 'ms',
      },
      {
        name: '/leaderboard message p50, all time (365 dailies)',
        value: percentile(allMessage, 50),
        unit: 'ms',
      },
      {
        name: '/leaderboard message p99, all time (365 dailies)',
        value: percentile(allMessage, 99),
        unit: 'ms',
      },
      { name: 'weekly board post p50 (365 dailies)', value: percentile(weeklyBoard, 50), unit: 'ms' },
      { name: 'weekly board post p99 (365 dailies)', value: percentile(weeklyBoard, 99), unit: 'ms' },
    ];
  } finally {
    await app.dispose();
  }
}
