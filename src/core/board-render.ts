// Leaderboard and stats messages, built from rows already fetched (src/quiz/boards.ts fetches them): no queries here.
import type { Locale, MessageKey, Translate } from './i18n.ts';
import { type Field, type OutMessage, userText } from './message.ts';
import type { Period } from './periods.ts';
import { formatShare } from './quiz-render.ts';
import { competitionRanks } from './ranking.ts';

/** One line of a board: a member's points in the period, right/total answers in it, and current daily streak. */
export interface BoardEntry {
  memberId: number;
  name: string;
  points: number;
  right: number;
  total: number;
  streak: number;
}

/** A /leaderboard: the top entries, highest first, and the caller's own line when the caller is not among them. */
export interface Leaderboard {
  entries: BoardEntry[];
  /** The caller's rank and line, or 'unranked' (no points in the period); absent when in the entries or none. */
  own?: { rank: number; entry: BoardEntry } | 'unranked';
}

/** Points and competition rank in a period; no rank without points. */
export interface Standing {
  points: number;
  rank?: number;
}

/** What /stats shows of a member. */
export interface MemberStats {
  name: string;
  week: Standing;
  all: Standing;
  /** Right and total answers, all time and of every kind. */
  right: number;
  total: number;
  /** Right and total answers per lesson, lesson order. */
  perLesson: { lesson: number; right: number; total: number }[];
  streak: { current: number; best: number };
  due: number;
  reflections: number;
}

const PERIOD_LABEL: Record<Period, MessageKey> = {
  week: 'board.week',
  month: 'board.month',
  all: 'board.all',
};

const boardLine = (rank: number, entry: BoardEntry, t: Translate, locale: Locale) =>
  t('board.line', {
    rank,
    name: userText(entry.name),
    points: entry.points,
    accuracy: formatShare(entry.right, entry.total, locale),
    streak: entry.streak,
  });

const boardLines = (entries: BoardEntry[], t: Translate, locale: Locale) =>
  competitionRanks(entries).map(({ rank, row }) => boardLine(rank, row, t, locale));

/** Top of the period with points, accuracy and streak; the caller's own line when outside it. */
export function renderLeaderboard(
  board: Leaderboard,
  period: Period,
  t: Translate,
  locale: Locale,
): OutMessage {
  const label = t(PERIOD_LABEL[period]);
  if (board.entries.length === 0) return { text: t('board.empty', { period: label }) };
  const lines = boardLines(board.entries, t, locale);
  if (board.own) {
    lines.push('…');
    lines.push(
      board.own === 'unranked' ? t('board.notRanked') : boardLine(board.own.rank, board.own.entry, t, locale),
    );
  }
  return { title: t('board.title', { period: label }), text: lines.join('\n') };
}

/** The final board of a week, posted by the scheduler. */
export function renderFinalWeekBoard(entries: BoardEntry[], t: Translate, locale: Locale): OutMessage {
  return {
    title: t('sched.boardTitle'),
    text: entries.length
      ? boardLines(entries, t, locale).join('\n')
      : t('board.empty', { period: t('board.week') }),
  };
}

/** Points, rank, accuracy (overall and per lesson), streaks, reviews due and reflections of a member. */
export function renderStats(stats: MemberStats, t: Translate, locale: Locale): OutMessage {
  const rank = (r?: number) => (r ? `#${r}` : t('stats.unranked'));
  const fields: Field[] = [
    {
      name: t('stats.points'),
      value: t('stats.pointsValue', { week: stats.week.points, all: stats.all.points }),
      inline: true,
    },
    {
      name: t('stats.rank'),
      value: t('stats.rankValue', { week: rank(stats.week.rank), all: rank(stats.all.rank) }),
      inline: true,
    },
    {
      name: t('stats.accuracy'),
      value: stats.total
        ? t('stats.accuracyValue', {
            share: formatShare(stats.right, stats.total, locale),
            right: stats.right,
            total: stats.total,
          })
        : t('stats.noAnswers'),
    },
    {
      name: t('stats.streak'),
      value: t('stats.streakValue', { current: stats.streak.current, best: stats.streak.best }),
      inline: true,
    },
    { name: t('stats.due'), value: String(stats.due), inline: true },
    { name: t('stats.reflections'), value: String(stats.reflections), inline: true },
  ];
  if (stats.perLesson.length) {
    const lines = stats.perLesson.map(
      (s) => `${s.lesson}: ${formatShare(s.right, s.total, locale)} (${s.right}/${s.total})`,
    );
    fields.push({ name: t('stats.perLesson'), value: lines.join('\n') });
  }
  return { title: t('stats.title', { name: userText(stats.name) }), fields, ephemeral: true };
}
