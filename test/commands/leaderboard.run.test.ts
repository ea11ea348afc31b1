import { describe, expect, it } from 'vitest';
import leaderboard from '../../commands/leaderboard.ts';
import { userText } from '../../src/core/message.ts';
import type { BoardTally } from '../../src/db/repos/scores.ts';
import { ANA, BRUNO, COMMUNITY_ID, fakeContext } from './fake-context.ts';

// NOW is Monday 09:00 in São Paulo (UTC-3): the week started at 00:00 local, the month on the 1st.
const WEEK = { start: new Date('2026-11-23T03:00:00Z'), end: new Date('2026-11-30T03:00:00Z') };
const MONTH = { start: new Date('2026-11-01T03:00:00Z'), end: new Date('2026-12-01T03:00:00Z') };

const CARLA = { memberId: 9, name: 'Carla', points: 30, right: 1, total: 3 };
// The board query brings each line's points and answers in the period.
const top: BoardTally[] = [
  { memberId: BRUNO.id, name: BRUNO.displayName, points: 40, right: 3, total: 4 },
  CARLA,
  { memberId: 10, name: 'Davi', points: 30, right: 0, total: 0 },
];
const noStreaks = () => new Map();

describe('/leaderboard run()', () => {
  it('ranks the top of the week with points, accuracy and streak, ties sharing a rank, for everyone', async () => {
    const fake = fakeContext(leaderboard, {
      actor: { id: BRUNO.externalId, name: BRUNO.displayName },
      repos: {
        scores: { board: () => top },
        quiz: {
          dailyHistories: () =>
            new Map([
              [
                BRUNO.id,
                [
                  { day: '2026-11-19', right: false },
                  { day: '2026-11-20', right: true },
                  { day: '2026-11-23', right: true },
                ],
              ],
            ]),
        },
      },
    });
    expect(await fake.run()).toEqual([
      {
        title: '🏅 Leaderboard — this week',
        text: [
          `1. ${userText('Bruno')} — 40 pts · 75% right · streak 2`,
          `2. ${userText('Carla')} — 30 pts · 33% right · streak 0`,
          // Nobody answered in the period: no share, not 0%.
          `2. ${userText('Davi')} — 30 pts · — right · streak 0`,
        ].join('\n'),
      },
    ]);
    expect(fake.callsTo('repos.scores.board')).toEqual([[COMMUNITY_ID, WEEK, 10]]);
    // One streak query for all the lines.
    expect(fake.callsTo('repos.quiz.dailyHistories')).toEqual([
      [COMMUNITY_ID, [BRUNO.id, CARLA.memberId, 10]],
    ]);
    // The caller is in the top: no line of their own.
    expect(fake.callsTo('repos.scores.standing')).toEqual([]);
  });

  it('adds the caller’s own line below the top when they are outside it', async () => {
    const fake = fakeContext(leaderboard, {
      repos: {
        scores: { board: () => top, standing: () => ({ points: 5, rank: 14 }), accuracy: () => new Map() },
        quiz: { dailyHistories: noStreaks },
      },
    });
    const [board] = await fake.run();
    expect(board!.text!.split('\n').slice(-2)).toEqual([
      '…',
      `14. ${userText('Ana')} — 5 pts · — right · streak 0`,
    ]);
    expect(fake.callsTo('repos.scores.standing')).toEqual([[COMMUNITY_ID, ANA.id, WEEK]]);
  });

  it('tells the caller they have not scored when they are outside the top with no points', async () => {
    const [board] = await fakeContext(leaderboard, {
      repos: {
        scores: { board: () => top, standing: () => ({ points: 0 }) },
        quiz: { dailyHistories: noStreaks },
      },
    }).run();
    expect(board!.text!.split('\n').slice(-2)).toEqual(['…', 'You have not scored in this period yet.']);
  });

  it('ranks the month or all time when asked', async () => {
    const month = fakeContext(leaderboard, {
      args: { period: 'month' },
      repos: {
        scores: { board: () => top, standing: () => ({ points: 0 }) },
        quiz: { dailyHistories: noStreaks },
      },
    });
    expect((await month.run())[0]?.title).toBe('🏅 Leaderboard — this month');
    expect(month.callsTo('repos.scores.board')).toEqual([[COMMUNITY_ID, MONTH, 10]]);
    const all = fakeContext(leaderboard, {
      args: { period: 'all' },
      locale: 'pt-BR',
      repos: { scores: { board: () => [] }, quiz: { dailyHistories: noStreaks } },
    });
    await all.run();
    expect(all.callsTo('repos.scores.board')).toEqual([[COMMUNITY_ID, {}, 10]]);
  });

  it('invites a quiz when nobody has scored in the period', async () => {
    const empty = fakeContext(leaderboard, {
      repos: { scores: { board: () => [] }, quiz: { dailyHistories: noStreaks } },
    });
    expect(await empty.run()).toEqual([{ text: 'Nobody has scored this week yet. How about a /quiz?' }]);
  });
});
