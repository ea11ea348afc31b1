// One platform down at start-up, against the real process with Discord and Slack configured: /healthz is up at once
// and names the platform that is down and why, the other platform serves, and the one that was down connects by
// itself once it is back. Before, an unreachable Slack kept Discord and /healthz down for as long as it lasted.
import { afterEach, describe, expect, it } from 'vitest';
import { freePort, spawnBot, tempDir } from '../helpers.ts';
import { APP_ID, FakeDiscord, tokenOf } from './discord/fake-discord.ts';
import { FakeSlack, SIGNING_SECRET } from './slack/fake-slack.ts';

const closers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

describe('a platform that is down at start-up', () => {
  it('keeps the other platform and /healthz up, says which is down and why, and connects it when it is back', async () => {
    const discord = new FakeDiscord();
    await discord.listen();
    closers.push(() => discord.close());
    const slackPort = await freePort(); // nothing listens there yet: Slack's API is unreachable
    const { dir, cleanup } = tempDir();
    closers.push(cleanup);
    const port = await freePort();
    const { child, logs } = spawnBot(dir, {
      DISCORD_TOKEN: 'discord-token-value',
      DISCORD_APPLICATION_ID: APP_ID,
      DISCORD_API_URL: discord.apiUrl,
      SLACK_BOT_TOKEN: 'xoxb-slack-token-value',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: `http://127.0.0.1:${slackPort}/api/`,
      PORT: String(port),
      LOG_LEVEL: 'warn',
    });
    closers.push(() => {
      if (child.exitCode === null) child.kill('SIGKILL');
    });
    const health = async () => {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined);
      return res
        ? { code: res.status, ...((await res.json()) as { checks: Record<string, string> }) }
        : undefined;
    };

    await expect.poll(async () => (await health())?.checks.discord, { timeout: 20_000 }).toBe('ok');
    const down = (await health())!;
    expect(down.code).toBe(503);
    expect(down.checks.slack).toMatch(/^failing: .+/);
    // Discord serves meanwhile.
    const id = discord.command({ id: '500000000000000001', name: 'Ana' }, 'glossary', { term: 'drift' });
    const callback = await discord.waitFor((r) => r.route === `/interactions/${id}/${tokenOf(id)}/callback`);
    expect(JSON.stringify(callback.body)).toContain('Concept Drift');

    // Slack comes back: the bot connects on its own (backoff 1 s, 2 s, 4 s …).
    const slack = new FakeSlack();
    await slack.listen(slackPort);
    closers.push(() => slack.close());
    await expect.poll(async () => (await health())?.code, { timeout: 30_000, interval: 250 }).toBe(200);
    console.log(`outage at start: slack was "${down.checks.slack}"; both up after it came back`);
    expect(logs()).not.toContain('xoxb-slack-token-value');
  });
});
