// Quiz messages: questions with lettered choices in the text and letters on the buttons (so no choice ever meets a
// platform's button-length limit), feedback, reveals, standings, leaderboards and stats.
import type { Translate } from './i18n.ts';
import { type Button, type Field, type OutMessage, userText } from './message.ts';
import { competitionRanks } from './ranking.ts';

export const CHOICE_LETTERS = ['A', 'B', 'C', 'D', 'E'] as const;

/** What rendering needs of a question. */
export interface RenderQuestion {
  id: string;
  prompt: string;
  choices: string[];
  answer: string;
  explanation: string;
  lesson: number;
}

export const answerButtonId = (instanceId: number, letter: string) => `qa:${instanceId}:${letter}`;

/** The "⚑ Reportar problema" button under practice feedback and daily reveals (handled by /report). */
export const reportButton = (questionId: string, t: Translate): Button => ({
  id: `rp:${questionId}`,
  label: t('report.button'),
  style: 'secondary',
});

export function renderQuestion(
  question: RenderQuestion,
  instanceId: number,
  view: { title: string; footer?: string; ephemeral?: boolean; replace?: boolean },
): OutMessage {
  const choices = question.choices.map((c, i) => `**${CHOICE_LETTERS[i]})** ${c}`).join('\n');
  const buttons: Button[] = question.choices.map((_, i) => ({
    id: answerButtonId(instanceId, CHOICE_LETTERS[i]!),
    label: CHOICE_LETTERS[i]!,
    style: 'primary',
  }));
  return {
    title: view.title,
    text: `${question.prompt}\n\n${choices}`,
    buttons,
    footer: view.footer,
    ephemeral: view.ephemeral,
    replace: view.replace,
  };
}

/** "Resposta: B) texto" line. */
export function answerLine(question: RenderQuestion, t: Translate): string {
  const i = CHOICE_LETTERS.indexOf(question.answer as (typeof CHOICE_LETTERS)[number]);
  return t('quiz.answerIs', { letter: question.answer, text: question.choices[i] ?? '' });
}

export const formatShare = (part: number, whole: number, locale: string) =>
  whole === 0
    ? '—'
    : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(part / whole);

/** The daily reveal: right answer, explanation, share right, participants. */
export function renderReveal(
  question: RenderQuestion,
  stats: { participants: number; right: number },
  t: Translate,
  locale: string,
): OutMessage {
  const result =
    stats.participants === 0
      ? t('quiz.revealNobody')
      : t('quiz.revealStats', {
          right: stats.right,
          participants: stats.participants,
          share: formatShare(stats.right, stats.participants, locale),
        });
  return {
    title: t('quiz.revealTitle'),
    text: [question.prompt, '', answerLine(question, t), question.explanation, '', result].join('\n'),
    buttons: [reportButton(question.id, t)],
  };
}

export interface StandingRow {
  name: string;
  points: number;
}

/** Ranked lines, ties sharing a rank: "1. ana — 18 pts". */
export function standingLines(rows: StandingRow[], limit = 10): string {
  const medals = ['🥇', '🥈', '🥉'];
  return competitionRanks(rows.slice(0, limit))
    .map(({ rank, row }) => `${medals[rank - 1] ?? `${rank}.`} ${userText(row.name)} — ${row.points} pts`)
    .join('\n');
}

/** Closing of a live question: the answer, its explanation and the standings so far. */
export function renderLiveClose(
  question: RenderQuestion,
  standings: StandingRow[],
  heading: string,
  t: Translate,
): OutMessage {
  const fields: Field[] = [
    {
      name: t('quiz.standings'),
      value: standings.length ? standingLines(standings, 5) : t('quiz.noAnswers'),
    },
  ];
  return { title: heading, text: `${answerLine(question, t)}\n${question.explanation}`, fields };
}

export function renderPodium(standings: StandingRow[], t: Translate, note?: string): OutMessage {
  return {
    title: t('quiz.podiumTitle'),
    text: [
      ...(note ? [note] : []),
      standings.length ? standingLines(standings, 10) : t('quiz.noAnswers'),
    ].join('\n'),
  };
}
