// `npm run content:report`: the item analysis of every question as a Markdown table, worst first, with the flags in
// plain words, so the question bank can be fixed from evidence.
import type { Locale, Translate } from './i18n.ts';
import { flagText, type InsightItem } from './insights-render.ts';
import { formatShare } from './quiz-render.ts';
import { truncate } from './text.ts';

/** A table cell: one line, pipes escaped. */
const cell = (text: string) => text.replace(/\s+/g, ' ').replace(/\|/g, '\\|');

export function renderContentReport(
  items: readonly InsightItem[],
  answers: number,
  t: Translate,
  locale: Locale,
): string {
  const decimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const header = [
    '| question | lesson | n | % right | most chosen wrong | discrimination | flags | prompt |',
    '|---|---:|---:|---:|---|---:|---|---|',
  ];
  const rows = items.map(({ question, analysis: a }) =>
    [
      '',
      `\`${question.id}\``,
      question.lesson,
      a.n,
      a.n ? formatShare(a.right, a.n, locale) : '—',
      a.topWrong ? `${a.topWrong.letter} (${formatShare(a.topWrong.count, a.n, locale)})` : '—',
      a.discrimination === undefined ? '—' : decimal.format(a.discrimination),
      a.flags.length ? cell(a.flags.map((f) => flagText(f, t)).join('; ')) : '',
      cell(truncate(question.prompt, 80)),
      '',
    ]
      .join(' | ')
      .trim(),
  );
  const flagged = items.filter((i) => i.analysis.flags.length > 0).length;
  return [
    `# Item analysis: ${items.length} questions, ${answers} answers, ${flagged} flagged`,
    '',
    ...header,
    ...rows,
    '',
  ].join('\n');
}
