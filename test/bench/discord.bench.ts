// Discord: the bot as operators run it (src/main.ts in its own process, the real discord.js client) logged into the
// local fake Discord with one guild. Latency is from the fake sending INTERACTION_CREATE to it receiving the
// interaction callback, over 1,000 interactions sent at a steady 40 per second (below discord.js's global REST limit
// of 50 requests/s, which would otherwise add its own queueing); RSS is the bot process's after login.
import { readFileSync } from 'node:fs';
import { freePort, spawnBot, tempDir } from '../helpers.ts';
import { APP_ID, FakeDiscord, tokenOf } from '../e2e/discord/fake-discord.ts';
import { type BenchRow, GLOSSARY_QUERIES, percentile } from './stats.ts';

const INTERACTIONS = 1000;
const PER_SECOND = 40;
const USERS = 200;

const rssMb = (pid: number) =>
  Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

export async function benchDiscord(): Promise<BenchRow[]> {
  const fake = new FakeDiscord();
  await fake.listen();
  const { dir, cleanup } = tempDir('turma-bench-discord-');
  const { child: bot } = spawnBot(dir, {
    DISCORD_TOKEN: 'bench-token',
    DISCORD_APPLICATION_ID: APP_ID,
    DISCORD_API_URL: fake.apiUrl,
    LOG_LEVEL: 'warn',
    PORT: String(await freePort()),
  });
  try {
    // Logged in: the first interaction gets its answer.
    const warm = fake.command({ id: '1', name: 'warm' }, 'help');
    await fake.waitFor((r) => r.route.startsWith(`/interactions/${warm}/`), 30_000);
    await new Promise((r) => setTimeout(r, 500));
    const rss = rssMb(bot.pid!);

    const latencies: Promise<number>[] = [];
    for (let i = 0; i < INTERACTIONS; i++) {
      const user = { id: String(600000000000000000n + BigInt(i % USERS)), name: `m${i % USERS}` };
      const started = performance.now();
      const id =
        i % 4 === 3
          ? fake.command(user, 'leaderboard')
          : fake.command(user, 'glossary', { term: GLOSSARY_QUERIES[i % GLOSSARY_QUERIES.length]! });
      latencies.push(
        fake
          .waitFor((r) => r.route === `/interactions/${id}/${tokenOf(id)}/callback`, 30_000)
          .then((r) => r.at - started),
      );
      await new Promise((r) => setTimeout(r, 1000 / PER_SECOND));
    }
    const sorted = (await Promise.all(latencies)).sort((a, b) => a - b);
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
        name: 'Discord bot RSS after login, one guild',
        value: rss,
        unit: 'MB',
        goal: { op: '<=', target: 150 },
      },
    ];
  } finally {
    bot.kill('SIGTERM');
    await new Promise((r) => bot.once('exit', r));
    await fake.close();
    cleanup();
  }
}
