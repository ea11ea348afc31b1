// Live rounds (a class game): questions posted one after another in the channel, answers close at the time limit,
// fast right answers earn more, standings after each question and a podium at the end. Timers run on the injected
// clock, so tests and the shell's !clock move rounds forward without sleeping.
import { UserError } from '../core/errors.ts';
import { type OutMessage, userText } from '../core/message.ts';
import { renderLiveClose, renderPodium, renderQuestion } from '../core/quiz-render.ts';
import { seededShuffle } from '../core/random.ts';
import { livePoints } from '../core/scoring.ts';
import type { LiveSessionRow, QuestionInstanceRow } from '../db/schema.ts';
import type { Award } from '../db/repos/scores.ts';
import type { QuizKit, QuizRequest } from './kit.ts';

export const LIVE_DEFAULTS = { count: 5, seconds: 20 } as const;

export class LiveRounds {
  /** The pending close timer of each running round, so /quiz stop can cancel it. */
  private readonly timers = new Map<number, () => void>();

  constructor(private readonly engine: QuizKit) {}

  /** Points for a live answer: base plus a speed bonus over the round's time limit. */
  price(instance: QuestionInstanceRow, correct: boolean, elapsedMs: number, ref: string): Award[] {
    const session = this.engine.deps.repos.live.get(instance.liveSessionId!);
    const { base, bonus } = livePoints(
      correct,
      elapsedMs,
      (session?.seconds ?? LIVE_DEFAULTS.seconds) * 1000,
    );
    return [
      { kind: 'live', points: base, ref },
      { kind: 'speed', points: bonus, ref },
    ];
  }

  /** Starts a round in the caller's channel: the announcement and the first question. */
  start(request: QuizRequest, options: { lesson?: string; count?: number; seconds?: number }): OutMessage[] {
    const { place, actor, t } = request;
    const { repos, clock } = this.engine.deps;
    const now = clock.now();
    const lesson = this.engine.lessonNumber(options.lesson, t);
    const who = request.who();
    const scope = lesson === undefined ? '' : t('quiz.scopeLesson', { lesson });
    const pool = this.engine.openQuestions(who.communityId, lesson);
    if (pool.length === 0) throw new UserError('not-enough', t('quiz.notEnoughQuestions', { scope }));
    const count = Math.min(options.count ?? LIVE_DEFAULTS.count, pool.length);
    const seconds = options.seconds ?? LIVE_DEFAULTS.seconds;
    const questionIds = seededShuffle(pool, `${who.communityId}:${now.getTime()}`)
      .slice(0, count)
      .map((q) => q.id);
    const session = repos.live.start({
      communityId: who.communityId,
      channelId: place.channelId,
      startedBy: actor.id,
      questionIds,
      seconds,
      now,
    });
    if (!session) throw new UserError('live-running', t('quiz.liveRunning'));
    // Posted in the channel: in the community's language.
    const intro = {
      text: this.engine.voice(who.communityId).t('quiz.liveStarting', { count, scope, seconds }),
    };
    return [intro, this.openQuestion(session, 0)];
  }

  /** Ends the running round of the caller's channel and shows the podium. */
  stop(request: QuizRequest): OutMessage {
    const { place, actor, t } = request;
    const { repos, clock } = this.engine.deps;
    const who = request.who();
    const session = repos.live.runningIn(who.communityId, place.channelId);
    if (!session || !repos.live.end(session.id, 'stopped', clock.now()))
      throw new UserError('no-live', t('quiz.liveNone'));
    this.timers.get(session.id)?.();
    this.timers.delete(session.id);
    const open = repos.quiz.openLiveInstance(session.id);
    if (open) repos.quiz.close(open.id, clock.now());
    // The podium is posted in the channel: in the community's language, not the member's.
    const { t: channel } = this.engine.voice(who.communityId);
    return renderPodium(
      repos.scores.liveStandings(session.id),
      channel,
      channel('quiz.liveStopped', { user: userText(actor.name) }),
    );
  }

  private openQuestion(session: LiveSessionRow, position: number): OutMessage {
    const { repos, clock, timers } = this.engine.deps;
    const now = clock.now();
    const question = this.engine.questions.get(session.questionIds[position]!)!;
    const closesAt = new Date(now.getTime() + session.seconds * 1000);
    const instance = repos.quiz.open({
      communityId: session.communityId,
      kind: 'live',
      questionId: question.id,
      channelId: session.channelId,
      liveSessionId: session.id,
      openedAt: now,
      closesAt,
    });
    repos.live.setPosition(session.id, position);
    this.timers.set(
      session.id,
      timers.at(closesAt, () => this.closeQuestion(session.id, instance.id)),
    );
    const { t } = this.engine.voice(session.communityId);
    return renderQuestion(question, instance.id, {
      title: t('quiz.liveTitle', { n: position + 1, total: session.questionIds.length }),
      footer: t('quiz.liveSeconds', { seconds: session.seconds }),
    });
  }

  /** Time is up: reveal, standings, then the next question or the podium. */
  private async closeQuestion(sessionId: number, instanceId: number): Promise<void> {
    const { repos, clock, messenger } = this.engine.deps;
    const session = repos.live.get(sessionId);
    const instance = repos.quiz.get(instanceId);
    if (!session || session.status !== 'running' || !instance || !repos.quiz.close(instanceId, clock.now()))
      return;
    const { t } = this.engine.voice(session.communityId);
    const dest = this.engine.destinationOfInstance(instance);
    const question = this.engine.questions.get(instance.questionId)!;
    const total = session.questionIds.length;
    const heading = t('quiz.liveTimeUp', { n: session.position + 1, total });
    await messenger.post(dest, renderLiveClose(question, repos.scores.liveStandings(sessionId), heading, t));
    if (session.position + 1 < total) {
      await messenger.post(dest, this.openQuestion(session, session.position + 1));
      return;
    }
    repos.live.end(sessionId, 'finished', clock.now());
    this.timers.delete(sessionId);
    await messenger.post(dest, renderPodium(repos.scores.liveStandings(sessionId), t));
  }
}
