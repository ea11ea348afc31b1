import { beforeAll, describe, expect, it } from 'vitest';
import stats from '../../commands/stats.ts';
import { userText } from '../../src/core/message.ts';
import { ANA, BRUNO, COMMUNITY_ID, content, fakeContext, NOW } from './fake-context.ts';

// Stats read the question bank to group answers by lesson.
beforeAll(() => void content());

const WEEK = { start: new Date('2026-11-23T03:00:00Z'), end: new Date('2026-11-30T03:00:00Z') };

describe('/stats run()', () => {
  it('shows the caller’s points, rank, accuracy, streaks, reviews due and reflections, privately', async () => {
    const fake = fakeContext(stats, {
      repos: {
        scores: {
          standing: (_community, _member, range) =>
            range.start ? { points: 12, rank: 3 } : { points: 50, rank: 1 },
          answersOf: () => [
            { questionId: 'l2-q01-lancar-modelo', correct: false },
            { questionId: 'l1-mlops-definicao', correct: true },
            { questionId: 'l1-mlops-cultura', correct: false },
            { questionId: 'l1-erro-silencioso', correct: true },
            // An answer to a question since removed from the bank counts overall, not per lesson.
            { questionId: 'removed-question', correct: true },
          ],
        },
        quiz: {
          dailyHistory: () => [
            { day: '2026-11-18', right: true },
            { day: '2026-11-19', right: true },
            { day: '2026-11-20', right: true },
            { day: '2026-11-23', right: false },
          ],
        },
        practice: { countDue: () => 4 },
        reflections: { countByMember: () => 2 },
      },
    });
    expect(await fake.run()).toEqual([
      {
        title: `📊 Stats for ${userText('Ana')}`,
        fields: [
          { name: 'Points', value: '12 this week · 50 in total', inline: true },
          { name: 'Rank', value: '#3 this week · #1 overall', inline: true },
          { name: 'Accuracy', value: '60% (3 of 5 answers)' },
          { name: 'Streak', value: '0 current · 3 best', inline: true },
          { name: 'Reviews due', value: '4', inline: true },
          { name: 'Reflections sent', value: '2', inline: true },
          { name: 'Accuracy per lesson', value: '1: 67% (2/3)\n2: 0% (0/1)' },
        ],
        ephemeral: true,
      },
    ]);
    expect(fake.callsTo('repos.communities.findMember')).toEqual([[COMMUNITY_ID, ANA.externalId]]);
    expect(fake.callsTo('repos.scores.standing')).toEqual([
      [COMMUNITY_ID, ANA.id, WEEK],
      [COMMUNITY_ID, ANA.id, {}],
    ]);
    expect(fake.callsTo('repos.practice.countDue')).toEqual([[ANA.id, NOW]]);
    expect(fake.callsTo('repos.quiz.dailyHistory')).toEqual([[COMMUNITY_ID, ANA.id]]);
  });

  it('says so instead of a share when the member has not answered, and leaves ranks blank at 0 points', async () => {
    const [message] = await fakeContext(stats).run();
    expect(message!.fields).toEqual([
      { name: 'Points', value: '0 this week · 0 in total', inline: true },
      { name: 'Rank', value: '— this week · — overall', inline: true },
      { name: 'Accuracy', value: 'no answers yet' },
      { name: 'Streak', value: '0 current · 0 best', inline: true },
      { name: 'Reviews due', value: '0', inline: true },
      { name: 'Reflections sent', value: '0', inline: true },
    ]);
  });

  it('shows another member’s stats, found by id or display name', async () => {
    const byName = fakeContext(stats, { args: { user: 'bruno' } });
    const [message] = await byName.run();
    expect(message!.title).toBe(`📊 Stats for ${userText('Bruno')}`);
    expect(byName.callsTo('repos.communities.findMember')).toEqual([[COMMUNITY_ID, 'bruno']]);
    expect(byName.callsTo('repos.reflections.countByMember')).toEqual([[BRUNO.id]]);
    const byId = fakeContext(stats, { args: { user: BRUNO.externalId } });
    expect((await byId.run())[0]?.title).toBe(`📊 Stats for ${userText('Bruno')}`);
  });

  it('refuses a member nobody knows here', async () => {
    const error = await fakeContext(stats, { args: { user: 'Zé' } }).refusal();
    expect(error.code).toBe('unknown-member');
    expect(error.message).toBe('I do not know anyone by that name in this community.');
  });

  it('speaks the member’s language', async () => {
    const [message] = await fakeContext(stats, { locale: 'pt-BR' }).run();
    expect(message!.fields?.[2]).toEqual({ name: 'Acerto', value: 'sem respostas ainda' });
  });
});
