import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../helpers.ts';

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
});
