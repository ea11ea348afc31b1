// The text of each scheduled post kind, from the data the scheduler hands over: no app, no database, no clock.
import { describe, expect, it } from 'vitest';
import type { AgendaLesson } from '../../src/core/agenda.ts';
import type { ScheduledLesson } from '../../src/core/calendar.ts';
import { translator } from '../../src/core/i18n.ts';
import type { OutMessage } from '../../src/core/message.ts';
import type { PlannedPost } from '../../src/core/schedule-plan.ts';
import type { CommunityRow } from '../../src/db/schema.ts';
import type { QuizEngine } from '../../src/quiz/engine.ts';
import { audienceOf } from '../../src/scheduler/audience.ts';
import {
  agendaPost,
  buildPost,
  dailyPost,
  LATE_AFTER_MS,
  type PostView,
  reminderPost,
} from '../../src/scheduler/posts.ts';

/** Lesson 2 starts Tuesday 17 Nov 2026, 19:00 in São Paulo (22:00 UTC). */
const lesson = (number: number, startsAt: string): ScheduledLesson<AgendaLesson> => ({
  lesson: {
    number,
    title: `Lesson title ${number}`,
    objectives: ['o'],
    topics: ['t'],
    preReading: ['r'],
    reflectionPrompts: ['p'],
  },
  startsAt: new Date(startsAt),
  endsAt: new Date(new Date(startsAt).getTime() + 2 * 3_600_000),
});
const LESSON_2 = lesson(2, '2026-11-17T22:00:00Z');
const SCHEDULE = [lesson(1, '2026-11-10T22:00:00Z'), LESSON_2, lesson(3, '2026-11-24T22:00:00Z')];

const view = (now: string, locale: 'en' | 'pt-BR' = 'en'): PostView => ({
  now: new Date(now),
  locale,
  timezone: 'America/Sao_Paulo',
  t: translator(locale),
});

const community = (over: Partial<CommunityRow> = {}) =>
  ({
    id: 7,
    platform: 'shell',
    externalId: 'turma',
    announceChannelId: 'avisos',
    locale: null,
    timezone: null,
    ...over,
  }) as CommunityRow;
const DEFAULTS = { locale: 'pt-BR', timezone: 'America/Sao_Paulo' } as const;

/** The agenda post of a lesson due at `at`, and the input that builds it. */
function agendaOf(lesson: number, at: string, deadline: string) {
  const post: PlannedPost = {
    kind: 'agenda',
    target: `lesson:${lesson}`,
    lesson,
    at: new Date(at),
    deadline: new Date(deadline),
  };
  const input = {
    audience: audienceOf(community(), DEFAULTS),
    schedule: SCHEDULE,
    communityId: 7,
    quiz: {} as QuizEngine,
    now: post.at,
  };
  return { post, input };
}

