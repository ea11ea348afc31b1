// The /config settings as a table: each one reads and checks its typed value, says which community fields it stores,
// how "Done: …" names it, and which row of the /config show table displays it. The command only looks one up.
import { DateTime } from 'luxon';
import type { ContentStore } from '../src/content/store.ts';
import { UserError } from '../src/core/errors.ts';
import type { Place } from '../src/core/events.ts';
import { formatDateTime } from '../src/core/format-time.ts';
import { matchLocale, type Locale, type MessageKey, type Translate } from '../src/core/i18n.ts';
import { channelMention, type OutMessage } from '../src/core/message.ts';
import { formatLead, parseLead } from '../src/core/schedule-plan.ts';
import { isRealLocalDate, isValidTimeZone, LOCAL_DATE_TIME } from '../src/core/time.ts';
import { formatWeekdays, parseWeekdays } from '../src/core/weekdays.ts';
import type { CommunityRepository } from '../src/db/repos/communities.ts';
import type { CommunityRow, ScheduledRunRow } from '../src/db/schema.ts';

/** What a setting reads, stores and shows with: the words of the reply, the community's zone, the course, the clock. */
export interface SettingEnv {
  t: Translate;
  locale: Locale;
  /** The zone this community reads times in: its own, else the bot's. */
  timezone: string;
  now: Date;
  /** Where /config was typed (the channel setting stores it). */
  place: Place;
  content: ContentStore;
}

/** The community fields a setting may change. */
export type CommunityChanges = Parameters<CommunityRepository['update']>[1];

/** One row of the /config show table. */
export interface ShowRow {
  label: MessageKey;
  value(community: CommunityRow, env: SettingEnv): string;
}

/**
 * One /config setting. Declared with methods, whose parameters TypeScript checks bivariantly, so a definition of any
 * value type is a SettingDefinition<unknown> for the table and the command; each one's parse feeds only its own store.
 */
export interface SettingDefinition<V> {
  /** Given when the value is missing; a setting without one takes no value (channel, pause, resume). */
  example?: string;
  /** The typed value, read and checked: a UserError naming it when it is not one ('' when the setting takes none). */
  parse(text: string, env: SettingEnv): V;
  /** The row changes that save it. */
  store(value: V, community: CommunityRow, env: SettingEnv): CommunityChanges;
  /** The "Done: …" text, in the words of the reply after saving. */
  saved(value: V, env: SettingEnv): string;
  /** The row of the /config show table that displays it. */
  row: ShowRow;
  /** It makes this channel the place of posts: what the bot may not do here is said at once. */
  warnsOfBotLacks?: boolean;
}

const defineSetting = <V>(definition: SettingDefinition<V>): SettingDefinition<V> => definition;
const zoneOf = (c: CommunityRow, env: SettingEnv) => c.timezone ?? env.timezone;
const usage = (message: string) => new UserError('usage', message);
const assigned = (row: ShowRow, { t }: SettingEnv, value: string) => `${t(row.label)} = ${value}`;

/** The /config show table, in the order it is shown. */
export const ROWS = {
  channel: {
    label: 'config.channel',
    value: (c, { t }) => (c.announceChannelId ? channelMention(c.announceChannelId) : t('config.noChannel')),
  },
  timezone: { label: 'config.timezone', value: zoneOf },
  locale: { label: 'config.locale', value: (c, { locale }) => c.locale ?? locale },
  firstClass: {
    label: 'config.firstClass',
    value(c, env) {
      const first = env.content.scheduleFor(c.firstClass)[0];
      if (!first) return '—';
      const when = formatDateTime(first.startsAt, zoneOf(c, env), env.locale);
      // Its own first class only when it is a real one (one stored before dates were checked falls back).
      return c.firstClass && isRealLocalDate(c.firstClass) ? when : env.t('config.courseCalendar', { when });
    },
  },
  quizTime: {
    label: 'config.quizTime',
    value: (c, { t, locale }) =>
      t('config.quizTimeValue', { time: c.quizTime, days: formatWeekdays(c.quizDays, locale) }),
  },
  agendaLead: {
    label: 'config.agendaLead',
    value: (c, { t }) => t('config.agendaLeadValue', { lead: formatLead(c.agendaLeadMinutes) }),
  },
  reminders: {
    label: 'config.reminders',
    value: (c, { t }) =>
      t('config.remindersValue', { leads: c.reminderLeadsMinutes.map(formatLead).join(', ') }),
  },
  digest: {
    label: 'config.digest',
    value: (c, { t }) =>
      c.digestChannelId
        ? t('config.digestValue', { channel: channelMention(c.digestChannelId) }) +
          (c.announceChannelId ? '' : ` ${t('config.digestWaits')}`)
        : t('config.digestOff'),
  },
  events: {
    label: 'config.events',
    value: (c, { t }) => t(c.eventsEnabled ? 'config.eventsOn' : 'config.eventsOff'),
  },
  status: { label: 'config.status', value: (c, { t }) => t(c.paused ? 'config.paused' : 'config.active') },
} satisfies Record<string, ShowRow>;

