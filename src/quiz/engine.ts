// The quiz engine: practice (FSRS), the daily question and live rounds. It joins the pure core (selection, grading,
// scoring) to the repositories, and posts through the messenger what nobody asked for (reveals, next questions).
import { UserError } from '../core/errors.ts';
import { formatDateTime } from '../core/format-time.ts';
import type { OutMessage } from '../core/message.ts';
import { dayNumber, startOfLocalDay } from '../core/periods.ts';
import { renderQuestion } from '../core/quiz-render.ts';
import { seededShuffle } from '../core/random.ts';
import { practicePoints, SCORING } from '../core/scoring.ts';
import { pickPractice, reviewCard } from '../core/spaced-repetition.ts';
import { DailyQuestions } from './daily.ts';
import { Insights } from './insights.ts';
import { LiveRounds } from './live.ts';
import { renderAnswerFeedback } from './feedback.ts';
import { type QuizDeps, QuizKit, type QuizRequest, type Who } from './kit.ts';

export type { QuizDeps, QuizRequest, Who };

/** Practice, answers of every kind and restart recovery; the daily question and live rounds have modules of their own. */
export class QuizEngine extends QuizKit {
  readonly live: LiveRounds;
  readonly daily: DailyQuestions;
  /** The monitors' view of what the class answers (/insights, the digest). */
  readonly insights: Insights;

  constructor(deps: QuizDeps) {
    super(deps);
    this.insights = new Insights(deps.repos, deps.content);
    this.live = new LiveRounds(this);
    this.daily = new DailyQuestions(this);
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
  practice(request: QuizRequest, lessonQuery: string | undefined, replace = false): OutMessage {
    const { place, t, locale, timezone } = request;
    const now = this.deps.clock.now();
    const lesson = this.lessonNumber(lessonQuery, t);
    const who = request.who();
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
            when: formatDateTime(next, timezone, locale),
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

  // ---- answers --------------------------------------------------------------------------------------------------

  /** A click on an answer button (`qa:<instance>:<letter>`), for any kind of question. */
  async answer(request: QuizRequest, payload: string): Promise<OutMessage | OutMessage[]> {
    const { place, t, locale, timezone } = request;
    const stale = () => new UserError('stale-button', t('error.staleButton'));
    const match = /^(\d{1,12}):([A-E])$/.exec(payload);
    if (!match) throw stale();
    const instance = this.deps.repos.quiz.get(Number(match[1]));
    const question = instance && this.questions.get(instance.questionId);
    const choice = match[2]!;
    if (!instance || !question || question.choices.length <= 'ABCDE'.indexOf(choice)) throw stale();
    // A button of another community (a forged or copied id) is stale here; rows are made only for this one.
    const community = this.deps.repos.communities.find(place.platform, place.communityId);
    if (!community || community.id !== instance.communityId) throw stale();
    const now = this.deps.clock.now();
    const who = request.who();
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
    // The reviewed card's next due date, from the write itself (used only once it has committed).
    let nextDue: Date | undefined;
    const outcome = await this.deps.repos.quiz.recordAnswer(
      {
        instanceId: instance.id,
        questionId: instance.questionId,
        kind: instance.kind,
        memberId: who.memberId,
        communityId: who.communityId,
        day: dayNumber(now, timezone),
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
            nextDue = card.due;
            const today = startOfLocalDay(now, timezone);
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
        return renderAnswerFeedback(question, choice, points, {
          t,
          locale,
          timezone,
          glossary: this.deps.content.glossary,
          nextDue,
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
  next(request: QuizRequest): OutMessage {
    return this.practice(request, undefined, true);
  }
}
