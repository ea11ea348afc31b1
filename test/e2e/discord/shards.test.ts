// Sharding end to end: the real discord.js client against the fake Discord recommending (or told) several shards.
// Every shard runs in this one process on one database and one scheduler: interactions on each connection are
// served, and a scheduled post goes out once per community, whichever shard its guild is on.
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/log.ts';
import { DiscordAdapter } from '../../../src/platforms/discord/adapter.ts';
import { PlatformSupervisor } from '../../../src/platforms/supervisor.ts';
import { count } from '../../quiz/helpers.ts';
import { makeTestApp } from '../../helpers.ts';
import { channelId, FakeDiscord, type FakeUser, guildId, shardOf } from './fake-discord.ts';
import { type DiscordRig, startDiscordRig } from './harness.ts';

const ana: FakeUser = { id: '500000000000000001', name: 'Ana' };
const monitor: FakeUser = { id: '500000000000000009', name: 'Monitora', admin: true };

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});
const rigWith = async (...args: Parameters<typeof startDiscordRig>): Promise<DiscordRig> => {
  const rig = await startDiscordRig(...args);
  cleanups.push(() => rig.dispose());
  return rig;
};

describe('Discord sharding', () => {
  it('opens the two shards /gateway/bot recommends and serves both from one database and one scheduler', async () => {
    // Monday 16 Nov 08:00 in São Paulo: lesson 2's agenda goes out Monday 19:00 (22:00 UTC) in every community.
    const rig = await rigWith(new Date('2026-11-16T11:00:00Z'), { fake: { shards: 2, guilds: 2 } });
    expect(rig.fake.identifies.map((i) => i.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(rig.fake.connectedShards).toEqual([0, 1]);
    expect(rig.adapter.shardState()).toEqual({ ready: 2, total: 2, notReady: [] });
    expect(rig.adapter.isConnected()).toBe(true);
    expect(rig.adapter.client.guilds.cache.size).toBe(2);
    // Guild 0 lives on shard 0, guild 1 on shard 1: each community is configured through its own connection.
    for (const n of [0, 1]) {
      expect(shardOf(guildId(n), 2)).toBe(n);
      const id = rig.fake.command(monitor, 'config', { setting: 'channel' }, channelId(n));
      expect(rig.fake.dispatched.filter((d) => d.id === id)).toEqual([{ id, guildId: guildId(n), shard: n }]);
      expect((await rig.callback(id)).data?.flags).toBe(64);
      const glossary = await rig.callback(rig.fake.command(ana, 'glossary', { term: 'drift' }, channelId(n)));
      expect(JSON.stringify(glossary.data)).toContain('Data Drift');
    }
    expect(count(rig.app, "select count(*) from communities where platform = 'discord'")).toBe(2);

    await rig.app.resume();
    await rig.app.timers.advanceTo(new Date('2026-11-16T22:00:00Z'));
    for (const n of [0, 1])
      await rig.fake.waitFor(
        (r) => r.route.startsWith(`/channels/${channelId(n)}/messages/`) && r.route.endsWith('/threads'),
      );
    const agendas = rig.fake.created.filter((m) => JSON.stringify(m.embeds).includes('📚 Aula 2'));
    expect(agendas.map((m) => m.channel_id).sort()).toEqual([channelId(0), channelId(1)]);
    expect(
      count(rig.app, "select count(*) from scheduled_runs where kind = 'agenda' and status = 'done'"),
    ).toBe(2);
  });

  it('forces the count DISCORD_SHARDS gives, whatever Discord recommends', async () => {
    const rig = await rigWith(undefined, { fake: { shards: 1, guilds: 3 }, shards: 3 });
    expect(rig.fake.identifies.map((i) => i.shard).sort()).toEqual([
      [0, 3],
      [1, 3],
      [2, 3],
    ]);
    expect(rig.adapter.shardState()).toMatchObject({ ready: 3, total: 3 });
    const id = rig.fake.command(ana, 'glossary', { term: 'drift' }, channelId(2));
    expect(rig.fake.dispatched.find((d) => d.id === id)?.shard).toBe(2);
    expect((await rig.callback(id)).type).toBe(4);
  });

  it('reports a shard that never comes up in /healthz: how many are ready and which is not', async () => {
    const fake = new FakeDiscord({ shards: 2, guilds: 2, silentShards: [1] });
    await fake.listen();
    const app = makeTestApp();
    const adapter = new DiscordAdapter({
      bot: app.bot,
      token: 'fake-discord-token',
      apiUrl: fake.apiUrl,
      logger: silentLogger(),
      locale: 'pt-BR',
    });
    const supervisor = new PlatformSupervisor(adapter, silentLogger());
    cleanups.push(async () => {
      await supervisor.stop();
      await app.dispose();
      await fake.close();
    });
    app.messenger.register(adapter);
    void supervisor.start();
    await expect.poll(() => adapter.shardState().ready, { timeout: 10_000 }).toBe(1);
    expect(adapter.isConnected()).toBe(false);
    expect(supervisor.status()).toBe('failing: connecting (1 of 2 shards ready; not ready: 1)');
  });
});
