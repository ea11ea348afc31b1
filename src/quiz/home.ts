// A member's home (Slack's App Home): their figures from the same verbs as /stats (loadStanding), the next lesson of
// their community's calendar and their result on its latest question of the day. src/core/home-render.ts lays it out.
import type { Lesson } from '../content/schemas.ts';
import type { ScheduledLesson } from '../core/calendar.ts';
import type { MemberHome } from '../core/home-render.ts';
import type { Repositories } from '../db/repositories.ts';
import { loadStanding } from './boards.ts';

export function loadHome(
  repos: Pick<Repositories, 'scores' | 'quiz' | 'practice'>,
  questions: ReadonlyMap<string, { lesson: number; answer: string }>,
  schedule: readonly ScheduledLesson<Lesson>[],
  member: { communityId: number; memberId: number; name: string },
  now: Date,
  timezone: string,
): MemberHome {
  const { communityId, memberId, name } = member;
  const { week, all, streak, due } = loadStanding(repos, communityId, memberId, now, timezone);
  const upcoming = schedule.find((s) => s.startsAt > now);
  const last = repos.quiz.lastDaily(communityId, memberId);
  const question = last && questions.get(last.instance.questionId);
  return {
    stats: { name, week, all, streak, due },
    ...(upcoming ? { next: { lesson: upcoming.lesson, startsAt: upcoming.startsAt } } : {}),
    ...(last && question
      ? {
          lastDaily: {
            lesson: question.lesson,
            closed: Boolean(last.instance.closedAt) || (last.instance.closesAt ?? now) <= now,
            ...(last.instance.closesAt ? { closesAt: last.instance.closesAt } : {}),
            rightChoice: question.answer,
            ...(last.answer ? { answer: last.answer } : {}),
          },
        }
      : {}),
  };
}
