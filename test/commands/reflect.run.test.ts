import { beforeAll, describe, expect, it } from 'vitest';
import reflect from '../../commands/reflect.ts';
import { userText } from '../../src/core/message.ts';
import { ANA, COMMUNITY_ID, content, type FakeOptions, fakeContext, NOW } from './fake-context.ts';

beforeAll(() => void content());

const monitor = { actor: { id: 'u-monitor', name: 'Monitor', isAdmin: true } } satisfies FakeOptions;
const TEXT = 'Cultura vem antes das ferramentas no nosso time.';

describe('/reflect run()', () => {
  it('shows the prompts of the next lesson privately, with a form to answer in', async () => {
    const fake = fakeContext(reflect, { locale: 'pt-BR' });
    const [message, ...more] = await fake.run();
    expect(more).toEqual([]);
    expect(message).toMatchObject({
      title: '💭 Reflexões para a Aula 3 — Cultura e práticas: DevOps, DataOps e MLOps',
      ephemeral: true,
      form: {
        command: 'reflect',
        fields: [{ kind: 'text', name: 'text', minLength: 10, maxLength: 2000 }],
      },
    });
    const prompts = content().lessons.find((l) => l.number === 3)!.reflectionPrompts;
    expect(message!.text).toBe(prompts.map((p) => `- ${p}`).join('\n'));
    expect(message!.text).toContain('Qual princípio do DataOps você considera mais difícil');
    expect(fake.calls).toEqual([]);
  });

  it('records a first reflection for the next lesson and books participation points once', async () => {
    const fake = fakeContext(reflect, { args: { text: TEXT } });
    expect(await fake.run()).toEqual([
      { text: 'Reflection saved for Lesson 3. +5 participation points.', ephemeral: true },
    ]);
    expect(fake.callsTo('repos.reflections.save')).toEqual([
      [{ communityId: COMMUNITY_ID, memberId: ANA.id, lesson: 3, text: TEXT, now: NOW }],
    ]);
    expect(fake.callsTo('repos.scores.award')).toEqual([
      [
        {
          communityId: COMMUNITY_ID,
          memberId: ANA.id,
          kind: 'reflection',
          points: 5,
          // The ledger reference is what makes an edit book nothing.
          ref: `reflection:${COMMUNITY_ID}:${ANA.id}:3`,
          now: NOW,
        },
      ],
    ]);
  });

  it('says an edit was an update, with no points', async () => {
    const fake = fakeContext(reflect, {
      args: { text: 'Cultura vem antes das ferramentas; e dados também são código.' },
      repos: {
        reflections: {
          save: (input) => ({
            row: { id: 3, ...input, createdAt: NOW, updatedAt: input.now },
            created: false,
          }),
        },
        scores: { award: () => false },
      },
    });
    expect(await fake.run()).toEqual([{ text: 'Reflection updated for Lesson 3.', ephemeral: true }]);
  });

  it('books the points on an edit when the first save never got them (its award failed)', async () => {
    const fake = fakeContext(reflect, {
      args: { text: TEXT },
      repos: {
        reflections: {
          save: (input) => ({
            row: { id: 3, ...input, createdAt: NOW, updatedAt: input.now },
            created: false,
          }),
        },
      },
    });
    expect(await fake.run()).toEqual([
      { text: 'Reflection saved for Lesson 3. +5 participation points.', ephemeral: true },
    ]);
  });

  it('refuses a reflection too short to say anything, and records nothing', async () => {
    const fake = fakeContext(reflect, { args: { text: 'curto' } });
    const error = await fake.refusal();
    expect(error.code).toBe('too-short');
    expect(error.message).toBe('Write at least a few words (10 characters).');
    expect(fake.callsTo('repos.reflections.save')).toEqual([]);
    expect(fake.callsTo('repos.scores.award')).toEqual([]);
  });

  it('moves to the next lesson once class has started', async () => {
    // Lesson 3 started at 22:00 UTC.
    const fake = fakeContext(reflect, { now: new Date('2026-11-24T22:10:00Z'), args: { text: TEXT } });
    expect((await fake.run())[0]?.text).toBe('Reflection saved for Lesson 4. +5 participation points.');
    expect(fake.callsTo('repos.reflections.save')[0]?.[0]).toMatchObject({ lesson: 4 });
  });

  it('refuses reflections once the course has ended', async () => {
    const error = await fakeContext(reflect, { now: new Date('2027-03-01T12:00:00Z') }).refusal();
    expect(error.code).toBe('no-lesson');
  });

  it('lists the reflections of the next lesson to an admin, authors marked as user text', async () => {
    const fake = fakeContext(reflect, {
      ...monitor,
      args: { text: 'list' },
      repos: {
        reflections: {
          forLesson: () => [
            { name: 'ana', text: TEXT, updatedAt: NOW },
            { name: 'Bruno', text: 'x'.repeat(700), updatedAt: NOW },
          ],
        },
      },
    });
    const [message] = await fake.run();
    expect(fake.callsTo('repos.reflections.forLesson')).toEqual([[COMMUNITY_ID, 3]]);
    expect(message).toMatchObject({ title: '💭 Reflections for Lesson 3 (2)', ephemeral: true });
    const [first, second] = message!.text!.split('\n\n');
    expect(first).toBe(`**${userText('ana')}**: ${userText(TEXT)}`);
    // Long reflections are cut, so one member cannot flood the list.
    expect(second!.length).toBeLessThan(650);
  });

  it('lists the reflections of a lesson named by an admin, or says there are none', async () => {
    const fake = fakeContext(reflect, { ...monitor, args: { text: 'LIST aula 2' } });
    expect(await fake.run()).toEqual([
      {
        title: '💭 Reflections for Lesson 2 (0)',
        text: 'Nobody has sent a reflection for Lesson 2 yet.',
        ephemeral: true,
      },
    ]);
    expect(fake.callsTo('repos.reflections.forLesson')).toEqual([[COMMUNITY_ID, 2]]);
  });

  it('refuses the list to a member, and to an admin naming an unknown lesson', async () => {
    const member = fakeContext(reflect, { args: { text: 'list' } });
    expect((await member.refusal()).code).toBe('admin-only');
    expect(member.calls).toEqual([]);
    const unknown = await fakeContext(reflect, { ...monitor, args: { text: 'list 99' } }).refusal();
    expect(unknown.code).toBe('lesson-not-found');
    expect(unknown.message).toBe(`I could not find lesson “${userText('99')}”.`);
  });
});
