// The repository verbs behind the member home: the latest daily question with the member's answer, and who opened
// their home.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../helpers.ts';
import { dayNumber } from '../../src/core/periods.ts';

let app: TestApp;
let communityId: number;
const at = (iso: string) => new Date(iso);

function daily(questionId: string, openedAt: string, community = communityId) {
  return app.repos.quiz.open({
    communityId: community,
    kind: 'daily',
    questionId,
    channelId: 'geral',
    dayKey: openedAt.slice(0, 10),
    openedAt: at(openedAt),
    closesAt: new Date(at(openedAt).getTime() + 12 * 3_600_000),
  });
}

beforeEach(() => {
  app = makeTestApp(new Date('2026-11-23T12:00:00Z'));
  communityId = app.repos.communities.ensure('shell', 'local', app.clock.now()).id;
});
afterEach(() => app.dispose());

describe('home repository verbs', () => {
  it('finds the community’s latest daily question and the member’s answer to it, if any', async () => {
    const ana = app.repos.communities.ensureMember(communityId, 'ana', 'Ana', app.clock.now()).id;
    const bruno = app.repos.communities.ensureMember(communityId, 'bruno', 'Bruno', app.clock.now()).id;
    expect(app.repos.quiz.lastDaily(communityId, ana)).toBeUndefined();
    const [q1, q2] = app.content.questions;
    const older = daily(q1!.id, '2026-11-20T12:00:00Z');
    const latest = daily(q2!.id, '2026-11-23T12:00:00Z');
    // Another community's later daily does not count here.
    const other = app.repos.communities.ensure('shell', 'other', app.clock.now()).id;
    daily(q1!.id, '2026-11-23T13:00:00Z', other);
    for (const instance of [older, latest])
      await app.repos.quiz.recordAnswer(
        {
          instanceId: instance.id,
          questionId: instance.questionId,
          kind: instance.kind,
          day: dayNumber(app.clock.now(), 'UTC'),
          memberId: ana,
          communityId,
          choice: 'B',
          correct: instance === latest,
          now: app.clock.now(),
          elapsedMs: 5,
        },
        () => [],
      );
    expect(app.repos.quiz.lastDaily(communityId, ana)).toEqual({
      instance: expect.objectContaining({ id: latest.id }),
      answer: { choice: 'B', correct: true },
    });
    expect(app.repos.quiz.lastDaily(communityId, bruno)).toEqual({
      instance: expect.objectContaining({ id: latest.id }),
    });
  });

  it('remembers who opened their home, once', () => {
    const ana = app.repos.communities.ensureMember(communityId, 'ana', 'Ana', app.clock.now()).id;
    expect(app.repos.homeViews.has(ana)).toBe(false);
    app.repos.homeViews.opened(ana, app.clock.now());
    app.repos.homeViews.opened(ana, new Date('2026-11-24T12:00:00Z'));
    expect(app.repos.homeViews.has(ana)).toBe(true);
    const rows = app.database.sqlite.prepare('select member_id, opened_at from home_views').all();
    expect(rows).toEqual([{ member_id: ana, opened_at: app.clock.now().getTime() }]);
  });
});
