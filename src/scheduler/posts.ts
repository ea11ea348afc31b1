// The message of each scheduled post kind, built from what the scheduler hands over (the community's audience, its
// calendar, the post and the instant): the agenda with its discussion thread, the pre-class reminder, the daily
// question, the weekly board and the monitors' digest. Nothing here plans, claims or retries a post; that is the scheduler's.
import { type AgendaLesson, renderAgenda } from '../core/agenda.ts';
import type { ScheduledLesson } from '../core/calendar.ts';
import type { Destination } from '../core/destination.ts';
import { renderDigest } from '../core/insights-digest.ts';
import { formatRelative, formatShortDateTime } from '../core/format-time.ts';
import type { Locale, Translate } from '../core/i18n.ts';
import type { OutMessage } from '../core/message.ts';
import { periodRange } from '../core/periods.ts';
import type { PlannedPost } from '../core/schedule-plan.ts';
import { renderWeeklyBoard } from '../quiz/boards.ts';
import type { DailyQuestions } from '../quiz/daily.ts';
import type { QuizEngine } from '../quiz/engine.ts';
import type { Audience } from './audience.ts';

/** A daily question posted this much after its time is marked late. */
export const LATE_AFTER_MS = 5 * 60_000;

/** How a community reads a post made at `now`. */
export interface PostView {
  now: Date;
  locale: Locale;
  timezone: string;
  t: Translate;
}

/** A post ready to send. */
export interface ScheduledMessage {
  message: OutMessage;
  /** Set for the daily question: the question instance the posted reference is stored on. */
  questionInstanceId?: number;
  /** Where it goes when not to the announcements channel (the digest: the monitors' channel). */
  dest?: Destination;
}

/** What one planned post is built from. */
export interface PostInput {
  audience: Audience;
  /** The community's class calendar (agendas and reminders pick their lesson from it). */
  schedule: readonly ScheduledLesson<AgendaLesson>[];
  /** The community's id in the database (the board's scores). */
  communityId: number;
  quiz: QuizEngine;
  now: Date;
  /** The address of a lesson's platform scheduled event, when it has one (the agenda links to it). */
  eventUrl?: (lesson: number) => string | undefined;
}

/** The agenda of the coming lesson, introduced, starting the lesson's discussion thread. */
export function agendaPost(
  item: ScheduledLesson<AgendaLesson>,
  view: PostView,
  eventUrl?: string,
): OutMessage {
  const agenda = renderAgenda(item, view);
  return {
    ...agenda,
    ...(eventUrl ? { links: [{ label: view.t('agenda.event'), url: eventUrl }] } : {}),
    text: `${view.t('sched.agendaIntro')}\n\n${agenda.text ?? ''}`,
    startThread: { name: view.t('sched.threadName', { number: item.lesson.number }) },
  };
}

/** "Lesson n starts in …", and where its full agenda is. */
export function reminderPost(
  item: ScheduledLesson<{ number: number; title: string }>,
  view: PostView,
): OutMessage {
  const { lesson, startsAt } = item;
  const { now, timezone, locale, t } = view;
  return {
    text: [
      t('sched.reminder', {
        number: lesson.number,
        title: lesson.title,
        relative: formatRelative(startsAt, now, locale),
        time: formatShortDateTime(startsAt, timezone, locale),
      }),
      t('sched.reminderHint', { number: lesson.number }),
    ].join('\n'),
  };
}

/**
 * The daily question due at `at`: the one a failed attempt opened but never posted, or a newly opened one (late when
 * posted more than LATE_AFTER_MS after its time); undefined when one is still open or no question is left.
 */
export function dailyPost(
  daily: Pick<DailyQuestions, 'unposted' | 'tryOpen'>,
  dest: Destination,
  at: Date,
  now: Date,
): ScheduledMessage | undefined {
  const opened =
    daily.unposted(dest) ?? daily.tryOpen(dest, { late: now.getTime() - at.getTime() > LATE_AFTER_MS });
  if (!('instance' in opened)) return undefined;
  return { message: opened.message, questionInstanceId: opened.instance.id };
}

/** The final board of the week that contains `weekOf`, in the community's timezone. */
export function weeklyBoardPost(
  quiz: QuizEngine,
  communityId: number,
  weekOf: Date,
  view: PostView,
): OutMessage {
  return renderWeeklyBoard(
    quiz,
    communityId,
    periodRange('week', weekOf, view.timezone),
    view.t,
    view.locale,
  );
}

const lessonOf = (post: PlannedPost, schedule: PostInput['schedule']) => {
  const item = schedule.find((s) => s.lesson.number === post.lesson);
  if (!item) throw new Error(`lesson ${post.lesson} is not in the community's calendar`);
  return item;
};

/** The message of one planned post; undefined when there is nothing to post. */
export function buildPost(post: PlannedPost, input: PostInput): ScheduledMessage | undefined {
  const { audience, now } = input;
  const view: PostView = { now, locale: audience.locale, timezone: audience.timezone, t: audience.t };
  switch (post.kind) {
    case 'agenda':
      return {
        message: agendaPost(lessonOf(post, input.schedule), view, input.eventUrl?.(post.lesson!)),
      };
    case 'reminder':
      return { message: reminderPost(lessonOf(post, input.schedule), view) };
    case 'daily':
      return dailyPost(input.quiz.daily, audience.dest, post.at, now);
    case 'board':
      return { message: weeklyBoardPost(input.quiz, input.communityId, post.at, view) };
    case 'digest': {
      // Turned off since it was planned: nothing to post.
      if (!audience.digestDest) return undefined;
      const { lesson } = lessonOf(post, input.schedule);
      const digest = input.quiz.insights.digest(input.communityId, lesson, now, audience.timezone);
      return { message: renderDigest(digest, view.t, view.locale), dest: audience.digestDest };
    }
  }
}
