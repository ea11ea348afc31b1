// Discord: the bot as operators run it (its own process, the real discord.js client; the dist/ build as deployed)
// logged into the local fake Discord with one guild. Latency is from the fake sending INTERACTION_CREATE to it receiving the
// interaction callback, over 1,000 interactions sent at a steady 40 per second (below discord.js's global REST limit
// of 50 requests/s, which would otherwise add its own queueing); RSS is the bot process's after login.
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from '../helpers.ts';
import { kill9, startBot } from '../e2e/discord/bot-process.ts';
import { FakeDiscord, tokenOf } from '../e2e/discord/fake-discord.ts';
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
  const cleanups: (() => Promise<void> | void)[] = [];
  try {
    // As `npm start` runs it (TypeScript compiled on the fly by tsx): memory only, for comparison.
    const dev = await startBot(fake, dir, cleanups);
    await new Promise((r) => setTimeout(r, 500));
    const rssDev = rssMb(dev.child.pid!);
    await kill9(dev);
    // As deployed (the Docker image runs the dist/ build): memory after login, then the latency run.
    execSync('npm run build --silent', { cwd: path.resolve(import.meta.dirname, '../..'), stdio: 'ignore' });
    const { child: bot } = await startBot(fake, dir, cleanups, {}, { compiled: true });
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
        name: 'Discord bot RSS after login, one guild (dist/, as deployed)',
        value: rss,
        unit: 'MB',
        goal: { op: '<=', target: 150 },
      },
      { name: 'Discord bot RSS after login under tsx (npm start)', value: rssDev, unit: 'MB' },
    ];
  } finally {
    for (const c of cleanups) await c();
    await fake.close();
    cleanup();
  }
}