/** pause and resume: the same switch, thrown one way or the other. */
const statusSetting = (pause: boolean) =>
  defineSetting({
    parse: () => pause,
    store: (paused, c, { now }) => ({
      paused,
      // What falls due while paused is not caught up on resume.
      activeSince: !paused && c.paused ? now : c.activeSince,
    }),
    saved: (paused, { t }) => `${t(ROWS.status.label)}: ${t(paused ? 'config.paused' : 'config.active')}`,
    row: ROWS.status,
  });

/** Every setting, in the order of the option's choices (after show, which only displays the table). */
export const SETTINGS = {
  channel: defineSetting({
    parse: (_, { place }) => place.channelId,
    store: (channelId, c, { now }) => ({
      announceChannelId: channelId,
      activeSince: c.announceChannelId ? c.activeSince : now,
    }),
    saved: (channelId, env) => assigned(ROWS.channel, env, channelMention(channelId)),
    row: ROWS.channel,
    warnsOfBotLacks: true,
  }),
  timezone: defineSetting({
    example: '/config timezone America/Sao_Paulo',
    parse(text, { t }) {
      const zone = text.trim();
      if (!isValidTimeZone(zone)) throw usage(t('config.badTimezone', { value: zone.slice(0, 60) }));
      return zone;
    },
    store: (timezone) => ({ timezone }),
    saved: (zone, env) => assigned(ROWS.timezone, env, zone),
    row: ROWS.timezone,
  }),
  locale: defineSetting({
    example: '/config locale pt-BR',
    parse(text, { t }) {
      const value = text.trim();
      const chosen = matchLocale(value);
      if (!chosen || !/^(pt(-br)?|en(-\w+)?)$/i.test(value)) throw usage(t('config.badLocale'));
      return chosen;
    },
    store: (locale) => ({ locale }),
    saved: (locale, env) => assigned(ROWS.locale, env, locale),
    row: ROWS.locale,
  }),
  schedule: defineSetting({
    example: '/config schedule 2026-11-10T19:00',
    parse(text, { t, timezone, content }) {
      const typed = text.trim();
      const bad = () => usage(t('config.badSchedule', { value: typed.slice(0, 40) }));
      if (!isRealLocalDate(typed)) throw bad();
      const first = DateTime.fromISO(typed.replace(' ', 'T'), { zone: timezone });
      // Typed in the community's time, stored in the course's, where the calendar is built.
      const firstClass = first.setZone(content.course.timezone).toFormat(LOCAL_DATE_TIME);
      if (!first.isValid || !isRealLocalDate(firstClass)) throw bad();
      return { firstClass, startsAt: first.toJSDate() };
    },
    store: ({ firstClass }) => ({ firstClass }),
    saved: ({ startsAt }, env) =>
      assigned(ROWS.firstClass, env, formatDateTime(startsAt, env.timezone, env.locale)),
    row: ROWS.firstClass,
  }),
  agenda: defineSetting({
    example: '/config agenda 24h',
    parse(text, { t }) {
      const lead = parseLead(text);
      if (lead === undefined) throw usage(t('config.badAgendaLead'));
      return lead;
    },
    store: (agendaLeadMinutes) => ({ agendaLeadMinutes }),
    saved: (lead, env) =>
      assigned(ROWS.agendaLead, env, env.t('config.agendaLeadValue', { lead: formatLead(lead) })),
    row: ROWS.agendaLead,
  }),
  'quiz-time': defineSetting({
    example: '/config quiz-time 09:00',
    parse(text, { t }) {
      const m = /^([01]?\d|2[0-3])[:h]([0-5]\d)$/.exec(text.trim());
      if (!m) throw usage(t('config.badTime', { value: text.trim().slice(0, 40) }));
      return `${m[1]!.padStart(2, '0')}:${m[2]}`;
    },
    store: (quizTime) => ({ quizTime }),
    saved: (quizTime, env) => assigned(ROWS.quizTime, env, quizTime),
    row: ROWS.quizTime,
  }),
  'quiz-days': defineSetting({
    example: '/config quiz-days seg,ter,qua,qui,sex',
    parse(text, { t }) {
      const days = parseWeekdays(text);
      if (!days) throw usage(t('config.badDays', { value: text.trim().slice(0, 40) }));
      return days;
    },
    store: (quizDays) => ({ quizDays }),
    saved: (days, env) => assigned(ROWS.quizTime, env, formatWeekdays(days, env.locale)),
    row: ROWS.quizTime,
  }),
  reminders: defineSetting({
    example: '/config reminders 24h,1h',
    parse(text, { t }) {
      const leads = text
        .split(/[,\s]+/)
        .filter(Boolean)
        .map(parseLead);
      if (leads.length === 0 || leads.some((l) => l === undefined)) throw usage(t('config.badLeads'));
      return [...new Set(leads as number[])].sort((a, b) => b - a);
    },
    store: (reminderLeadsMinutes) => ({ reminderLeadsMinutes }),
    saved: (leads, env) => assigned(ROWS.reminders, env, leads.map(formatLead).join(', ')),
    row: ROWS.reminders,
  }),
  digest: defineSetting({
    parse(text, { t, place }) {
      const typed = text.trim();
      if (!typed) return place.channelId;
      if (/^(off|none|desligado|desligar|nenhum)$/i.test(typed)) return null;
      // A channel link as each platform types it: Discord <#123>, Slack <#C123|name>, the shell #name.
      const link = /^<#([\w.-]{1,64})(?:\|[^>]*)?>$/.exec(typed) ?? /^#([\w.-]{1,64})$/.exec(typed);
      if (!link) throw usage(t('config.badDigest'));
      return link[1]!;
    },
    store: (digestChannelId) => ({ digestChannelId }),
    saved: (channelId, env) =>
      assigned(
        ROWS.digest,
        env,
        channelId
          ? env.t('config.digestValue', { channel: channelMention(channelId) })
          : env.t('config.digestOff'),
      ),
    row: ROWS.digest,
  }),
  events: defineSetting({
    example: '/config events on',
    parse(text, { t, place }) {
      if (place.platform !== 'discord') throw new UserError('wrong-platform', t('config.eventsDiscordOnly'));
      const typed = text.trim().toLowerCase();
      const on = /^(on|ligar|ligados?|sim)$/.test(typed);
      if (!on && !/^(off|desligar|desligados?|n[aã]o)$/.test(typed)) throw usage(t('config.badEvents'));
      // Checked before anything is stored: Discord says what the bot may do (app_permissions).
      if (on && place.botLacks?.includes('createEvents'))
        throw new UserError('bot-lacks', t('config.eventsNoPermission'));
      return on;
    },
    store: (eventsEnabled) => ({ eventsEnabled }),
    saved: (on, env) => assigned(ROWS.events, env, env.t(on ? 'config.eventsOn' : 'config.eventsOff')),
    row: ROWS.events,
  }),
  pause: statusSetting(true),
  resume: statusSetting(false),
} satisfies Record<string, SettingDefinition<unknown>>;

