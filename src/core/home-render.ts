// A member's home (Slack's App Home tab) as neutral sections, built from figures already fetched (src/quiz/home.ts
// fetches them): progress, reviews due with a practice button, the next lesson with a reflection button, and the
// last question of the day. Platforms lay the sections out (src/platforms/slack/home.ts); no queries here.
import type { MemberStats } from './board-render.ts';
import { formatDateTime, formatRelative, formatShortDateTime } from './format-time.ts';
import type { Locale, Translate } from './i18n.ts';
import { type OutMessage, userText } from './message.ts';

/** The home's buttons; a platform routes them to its own handling (practice in a DM, the reflection form). */
export const HOME_BUTTONS = { practice: 'home:practice', reflect: 'home:reflect' } as const;
export type HomeButton = (typeof HOME_BUTTONS)[keyof typeof HOME_BUTTONS];
export const isHomeButton = (id: string): id is HomeButton =>
  id === HOME_BUTTONS.practice || id === HOME_BUTTONS.reflect;

/** What the home shows of the next lesson. */
export interface HomeLesson {
  number: number;
  title: string;
  objectives: string[];
  reflectionPrompts: string[];
}

/** The member's result on the community's latest question of the day. */
export interface HomeDaily {
  lesson: number;
  /** Closed (revealed): the right answer may be shown. */
  closed: boolean;
  closesAt?: Date;
  /** The right choice; shown only once the question has closed. */
  rightChoice: string;
  answer?: { choice: string; correct: boolean };
}

export interface MemberHome {
  stats: Pick<MemberStats, 'name' | 'week' | 'all' | 'streak' | 'due'>;
  next?: { lesson: HomeLesson; startsAt: Date };
  lastDaily?: HomeDaily;
}

export interface HomeViewOptions {
  now: Date;
  timezone: string;
  locale: Locale;
  t: Translate;
}

const bullets = (items: string[]) => items.map((i) => `- ${i}`).join('\n');

function dailyText(daily: HomeDaily | undefined, { t, timezone, locale }: HomeViewOptions): string {
  if (!daily) return t('home.dailyNone');
  const { lesson, answer } = daily;
  const time = daily.closesAt ? formatShortDateTime(daily.closesAt, timezone, locale) : '—';
  if (!answer)
    return daily.closed
      ? t('home.dailyMissed', { lesson, answer: daily.rightChoice })
      : t('home.dailyOpen', { lesson, time });
  if (answer.correct) return t('home.dailyRight', { lesson, choice: answer.choice });
  return daily.closed
    ? t('home.dailyWrongClosed', { lesson, choice: answer.choice, answer: daily.rightChoice })
    : t('home.dailyWrongOpen', { lesson, choice: answer.choice, time });
}

/** The home as sections, in order: progress, reviews, next lesson, question of the day. */
export function renderHome(home: MemberHome, view: HomeViewOptions): OutMessage[] {
  const { now, timezone, locale, t } = view;
  const { stats } = home;
  const rank = (r?: number) => (r ? `#${r}` : t('stats.unranked'));
  const progress: OutMessage = {
    title: t('home.title', { name: userText(stats.name) }),
    fields: [
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
        name: t('stats.streak'),
        value: t('stats.streakValue', { current: stats.streak.current, best: stats.streak.best }),
        inline: true,
      },
    ],
    footer: t('home.updated', { time: formatShortDateTime(now, timezone, locale) }),
  };
  const reviews: OutMessage = {
    title: t('home.reviewsTitle'),
    text: stats.due ? t('home.reviewsDue', { count: stats.due }) : t('home.reviewsNone'),
    buttons: [{ id: HOME_BUTTONS.practice, label: t('home.practice'), style: 'primary' }],
    footer: t('home.practiceWhere'),
  };
  const next: OutMessage = home.next
    ? {
        title: `📚 ${t('agenda.title', { number: home.next.lesson.number, title: home.next.lesson.title })}`,
        text: t('agenda.when', {
          date: formatDateTime(home.next.startsAt, timezone, locale),
          relative: formatRelative(home.next.startsAt, now, locale),
        }),
        fields: [
          { name: t('agenda.objectives'), value: bullets(home.next.lesson.objectives) },
          { name: t('agenda.prompts'), value: bullets(home.next.lesson.reflectionPrompts) },
        ],
        buttons: [{ id: HOME_BUTTONS.reflect, label: t('home.reflect') }],
      }
    : { title: t('home.nextTitle'), text: t('home.noNext') };
  const daily: OutMessage = { title: t('home.dailyTitle'), text: dailyText(home.lastDaily, view) };
  return [progress, reviews, next, daily];
}
