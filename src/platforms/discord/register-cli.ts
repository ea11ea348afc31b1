// `npm run discord:register`: puts the slash commands, built from the same definitions as every platform, on the
// guild in DISCORD_GUILD_ID (instant, for testing) or globally (every server, may take a while to show).
import { REST, Routes } from 'discord.js';
import { commands } from '../../../commands/index.ts';
import { buildCommandPayloads, inviteUrl } from './register.ts';

export interface RegisterOptions {
  token: string;
  applicationId: string;
  guildId?: string;
  apiUrl?: string;
}

export async function registerCommands(
  options: RegisterOptions,
): Promise<{ scope: 'guild' | 'global'; count: number }> {
  const rest = new REST(options.apiUrl ? { api: options.apiUrl } : {}).setToken(options.token);
  const body = buildCommandPayloads(commands);
  const route = options.guildId
    ? Routes.applicationGuildCommands(options.applicationId, options.guildId)
    : Routes.applicationCommands(options.applicationId);
  const saved = (await rest.put(route, { body })) as unknown[];
  return { scope: options.guildId ? 'guild' : 'global', count: saved.length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { ConfigError, loadConfig, loadDotEnv } = await import('../../config.ts');
  loadDotEnv();
  try {
    const { discord } = loadConfig();
    if (!discord)
      throw new ConfigError(['DISCORD_TOKEN and DISCORD_APPLICATION_ID are required to register commands']);
    const { scope, count } = await registerCommands(discord);
    console.log(
      scope === 'guild'
        ? `Registered ${count} commands on server ${discord.guildId}; they are usable now.`
        : `Registered ${count} commands globally; Discord may take up to an hour to show them everywhere.`,
    );
    console.log(`Invite the bot to a server: ${inviteUrl(discord.applicationId)}`);
  } catch (e) {
    console.error(e instanceof ConfigError ? e.message : `Registration failed: ${(e as Error).message}`);
    process.exit(1);
  }
}
