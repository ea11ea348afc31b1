// Slash-command registration payloads for Discord, built from the same command definitions as every platform:
// names, pt-BR/en descriptions, option types, choices, autocomplete, and Manage Server for admin commands (which the
// bot checks again on its side), and where each command may be used: installed to servers only (GuildInstall) and run
// in a server's channels only (Guild), said explicitly rather than left to Discord's defaults, which also allow bot
// DMs and user installs. Plain Discord API JSON (PUT /applications/{id}/commands).
import { ApplicationIntegrationType, InteractionContextType } from 'discord.js';
import type { Command, OptionSpec } from '../../bot/command.ts';

/** Discord option types used here (API: ApplicationCommandOptionType). */
const OPTION_TYPE = { string: 3, integer: 4, user: 6 } as const;
/** Permission bit Manage Server (API: PermissionFlagsBits.ManageGuild). */
export const MANAGE_GUILD = 1n << 5n;
/**
 * What the bot needs in a channel: view it, send messages and embeds, read history (to edit its own posts), start
 * public threads from its agenda posts and speak in them; and in the server, Create Events for the lessons' scheduled
 * events (`/config events on`: since February 2026 Manage Events alone no longer lets a bot create events; Create
 * Events also lets it edit and delete its own). Nothing else.
 */
export const BOT_PERMISSIONS =
  (1n << 10n) | // View Channel
  (1n << 11n) | // Send Messages
  (1n << 14n) | // Embed Links
  (1n << 16n) | // Read Message History
  (1n << 35n) | // Create Public Threads
  (1n << 38n) | // Send Messages in Threads
  (1n << 44n); // Create Events

/** The link that adds the bot to a server with those permissions and slash commands. */
export const inviteUrl = (applicationId: string) =>
  `https://discord.com/oauth2/authorize?client_id=${applicationId}&scope=bot+applications.commands&permissions=${BOT_PERMISSIONS}`;

/** Discord's length limits for command names, descriptions and choices. */
export const LIMITS = { name: 32, description: 100, choices: 25 } as const;

/**
 * pt-BR names shown in Portuguese Discord clients (the interaction still carries the base name). Slack and the shell
 * have no localised command names, so the table lives here.
 */
export const PT_BR_NAMES: Record<string, string> = {
  glossary: 'glossario',
  reflect: 'refletir',
  leaderboard: 'ranking',
  stats: 'estatisticas',
  scores: 'pontos',
  help: 'ajuda',
  term: 'termo',
  lesson: 'aula',
  mode: 'modo',
  count: 'quantidade',
  seconds: 'segundos',
  setting: 'ajuste',
  value: 'valor',
  period: 'periodo',
  text: 'texto',
  action: 'acao',
  user: 'membro',
  reason: 'motivo',
};

const localizedName = (name: string) => ({
  name,
  name_localizations: { 'pt-BR': PT_BR_NAMES[name] ?? name, 'en-US': name, 'en-GB': name },
});

export interface DiscordCommandOption {
  type: number;
  name: string;
  name_localizations: Record<string, string>;
  description: string;
  description_localizations: Record<string, string>;
  required: boolean;
  choices?: { name: string; value: string }[];
  autocomplete?: boolean;
  min_value?: number;
  max_value?: number;
  max_length?: number;
}

export interface DiscordCommandPayload {
  type: 1;
  name: string;
  name_localizations: Record<string, string>;
  description: string;
  description_localizations: Record<string, string>;
  options: DiscordCommandOption[];
  default_member_permissions: string | null;
  /** Where the command can be used: a server's channels only (InteractionContextType.Guild). */
  contexts: InteractionContextType[];
  /** How the app is installed for it: to a server (ApplicationIntegrationType.GuildInstall), not to a user. */
  integration_types: ApplicationIntegrationType[];
}

/** Turma's commands read and write a community (a server): installed there and used there, nowhere else. */
export const COMMAND_CONTEXTS = [InteractionContextType.Guild];
export const COMMAND_INTEGRATION_TYPES = [ApplicationIntegrationType.GuildInstall];

/** The pt-BR text is the default (the group's language); English users see the en one. */
const localized = (text: { 'pt-BR': string; en: string }) => ({
  description: text['pt-BR'],
  description_localizations: { 'pt-BR': text['pt-BR'], 'en-US': text.en, 'en-GB': text.en },
});

function option(name: string, spec: OptionSpec): DiscordCommandOption {
  const base: DiscordCommandOption = {
    type: OPTION_TYPE[spec.type],
    ...localizedName(name),
    ...localized(spec.description),
    required: Boolean(spec.required),
  };
  if (spec.type === 'string') {
    if (spec.choices) base.choices = spec.choices.map((c) => ({ name: c, value: c }));
    else if (spec.autocomplete) base.autocomplete = true;
    if (spec.maxLength) base.max_length = spec.maxLength;
  }
  if (spec.type === 'integer') {
    if (spec.min !== undefined) base.min_value = spec.min;
    if (spec.max !== undefined) base.max_value = spec.max;
  }
  return base;
}

/** Every command as Discord expects it; throws on a definition Discord would reject, naming command and rule. */
export function buildCommandPayloads(commands: readonly Command[]): DiscordCommandPayload[] {
  return commands.map((command) => {
    const options = Object.entries(command.options).map(([name, spec]) => option(name, spec));
    const problems: string[] = [];
    const texts = [command.description, ...Object.values(command.options).map((o) => o.description)];
    for (const text of texts) {
      for (const value of Object.values(text)) {
        if (value.length > LIMITS.description)
          problems.push(`a description is over ${LIMITS.description} characters: "${value}"`);
      }
    }
    for (const name of [command.name, PT_BR_NAMES[command.name], ...Object.keys(command.options)])
      if (name !== undefined && !/^[-_\p{Ll}\p{N}]{1,32}$/u.test(name))
        problems.push(`the name "${name}" must be 1-32 lower-case letters, digits, - or _`);
    const firstOptional = options.findIndex((o) => !o.required);
    if (firstOptional >= 0 && options.slice(firstOptional).some((o) => o.required))
      problems.push('required options must come first');
    if (options.some((o) => (o.choices?.length ?? 0) > LIMITS.choices))
      problems.push(`at most ${LIMITS.choices} choices`);
    if (problems.length) throw new Error(`/${command.name}: ${problems.join('; ')}`);
    return {
      type: 1,
      ...localizedName(command.name),
      ...localized(command.description),
      options,
      default_member_permissions: command.adminOnly ? MANAGE_GUILD.toString() : null,
      contexts: [...COMMAND_CONTEXTS],
      integration_types: [...COMMAND_INTEGRATION_TYPES],
    };
  });
}
