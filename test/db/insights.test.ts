// The insights reads on a real database: aggregates per question, kind and member, voids limited to their period, and
// members who stopped answering.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/core/periods.ts';
import { makeTestApp, type TestApp } from '../helpers.ts';

const NOW = new Date('2026-11-23T12:00:00Z');
const DAY = 86_400_000;
let app: TestApp;
let communityId: number;
const ids: Record<string, number> = {};

/** An answer of `member` to `question` asked as `kind`, `daysAgo` days before NOW, through the real write path. */
async function answer(
  member: string,
  question: string,
  kind: 'daily' | 'live' | 'practice',
  choice: string,
  correct: boolean,
  daysAgo: number,
) {
  const at = new Date(NOW.getTime() - daysAgo * DAY);
  const instance = app.repos.quiz.open({
    communityId,
    kind,
    questionId: question,
    channelId: 'c',
    openedAt: at,
  });
  await app.repos.quiz.recordAnswer(
    {
      instanceId: instance.id,
      questionId: question,
      kind,
      memberId: ids[member]!,
      communityId,
      day: dayNumber(at, 'UTC'),
      choice,
      correct,
      now: at,
      elapsedMs: 0,
    },
    (id) => (correct ? [{ kind: 'practice', points: 2, ref: `answer:${id}` }] : []),
  );
}

beforeAll(async () => {
  app = makeTestApp(NOW);
  communityId = app.repos.communities.ensure('shell', 'local', NOW).id;
  for (const name of ['ana', 'bia', 'caio', 'quieto'])
    ids[name] = app.repos.communities.ensureMember(communityId, name, name, NOW).id;
  // Two weeks ago and this week.
  await answer('ana', 'q1', 'daily', 'A', true, 14);
  await answer('ana', 'q2', 'practice', 'B', false, 1);
  await answer('bia', 'q1', 'live', 'C', false, 1);
  await answer('bia', 'q1', 'practice', 'A', true, 0);
  await answer('caio', 'q1', 'practice', 'A', true, 14);
  await answer('caio', 'q2', 'practice', 'A', true, 1);
  // quieto answered 10 days ago and never since: stopped.
  await answer('quieto', 'q2', 'practice', 'C', false, 10);
});
afterAll(() => app.dispose());

describe('insights reads', () => {
  it('counts answers per question, kind and letter, and distinct members per kind', () => {
    const rows = app.repos.insights.choiceTallies(communityId, {});
    const key = (r: { questionId: string; kind: string; choice: string; n: number }) =>
      `${r.questionId}/${r.kind}/${r.choice}=${r.n}`;
    expect(rows.map(key).sort()).toEqual([
      'q1/daily/A=1',
      'q1/live/C=1',
      'q1/practice/A=2',
      'q2/practice/A=1',
      'q2/practice/B=1',
      'q2/practice/C=1',
    ]);
    expect(app.repos.insights.activeMembers(communityId)).toEqual({
      all: 4,
      daily: 1,
      live: 1,
      practice: 4,
    });
    expect(app.repos.insights.activeMembers(communityId, new Date(NOW.getTime() - 3 * DAY))).toEqual({
      all: 3,
      daily: 0,
      live: 1,
      practice: 3,
    });
  });

  it('gives each member’s tallies on the questions and in all', () => {
    const tallies = app.repos.insights.memberQuestionTallies(communityId, {}, ['q1']);
    expect(tallies.map((t) => [t.memberId, t.right, t.total]).sort()).toEqual([
      [ids.ana, 1, 1],
      [ids.bia, 1, 2],
      [ids.caio, 1, 1],
    ]);
    const totals = app.repos.insights.memberTotals(communityId, {}, [ids.ana!, ids.bia!, ids.caio!]);
    expect([...totals.entries()].sort()).toEqual([
      [ids.ana, { right: 1, total: 2 }],
      [ids.bia, { right: 1, total: 2 }],
      [ids.caio, { right: 2, total: 2 }],
    ]);
  });

  it('leaves out a voided member’s answers in the voided period only', () => {
    // Caio's points of the last week are voided: his answer of yesterday goes, the one of two weeks ago stays.
    const voided = app.repos.scores.voidMember({
      communityId,
      memberId: ids.caio!,
      range: { start: new Date(NOW.getTime() - 7 * DAY), end: NOW },
      by: 'monitor',
      now: NOW,
    });
    expect(voided.count).toBe(1);
    const rows = app.repos.insights.choiceTallies(communityId, {}, ['q2']);
    expect(rows.map((r) => `${r.choice}=${r.n}`).sort()).toEqual(['B=1', 'C=1']);
    expect(
      app.repos.insights.memberTotals(communityId, {}, [ids.ana!, ids.bia!, ids.caio!]).get(ids.caio!),
    ).toEqual({
      right: 1,
      total: 1,
    });
    expect(app.repos.insights.activeMembers(communityId).all).toBe(4);
    expect(app.repos.insights.activeMembers(communityId, new Date(NOW.getTime() - 3 * DAY)).all).toBe(2);
  });

  it('finds members who stopped: active in the 4 weeks before, silent for 7+ days', () => {
    // ana, bia: answered this week; caio: yesterday (voided, but he was active); quieto: 10 days ago.
    expect(app.repos.insights.stopped(communityId, NOW)).toEqual({ names: ['quieto'], count: 1 });
    // Forty days on, everyone's last answer is over 35 days old: not "stopped" any more, just gone.
    expect(app.repos.insights.stopped(communityId, new Date(NOW.getTime() + 40 * DAY)).count).toBe(0);
  });
});
