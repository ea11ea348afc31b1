// The quiz engine: practice (FSRS), the daily question and live rounds. It joins the pure core (selection, grading,
// scoring) to the repositories, and posts through the messenger what nobody asked for (reveals, next questions).
import type { ContentStore } from '../bot/command.ts';
import type { Actor, Place, Platform } from '../bot/events.ts';
import type { Destination, Messenger } from '../bot/messenger.ts';
import type { BankQuestion } from '../content/schemas.ts';
import { taughtLessons } from '../core/calendar.ts';
import { UserError } from '../core/errors.ts';
import { formatDateTime } from '../core/format-time.ts';
import { type Locale, type Translate, translator } from '../core/i18n.ts';
import { findLessons } from '../core/lesson-lookup.ts';
import { type OutMessage, userText } from '../core/message.ts';
import { startOfLocalDay } from '../core/periods.ts';
import { renderQuestion } from '../core/quiz-render.ts';
import { seededShuffle } from '../core/random.ts';
import { practicePoints, SCORING } from '../core/scoring.ts';
import { pickPractice, reviewCard } from '../core/spaced-repetition.ts';
import type { Clock } from '../core/time.ts';
import type { Repositories } from '../db/repositories.ts';
import type { QuestionInstanceRow } from '../db/schema.ts';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';
import type { Timers } from '../timers.ts';
import { DailyQuestions } from './daily.ts';
import { LiveRounds } from './live.ts';
import { renderAnswerFeedback } from './feedback.ts';

export interface QuizDeps {
  repos: Repositories;
  content: ContentStore;
  clock: Clock;
  timers: Timers;
  messenger: Messenger;
  /** The community default for bot-initiated posts. */
  timezone: string;
  locale: Locale;
  logger: Logger;
  metrics?: Metrics;
}

/** Who is acting, as database ids. */
export interface Who {
  communityId: number;
  memberId: number;
}

export class QuizEngine {
  readonly questions: Map<string, BankQuestion>;
  readonly live: LiveRounds;
  readonly daily: DailyQuestions;

  constructor(readonly deps: QuizDeps) {
    this.questions = new Map(deps.content.questions.map((q) => [q.id, q]));
    this.live = new LiveRounds(this);
    this.daily = new DailyQuestions(this);
  }

