// Leaderboards and personal stats: what the renderers of src/core/board-render.ts need, fetched in a fixed number of
// queries whatever the number of rows (the board itself, then every streak at once).
import {
  type BoardEntry,
  type Leaderboard,
  type MemberStats,
  renderFinalWeekBoard,
} from '../core/board-render.ts';
import type { Locale, Translate } from '../core/i18n.ts';
import type { OutMessage } from '../core/message.ts';
import { periodRange } from '../core/periods.ts';
import { bestStreak, currentStreak } from '../core/streaks.ts';
import type { Repositories } from '../db/repositories.ts';
import type { Range } from '../db/repos/scores.ts';

/** Lines on a board. */
export const BOARD_SIZE = 10;

/** What the boards read. */
export type BoardRepos = Pick<Repositories, 'scores' | 'quiz'>;

/** The top of a community for a range, highest first, with accuracy and current streaks: two queries. */
export function loadBoard(repos: BoardRepos, communityId: number, range: Range): BoardEntry[] {
  const tallies = repos.scores.board(communityId, range, BOARD_SIZE);
  const streaks = currentStreaks(repos, communityId, tallies);
  return tallies.map((r) => ({ ...r, streak: streaks.get(r.memberId) ?? 0 }));
}

/** /leaderboard: the board, and the caller's own line when outside it (at most five queries in all). */
export function loadLeaderboard(
  repos: BoardRepos,
  caller: { communityId: number; memberId: number; name: string },
  range: Range,
): Leaderboard {
  const { communityId, memberId } = caller;
  const tallies = repos.scores.board(communityId, range, BOARD_SIZE);
  const outside = tallies.length > 0 && !tallies.some((r) => r.memberId === memberId);
  const standing = outside ? repos.scores.standing(communityId, memberId, range) : undefined;
  const streaks = currentStreaks(repos, communityId, standing?.rank ? [...tallies, caller] : tallies);
  const entries = tallies.map((r) => ({ ...r, streak: streaks.get(r.memberId) ?? 0 }));
  if (!standing) return { entries };
  if (!standing.rank) return { entries, own: 'unranked' };
  const { right, total } = repos.scores.accuracy([memberId], range).get(memberId) ?? { right: 0, total: 0 };
  const streak = streaks.get(memberId) ?? 0;
  const entry = { memberId, name: caller.name, points: standing.points, right, total, streak };
  return { entries, own: { rank: standing.rank, entry } };
}

/** Current daily streaks of several members, from one query over the community's daily questions. */
function currentStreaks(
  repos: BoardRepos,
  communityId: number,
  members: readonly { memberId: number }[],
): Map<number, number> {
  const histories = repos.quiz.dailyHistories(
    communityId,
    members.map((m) => m.memberId),
  );
  return new Map([...histories].map(([id, days]) => [id, currentStreak(days)]));
}

/** A member's points and rank this week and overall, daily streaks and reviews due: four indexed look-ups. */
export function loadStanding(
  repos: Pick<Repositories, 'scores' | 'quiz' | 'practice'>,
  communityId: number,
  memberId: number,
  now: Date,
  timezone: string,
): Pick<MemberStats, 'week' | 'all' | 'streak' | 'due'> {
  const history = repos.quiz.dailyHistory(communityId, memberId);
  return {
    week: repos.scores.standing(communityId, memberId, periodRange('week', now, timezone)),
    all: repos.scores.standing(communityId, memberId, {}),
    streak: { current: currentStreak(history), best: bestStreak(history) },
    due: repos.practice.countDue(memberId, now),
  };
}

/** /stats of a member: points and rank this week and overall, accuracy (per lesson too), streaks, reviews due. */
export function loadStats(
  repos: Pick<Repositories, 'scores' | 'quiz' | 'practice' | 'reflections'>,
  questions: readonly { id: string; lesson: number }[],
  communityId: number,
  member: { id: number; displayName: string },
  now: Date,
  timezone: string,
): MemberStats {
  const answers = repos.scores.answersOf(member.id);
  const lessonOf = new Map(questions.map((q) => [q.id, q.lesson]));
  const perLesson = new Map<number, { lesson: number; right: number; total: number }>();
  for (const a of answers) {
    const lesson = lessonOf.get(a.questionId);
    if (lesson === undefined) continue;
    const entry = perLesson.get(lesson) ?? { lesson, right: 0, total: 0 };
    entry.total++;
    if (a.correct) entry.right++;
    perLesson.set(lesson, entry);
  }
  const { week, all, streak, due } = loadStanding(repos, communityId, member.id, now, timezone);
  return {
    name: member.displayName,
    week,
    all,
    right: answers.filter((a) => a.correct).length,
    total: answers.length,
    perLesson: [...perLesson.values()].sort((a, b) => a.lesson - b.lesson),
    streak,
    due,
    reflections: repos.reflections.countByMember(member.id),
  };
}

/**
 * The final board of a week, for the scheduler: kept with the signature it calls while src/scheduler moves to
 * loadBoard + renderFinalWeekBoard itself. Only `quiz.deps.repos` is read.
 */
export function renderWeeklyBoard(
  quiz: { deps: { repos: BoardRepos } },
  communityId: number,
  range: Range,
  t: Translate,
  locale: Locale,
): OutMessage {
  return renderFinalWeekBoard(loadBoard(quiz.deps.repos, communityId, range), t, locale);
}
