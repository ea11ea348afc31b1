// The Slack app manifest, generated from the command definitions (`npm run slack:manifest` writes
// slack-manifest.json): every command as a slash command, interactivity for buttons, the App Home tab and its
// app_home_opened event, Socket Mode, and only the scopes the bot uses — commands, chat:write (posts, ephemeral
// replies, threads, the Messages tab), users:read (workspace admins) and im:write (opening the member's Messages tab
// for "Praticar agora" on the Home tab). views.publish needs no scope of its own.
import type { Command } from '../../bot/command.ts';
import { usage } from '../../bot/options.ts';

export const BOT_SCOPES = ['commands', 'chat:write', 'users:read', 'im:write'] as const;
/** The Events API events the bot subscribes to. */
export const BOT_EVENTS = ['app_home_opened'] as const;

export function buildManifest(commands: readonly Command[], options: { requestUrl?: string } = {}) {
  const url = options.requestUrl;
  return {
    _metadata: { major_version: 1, minor_version: 1 },
    display_information: {
      name: 'Turma',
      description: 'Quizzes, glossário, agenda e placar do grupo de estudos',
      long_description:
        'Turma serve o grupo de estudos: prática com repetição espaçada, pergunta do dia, rodadas ao vivo, glossário, agenda das aulas, reflexões pré-aula, lembretes e placar. Study-group bot: spaced-repetition practice, daily question, live rounds, glossary, lesson agendas, reflections, reminders and leaderboards.',
      background_color: '#2f80ed',
    },
    features: {
      // The Home tab shows the member's progress and next lesson. Private replies fall back to the Messages tab
      // when the bot is not in the channel, and home practice happens there (read-only: the bot answers slash
      // commands and buttons, not typed DMs).
      app_home: { home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: true },
      bot_user: { display_name: 'Turma', always_online: true },
      slash_commands: commands.map((c) => ({
        command: `/${c.name}`,
        description: c.description['pt-BR'],
        usage_hint: usage(c).slice(c.name.length + 2) || undefined,
        should_escape: true,
        ...(url ? { url } : {}),
      })),
    },
    oauth_config: { scopes: { bot: [...BOT_SCOPES] } },
    settings: {
      event_subscriptions: { ...(url ? { request_url: url } : {}), bot_events: [...BOT_EVENTS] },
      interactivity: { is_enabled: true, ...(url ? { request_url: url } : {}) },
      org_deploy_enabled: false,
      socket_mode_enabled: !url,
      token_rotation_enabled: false,
    },
  };
}
