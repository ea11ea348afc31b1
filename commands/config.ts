import { defineCommand } from '../src/bot/command.ts';
import { channelMention } from '../src/core/message.ts';
import { DateTime } from 'luxon';
import { UserError } from '../src/core/errors.ts';
import { formatDateTime } from '../src/core/format-time.ts';
import { matchLocale, translator } from '../src/core/i18n.ts';
import { isRealLocalDate, isValidTimeZone } from '../src/core/time.ts';
import type { MessageKey } from '../src/core/i18n.ts';
import type { OutMessage } from '../src/core/message.ts';
import { formatLead, parseLead } from '../src/core/schedule-plan.ts';
import { formatWeekdays, parseWeekdays } from '../src/core/weekdays.ts';
import type { CommunityRow } from '../src/db/schema.ts';

const SETTINGS = [
  'show',
  'channel',
  'timezone',
  'locale',
  'schedule',
  'agenda',
  'quiz-time',
  'quiz-days',
  'reminders',
  'pause',
  'resume',
] as const;
const EXAMPLES: Partial<Record<(typeof SETTINGS)[number], string>> = {
  'quiz-time': '/config quiz-time 09:00',
  'quiz-days': '/config quiz-days seg,ter,qua,qui,sex',
  reminders: '/config reminders 24h,1h',
  agenda: '/config agenda 24h',
  timezone: '/config timezone America/Sao_Paulo',
  locale: '/config locale pt-BR',
  schedule: '/config schedule 2026-11-10T19:00',
};

