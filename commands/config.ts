// /config: find the setting's definition (commands/config-settings.ts), parse → store → re-plan the posts → render.
import { defineCommand } from '../src/bot/command.ts';
import { UserError } from '../src/core/errors.ts';
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
      choices: ['show', ...SETTING_NAMES],
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
    const setting: SettingDefinition<unknown> = SETTINGS[args.setting];
    const before = envFor(community);
    if (setting.example && !args.value)
      throw new UserError('usage', before.t('config.needsValue', { example: setting.example }));
    const value = setting.parse(args.value ?? '', before);
    const saved = repos.communities.update(communityId, setting.store(value, community, before));
    // Future posts follow the new settings at once.
    await scheduler.replan(communityId);

    const env = envFor(saved);
    const { t } = env;
    const done: OutMessage = {
      text: t('config.saved', { what: setting.saved(value, env) }),
      ephemeral: true,
    };
    // Where the platform tells what the bot may not do here, say it now rather than when the first post fails.
    const lacks = setting.warnsOfBotLacks ? (place.botLacks ?? []) : [];
    const warning: OutMessage[] = lacks.length
      ? [
          {
            text: t('config.botLacks', { list: lacks.map((p) => t(`perm.${p}`)).join(', ') }),
            ephemeral: true,
          },
        ]
      : [];
    return [done, ...warning, show(saved, env)];
  },
});
