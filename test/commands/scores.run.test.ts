import { describe, expect, it } from 'vitest';
import scores from '../../commands/scores.ts';
import { userText } from '../../src/core/message.ts';
import { BRUNO, COMMUNITY_ID, type FakeOptions, fakeContext, NOW } from './fake-context.ts';

const WEEK = { start: new Date('2026-11-23T03:00:00Z'), end: new Date('2026-11-30T03:00:00Z') };
const MONTH = { start: new Date('2026-11-01T03:00:00Z'), end: new Date('2026-12-01T03:00:00Z') };
const monitor = { actor: { id: 'u-monitor', name: 'Monitor', isAdmin: true } } satisfies FakeOptions;
const voided = { repos: { scores: { voidMember: () => ({ points: 45, count: 6 }) } } } satisfies FakeOptions;

describe('/scores run()', () => {
  it('is admin-only: the bot refuses it to members before run()', () => {
    expect(scores.adminOnly).toBe(true);
  });

  it('voids a member’s points of the week, recording who and why, and says how much, privately', async () => {
    const fake = fakeContext(scores, {
      ...monitor,
      ...voided,
      args: { action: 'void', user: 'Bruno', reason: 'respostas copiadas' },
    });
    expect(await fake.run()).toEqual([
      {
        text: `Voided ${userText('Bruno')}’s points (week): 45 points in 6 events. Reason: ${userText('respostas copiadas')}. The record stays in the history.`,
        ephemeral: true,
      },
    ]);
    expect(fake.callsTo('repos.communities.findMember')).toEqual([[COMMUNITY_ID, 'Bruno']]);
    expect(fake.callsTo('repos.scores.voidMember')).toEqual([
      [
        {
          communityId: COMMUNITY_ID,
          memberId: BRUNO.id,
          range: WEEK,
          reason: 'respostas copiadas',
          by: 'u-monitor',
          now: NOW,
        },
      ],
    ]);
  });

  it('voids the month or all time when asked, and says when no reason was given', async () => {
    const month = fakeContext(scores, {
      ...monitor,
      ...voided,
      args: { action: 'void', user: 'u-bruno', period: 'month' },
    });
    const [message] = await month.run();
    expect(message!.text).toContain('(month)');
    expect(message!.text).toContain('Reason: none given.');
    expect(month.callsTo('repos.scores.voidMember')[0]?.[0]).toMatchObject({
      range: MONTH,
      reason: undefined,
    });
    const all = fakeContext(scores, {
      ...monitor,
      ...voided,
      args: { action: 'void', user: 'Bruno', period: 'all' },
    });
    await all.run();
    expect(all.callsTo('repos.scores.voidMember')[0]?.[0]).toMatchObject({ range: {} });
  });

  it('says there was nothing to void when the member had no points in the period', async () => {
    const messages = await fakeContext(scores, { ...monitor, args: { action: 'void', user: 'Bruno' } }).run();
    expect(messages).toEqual([
      { text: `${userText('Bruno')} has no points to void in that period.`, ephemeral: true },
    ]);
  });

  it('refuses a member nobody knows here, and voids nothing', async () => {
    const fake = fakeContext(scores, { ...monitor, args: { action: 'void', user: 'Zé' } });
    const error = await fake.refusal();
    expect(error.code).toBe('unknown-member');
    expect(error.message).toBe('I do not know anyone by that name in this community.');
    expect(fake.callsTo('repos.scores.voidMember')).toEqual([]);
  });
});
