// The monitors' view as messages: the /insights overview, one question's item analysis, a lesson's questions. Built
// from figures already computed (src/quiz/insights.ts); renderers split long text to each platform's limits, and
// every list here is bounded so a big class never makes an unbounded message.
import type { Locale, MessageKey, Translate } from './i18n.ts';
import { type ItemAnalysis, type ItemFlag, MIN_EVIDENCE, shareBar } from './item-analysis.ts';
import { type OutMessage, userText } from './message.ts';
import type { Period } from './periods.ts';
import { formatShare } from './quiz-render.ts';
import { truncate } from './text.ts';

/** What rendering needs of a question. */
export interface InsightQuestion {
  id: string;
  prompt: string;
  lesson: number;
  choices: string[];
}

export interface InsightItem {
  question: InsightQuestion;
  analysis: ItemAnalysis;
}

export interface OverviewView {
  activity: {
    kinds: { kind: 'daily' | 'live' | 'practice'; answers: number; members: number }[];
    members: number;
  };
  lessons: { lesson: number; right: number; n: number }[];
  missed: InsightItem[];
  /** The next lesson and how many reflections it has. */
  reflections?: { lesson: number; count: number };
  stopped: { names: string[]; count: number };
}

/** Names of stopped members shown; the rest are counted. */
export const STOPPED_SHOWN = 30;

export const PERIOD_LABEL: Record<Period, MessageKey> = {
  week: 'board.week',
  month: 'board.month',
  all: 'board.all',
};

const KIND_LABEL: Record<'daily' | 'live' | 'practice', MessageKey> = {
  daily: 'insights.kindDaily',
  live: 'insights.kindLive',
  practice: 'insights.kindPractice',
};

const FLAG_LABEL: Record<ItemFlag['kind'], MessageKey> = {
  'too-hard': 'insights.flagTooHard',
  'too-easy': 'insights.flagTooEasy',
  'negative-discrimination': 'insights.flagNegative',
  'dead-distractors': 'insights.flagDeadDistractors',
};

/** A flag in plain words. */
export const flagText = (flag: ItemFlag, t: Translate) =>
  t(FLAG_LABEL[flag.kind], flag.kind === 'dead-distractors' ? { letters: flag.letters.join(', ') } : {});

const decimal = (n: number, locale: Locale) =>
  new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n);

/** `Aula 2 ▇▇▇▇▇▁▁▁ 62% (40)` lines, lesson order. */
export function lessonBars(lessons: OverviewView['lessons'], t: Translate, locale: Locale): string[] {
  return lessons.map((l) =>
    t('insights.lessonBar', {
      lesson: l.lesson,
      bar: shareBar(l.right / l.n),
      share: formatShare(l.right, l.n, locale),
      n: l.n,
    }),
  );
}

/** One most-missed line: id, % right, n, most chosen wrong letter; the prompt shortened below it. */
export function missedLines(items: readonly InsightItem[], t: Translate, locale: Locale): string[] {
  return items.map(({ question, analysis }, i) => {
    const wrong = analysis.topWrong
      ? t('insights.topWrong', {
          letter: analysis.topWrong.letter,
          share: formatShare(analysis.topWrong.count, analysis.n, locale),
        })
      : '';
    const head = t('insights.missedLine', {
      rank: i + 1,
      id: question.id,
      share: formatShare(analysis.right, analysis.n, locale),
      n: analysis.n,
      wrong,
    });
    return `${head}\n   _${truncate(question.prompt, 90)}_`;
  });
}

