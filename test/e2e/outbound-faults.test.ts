// Platform calls that hang or fail after the platform acted, through the real bolt and discord.js clients against
// the local fakes: one community's hung post does not hold up another's, and a post is never sent twice by a
// client's automatic retry (the scheduler's run table decides about retries, knowing what was accepted).
import { afterEach, describe, expect, it } from 'vitest';
import { type DiscordRig, startDiscordRig } from './discord/harness.ts';
import { CHANNEL_ID as DISCORD_CHANNEL } from './discord/fake-discord.ts';
import type { FakeSlackUser } from './slack/fake-slack.ts';
import { type SlackRig, startSlackRig } from './slack/harness.ts';

const monitor: FakeSlackUser = { id: 'U0MONITORA', name: 'Monitora', admin: true };
let slack: SlackRig | undefined;
let discord: DiscordRig | undefined;
afterEach(async () => {
  slack?.fake.dropHung();
  await slack?.dispose();
  await discord?.dispose();
  slack = discord = undefined;
});

describe('outbound platform calls', () => {
  it('posts to one workspace while the post to another hangs', async () => {
    slack = await startSlackRig([monitor], new Date('2026-11-16T11:00:00Z'));
    const rig = slack;
    rig.fake.fault = (call) =>
      call.method === 'chat.postMessage' && call.body.channel === 'C0PRESO' ? 'hang' : undefined;
    // The hung workspace is configured first, so a scheduler posting one community after another reaches it first.
    for (const [team, channel] of [
      ['T0PRESO', 'C0PRESO'],
      ['T0LIVRE', 'C0LIVRE'],
    ] as const) {
      const c = rig.fake.slashCommand(monitor, 'config', 'channel', channel, team);
      expect((await rig.send(c.body)).status).toBe(200);
      await rig.fake.response(c.id);
    }
    await rig.app.resume();
    void rig.app.timers.advanceTo(new Date('2026-11-16T22:00:00Z'));
    const hung = await rig.fake.waitFor(
      (c) => c.method === 'chat.postMessage' && c.body.channel === 'C0PRESO',
    );
    const free = await rig.fake.waitFor(
      (c) => c.method === 'chat.postMessage' && c.body.channel === 'C0LIVRE',
    );
    expect(String(free.body.text)).toContain('Pergunta do dia');
    expect(hung).toBeDefined();
  });

  it('Slack: a post accepted and then cut off is not sent again by the client', async () => {
    slack = await startSlackRig([monitor]);
    const rig = slack;
    rig.fake.fault = (call) => (call.method === 'chat.postMessage' ? 'reset' : undefined);
    await expect(
      rig.adapter.post({ communityId: 'T0TURMA01', channelId: 'C0GERAL01' }, { text: 'Olá' }),
    ).rejects.toThrow();
    await new Promise((r) => setTimeout(r, 300));
    expect(rig.fake.calls.filter((c) => c.method === 'chat.postMessage')).toHaveLength(1);
  });

  it('Discord: a post answered with a server error after it was made is not sent again by the client', async () => {
    discord = await startDiscordRig();
    const rig = discord;
    rig.fake.failChannelPostsWith = 500;
    await expect(
      rig.adapter.post({ communityId: 'g', channelId: DISCORD_CHANNEL }, { text: 'Olá' }),
    ).rejects.toThrow();
    await new Promise((r) => setTimeout(r, 300));
    const posts = rig.fake.requests.filter(
      (r) => r.method === 'POST' && r.route === `/channels/${DISCORD_CHANNEL}/messages`,
    );
    expect(posts).toHaveLength(1);
  });
});
