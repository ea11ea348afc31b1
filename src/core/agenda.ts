// A lesson's agenda as a neutral message: when (local and relative), objectives, topics, pre-reading, prompts.
import type { ScheduledLesson } from './calendar.ts';
import { formatDateTime, formatRelative } from './format-time.ts';
import type { Locale, Translate } from './i18n.ts';
import type { OutMessage } from './message.ts';

/** What the agenda shows of a lesson. */
export interface AgendaLesson {
  number: number;
  title: string;
  summary?: string;
  objectives: string[];
  topics: string[];
  preReading: string[];
  reflectionPrompts: string[];
}

export interface AgendaView {
  now: Date;
  timezone: string;
  locale: Locale;
  t: Translate;
}

const bullets = (items: string[]) => items.map((i) => `- ${i}`).join('\n');

export function renderAgenda(item: ScheduledLesson<AgendaLesson>, view: AgendaView): OutMessage {
  const { lesson, startsAt, endsAt } = item;
  const { now, timezone, locale, t } = view;
  const when = t('agenda.when', {
    date: formatDateTime(startsAt, timezone, locale),
    relative: formatRelative(startsAt, now, locale),
  });
  const status =
    startsAt <= now && endsAt > now
      ? [t('agenda.inProgress', { relative: formatRelative(startsAt, now, locale) })]
      : endsAt <= now
        ? [t('agenda.past')]
        : [];
  return {
    title: `📚 ${t('agenda.title', { number: lesson.number, title: lesson.title })}`,
    text: [when, ...status, ...(lesson.summary ? [lesson.summary] : [])].join('\n'),
    fields: [
      { name: t('agenda.objectives'), value: bullets(lesson.objectives) },
      { name: t('agenda.topics'), value: bullets(lesson.topics) },
      { name: t('agenda.preReading'), value: bullets(lesson.preReading) },
      { name: t('agenda.prompts'), value: bullets(lesson.reflectionPrompts) },
    ],
    footer: t('agenda.footer', { timezone }),
  };
}
