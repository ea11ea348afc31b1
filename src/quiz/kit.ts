// What the quiz modules (practice, daily questions, live rounds) share: their dependencies, the question bank by id,
// and the look-ups each of them needs (a community's voice and calendar, taught questions, who an actor is).
import type { ContentStore } from '../content/store.ts';
import type { BankQuestion } from '../content/schemas.ts';
import { taughtLessons } from '../core/calendar.ts';
import type { Destination, Poster } from '../core/destination.ts';
import type { Actor, Place, Platform } from '../core/events.ts';
import type { Locale, Translate } from '../core/i18n.ts';
import { requireLesson } from '../core/lesson-lookup.ts';
import { type Voice, voiceOf } from '../core/voice.ts';
import type { Clock } from '../core/time.ts';
import type { Repositories } from '../db/repositories.ts';
import type { QuestionInstanceRow } from '../db/schema.ts';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';
import type { Timers } from '../timers.ts';

export interface QuizDeps {
  repos: Repositories;
  content: ContentStore;
  clock: Clock;
  timers: Timers;
  messenger: Poster;
  /** The community default for bot-initiated posts. */
  timezone: string;
  locale: Locale;
  logger: Logger;
  metrics?: Metrics;
}

/**
 * One request as the quiz modules see it, resolved once by the bot for the command or click (src/bot/bot.ts) and
 * passed down: who and where, their words, the community's timezone, and the rows behind them.
 */
export interface QuizRequest {
  place: Place;
  actor: Actor;
  t: Translate;
  locale: Locale;
  /** The community's timezone. */
  timezone: string;
  /** The community and member rows, created on first contact; looked up once per request. */
  who(): Who;
}

/** Who is acting, as database ids. */
export interface Who {
  communityId: number;
  memberId: number;
}

export class QuizKit {
  readonly questions: Map<string, BankQuestion>;

  constructor(readonly deps: QuizDeps) {
    this.questions = new Map(deps.content.questions.map((q) => [q.id, q]));
  }

  /** How a community reads time and words: its own timezone and locale, else the bot's defaults. */
  voice(communityId: number): Voice {
    return voiceOf(this.deps.repos.communities.byId(communityId), this.deps);
  }

  /** The community and member rows for an actor at a place, created on first contact. */
  identify(place: Place, actor: Actor): Who {
    const now = this.deps.clock.now();
    const community = this.deps.repos.communities.ensure(place.platform, place.communityId, now);
    const member = this.deps.repos.communities.ensureMember(community.id, actor.id, actor.name, now);
    return { communityId: community.id, memberId: member.id };
  }

  /** A community's class calendar (its own first class, if it moved it). */
  scheduleOf(communityId: number) {
    return this.deps.content.scheduleFor(this.deps.repos.communities.byId(communityId)?.firstClass);
  }

  /** Questions of lessons whose class has started in this community, optionally of one lesson, in bank order. */
  openQuestions(communityId: number, lesson?: number): BankQuestion[] {
    const taught = new Set(
      taughtLessons(this.scheduleOf(communityId), this.deps.clock.now()).map((l) => l.number),
    );
    return this.deps.content.questions.filter(
      (q) => taught.has(q.lesson) && (lesson === undefined || q.lesson === lesson),
    );
  }

  /** A lesson number from what the user typed ("2", "aula 2", part of a title); see resolveLesson for the rule. */
  lessonNumber(query: string | undefined, t: Translate): number | undefined {
    return query === undefined ? undefined : requireLesson(this.deps.content.lessons, query, t).number;
  }

  destinationOfInstance(instance: QuestionInstanceRow): Destination {
    const community = this.deps.repos.communities.byId(instance.communityId)!;
    return {
      platform: community.platform as Platform,
      communityId: community.externalId,
      channelId: instance.channelId,
    };
  }
}