export type SettingName = keyof typeof SETTINGS;
/** The setting names in choice order (the object's own keys: the cast tells no lie). */
export const SETTING_NAMES = Object.keys(SETTINGS) as SettingName[];

/** The /config show table, and the post that keeps failing if there is one (an admin must hear about it). */
export function renderSettings(
  c: CommunityRow,
  failure: ScheduledRunRow | undefined,
  env: SettingEnv,
): OutMessage {
  const { t } = env;
  const rows: ShowRow[] = Object.values(ROWS);
  return {
    title: t('config.title'),
    fields: [
      ...rows.map((row) => ({ name: t(row.label), value: row.value(c, env), inline: true })),
      ...(failure
        ? [{ name: t('config.failing'), value: failingValue(failure, c, env), inline: false }]
        : []),
    ],
    ephemeral: true,
  };
}

function failingValue(run: ScheduledRunRow, c: CommunityRow, env: SettingEnv): string {
  const error = (run.lastError ?? '')
    .replace(/\s+/g, ' ')
    .slice(0, 200)
    .replace(/[.\s]+$/, '');
  return env.t('config.failingValue', {
    post: env.t(`run.${run.kind}`),
    when: formatDateTime(run.scheduledFor, zoneOf(c, env), env.locale),
    error,
    attempts: run.attempts,
  });
}
