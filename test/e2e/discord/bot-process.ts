// The bot as its own process (src/main.ts) on the Discord fake, for the kill -9 tests and the benchmark.
import type { ChildProcess } from 'node:child_process';
import { freePort, spawnBot } from '../../helpers.ts';
import { APP_ID, type FakeDiscord, tokenOf } from './fake-discord.ts';

/** Starts the bot on `dir`'s database and resolves once it answers an interaction; registers its SIGKILL cleanup. */
export async function startBot(
  fake: FakeDiscord,
  dir: string,
  cleanups: (() => Promise<void> | void)[],
  env: Record<string, string> = {},
  options: { compiled?: boolean } = {},
) {
  const bot = spawnBot(
    dir,
    {
      DISCORD_TOKEN: 'reliability-token',
      DISCORD_APPLICATION_ID: APP_ID,
      DISCORD_API_URL: fake.apiUrl,
      PORT: String(await freePort()),
      LOG_LEVEL: 'warn',
      ...env,
    },
    options,
  );
  cleanups.push(() => {
    if (bot.child.exitCode === null && bot.child.signalCode === null) bot.child.kill('SIGKILL');
  });
  // Interactions reach only a connected gateway: resend until the bot answers one.
  let id = '';
  for (let i = 0; i < 300; i++) {
    if (i % 20 === 0) id = fake.command({ id: '500000000000000999', name: 'ping' }, 'help');
    await new Promise((r) => setTimeout(r, 100));
    if (callbackOf(fake, id)) return bot;
  }
  throw new Error(`bot did not come up:\n${bot.logs()}`);
}

export const callbackOf = (fake: FakeDiscord, id: string) =>
  fake.requests.some((r) => r.route === `/interactions/${id}/${tokenOf(id)}/callback`);

/** Kills the process the hard way and waits for it to be gone. */
export async function kill9(bot: { child: ChildProcess }): Promise<void> {
  bot.child.kill('SIGKILL');
  if (bot.child.exitCode === null && bot.child.signalCode === null)
    await new Promise((r) => bot.child.once('exit', r));
}
