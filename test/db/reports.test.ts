import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../helpers.ts';
import { dayNumber } from '../../src/core/periods.ts';

let app: TestApp;
let communityId: number;
const at = (iso: string) => new Date(iso);

beforeEach(() => {
  app = makeTestApp();
  communityId = app.repos.communities.ensure('shell', 'local', app.clock.now(), 'Turma').id;
});
afterEach(() => app.dispose());

const member = (name: string) =>
  app.repos.communities.ensureMember(communityId, name, name, app.clock.now()).id;

describe('question reports', () => {
  it('keeps one report per member and question: reporting again updates it', () => {
    const ana = member('ana');
    const first = app.repos.reports.file({
      communityId,
      memberId: ana,
      questionId: 'l2-q03',
      reason: 'ambiguous',
      text: null,
      now: at('2026-11-23T12:00:00Z'),
    });
    const again = app.repos.reports.file({
      communityId,
      memberId: ana,
      questionId: 'l2-q03',
      reason: 'wrong-key',
      text: 'A resposta certa é C',
      now: at('2026-11-23T12:05:00Z'),
    });
    expect(first.created).toBe(true);
    expect(again).toMatchObject({ created: false, reopened: false });
    expect(again.row.id).toBe(first.row.id);
    expect(app.repos.reports.open(communityId)).toEqual([
      expect.objectContaining({
        questionId: 'l2-q03',
        reason: 'wrong-key',
        text: 'A resposta certa é C',
        memberName: 'ana',
      }),
    ]);
  });

  it('counts different members separately, lists newest first and resolves one at a time', () => {
    for (const [i, name] of ['ana', 'bia', 'caio'].entries())
      app.repos.reports.file({
        communityId,
        memberId: member(name),
        questionId: i < 2 ? 'l2-q03' : 'l1-audit',
        reason: 'typo',
        text: null,
        now: at(`2026-11-23T12:0${i}:00Z`),
      });
    const open = app.repos.reports.open(communityId);
    expect(open.map((r) => r.memberName)).toEqual(['caio', 'bia', 'ana']);
    expect(app.repos.reports.openCount(communityId)).toBe(3);

    const resolved = app.repos.reports.resolve(
      communityId,
      open[0]!.id,
      'U-monitor',
      at('2026-11-24T10:00:00Z'),
    );
    expect(resolved).toMatchObject({ resolvedBy: 'U-monitor', resolvedAt: at('2026-11-24T10:00:00Z') });
    expect(app.repos.reports.openCount(communityId)).toBe(2);
    // Resolving it again, or from another community, finds nothing open.
    expect(app.repos.reports.resolve(communityId, open[0]!.id, 'U-monitor', app.clock.now())).toBeUndefined();
    const other = app.repos.communities.ensure('discord', 'g2', app.clock.now(), 'Outra').id;
    expect(app.repos.reports.resolve(other, open[1]!.id, 'U-x', app.clock.now())).toBeUndefined();
  });

  it('reopens a resolved report when the member reports the question again', () => {
    const ana = member('ana');
    const input = { communityId, memberId: ana, questionId: 'l2-q03', reason: 'other' as const, text: 'x' };
    const { row } = app.repos.reports.file({ ...input, now: at('2026-11-23T12:00:00Z') });
    app.repos.reports.resolve(communityId, row.id, 'U-monitor', at('2026-11-23T13:00:00Z'));
    const again = app.repos.reports.file({ ...input, now: at('2026-11-23T14:00:00Z') });
    expect(again).toMatchObject({ created: false, reopened: true });
    expect(again.row.resolvedAt).toBeNull();
    expect(app.repos.reports.openCount(communityId)).toBe(1);
  });

  it('lists the questions a member reported in a window, newest first, through the member index', () => {
    const ana = member('ana');
    const bia = member('bia');
    const file = (memberId: number, questionId: string, iso: string) =>
      app.repos.reports.file({ communityId, memberId, questionId, reason: 'typo', text: null, now: at(iso) });
    file(ana, 'l1-audit', '2026-11-23T10:00:00Z');
    file(ana, 'l2-q03', '2026-11-23T11:30:00Z');
    file(bia, 'l2-q04', '2026-11-23T11:40:00Z');
    // Reporting again moves a report into the window.
    file(ana, 'l1-audit', '2026-11-23T11:50:00Z');
    expect(app.repos.reports.filedSince(ana, at('2026-11-23T11:00:00Z'), 10)).toEqual([
      { questionId: 'l1-audit', updatedAt: at('2026-11-23T11:50:00Z') },
      { questionId: 'l2-q03', updatedAt: at('2026-11-23T11:30:00Z') },
    ]);
    expect(app.repos.reports.filedSince(ana, at('2026-11-23T11:00:00Z'), 1)).toHaveLength(1);
    const plan = app.database.sqlite
      .prepare(
        'explain query plan select question_id from question_reports where member_id = ? and updated_at > ? order by updated_at desc limit 10',
      )
      .all(ana, 0) as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('question_reports_member');
  });

  it('knows the question a member saw last: the later of their last answer and their last practice card', async () => {
    const ana = member('ana');
    expect(app.repos.reports.lastSeenQuestion(ana)).toBeUndefined();
    const open = (kind: 'daily' | 'practice', questionId: string, iso: string) =>
      app.repos.quiz.open({
        communityId,
        kind,
        questionId,
        channelId: 'c',
        ownerId: kind === 'practice' ? ana : undefined,
        dayKey: kind === 'daily' ? iso.slice(0, 10) : undefined,
        openedAt: at(iso),
      });
    const daily = open('daily', 'l1-audit', '2026-11-23T09:00:00Z');
    await app.repos.quiz.recordAnswer(
      {
        instanceId: daily.id,
        questionId: daily.questionId,
        kind: daily.kind,
        day: dayNumber(at('2026-11-23T09:10:00Z'), 'UTC'),
        memberId: ana,
        communityId,
        choice: 'A',
        correct: false,
        now: at('2026-11-23T09:10:00Z'),
        elapsedMs: 600_000,
      },
      () => [],
    );
    expect(app.repos.reports.lastSeenQuestion(ana)).toBe('l1-audit');
    // A practice card shown later, not answered yet, is what she saw last.
    open('practice', 'l2-q03', '2026-11-23T09:20:00Z');
    expect(app.repos.reports.lastSeenQuestion(ana)).toBe('l2-q03');
    // Another member's activity changes nothing for her.
    expect(app.repos.reports.lastSeenQuestion(member('bia'))).toBeUndefined();
    // Two single-row index look-ups, whatever the size of the ledger.
    const plan = (sql: string) =>
      (app.database.sqlite.prepare(`explain query plan ${sql}`).all(ana) as { detail: string }[])
        .map((p) => p.detail)
        .join(' | ');
    expect(
      plan(
        'select qi.question_id from answers a join question_instances qi on qi.id = a.instance_id where a.member_id = ? order by a.answered_at desc limit 1',
      ),
    ).toMatch(/USING INDEX answers_member .*INTEGER PRIMARY KEY/);
    expect(
      plan('select question_id from question_instances where owner_id = ? order by id desc limit 1'),
    ).toBe('SEARCH question_instances USING INDEX instances_owner (owner_id=?)');
  });
});
