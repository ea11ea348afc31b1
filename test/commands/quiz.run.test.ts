import { beforeAll, describe, expect, it } from 'vitest';
import quiz from '../../commands/quiz.ts';
import type { OutMessage } from '../../src/core/message.ts';
import { content, type FakeOptions, fakeContext } from './fake-context.ts';

beforeAll(() => void content());

const admin = { actor: { isAdmin: true } } satisfies FakeOptions;
const card: OutMessage = {
  title: 'Practice — Lesson 2',
  text: 'Which…?',
  buttons: [{ id: 'qa:41:A', label: 'A' }],
  ephemeral: true,
};
const round: OutMessage[] = [
  { text: 'A live round starts' },
  { text: 'Question 1', buttons: [{ id: 'qa:42:A', label: 'A' }] },
];

describe('/quiz run()', () => {
  it('gives a member a practice card of their own, from any lesson or the one named', async () => {
    const any = fakeContext(quiz, { quiz: { practice: () => card } });
    expect(await any.run()).toEqual([card]);
    expect(any.callsTo('quiz.practice')).toEqual([[any.ctx, undefined]]);
    const one = fakeContext(quiz, { args: { lesson: 'aula 2' } });
    await one.run();
    expect(one.callsTo('quiz.practice')).toEqual([[one.ctx, 'aula 2']]);
  });

  it.each(['live', 'stop', 'daily'] as const)(
    'refuses /quiz %s to a member, and starts nothing',
    async (mode) => {
      const fake = fakeContext(quiz, { args: { mode } });
      const error = await fake.refusal();
      expect(error.code).toBe('admin-only');
      expect(error.message).toBe('Only community admins can use this command.');
      expect(fake.calls).toEqual([]);
    },
  );

  it('starts a live round in the channel with the lesson, count and seconds given', async () => {
    const fake = fakeContext(quiz, {
      ...admin,
      args: { mode: 'live', lesson: '3', count: 10, seconds: 30 },
      quiz: { live: { start: () => round } },
    });
    expect(await fake.run()).toEqual(round);
    expect(fake.callsTo('quiz.live.start')).toEqual([[fake.ctx, { lesson: '3', count: 10, seconds: 30 }]]);
  });

  it('leaves the round’s defaults to the engine when nothing is given', async () => {
    const fake = fakeContext(quiz, { ...admin, args: { mode: 'live' } });
    await fake.run();
    expect(fake.callsTo('quiz.live.start')).toEqual([
      [fake.ctx, { lesson: undefined, count: undefined, seconds: undefined }],
    ]);
  });

  it('refuses a live round where the bot cannot post questions, naming what it lacks', async () => {
    const fake = fakeContext(quiz, {
      ...admin,
      args: { mode: 'live' },
      place: { botLacks: ['history', 'send', 'embeds', 'threads'] },
    });
    const error = await fake.refusal();
    expect(error.code).toBe('bot-lacks');
    expect(error.message).toBe(
      "I can't run a live round here: the bot lacks Send Messages, Embed Links in this channel.",
    );
    expect(fake.callsTo('quiz.live.start')).toEqual([]);
  });

  it('starts a live round where the bot lacks only what a round does not need', async () => {
    const fake = fakeContext(quiz, {
      ...admin,
      args: { mode: 'live' },
      place: { botLacks: ['history', 'threads'] },
    });
    await fake.run();
    expect(fake.callsTo('quiz.live.start')).toHaveLength(1);
  });

  it('stops the round of the channel', async () => {
    const podium: OutMessage = { title: 'Podium', text: '1. Ana' };
    const fake = fakeContext(quiz, {
      ...admin,
      args: { mode: 'stop' },
      quiz: { live: { stop: () => podium } },
    });
    expect(await fake.run()).toEqual([podium]);
    expect(fake.callsTo('quiz.live.stop')).toEqual([[fake.ctx]]);
  });

  it('opens the question of the day here as the reply, to this channel and thread', async () => {
    const daily: OutMessage = { title: 'Question of the day', buttons: [{ id: 'qa:43:A', label: 'A' }] };
    const fake = fakeContext(quiz, {
      ...admin,
      args: { mode: 'daily' },
      place: { platform: 'slack', communityId: 'T1', channelId: 'C1', threadId: '171.5' },
      quiz: { daily: { openAsReply: () => daily } },
    });
    expect(await fake.run()).toEqual([daily]);
    expect(fake.callsTo('quiz.daily.openAsReply')).toEqual([
      [{ platform: 'slack', communityId: 'T1', channelId: 'C1', threadId: '171.5' }],
    ]);
  });

  it('routes an answer button to grading and a next button to the next card', async () => {
    const fake = fakeContext(quiz);
    await fake.click('qa:41:B');
    await fake.click('qn:41');
    expect(fake.calls.map((c) => [c.name, c.args[1]])).toEqual([
      ['quiz.answer', '41:B'],
      ['quiz.next', undefined],
    ]);
  });

  it('autocompletes lessons by number or title', () => {
    const fake = fakeContext(quiz);
    expect(fake.autocomplete('lesson', 'deploy')).toEqual([{ name: '7. Deploy e serving', value: '7' }]);
    expect(fake.autocomplete('lesson', '3').map((c) => c.value)).toEqual(['3']);
    expect(fake.autocomplete('lesson', '')).toHaveLength(content().lessons.length);
  });
});