describe('scheduled post text', () => {
  it('reminds of a lesson an hour ahead with its relative and local start, and where its agenda is', () => {
    const message = reminderPost(LESSON_2, view('2026-11-17T21:00:00Z'));
    expect(message.text).toBe(
      '⏰ Lesson 2 — Lesson title 2 starts in 1 hour (11/17, 07:00 PM).\nThe full agenda is at /agenda 2.',
    );
  });

  it('introduces the agenda and starts the lesson’s reflection thread', () => {
    const message = agendaPost(LESSON_2, view('2026-11-16T22:00:00Z', 'pt-BR'));
    expect(message.startThread).toEqual({ name: 'Reflexões — Aula 2' });
    expect(message.title).toBe('📚 Aula 2 — Lesson title 2');
    expect(message.text).toMatch(/^Amanhã tem aula! .*\n\n.*amanhã/s);
    expect(message.fields).toHaveLength(4);
  });

  it('builds the reminder of the lesson the planned post names, in the community’s own language', () => {
    const post: PlannedPost = {
      kind: 'reminder',
      target: 'lesson:3:60',
      lesson: 3,
      leadMinutes: 60,
      at: new Date('2026-11-24T21:00:00Z'),
      deadline: new Date('2026-11-24T22:00:00Z'),
    };
    const audience = audienceOf(community({ locale: 'en' }), DEFAULTS);
    const built = buildPost(post, {
      audience,
      schedule: SCHEDULE,
      communityId: 7,
      quiz: {} as QuizEngine,
      now: post.at,
    });
    expect(built?.message.text).toMatch(/^⏰ Lesson 3 — Lesson title 3 starts in 1 hour \(/);
    expect(built?.questionInstanceId).toBeUndefined();
  });

  it("links the agenda post to its lesson's scheduled event when there is one, and only then", () => {
    const { post, input } = agendaOf(3, '2026-11-23T22:00:00Z', '2026-11-24T22:00:00Z');
    const asked: number[] = [];
    const linked = buildPost(post, {
      ...input,
      eventUrl: (n) => (asked.push(n), 'https://discord.com/events/1/2'),
    });
    expect(asked).toEqual([3]);
    expect(linked?.message.links).toEqual([
      { label: '📆 Evento no Discord', url: 'https://discord.com/events/1/2' },
    ]);
    expect(buildPost(post, { ...input, eventUrl: () => undefined })?.message.links).toBeUndefined();
    expect(buildPost(post, input)?.message.links).toBeUndefined();
  });

  it('fails (so the run is retried) rather than post an agenda for a lesson missing from the calendar', () => {
    const { post, input } = agendaOf(9, '2026-11-16T22:00:00Z', '2026-11-17T22:00:00Z');
    expect(() => buildPost(post, input)).toThrow(/lesson 9/);
  });
});

describe('the daily question post', () => {
  const message: OutMessage = { text: 'question' };
  const fakeDaily = (unposted?: number) => {
    const lateFlags: (boolean | undefined)[] = [];
    const daily = {
      unposted: () => (unposted === undefined ? undefined : { instance: { id: unposted }, message }),
      tryOpen: (_dest: unknown, options: { late?: boolean } = {}) => {
        lateFlags.push(options.late);
        return { instance: { id: 42 }, message };
      },
    } as unknown as Parameters<typeof dailyPost>[0];
    return { daily, lateFlags };
  };
  const dest = audienceOf(community(), DEFAULTS).dest;
  const at = new Date('2026-11-16T12:00:00Z');

  it('opens a question marked late only when posted more than five minutes after its time', () => {
    const { daily, lateFlags } = fakeDaily();
    expect(dailyPost(daily, dest, at, new Date(at.getTime() + LATE_AFTER_MS))).toEqual({
      message,
      questionInstanceId: 42,
    });
    dailyPost(daily, dest, at, new Date(at.getTime() + LATE_AFTER_MS + 1));
    expect(lateFlags).toEqual([false, true]);
  });

  it('re-posts the question a failed attempt opened instead of opening another', () => {
    const { daily, lateFlags } = fakeDaily(5);
    expect(dailyPost(daily, dest, at, at)?.questionInstanceId).toBe(5);
    expect(lateFlags).toEqual([]);
  });

  it('has nothing to post when a question is still open or none is left', () => {
    const daily = {
      unposted: () => undefined,
      tryOpen: () => ({ why: 'open', communityId: 7 }),
    } as unknown as Parameters<typeof dailyPost>[0];
    expect(dailyPost(daily, dest, at, at)).toBeUndefined();
  });
});

describe('a community’s audience', () => {
  it('posts to its announcement channel in its language and timezone, else the deployment’s', () => {
    expect(audienceOf(community(), DEFAULTS)).toMatchObject({
      dest: { platform: 'shell', communityId: 'turma', channelId: 'avisos' },
      locale: 'pt-BR',
      timezone: 'America/Sao_Paulo',
    });
    const own = audienceOf(community({ locale: 'en', timezone: 'Europe/Lisbon' }), DEFAULTS);
    expect(own).toMatchObject({ locale: 'en', timezone: 'Europe/Lisbon' });
    expect(own.t('sched.threadName', { number: 4 })).toBe('Reflections — Lesson 4');
  });
});
