// The real entry point with Discord settings: connects to the fake, answers a command, stops cleanly on SIGTERM.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CONTENT_DIR, tempDir } from '../../helpers.ts';
import { APP_ID, FakeDiscord, tokenOf } from './fake-discord.ts';

const fakes: FakeDiscord[] = [];
afterEach(async () => {
  for (const fake of fakes.splice(0)) await fake.close();
});

describe('npm start with DISCORD_TOKEN', () => {
  it('logs in through DISCORD_API_URL, serves commands, never logs the token and exits 0 on SIGTERM', async () => {
    const fake = new FakeDiscord();
    fakes.push(fake);
    await fake.listen();
    const { dir, cleanup } = tempDir();
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
        cwd: path.resolve(import.meta.dirname, '../../..'),
        env: {
          ...process.env,
          DATABASE_URL: `file:${path.join(dir, 'turma.sqlite')}`,
          CONTENT_DIR,
          DISCORD_TOKEN: 'secret-discord-token-value',
          DISCORD_APPLICATION_ID: APP_ID,
          DISCORD_API_URL: fake.apiUrl,
          SLACK_BOT_TOKEN: '',
          LOG_LEVEL: 'debug',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let logs = '';
      child.stdout.on('data', (c: Buffer) => (logs += c.toString()));
      child.stderr.on('data', (c: Buffer) => (logs += c.toString()));
      await fake.waitFor((r) => r.route === '/gateway/bot', 15_000);
      await expect.poll(() => logs, { timeout: 15_000 }).toContain('discord connected');
      const id = fake.command({ id: '500000000000000001', name: 'Ana' }, 'glossary', { term: 'drift' });
      const callback = await fake.waitFor((r) => r.route === `/interactions/${id}/${tokenOf(id)}/callback`);
      expect(JSON.stringify(callback.body)).toContain('Concept Drift');
      child.kill('SIGTERM');
      const [code] = await once(child, 'exit');
      expect(code).toBe(0);
      expect(logs).not.toContain('secret-discord-token-value');
    } finally {
      cleanup();
    }
  });
});
