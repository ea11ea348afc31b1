import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderFinalWeekBoard, renderLeaderboard } from '../../src/core/board-render.ts';
import { translator } from '../../src/core/i18n.ts';
import { userText } from '../../src/core/message.ts';
import { periodRange } from '../../src/core/periods.ts';
import { bestStreak, currentStreak } from '../../src/core/streaks.ts';
import { loadBoard, loadLeaderboard } from '../../src/quiz/boards.ts';
import { makeTestApp, type TestApp } from '../helpers.ts';
import { dayNumber } from '../../src/core/periods.ts';

let app: TestApp;
let communityId: number;
const tz = 'America/Sao_Paulo';
const t = translator('pt-BR');
const DAYS = ['2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23'];

const member = (name: string) =>
  app.repos.communities.ensureMember(communityId, name, name, app.clock.now()).id;

/** A daily question of a day, answered at 15:00 UTC that day by each member given ('A' right, else wrong). */
async function daily(day: string, choices: Record<string, 'right' | 'wrong'>, channelId = 'c1') {
  const openedAt = new Date(`${day}T12:00:00Z`);
  const instance = app.repos.quiz.open({
    communityId,
    kind: 'daily',
    questionId: `q-${day}-${channelId}`,
    channelId,
    dayKey: day,
    openedAt,
  });
  for (const [name, result] of Object.entries(choices)) {
    const correct = result === 'right';
    await app.repos.quiz.recordAnswer(
      {
        instanceId: instance.id,
        questionId: instance.questionId,
        kind: instance.kind,
        day: dayNumber(new Date(`${day}T15:00:00Z`), 'UTC'),
        memberId: member(name),
        communityId,
        choice: correct ? 'A' : 'B',
        correct,
        now: new Date(`${day}T15:00:00Z`),
        elapsedMs: 1000,
      },
      (answerId) => (correct ? [{ kind: 'daily', points: 10, ref: `answer:${answerId}` }] : []),
    );
  }
}

/** Statements executed while fn runs (every query, prepared once or not). */
function statementsRun(fn: () => unknown): number {
  const proto = Object.getPrototypeOf(app.database.sqlite.prepare('select 1')) as Record<
    string,
    () => unknown
  >;
  const spies = (['all', 'get', 'run', 'iterate'] as const).map((m) => vi.spyOn(proto, m));
  try {
    fn();
    return spies.reduce((n, s) => n + s.mock.calls.length, 0);
  } finally {
    for (const s of spies) s.mockRestore();
  }
}

beforeEach(async () => {
  app = makeTestApp(new Date('2026-11-23T20:00:00Z'));
  communityId = app.repos.communities.ensure('shell', 'local', app.clock.now()).id;
  // ana right every day; bruno wrong on the 21st; carla skips the 23rd; on the 23rd a second daily (another
  // channel) that bruno gets wrong does not break his day.
  for (const day of DAYS) {
    await daily(day, {
      ana: 'right',
      bruno: day === '2026-11-21' ? 'wrong' : 'right',
      ...(day === '2026-11-23' ? {} : { carla: 'right' }),
    });
  }
  await daily('2026-11-23', { bruno: 'wrong' }, 'c2');
  // A practice answer counts for accuracy; davi has points and no answers at all.
  const card = app.repos.quiz.open({
    communityId,
    kind: 'practice',
    questionId: 'q-practice',
    channelId: 'c1',
    ownerId: member('ana'),
    openedAt: new Date('2026-11-23T16:00:00Z'),
  });
  await app.repos.quiz.recordAnswer(
    {
      instanceId: card.id,
      questionId: card.questionId,
      kind: card.kind,
      day: dayNumber(new Date('2026-11-23T16:00:00Z'), 'UTC'),
      memberId: member('ana'),
      communityId,
      choice: 'B',
      correct: false,
      now: new Date('2026-11-23T16:00:00Z'),
      elapsedMs: 1000,
    },
    () => [],
  );
  const davi = member('davi');
  app.repos.scores.award({
    communityId,
    memberId: davi,
    kind: 'daily',
    points: 5,
    ref: 'x',
    now: app.clock.now(),
  });
  // Another community's later daily, unanswered by our members, must not end their streaks.
  const other = app.repos.communities.ensure('shell', 'other', app.clock.now()).id;
  app.repos.quiz.open({
    communityId: other,
    kind: 'daily',
    questionId: 'q-other',
    channelId: 'o',
    dayKey: '2026-11-24',
    openedAt: new Date('2026-11-24T12:00:00Z'),
  });
});
afterEach(() => app.dispose());

