import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { periodRange } from '../../src/core/periods.ts';
import { makeTestApp, shellFor, type TestApp } from '../helpers.ts';

let app: TestApp;
let communityId: number;
const tz = 'America/Sao_Paulo';

/** Books `points` for a member at an instant, as the engine would. */
function give(name: string, points: number, at: string, ref = `${name}:${at}:${points}`) {
  const member = app.repos.communities.ensureMember(communityId, name, name, new Date(at));
  app.repos.scores.award({ communityId, memberId: member.id, kind: 'daily', points, ref, now: new Date(at) });
  return member.id;
}

beforeEach(() => {
  app = makeTestApp(new Date('2026-11-23T12:00:00Z'));
  communityId = app.repos.communities.ensure('shell', 'local', app.clock.now()).id;
});
afterEach(() => app.dispose());

describe('score ledger and leaderboards', () => {
  it('puts Sunday 23:59 in last week and Monday 00:00 in this week (America/Sao_Paulo)', () => {
    give('ana', 10, '2026-11-23T02:59:00Z'); // Sunday 22 Nov, 23:59 local
    give('bruno', 10, '2026-11-23T03:00:00Z'); // Monday 23 Nov, 00:00 local
    const thisWeek = app.repos.scores.top(communityId, periodRange('week', app.clock.now(), tz));
    const lastWeek = app.repos.scores.top(
      communityId,
      periodRange('week', new Date('2026-11-22T12:00:00Z'), tz),
    );
    expect(thisWeek.map((r) => r.name)).toEqual(['bruno']);
    expect(lastWeek.map((r) => r.name)).toEqual(['ana']);
    expect(app.repos.scores.top(communityId, {}).map((r) => r.name)).toEqual(['ana', 'bruno']);
  });

  it('gives tied members the same rank, on the board and in /stats', async () => {
    for (const [name, points] of [
      ['ana', 30],
      ['bruno', 20],
      ['carla', 20],
      ['davi', 10],
    ] as const)
      give(name, points, '2026-11-23T10:00:00Z');
    const board = await shellFor(app, { user: 'davi' }).run(['/leaderboard all']);
    expect(board).toContain('1. ana — 30 pts');
    expect(board).toContain('2. bruno — 20 pts');
    expect(board).toContain('2. carla — 20 pts');
    expect(board).toContain('4. davi — 10 pts');
    const stats = await shellFor(app, { user: 'carla' }).run(['/stats']);
    expect(stats).toContain('#2 no geral');
  });

  it("shows the caller's own line when outside the top 10", async () => {
    for (let i = 0; i < 12; i++) give(`m${String(i).padStart(2, '0')}`, 100 - i, '2026-11-23T10:00:00Z');
    give('zeca', 1, '2026-11-23T10:00:00Z');
    const out = await shellFor(app, { user: 'zeca' }).run(['/leaderboard']);
    expect(out).toContain('10. m09 — 91 pts');
    expect(out).not.toContain('m10 —');
    expect(out).toContain('…\n13. zeca — 1 pts');
  });

  it('books an award once per reference, however often it is retried', () => {
    for (let i = 0; i < 3; i++) give('ana', 10, '2026-11-23T10:00:00Z', 'answer:1');
    expect(app.repos.scores.standing(communityId, 1, {}).points).toBe(10);
  });

  it('voids a member for the period, recorded, with the ledger intact', async () => {
    give('ana', 10, '2026-11-16T12:00:00Z', 'old'); // last week
    give('ana', 10, '2026-11-23T10:00:00Z', 'a');
    give('ana', 5, '2026-11-23T11:00:00Z', 'b');
    give('bruno', 7, '2026-11-23T11:00:00Z', 'c');
    const before = app.database.sqlite.prepare('select id, points, ref from score_events order by id').all();
    const out = await shellFor(app, { user: 'monitor' }).run([
      '!admin on',
      '/scores void ana colou nas respostas',
    ]);
    expect(out).toContain(
      'Pontos de ana anulados (week): 15 pontos em 2 eventos. Motivo: colou nas respostas.',
    );
    // Nothing erased or changed but the pointer to the void record.
    expect(app.database.sqlite.prepare('select id, points, ref from score_events order by id').all()).toEqual(
      before,
    );
    expect(
      app.database.sqlite.prepare('select member_id, voided_by, reason, points from score_voids').all(),
    ).toEqual([{ member_id: 1, voided_by: 'monitor', reason: 'colou nas respostas', points: 15 }]);
    const week = app.repos.scores.top(communityId, periodRange('week', app.clock.now(), tz));
    expect(week.map((r) => [r.name, r.points])).toEqual([['bruno', 7]]);
    expect(app.repos.scores.standing(communityId, 1, {}).points).toBe(10);
    expect(await shellFor(app, { user: 'monitor' }).run(['!admin on', '/scores void ana'])).toContain(
      'não tem pontos para anular',
    );
  });
});
