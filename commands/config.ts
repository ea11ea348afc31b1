// /config: find the setting's definition (commands/config-settings.ts), parse → store → re-plan the posts → render.
import { type CommandContext, defineCommand } from '../src/bot/command.ts';
import { feedUrl } from '../src/calendar/feed-route.ts';
import { UserError } from '../src/core/errors.ts';
import { POSTING_PERMISSIONS } from '../src/core/events.ts';
import { translator } from '../src/core/i18n.ts';
import type { OutMessage } from '../src/core/message.ts';
import type { CommunityRow } from '../src/db/schema.ts';
import {
  renderSettings,
  SETTING_NAMES,
  SETTINGS,
  type SettingDefinition,
  type SettingEnv,
} from './config-settings.ts';

/** Settings that change what the lessons' scheduled events say or when (the sync runs after them). */
const RESYNCS_EVENTS = new Set<string>(['events', 'schedule', 'timezone', 'channel', 'locale']);

export default defineCommand({
  name: 'config',
  adminOnly: true,
  description: {
    'pt-BR': 'Canal de avisos, horário e dias da pergunta do dia, agenda, lembretes, resumo, pausar/retomar',
    en: 'Announcements channel, question of the day time and days, agenda, reminders, digest, pause/resume',
  },
  options: {
    setting: {
      type: 'string',
      choices: ['show', 'calendar', ...SETTING_NAMES],
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
    const { args, place, actor, repos, scheduler } = ctx;
    const { communityId } = ctx.who();
    const community = repos.communities.byId(communityId)!;
    const envFor = (c: CommunityRow): SettingEnv => {
      // The reply speaks the community's language as saved, unless the member's own platform locale decides theirs.
      const locale = actor.locale ? ctx.locale : (c.locale ?? ctx.locale);
      const t = locale === ctx.locale ? ctx.t : translator(locale);
      return { t, locale, timezone: c.timezone ?? ctx.timezone, now: ctx.now, place, content: ctx.content };
    };
    const show = (c: CommunityRow, env: SettingEnv) => renderSettings(c, repos.runs.latestFailure(c.id), env);

    if (!args.setting || args.setting === 'show') return show(community, envFor(community));
    if (args.setting === 'calendar') return calendarLink(ctx, community, envFor(community), args.value);
    const setting: SettingDefinition<unknown> = SETTINGS[args.setting];
    const before = envFor(community);
    if (setting.example && !args.value)
      throw new UserError('usage', before.t('config.needsValue', { example: setting.example }));
    const value = setting.parse(args.value ?? '', before);
    const saved = repos.communities.update(communityId, setting.store(value, community, before));
    // Future posts follow the new settings at once, and so do the lessons' scheduled events.
    await scheduler.replan(communityId);
    const synced =
      RESYNCS_EVENTS.has(args.setting) && (saved.eventsEnabled || args.setting === 'events')
        ? await ctx.events.sync(communityId)
        : undefined;

    const env = envFor(saved);
    const { t } = env;
    const done: OutMessage = {
      text: t('config.saved', { what: setting.saved(value, env) }),
      ephemeral: true,
    };
    // Where the platform tells what the bot may not do here, say it now rather than when the first post fails.
    const lacks = setting.warnsOfBotLacks
      ? (place.botLacks ?? []).filter((p) => POSTING_PERMISSIONS.includes(p))
      : [];
    const warning: OutMessage[] = lacks.length
      ? [
          {
            text: t('config.botLacks', { list: lacks.map((p) => t(`perm.${p}`)).join(', ') }),
            ephemeral: true,
          },
        ]
      : [];
    const events: OutMessage[] = synced
      ? [
          {
            text: [
              t('config.eventsSynced', {
                created: synced.created,
                updated: synced.updated,
                removed: synced.removed,
              }),
              ...(synced.failed ? [t('config.eventsPending', { error: synced.failed.slice(0, 200) })] : []),
            ].join('\n'),
            ephemeral: true,
          },
        ]
      : [];
    return [done, ...warning, ...events, show(saved, env)];
  },
});

/** /config calendar [rotate]: the class calendar's subscription link, made on first need or replaced. */
function calendarLink(
  ctx: CommandContext,
  community: CommunityRow,
  { t, timezone }: SettingEnv,
  value: string | undefined,
): OutMessage {
  const typed = (value ?? '').trim().toLowerCase();
  if (typed !== '' && typed !== 'rotate') throw new UserError('usage', t('config.badCalendar'));
  if (!ctx.publicUrl) throw new UserError('not-configured', t('config.calendarNoUrl'));
  const feeds = ctx.repos.calendarFeeds;
  const url = feedUrl(
    ctx.publicUrl,
    typed === 'rotate' ? feeds.rotate(community.id, ctx.now) : feeds.ensure(community.id, ctx.now),
  );
  return {
    title: t('config.calendarTitle'),
    text:
      typed === 'rotate' ? t('config.calendarRotated', { url }) : t('config.calendarLink', { url, timezone }),
    links: [{ label: t('agenda.addToCalendar'), url }],
    ephemeral: true,
  };
}
