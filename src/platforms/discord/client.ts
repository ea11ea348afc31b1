// The discord.js client as Turma uses it: the Guilds intent only (slash commands, buttons and modals arrive as
// interactions, which need no privileged intents), caches bounded so memory stays flat however busy the server is,
// and `rest.api` pointing at DISCORD_API_URL when set (the gateway address then comes from that API's /gateway/bot).
// Every shard runs in this process (discord.js's own sharding through @discordjs/ws): 'auto' opens as many gateway
// connections as /gateway/bot recommends, a number forces the count.
import { Client, GatewayIntentBits, Options } from 'discord.js';
import { PLATFORM_CALL_TIMEOUT_MS } from '../outbound.ts';

export function createDiscordClient(apiUrl?: string, shards: 'auto' | number = 'auto'): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    ...(shards === 'auto' ? { shards: 'auto' } : { shardCount: shards }),
    // Every REST call ends within the deadline and none is retried on a timeout or a 5xx: a message Discord made
    // before the connection dropped would be made twice. Rate limits (429) are still queued by discord.js itself.
    rest: { ...(apiUrl ? { api: apiUrl } : {}), timeout: PLATFORM_CALL_TIMEOUT_MS, retries: 0 },
    // Belt and braces: every payload also sets allowed_mentions itself.
    allowedMentions: { parse: [] },
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      // Turma never reads messages, members, users or presences from the cache: interactions carry what it needs.
      MessageManager: 0,
      GuildMemberManager: { maxSize: 0, keepOverLimit: (member) => member.id === member.client.user.id },
      UserManager: { maxSize: 0, keepOverLimit: (user) => user.id === user.client.user.id },
      PresenceManager: 0,
      ReactionManager: 0,
      ReactionUserManager: 0,
      GuildEmojiManager: 0,
      GuildStickerManager: 0,
      GuildInviteManager: 0,
      GuildBanManager: 0,
      GuildScheduledEventManager: 0,
      StageInstanceManager: 0,
      VoiceStateManager: 0,
      ThreadMemberManager: 0,
      AutoModerationRuleManager: 0,
      ApplicationCommandManager: 0,
      BaseGuildEmojiManager: 0,
    }),
    sweepers: {
      ...Options.DefaultSweeperSettings,
      // Reflection threads pile up over a course; archived ones are of no use to the cache.
      threads: { interval: 3600, lifetime: 3600 },
    },
  });
}
