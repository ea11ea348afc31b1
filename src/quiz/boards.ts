// Leaderboards and personal stats, computed from the ledger and the answers.

import { UserError } from '../core/errors.ts';
import type { Locale, MessageKey, Translate } from '../core/i18n.ts';
import { type Field, type OutMessage, userText } from '../core/message.ts';
import { type Period, periodRange } from '../core/periods.ts';
import type { Range } from '../db/repos/scores.ts';
import { formatShare } from '../core/quiz-render.ts';
import { competitionRanks } from '../core/ranking.ts';
import { bestStreak, currentStreak } from '../core/streaks.ts';
import type { QuizEngine, QuizRequest } from './engine.ts';

const PERIOD_LABEL: Record<Period, MessageKey> = {
  week: 'board.week',
  month: 'board.month',
  all: 'board.all',
};

type BoardLine = (rank: number, row: { memberId: number; name: string; points: number }) => string;

/** The ranked top 10 of a community for a range, and the line formatter (for the caller's own line). */
function boardOf(engine: QuizEngine, communityId: number, range: Range, t: Translate, locale: Locale) {
  const { repos } = engine.deps;
  const top = repos.scores.top(communityId, range, 10);
  const accuracy = repos.scores.accuracy(
    top.map((r) => r.memberId),
    range,
  );
  const line: BoardLine = (rank, row) => {
    const acc = accuracy.get(row.memberId) ??
      repos.scores.accuracy([row.memberId], range).get(row.memberId) ?? { right: 0, total: 0 };
    const streak = currentStreak(repos.quiz.dailyHistory(communityId, row.memberId));
    return t('board.line', {
      rank,
      name: userText(row.name),
      points: row.points,
      accuracy: formatShare(acc.right, acc.total, locale),
      streak,
    });
  };
  return { top, line, lines: competitionRanks(top).map(({ rank, row }) => line(rank, row)) };
}

/** Top 10 of the period with points, accuracy and streak; the caller's own line when outside the top 10. */
export function renderLeaderboard(engine: QuizEngine, request: QuizRequest, period: Period): OutMessage {
  const { actor, t, locale, timezone } = request;
  const { repos, clock } = engine.deps;
  const who = request.who();
  const range = periodRange(period, clock.now(), timezone);
  const label = t(PERIOD_LABEL[period]);
  const { top, line, lines } = boardOf(engine, who.communityId, range, t, locale);
  if (top.length === 0) return { text: t('board.empty', { period: label }) };
  if (!top.some((r) => r.memberId === who.memberId)) {
    const mine = repos.scores.standing(who.communityId, who.memberId, range);
    lines.push('…');
    lines.push(
      mine.rank
        ? line(mine.rank, { memberId: who.memberId, name: actor.name, points: mine.points })
        : t('board.notRanked'),
    );
  }
  return { title: t('board.title', { period: label }), text: lines.join('\n') };
}

/** The final board of a week, posted by the scheduler. */
export function renderWeeklyBoard(
  engine: QuizEngine,
  communityId: number,
  range: Range,
  t: Translate,
  locale: Locale,
): OutMessage {
  const { top, lines } = boardOf(engine, communityId, range, t, locale);
  return {
    title: t('sched.boardTitle'),
    text: top.length ? lines.join('\n') : t('board.empty', { period: t('board.week') }),
  };
}

/** Points, rank, accuracy (overall and per lesson), streaks and reviews due of a member (the caller by default). */
export function renderStats(
  engine: QuizEngine,
  request: QuizRequest,
  target: string | undefined,
): OutMessage {
  const { actor, t, locale, timezone } = request;
  const { repos, clock } = engine.deps;
  const who = request.who();
  const member = target
    ? repos.communities.findMember(who.communityId, target)
    : repos.communities.findMember(who.communityId, actor.id);
  if (!member) throw new UserError('unknown-member', t('stats.unknownMember'));
  const now = clock.now();
  const week = repos.scores.standing(who.communityId, member.id, periodRange('week', now, timezone));
  const all = repos.scores.standing(who.communityId, member.id, {});
  const answers = repos.scores.answersOf(member.id);
  const right = answers.filter((a) => a.correct).length;
  const perLesson = new Map<number, { right: number; total: number }>();
  for (const a of answers) {
    const lesson = engine.questions.get(a.questionId)?.lesson;
    if (lesson === undefined) continue;
    const entry = perLesson.get(lesson) ?? { right: 0, total: 0 };
    entry.total++;
    if (a.correct) entry.right++;
    perLesson.set(lesson, entry);
  }
  const history = repos.quiz.dailyHistory(who.communityId, member.id);
  const rank = (r?: number) => (r ? `#${r}` : t('stats.unranked'));
  const fields: Field[] = [
    {
      name: t('stats.points'),
      value: t('stats.pointsValue', { week: week.points, all: all.points }),
      inline: true,
    },
    {
      name: t('stats.rank'),
      value: t('stats.rankValue', { week: rank(week.rank), all: rank(all.rank) }),
      inline: true,
    },
    {
      name: t('stats.accuracy'),
      value: answers.length
        ? t('stats.accuracyValue', {
            share: formatShare(right, answers.length, locale),
            right,
            total: answers.length,
          })
        : t('stats.noAnswers'),
    },
    {
      name: t('stats.streak'),
      value: t('stats.streakValue', { current: currentStreak(history), best: bestStreak(history) }),
      inline: true,
    },
    { name: t('stats.due'), value: String(repos.practice.countDue(member.id, now)), inline: true },
    { name: t('stats.reflections'), value: String(repos.reflections.countByMember(member.id)), inline: true },
  ];
  if (perLesson.size) {
    const lines = [...perLesson.entries()]
      .sort(([a], [b]) => a - b)
      .map(([lesson, s]) => `${lesson}: ${formatShare(s.right, s.total, locale)} (${s.right}/${s.total})`);
    fields.push({ name: t('stats.perLesson'), value: lines.join('\n') });
  }
  return { title: t('stats.title', { name: userText(member.displayName) }), fields, ephemeral: true };
}