describe('the board query', () => {
  it('gives every member of the board accuracy and current streak from one board query and one streak query', () => {
    let board: ReturnType<typeof loadBoard> = [];
    expect(statementsRun(() => (board = loadBoard(app.repos, communityId, {})))).toBe(2);
    expect(board).toEqual([
      { memberId: member('ana'), name: 'ana', points: 50, right: 5, total: 6, streak: 5 },
      { memberId: member('bruno'), name: 'bruno', points: 40, right: 4, total: 6, streak: 2 },
      { memberId: member('carla'), name: 'carla', points: 40, right: 4, total: 4, streak: 0 },
      { memberId: member('davi'), name: 'davi', points: 5, right: 0, total: 0, streak: 0 },
    ]);
    expect(renderFinalWeekBoard(board, t, 'pt-BR').text).toBe(
      [
        `1. ${userText('ana')} — 50 pts · 83% de acerto · sequência 5`,
        `2. ${userText('bruno')} — 40 pts · 67% de acerto · sequência 2`,
        `2. ${userText('carla')} — 40 pts · 100% de acerto · sequência 0`,
        `4. ${userText('davi')} — 5 pts · — de acerto · sequência 0`,
      ].join('\n'),
    );
  });

  it('counts accuracy within the period and the streak over all daily questions', () => {
    const week = periodRange('week', app.clock.now(), tz); // from Monday 23 November, local
    expect(loadBoard(app.repos, communityId, week)).toEqual([
      { memberId: member('ana'), name: 'ana', points: 10, right: 1, total: 2, streak: 5 },
      { memberId: member('bruno'), name: 'bruno', points: 10, right: 1, total: 2, streak: 2 },
      { memberId: member('davi'), name: 'davi', points: 5, right: 0, total: 0, streak: 0 },
    ]);
  });

  it('agrees with the one-member daily history the daily bonus uses', () => {
    const ids = ['ana', 'bruno', 'carla', 'davi'].map(member);
    const histories = app.repos.quiz.dailyHistories(communityId, ids);
    for (const id of ids) {
      const one = app.repos.quiz.dailyHistory(communityId, id);
      expect(histories.get(id)).toEqual(expect.arrayContaining(one));
      expect(histories.get(id)).toHaveLength(one.length);
      expect([currentStreak(histories.get(id)!), bestStreak(histories.get(id)!)]).toEqual([
        currentStreak(one),
        bestStreak(one),
      ]);
    }
  });

  it('runs the same number of queries for a board of 10 as for a board of 4', () => {
    for (let i = 0; i < 8; i++) {
      app.repos.scores.award({
        communityId,
        memberId: member(`m${i}`),
        kind: 'daily',
        points: 20 + i,
        ref: `m${i}`,
        now: app.clock.now(),
      });
    }
    let board: ReturnType<typeof loadBoard> = [];
    expect(statementsRun(() => (board = loadBoard(app.repos, communityId, {})))).toBe(2);
    expect(board).toHaveLength(10);
    expect(board.find((r) => r.name === 'bruno')).toMatchObject({ right: 4, total: 6, streak: 2 });
  });

  it("adds the caller's own line, with accuracy and streak, in at most five queries", () => {
    for (let i = 0; i < 10; i++) {
      app.repos.scores.award({
        communityId,
        memberId: member(`m${i}`),
        kind: 'daily',
        points: 100 + i,
        ref: `m${i}`,
        now: app.clock.now(),
      });
    }
    const caller = { communityId, memberId: member('bruno'), name: 'Bruno B.' };
    let board: ReturnType<typeof loadLeaderboard> = { entries: [] };
    expect(statementsRun(() => (board = loadLeaderboard(app.repos, caller, {})))).toBeLessThanOrEqual(5);
    expect(board.own).toEqual({
      rank: 12,
      entry: { memberId: caller.memberId, name: 'Bruno B.', points: 40, right: 4, total: 6, streak: 2 },
    });
    expect(renderLeaderboard(board, 'all', t, 'pt-BR').text).toContain(
      `\n…\n12. ${userText('Bruno B.')} — 40 pts · 67% de acerto · sequência 2`,
    );
  });
});
