// The real entry point with Discord and Slack settings at once: one process serves both platforms from one
// database, never logs a secret, and exits 0 on SIGTERM.
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort, spawnBot, tempDir } from '../helpers.ts';
import { APP_ID, FakeDiscord, tokenOf } from './discord/fake-discord.ts';
import { FakeSlack, SIGNING_SECRET } from './slack/fake-slack.ts';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

describe('npm start with platform tokens', () => {
  it('serves Discord and Slack together with /healthz and /metrics, keeps secrets out of the logs, exits 0 on SIGTERM', async () => {
    const discord = new FakeDiscord();
    const slack = new FakeSlack();
    await discord.listen();
    await slack.listen();
    closers.push(
      () => discord.close(),
      () => slack.close(),
    );
    slack.users.set('U0ANA', { id: 'U0ANA', name: 'Ana' });
    const { dir, cleanup } = tempDir();
    closers.push(async () => cleanup());
    const port = await freePort();
    const { child, logs } = spawnBot(dir, {
      DISCORD_TOKEN: 'secret-discord-token-value',
      DISCORD_APPLICATION_ID: APP_ID,
      DISCORD_API_URL: discord.apiUrl,
      SLACK_BOT_TOKEN: 'xoxb-secret-slack-token-value',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      PORT: String(port),
      LOG_LEVEL: 'debug',
    });
    closers.unshift(async () => {
      if (child.exitCode === null) child.kill('SIGKILL');
    });
    await expect.poll(logs, { timeout: 20_000 }).toContain('discord connected');
    await expect.poll(logs, { timeout: 20_000 }).toContain('http listening');

    const id = discord.command({ id: '500000000000000001', name: 'Ana' }, 'glossary', { term: 'drift' });
    const callback = await discord.waitFor((r) => r.route === `/interactions/${id}/${tokenOf(id)}/callback`);
    expect(JSON.stringify(callback.body)).toContain('Concept Drift');

    const command = slack.slashCommand({ id: 'U0ANA', name: 'Ana' }, 'glossary', 'drift');
    const res = await fetch(`http://127.0.0.1:${port}/slack/events`, {
      method: 'POST',
      body: command.body,
      headers: slack.sign(command.body),
    });
    expect(res.status).toBe(200);
    expect(JSON.stringify(await slack.response(command.id))).toContain('Concept Drift');

    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({
      status: 'ok',
      checks: { database: 'ok', discord: 'ok', slack: 'ok', scheduler: 'ok' },
    });
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(metrics).toContain('turma_commands_total{platform="discord",command="glossary",outcome="ok"} 1');
    expect(metrics).toContain('turma_commands_total{platform="slack",command="glossary",outcome="ok"} 1');
    expect(metrics).toMatch(/turma_handler_duration_seconds_count\{platform="discord",kind="command"\} 1/);
    expect(metrics).toContain('turma_process_resident_memory_bytes');

    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
    expect(logs()).not.toContain('secret-discord-token-value');
    expect(logs()).not.toContain('secret-slack-token-value');
    expect(logs()).not.toContain(SIGNING_SECRET);
  });
});
