// The question of the day: opened in a channel (by the scheduler or /quiz daily), answered once per member with
// private feedback, closed after 12 hours with a public reveal.
import type { Destination } from '../core/destination.ts';
import { UserError } from '../core/errors.ts';
import { formatShortDateTime } from '../core/format-time.ts';
import type { OutMessage } from '../core/message.ts';
import { localDay } from '../core/periods.ts';
import { renderQuestion, renderReveal } from '../core/quiz-render.ts';
import { seededShuffle } from '../core/random.ts';
import { dailyPoints } from '../core/scoring.ts';
import { currentStreak } from '../core/streaks.ts';
import type { Award } from '../db/repos/scores.ts';
import type { QuestionInstanceRow } from '../db/schema.ts';
import type { QuizKit, Who } from './kit.ts';

export const DAILY_OPEN_HOURS = 12;
/** The message reference of a daily question shown as a command's reply (the platform gives no message id). */
const SHOWN_BY_REPLY = JSON.stringify({ reply: true });

export class DailyQuestions {
  constructor(private readonly engine: QuizKit) {}

  /** Opens the daily question in a channel: an unused question from taught lessons, open for 12 hours. */
  open(
    dest: Destination,
    options: { late?: boolean } = {},
  ): { instance: QuestionInstanceRow; message: OutMessage } {
    const opened = this.tryOpen(dest, options);
    if ('instance' in opened) return opened;
    const { t } = this.engine.voice(opened.communityId);
    if (opened.why === 'open') throw new UserError('daily-open', t('quiz.dailyOpenHere'));
    throw new UserError('no-daily', t('quiz.noDailyQuestion'));
  }

  /**
   * Opens the daily question unless one is still open in the channel or no question is left: what the scheduler
   * calls, where either case simply means there is nothing to post.
   */
  tryOpen(
    dest: Destination,
    options: { late?: boolean } = {},
  ):
    | { instance: QuestionInstanceRow; message: OutMessage }
    | { why: 'open' | 'none-left'; communityId: number } {
    const { repos, clock, timers } = this.engine.deps;
    const now = clock.now();
    const community = repos.communities.ensure(dest.platform, dest.communityId, now);
    const { timezone } = this.engine.voice(community.id);
    if (repos.quiz.openDailyIn(community.id, dest.channelId, now))
      return { why: 'open', communityId: community.id };
    const dayKey = localDay(now, timezone);
    const used = repos.quiz.usedDailyQuestionIds(community.id);
    const candidates = this.engine.openQuestions(community.id).filter((q) => !used.has(q.id));
    const question = seededShuffle(candidates, `${community.id}:${dayKey}`)[0];
    if (!question) return { why: 'none-left', communityId: community.id };
    const closesAt = new Date(now.getTime() + DAILY_OPEN_HOURS * 3_600_000);
    const instance = repos.quiz.open({
      communityId: community.id,
      kind: 'daily',
      questionId: question.id,
      channelId: dest.channelId,
      dayKey,
      late: options.late ?? false,
      openedAt: now,
      closesAt,
    });
    timers.at(closesAt, () => this.close(instance.id));
    return { instance, message: this.message(instance) };
  }

  /**
   * Opens the daily question as the reply to a command (/quiz daily): the reply shows it, so it is marked as shown.
   * Otherwise the scheduler would take it for a post that failed and post it again at quiz time.
   */
  openAsReply(dest: Destination): OutMessage {
    const opened = this.open(dest);
    this.engine.deps.repos.quiz.setMessageRef(opened.instance.id, SHOWN_BY_REPLY);
    return opened.message;
  }

  /** The open daily question of a channel that was never posted (its post failed), with its message. */
  unposted(dest: Destination): { instance: QuestionInstanceRow; message: OutMessage } | undefined {
    const { repos, clock } = this.engine.deps;
    const community = repos.communities.find(dest.platform, dest.communityId);
    const instance = community && repos.quiz.openDailyIn(community.id, dest.channelId, clock.now());
    return instance && !instance.messageRef ? { instance, message: this.message(instance) } : undefined;
  }

  /** Points for a daily answer: 10 when right, plus the streak bonus; and the streak it makes. */
  price(
    instance: QuestionInstanceRow,
    who: Who,
    correct: boolean,
    ref: string,
  ): { awards: Award[]; streak: number } {
    // Only a right answer needs the streak so far (the bonus); a wrong one resets it.
    const history = correct
      ? this.engine.deps.repos.quiz.dailyHistory(who.communityId, who.memberId, instance.dayKey ?? undefined)
      : [];
    const before = currentStreak(history);
    const { base, bonus } = dailyPoints(correct, before);
    return {
      awards: [
        { kind: 'daily', points: base, ref },
        { kind: 'streak', points: bonus, ref },
      ],
      streak: correct ? before + 1 : 0,
    };
  }

  /** Closes a daily question once and posts the reveal in its channel; false if it was already closed. */
  async close(instanceId: number): Promise<boolean> {
    const { repos, clock, messenger } = this.engine.deps;
    const instance = repos.quiz.get(instanceId);
    if (!instance || !repos.quiz.close(instanceId, clock.now())) return false;
    const question = this.engine.questions.get(instance.questionId);
    if (!question) return true;
    const { t, locale } = this.engine.voice(instance.communityId);
    const message = renderReveal(question, repos.quiz.answerStats(instanceId), t, locale);
    await messenger.post(this.engine.destinationOfInstance(instance), message);
    return true;
  }

  private message(instance: QuestionInstanceRow): OutMessage {
    const { t, timezone, locale } = this.engine.voice(instance.communityId);
    const question = this.engine.questions.get(instance.questionId)!;
    const title = t(instance.late ? 'quiz.dailyLateTitle' : 'quiz.dailyTitle', { lesson: question.lesson });
    const time = formatShortDateTime(instance.closesAt!, timezone, locale);
    return renderQuestion(question, instance.id, { title, footer: t('quiz.closesAt', { time }) });
  }
}
