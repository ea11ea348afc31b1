// Starts a real app and the real discord.js client against the local fake Discord.
import type { AppOptions } from '../../../src/app.ts';
import { silentLogger } from '../../../src/log.ts';
import { DiscordAdapter } from '../../../src/platforms/discord/adapter.ts';
import { makeTestApp, type TestApp } from '../../helpers.ts';
import { FakeDiscord, type FakeDiscordOptions, type RecordedRequest, tokenOf } from './fake-discord.ts';

export interface DiscordRig {
  fake: FakeDiscord;
  app: TestApp;
  adapter: DiscordAdapter;
  /** The interaction callback Discord received for this interaction (type 4 reply, 5 defer, 7 update, 9 modal…). */
  callback(interactionId: string): Promise<{ type: number; data?: Record<string, unknown> }>;
  /** The n-th follow-up (webhook POST) of this interaction. */
  followUp(interactionId: string, n?: number): Promise<Record<string, unknown>>;
  dispose(): Promise<void>;
}

export async function startDiscordRig(
  start = new Date('2026-11-23T12:00:00Z'),
  options: AppOptions & {
    deferAfterMs?: number;
    fake?: FakeDiscordOptions | FakeDiscord;
    shards?: 'auto' | number;
    /** Reopen this database (a restart) instead of a fresh one. */
    dbFile?: string;
  } = {},
): Promise<DiscordRig> {
  const given = options.fake instanceof FakeDiscord ? options.fake : undefined;
  const fake = given ?? new FakeDiscord(options.fake as FakeDiscordOptions | undefined);
  if (!given) await fake.listen();
  const app = makeTestApp(start, {}, options.dbFile, options);
  const adapter = new DiscordAdapter({
    bot: app.bot,
    token: 'fake-discord-token',
    apiUrl: fake.apiUrl,
    logger: silentLogger(),
    locale: 'pt-BR',
    deferAfterMs: options.deferAfterMs,
    shards: options.shards,
  });
  app.messenger.register(adapter);
  app.events.register('discord', adapter.scheduledEvents);
  await adapter.start();
  const body = (r: RecordedRequest) => r.body as Record<string, unknown>;
  return {
    fake,
    app,
    adapter,
    async callback(id) {
      const r = await fake.waitFor((x) => x.route === `/interactions/${id}/${tokenOf(id)}/callback`);
      return body(r) as { type: number; data?: Record<string, unknown> };
    },
    async followUp(id, n = 0) {
      const route = new RegExp(`^/webhooks/\\d+/${tokenOf(id)}$`);
      const match = (r: RecordedRequest) => r.method === 'POST' && route.test(r.route);
      await fake.waitFor((r) => match(r) && fake.requests.filter(match).length > n);
      return body(fake.requests.filter(match)[n]!);
    },
    async dispose() {
      await adapter.stop();
      await app.dispose();
      if (!given) await fake.close();
    },
  };
}
