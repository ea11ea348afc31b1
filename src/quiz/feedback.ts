// What a learner sees after answering a practice card: right or wrong, points, the explanation, the glossary term,
// when the card comes back, and a "next" button. Replaces the question card.
import type { BankQuestion, GlossaryEntry } from '../content/schemas.ts';
import { formatRelative } from '../core/format-time.ts';
import type { Locale, Translate } from '../core/i18n.ts';
import type { Field, OutMessage } from '../core/message.ts';
import { answerLine, reportButton } from '../core/quiz-render.ts';
import { truncate } from '../core/text.ts';

export interface FeedbackView {
  t: Translate;
  locale: Locale;
  timezone: string;
  glossary: readonly GlossaryEntry[];
  nextDue?: Date;
  now?: Date;
  /** Set when a right answer earned nothing because today's practice cap was reached. */
  capped?: number;
  nextButton: string;
}

export function renderAnswerFeedback(
  question: BankQuestion,
  choice: string,
  points: number,
  view: FeedbackView,
): OutMessage {
  const { t } = view;
  const correct = question.answer === choice;
  const verdict = correct
    ? t('quiz.right', { letter: question.answer })
    : t('quiz.wrong', { choice, letter: question.answer });
  const lines = [
    verdict + (points > 0 ? ` ${t('quiz.points', { points })}` : ''),
    '',
    question.prompt,
    answerLine(question, t),
    question.explanation,
  ];
  if (view.capped) lines.push('', t('quiz.practiceCapped', { cap: view.capped }));
  const fields: Field[] = [];
  const terms = question.glossary
    .map((id) => view.glossary.find((g) => g.id === id))
    .filter((g): g is GlossaryEntry => Boolean(g))
    .slice(0, 2);
  if (terms.length) {
    fields.push({
      name: t('quiz.seeAlso'),
      value: terms.map((g) => `**${g.term}** — ${truncate(g.definition, 160)}`).join('\n'),
    });
  }
  if (view.nextDue && view.now)
    lines.push('', t('quiz.nextReview', { when: formatRelative(view.nextDue, view.now, view.locale) }));
  return {
    text: lines.join('\n'),
    fields,
    buttons: [{ id: view.nextButton, label: t('quiz.next'), style: 'success' }, reportButton(question.id, t)],
    ephemeral: true,
    replace: true,
  };
}