export default defineCommand({
  name: 'config',
  adminOnly: true,
  description: {
    'pt-BR': 'Canal de avisos, horário e dias da pergunta do dia, agenda, lembretes, pausar/retomar',
    en: 'Announcements channel, question of the day time and days, agenda, reminders, pause/resume',
  },
  options: {
    setting: {
      type: 'string',
      choices: SETTINGS,
      description: {
        'pt-BR': 'O que ver ou mudar (padrão: show)',
        en: 'What to see or change (default: show)',
      },
    },
    value: {
      type: 'string',
      rest: true,
      maxLength: 100,
      description: { 'pt-BR': 'Novo valor', en: 'New value' },
    },
  },
  async run(ctx) {
    const { args, place, actor, quiz, repos, scheduler, content, now, timezone } = ctx;
    let { locale, t } = ctx;
    const { communityId } = quiz.identify(place, actor);
    const setting = args.setting ?? 'show';
    const needValue = () => {
      if (!args.value)
        throw new UserError('usage', t('config.needsValue', { example: EXAMPLES[setting] ?? '' }));
      return args.value;
    };
    let community = repos.communities.byId(communityId)!;
    let what = '';
    switch (setting) {
      case 'show':
        return show(community);
      case 'channel':
        community = repos.communities.update(communityId, {
          announceChannelId: place.channelId,
          activeSince: community.announceChannelId ? community.activeSince : now,
        });
        what = `${t('config.channel')} = ${channelMention(place.channelId)}`;
        break;
      case 'timezone': {
        const zone = needValue().trim();
        if (!isValidTimeZone(zone))
          throw new UserError('usage', t('config.badTimezone', { value: zone.slice(0, 60) }));
        community = repos.communities.update(communityId, { timezone: zone });
        what = `${t('config.timezone')} = ${zone}`;
        break;
      }
      case 'locale': {
        const value = needValue().trim();
        const chosen = matchLocale(value);
        if (!chosen || !/^(pt(-br)?|en(-\w+)?)$/i.test(value))
          throw new UserError('usage', t('config.badLocale'));
        community = repos.communities.update(communityId, { locale: chosen });
        // The answer already speaks the new language, unless the member's own platform locale decides theirs.
        if (!actor.locale) [locale, t] = [chosen, translator(chosen)];
        what = `${t('config.locale')} = ${chosen}`;
        break;
      }
      case 'schedule': {
        const zone = community.timezone ?? timezone;
        const typed = needValue().trim();
        const bad = () => new UserError('usage', t('config.badSchedule', { value: typed.slice(0, 40) }));
        if (!isRealLocalDate(typed)) throw bad();
        const first = DateTime.fromISO(typed.replace(' ', 'T'), { zone });
        // Typed in the community's time, stored in the course's, where the calendar is built.
        const firstClass = first.setZone(content.course.timezone).toFormat("yyyy-MM-dd'T'HH:mm");
        if (!first.isValid || !isRealLocalDate(firstClass)) throw bad();
        community = repos.communities.update(communityId, { firstClass });
        what = `${t('config.firstClass')} = ${formatDateTime(first.toJSDate(), zone, locale)}`;
        break;
      }
      case 'quiz-time': {
        const value = needValue();
        const m = /^([01]?\d|2[0-3])[:h]([0-5]\d)$/.exec(value.trim());
        if (!m) throw new UserError('usage', t('config.badTime', { value: value.trim().slice(0, 40) }));
        const quizTime = `${m[1]!.padStart(2, '0')}:${m[2]}`;
        community = repos.communities.update(communityId, { quizTime });
        what = `${t('config.quizTime')} = ${quizTime}`;
        break;
      }
      case 'quiz-days': {
        const days = parseWeekdays(needValue());
        if (!days)
          throw new UserError('usage', t('config.badDays', { value: needValue().trim().slice(0, 40) }));
        community = repos.communities.update(communityId, { quizDays: days });
        what = `${t('config.quizTime')} = ${formatWeekdays(days, locale)}`;
        break;
      }
      case 'agenda': {
        const lead = parseLead(needValue());
        if (lead === undefined) throw new UserError('usage', t('config.badAgendaLead'));
        community = repos.communities.update(communityId, { agendaLeadMinutes: lead });
        what = `${t('config.agendaLead')} = ${t('config.agendaLeadValue', { lead: formatLead(lead) })}`;
        break;
      }
      case 'reminders': {
        const leads = needValue()
          .split(/[,\s]+/)
          .filter(Boolean)
          .map(parseLead);
        if (leads.length === 0 || leads.some((l) => l === undefined))
          throw new UserError('usage', t('config.badLeads'));
        const unique = [...new Set(leads as number[])].sort((a, b) => b - a);
        community = repos.communities.update(communityId, { reminderLeadsMinutes: unique });
        what = `${t('config.reminders')} = ${unique.map(formatLead).join(', ')}`;
        break;
      }
      case 'pause':
      case 'resume':
        community = repos.communities.update(communityId, {
          paused: setting === 'pause',
          // What falls due while paused is not caught up on resume.
          activeSince: setting === 'resume' && community.paused ? now : community.activeSince,
        });
        what = `${t('config.status')}: ${t(setting === 'pause' ? 'config.paused' : 'config.active')}`;
        break;
    }
    // Future posts follow the new settings at once.
    await scheduler.tick();
    const saved: OutMessage = { text: t('config.saved', { what }), ephemeral: true };
    // Where the platform tells what the bot may not do here, say it now rather than when the first post fails.
    const lacks = setting === 'channel' ? (place.botLacks ?? []) : [];
    const warning: OutMessage[] = lacks.length
      ? [
          {
            text: t('config.botLacks', { list: lacks.map((p) => t(`perm.${p}`)).join(', ') }),
            ephemeral: true,
          },
        ]
      : [];
    return [saved, ...warning, show(community)];

    function firstClassText(c: CommunityRow): string {
      const zone = c.timezone ?? timezone;
      const first = content.scheduleFor(c.firstClass)[0];
      if (!first) return '—';
      const when = formatDateTime(first.startsAt, zone, locale);
      return c.firstClass ? when : t('config.courseCalendar', { when });
    }

    /** A post that keeps failing (bot not in the channel, missing permission) is what an admin must hear about. */
    function failureField(c: CommunityRow) {
      const run = repos.runs.latestFailure(c.id);
      if (!run) return [];
      const error = (run.lastError ?? '')
        .replace(/\s+/g, ' ')
        .slice(0, 200)
        .replace(/[.\s]+$/, '');
      const value = t('config.failingValue', {
        post: t(`run.${run.kind}`),
        when: formatDateTime(run.scheduledFor, c.timezone ?? timezone, locale),
        error,
        attempts: run.attempts,
      });
      return [{ name: t('config.failing'), value, inline: false }];
    }

    function show(c: CommunityRow): OutMessage {
      const field = (name: MessageKey, value: string) => ({ name: t(name), value, inline: true });
      return {
        title: t('config.title'),
        fields: [
          field(
            'config.channel',
            c.announceChannelId ? channelMention(c.announceChannelId) : t('config.noChannel'),
          ),
          field('config.timezone', c.timezone ?? timezone),
          field('config.locale', c.locale ?? locale),
          field('config.firstClass', firstClassText(c)),
          field(
            'config.quizTime',
            t('config.quizTimeValue', { time: c.quizTime, days: formatWeekdays(c.quizDays, locale) }),
          ),
          field('config.agendaLead', t('config.agendaLeadValue', { lead: formatLead(c.agendaLeadMinutes) })),
          field(
            'config.reminders',
            t('config.remindersValue', { leads: c.reminderLeadsMinutes.map(formatLead).join(', ') }),
          ),
          field('config.status', t(c.paused ? 'config.paused' : 'config.active')),
          ...failureField(c),
        ],
        ephemeral: true,
      };
    }
  },
});
