// Discord: the bot as operators run it (its own process, the real discord.js client; the dist/ build as deployed)
// logged into the local fake Discord with one guild. Latency is from the fake sending INTERACTION_CREATE to it receiving the
// interaction callback, over 1,000 interactions sent at a steady 40 per second (below discord.js's global REST limit
// of 50 requests/s, which would otherwise add its own queueing); RSS is the bot process's after login, against a
// do-nothing discord.js client (the Guilds intent, default options) logged into the same fake in the same run.
import { execSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from '../helpers.ts';
import { kill9, startBot } from '../e2e/discord/bot-process.ts';
import { FakeDiscord } from '../e2e/discord/fake-discord.ts';
import { interactionLatencies } from './discord-load.ts';
import { type BenchRow, percentile } from './stats.ts';

const INTERACTIONS = 1000;
const PER_SECOND = 40;

const rssMb = (pid: number) =>
  Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
/** Time after login before RSS is read, the same for the bot and the bare client. */
const SETTLE_MS = 1000;

const BARE_CLIENT = `
import { Client, GatewayIntentBits } from 'discord.js';
const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: process.env.DISCORD_API_URL } });
client.once('clientReady', () => console.log('ready'));
await client.login('bare-token');`;

/** RSS of a discord.js client that logs in and does nothing else, on the same fake. */
async function bareClientRss(fake: FakeDiscord): Promise<number> {
  const child = spawn(process.execPath, ['--input-type=module', '-e', BARE_CLIENT], {
    cwd: path.resolve(import.meta.dirname, '../..'),
    env: { ...process.env, DISCORD_API_URL: fake.apiUrl },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (d: Buffer) => String(d).includes('ready') && resolve());
      child.once('exit', (code) => reject(new Error(`the bare discord.js client exited (${code})`)));
    });
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    return rssMb(child.pid!);
  } finally {
    child.kill('SIGKILL');
  }
}

export async function benchDiscord(): Promise<BenchRow[]> {
  const fake = new FakeDiscord();
  await fake.listen();
  const { dir, cleanup } = tempDir('turma-bench-discord-');
  const cleanups: (() => Promise<void> | void)[] = [];
  try {
    // As `npm start` runs it (TypeScript compiled on the fly by tsx): memory only, for comparison.
    const rssBare = await bareClientRss(fake);
    const dev = await startBot(fake, dir, cleanups);
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    const rssDev = rssMb(dev.child.pid!);
    await kill9(dev);
    // As deployed (the dist/ build, run by the Dockerfile's CMD): memory after login, then the latency run.
    execSync('npm run build --silent', { cwd: path.resolve(import.meta.dirname, '../..'), stdio: 'ignore' });
    const { child: bot } = await startBot(fake, dir, cleanups, {}, { compiled: true });
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    const rss = rssMb(bot.pid!);

    const sorted = (await interactionLatencies(fake, INTERACTIONS, PER_SECOND)).sort((a, b) => a - b);
    return [
      {
        name: 'Discord interaction → callback p50 (1,000 at 40/s)',
        value: percentile(sorted, 50),
        unit: 'ms',
      },
      {
        name: 'Discord interaction → callback p99',
        value: percentile(sorted, 99),
        unit: 'ms',
        goal: { op: '<=', target: 50 },
      },
      {
        name: 'Discord bot RSS after login, one guild (dist/, as deployed)',
        value: rss,
        unit: 'MB',
        goal: { op: '<=', target: 150 },
      },
      { name: 'do-nothing discord.js client RSS after login, same fake', value: rssBare, unit: 'MB' },
      {
        name: 'Discord bot RSS / do-nothing client RSS',
        value: rss / rssBare,
        unit: '×',
        goal: { op: '<=', target: 1.3 },
      },
      { name: 'Discord bot RSS after login under tsx (npm start)', value: rssDev, unit: 'MB' },
    ];
  } finally {
    for (const c of cleanups) await c();
    await fake.close();
    cleanup();
  }
}