/** The /insights overview of a period. */
export function renderOverview(view: OverviewView, period: Period, t: Translate, locale: Locale): OutMessage {
  const { activity } = view;
  const kinds = activity.kinds
    .map((k) =>
      t('insights.kindCount', { kind: t(KIND_LABEL[k.kind]), answers: k.answers, members: k.members }),
    )
    .join(' · ');
  const answers = activity.kinds.reduce((s, k) => s + k.answers, 0);
  const parts = [
    t('insights.activity', { members: activity.members, answers }) + (kinds ? `\n${kinds}` : ''),
    `**${t('insights.lessonsTitle')}**\n${view.lessons.length ? lessonBars(view.lessons, t, locale).join('\n') : t('insights.noAnswers')}`,
    `**${t('insights.missedTitle')}**\n${view.missed.length ? missedLines(view.missed, t, locale).join('\n') : t('insights.noneMissed')}`,
  ];
  if (view.reflections)
    parts.push(t('insights.reflections', { lesson: view.reflections.lesson, count: view.reflections.count }));
  const { names, count } = view.stopped;
  const shown = names.slice(0, STOPPED_SHOWN).map(userText).join(', ');
  const more = count > STOPPED_SHOWN ? ` ${t('insights.andMore', { count: count - STOPPED_SHOWN })}` : '';
  parts.push(
    count === 0 ? t('insights.stoppedNone') : `${t('insights.stopped', { count })}\n${shown}${more}`,
  );
  return {
    title: t('insights.title', { period: t(PERIOD_LABEL[period]) }),
    text: parts.join('\n\n'),
    footer: t('insights.footer'),
    ephemeral: true,
  };
}

/** The discrimination line: the index, or why it is not shown. */
function discriminationText(analysis: ItemAnalysis, t: Translate, locale: Locale): string {
  if (analysis.discrimination !== undefined)
    return t('insights.discrimination', {
      value: decimal(analysis.discrimination, locale),
      members: analysis.discriminationN,
    });
  return analysis.discriminationN < MIN_EVIDENCE
    ? t('insights.discriminationFew', { members: analysis.discriminationN, min: MIN_EVIDENCE })
    : t('insights.discriminationFlat');
}

/** One question's item analysis: % right, n, spread over the letters, discrimination, flags. */
export function renderQuestionInsight(
  item: InsightItem,
  period: Period,
  t: Translate,
  locale: Locale,
): OutMessage {
  const { question, analysis } = item;
  const spread = analysis.spread.map((c) => {
    const i = question.choices.length > 0 ? 'ABCDE'.indexOf(c.letter) : -1;
    const label = question.choices[i] ? ` — ${truncate(question.choices[i], 60)}` : '';
    return `${c.letter}${c.right ? ' ✅' : ''} ${shareBar(c.share)} ${c.count} (${formatShare(c.count, analysis.n, locale)})${label}`;
  });
  const flags = analysis.flags.length
    ? analysis.flags.map((f) => `- ⚠️ ${flagText(f, t)}`).join('\n')
    : t('insights.noFlags');
  return {
    title: t('insights.questionTitle', { id: question.id, lesson: question.lesson }),
    text: [
      truncate(question.prompt, 500),
      analysis.n === 0
        ? t('insights.noAnswersYet')
        : t('insights.difficulty', { share: formatShare(analysis.right, analysis.n, locale), n: analysis.n }),
      `**${t('insights.spreadTitle')}**\n${spread.join('\n')}`,
      discriminationText(analysis, t, locale),
      `**${t('insights.flagsTitle')}**\n${flags}`,
    ].join('\n\n'),
    footer: t('insights.periodFooter', { period: t(PERIOD_LABEL[period]) }),
    ephemeral: true,
  };
}

/** Every question of a lesson, one line each, worst first (the caller sorts). */
export function renderLessonInsights(
  lesson: { number: number; title: string },
  items: readonly InsightItem[],
  period: Period,
  t: Translate,
  locale: Locale,
): OutMessage {
  const lines = items.map(({ question, analysis }) => {
    const disc =
      analysis.discrimination === undefined
        ? ''
        : ` · ${t('insights.discShort', { value: decimal(analysis.discrimination, locale) })}`;
    const flags = analysis.flags.length
      ? ` · ⚠️ ${analysis.flags.map((f) => flagText(f, t)).join('; ')}`
      : '';
    const figures =
      analysis.n === 0
        ? t('insights.noAnswersShort')
        : `${formatShare(analysis.right, analysis.n, locale)} · n=${analysis.n}`;
    return `- \`${question.id}\` ${figures}${disc}${flags}`;
  });
  return {
    title: t('insights.lessonTitle', { number: lesson.number, title: lesson.title }),
    text: lines.length ? lines.join('\n') : t('insights.lessonEmpty'),
    footer: t('insights.periodFooter', { period: t(PERIOD_LABEL[period]) }),
    ephemeral: true,
  };
}