  /** How a community reads time and words: its own timezone and locale, else the bot's defaults. */
  voice(communityId: number): { timezone: string; locale: Locale; t: Translate } {
    const community = this.deps.repos.communities.byId(communityId);
    const locale = (community?.locale as Locale | null | undefined) ?? this.deps.locale;
    return { timezone: community?.timezone ?? this.deps.timezone, locale, t: translator(locale) };
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

  /** A lesson number from what the user typed ("2", "aula 2", part of a title). */
  lessonNumber(query: string | undefined, t: Translate): number | undefined {
    if (query === undefined) return undefined;
    const found = findLessons(this.deps.content.lessons, query);
    if (found.length === 0)
      throw new UserError(
        'lesson-not-found',
        t('quiz.unknownLesson', { query: userText(query.slice(0, 40)) }),
      );
    return found[0]!.number;
  }

  /**
   * After a restart: live rounds whose timers died are stopped, daily questions that closed while the bot was down
   * get their reveal now, and those still open get their closing timer back.
   */
  async resume(): Promise<void> {
    const { repos, clock, timers, logger } = this.deps;
    const now = clock.now();
    const stopped = repos.live.stopAbandoned(now);
    if (stopped) logger.info({ stopped }, 'stopped live rounds left running by a previous process');
    for (const instance of repos.quiz.unclosedDailies()) {
      if (instance.closesAt! <= now) await this.daily.close(instance.id);
      else timers.at(instance.closesAt!, () => this.daily.close(instance.id));
    }
  }

  // ---- practice -------------------------------------------------------------------------------------------------

  /** The learner's next practice card: the most overdue review, else a new question from taught lessons. */
  practice(
    place: Place,
    actor: Actor,
    lessonQuery: string | undefined,
    t: Translate,
    locale: Locale,
    replace = false,
  ): OutMessage {
    const now = this.deps.clock.now();
    const lesson = this.lessonNumber(lessonQuery, t);
    const who = this.identify(place, actor);
    const inScope = this.openQuestions(who.communityId, lesson);
    const scopeIds = new Set(inScope.map((q) => q.id));
    const due = this.deps.repos.practice
      .dueCards(who.memberId, now)
      .filter((c) => scopeIds.has(c.questionId));
    const known = this.deps.repos.practice.knownQuestionIds(who.memberId);
    const fresh = seededShuffle(
      inScope.filter((q) => !known.has(q.id)).map((q) => q.id),
      `${who.memberId}`,
    ).sort((a, b) => this.questions.get(a)!.lesson - this.questions.get(b)!.lesson);
    const pick = pickPractice(due, fresh, now);
    const scope = lesson === undefined ? '' : t('quiz.scopeLesson', { lesson });
    if (!pick) {
      const next = inScope.length > 0 ? this.deps.repos.practice.nextDue(who.memberId) : undefined;
      const text = next
        ? t('quiz.nothingDue', {
            scope,
            when: formatDateTime(next, this.voice(who.communityId).timezone, locale),
          })
        : t('quiz.nothingAtAll', { scope });
      return { text, ephemeral: true, replace };
    }
    const question = this.questions.get(pick.questionId)!;
    const instance = this.deps.repos.quiz.open({
      communityId: who.communityId,
      kind: 'practice',
      questionId: question.id,
      channelId: place.channelId,
      ownerId: who.memberId,
      openedAt: now,
    });
    const title = t(pick.review ? 'quiz.reviewTitle' : 'quiz.practiceTitle', { lesson: question.lesson });
    return renderQuestion(question, instance.id, { title, ephemeral: true, replace });
  }

  destinationOfInstance(instance: QuestionInstanceRow): Destination {
    const community = this.deps.repos.communities.byId(instance.communityId)!;
    return {
      platform: community.platform as Platform,
      communityId: community.externalId,
      channelId: instance.channelId,
    };
  }

  // ---- answers --------------------------------------------------------------------------------------------------

  /** A click on an answer button (`qa:<instance>:<letter>`), for any kind of question. */
  async answer(
    payload: string,
    place: Place,
    actor: Actor,
    t: Translate,
    locale: Locale,
  ): Promise<OutMessage | OutMessage[]> {
    const stale = () => new UserError('stale-button', t('error.staleButton'));
    const match = /^(\d{1,12}):([A-E])$/.exec(payload);
    if (!match) throw stale();
    const instance = this.deps.repos.quiz.get(Number(match[1]));
    const question = instance && this.questions.get(instance.questionId);
    const choice = match[2]!;
    if (!instance || !question || question.choices.length <= 'ABCDE'.indexOf(choice)) throw stale();
    const community = this.deps.repos.communities.find(place.platform, place.communityId);
    if (!community || community.id !== instance.communityId) throw stale();
    const now = this.deps.clock.now();
    const member = this.deps.repos.communities.ensureMember(community.id, actor.id, actor.name, now);
    const who: Who = { communityId: community.id, memberId: member.id };
    if (instance.kind === 'practice' && instance.ownerId !== who.memberId) {
      throw new UserError('not-your-card', t('quiz.notYourCard'));
    }
    if (
      instance.kind !== 'practice' &&
      (instance.closedAt || (instance.closesAt && instance.closesAt <= now))
    ) {
      throw new UserError('closed', t('quiz.closed'));
    }
    const correct = question.answer === choice;
    const elapsedMs = Math.max(0, now.getTime() - instance.openedAt.getTime());
    let streak = 0;
    const outcome = await this.deps.repos.quiz.recordAnswer(
      {
        instanceId: instance.id,
        memberId: who.memberId,
        communityId: who.communityId,
        choice,
        correct,
        now,
        elapsedMs,
      },
      (answerId) => {
        const ref = `answer:${answerId}`;
        switch (instance.kind) {
          case 'practice': {
            const { card, log } = reviewCard(
              this.deps.repos.practice.card(who.memberId, question.id),
              correct,
              now,
            );
            this.deps.repos.practice.saveReview(who.memberId, question.id, card, log, answerId);
            const today = startOfLocalDay(now, this.voice(who.communityId).timezone);
            const earned = this.deps.repos.scores.earnedSince(who.memberId, 'practice', today);
            return [{ kind: 'practice', points: practicePoints(correct, earned), ref }];
          }
          case 'daily': {
            const priced = this.daily.price(instance, who, correct, ref);
            streak = priced.streak;
            return priced.awards;
          }
          case 'live':
            return this.live.price(instance, correct, elapsedMs, ref);
        }
      },
    );
    if (outcome.status === 'duplicate')
      return { text: t('quiz.already', { choice: outcome.previousChoice }), ephemeral: true };
    this.deps.metrics?.answers.inc({ kind: instance.kind });
    const points = outcome.awards.reduce((sum, a) => sum + a.points, 0);
    switch (instance.kind) {
      case 'practice': {
        const card = this.deps.repos.practice.card(who.memberId, question.id);
        return renderAnswerFeedback(question, choice, points, {
          t,
          locale,
          timezone: this.voice(who.communityId).timezone,
          glossary: this.deps.content.glossary,
          nextDue: card?.due,
          now,
          capped: correct && points === 0 ? SCORING.practice.dailyCap : undefined,
          nextButton: 'qn:next',
        });
      }
      case 'daily': {
        const bonus = outcome.awards.find((a) => a.kind === 'streak')?.points ?? 0;
        const text = correct
          ? [
              t('quiz.dailyRecordedRight', { points }),
              ...(bonus ? [t('quiz.streakBonus', { bonus, streak })] : []),
            ].join(' ')
          : t('quiz.dailyRecordedWrong', { choice });
        return { text, ephemeral: true };
      }
      case 'live':
        return { text: t('quiz.liveRecorded', { choice }), ephemeral: true };
    }
  }

  /** The "next" button under practice feedback (`qn:next`): another card, replacing the message. */
  next(place: Place, actor: Actor, t: Translate, locale: Locale): OutMessage {
    return this.practice(place, actor, undefined, t, locale, true);
  }
}
