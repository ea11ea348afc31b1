// The monitors' open question reports (/insights reports) and the pre-class digest post, from rows already read.
import type { Locale, MessageKey, Translate } from './i18n.ts';
import { type InsightItem, lessonBars, missedLines } from './insights-render.ts';
import { type OutMessage, userText } from './message.ts';
import { truncate } from './text.ts';

export type ReportReasonKind = 'wrong-key' | 'ambiguous' | 'typo' | 'other';

/** An open report as listed. */
export interface ReportView {
  id: number;
  questionId: string;
  reason: ReportReasonKind;
  text: string | null;
  memberName: string;
}

const REASON_LABEL: Record<ReportReasonKind, MessageKey> = {
  'wrong-key': 'insights.reasonWrongKey',
  ambiguous: 'insights.reasonAmbiguous',
  typo: 'insights.reasonTypo',
  other: 'insights.reasonOther',
};

export const reasonText = (reason: ReportReasonKind, t: Translate) => t(REASON_LABEL[reason]);

/** Open reports grouped by question (most reported first), with the reasons counted and each report's id. */
export function reportLines(reports: readonly ReportView[], t: Translate, withText = true): string[] {
  const byQuestion = new Map<string, ReportView[]>();
  for (const r of reports) byQuestion.set(r.questionId, [...(byQuestion.get(r.questionId) ?? []), r]);
  const groups = [...byQuestion.entries()].sort(
    (a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]),
  );
  return groups.map(([questionId, list]) => {
    const reasons = new Map<ReportReasonKind, number>();
    for (const r of list) reasons.set(r.reason, (reasons.get(r.reason) ?? 0) + 1);
    const counted = [...reasons.entries()].map(([reason, n]) => `${reasonText(reason, t)} ×${n}`).join(', ');
    const head = t('insights.reportGroup', { id: questionId, count: list.length, reasons: counted });
    if (!withText) return head;
    const each = list.map((r) => {
      const note = r.text ? `: “${userText(truncate(r.text.replace(/\s+/g, ' '), 200))}”` : '';
      return `   #${r.id} ${userText(r.memberName)} — ${reasonText(r.reason, t)}${note}`;
    });
    return [head, ...each].join('\n');
  });
}

/** /insights reports: every open report (at most those read), grouped by question. */
export function renderReports(reports: readonly ReportView[], total: number, t: Translate): OutMessage {
  const shown =
    total > reports.length ? `\n\n${t('insights.reportsShown', { shown: reports.length, total })}` : '';
  return {
    title: t('insights.reportsTitle', { count: total }),
    text: reports.length
      ? `${reportLines(reports, t).join('\n\n')}${shown}\n\n${t('insights.resolveHint')}`
      : t('insights.reportsNone'),
    ephemeral: true,
  };
}

/** What the pre-class digest shows. */
export interface DigestView {
  lesson: { number: number; title: string };
  lessons: { lesson: number; right: number; n: number }[];
  missed: InsightItem[];
  reports: { open: readonly ReportView[]; total: number };
  reflections: { count: number; first: { name: string; text: string }[] };
}

/** Questions with open reports listed in the digest (most reported first). */
export const DIGEST_REPORT_GROUPS = 10;

/** The first `lines` lines of a text, each bounded. */
const firstLines = (text: string, lines = 3) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, lines)
    .map((l) => truncate(l, 200));

/** The monitors' digest before a class: last week's accuracy, most missed, open reports, reflections. */
export function renderDigest(view: DigestView, t: Translate, locale: Locale): OutMessage {
  const { reports, reflections } = view;
  const reflectionText = reflections.first.map((r) => {
    const lines = firstLines(r.text).map((l) => `> ${userText(l)}`);
    return `**${userText(r.name)}**\n${lines.join('\n')}`;
  });
  return {
    title: t('digest.title', { number: view.lesson.number, title: view.lesson.title }),
    text: [
      `**${t('digest.lessonsTitle')}**\n${view.lessons.length ? lessonBars(view.lessons, t, locale).join('\n') : t('insights.noAnswers')}`,
      `**${t('insights.missedTitle')}**\n${view.missed.length ? missedLines(view.missed, t, locale).join('\n') : t('insights.noneMissed')}`,
      `**${t('digest.reportsTitle', { count: reports.total })}**\n${reports.total ? reportLines(reports.open, t, false).slice(0, DIGEST_REPORT_GROUPS).join('\n') : t('insights.reportsNone')}`,
      `**${t('digest.reflectionsTitle', { count: reflections.count, number: view.lesson.number })}**${reflectionText.length ? `\n${reflectionText.join('\n\n')}` : ''}`,
    ].join('\n\n'),
    footer: t('digest.footer'),
  };
}
