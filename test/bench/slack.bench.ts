// Slack: the bot as operators run it (src/main.ts in its own process, the real bolt app in HTTP mode), its Web API
// pointed at the local fake. Latency is a signed slash command POSTed to /slack/events until the HTTP response
// (bolt's ack) arrives, over 1,000 requests one after another; the answers themselves follow on response_url.
import { once } from 'node:events';
import { freePort, spawnBot, tempDir } from '../helpers.ts';
import { FakeSlack, SIGNING_SECRET } from '../e2e/slack/fake-slack.ts';
import { type BenchRow, GLOSSARY_QUERIES, percentile } from './stats.ts';

const REQUESTS = 1000;
const USERS = 200;

export async function benchSlack(): Promise<BenchRow[]> {
  const fake = new FakeSlack();
  await fake.listen();
  const users = Array.from({ length: USERS }, (_, i) => ({ id: `U${1000 + i}`, name: `m${i}` }));
  for (const u of users) fake.users.set(u.id, u);
  const { dir, cleanup } = tempDir('turma-bench-slack-');
  const port = await freePort();
  const { child: bot } = spawnBot(dir, {
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    PORT: String(port),
    LOG_LEVEL: 'warn',
  });
  const url = `http://127.0.0.1:${port}/slack/events`;
  const post = async (body: string) => {
    const started = performance.now();
    const res = await fetch(url, { method: 'POST', body, headers: fake.sign(body) });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
    return performance.now() - started;
  };
  try {
    // Ready once a request is answered.
    for (let tries = 0; ; tries++) {
      try {
        await post(fake.slashCommand(users[0]!, 'help').body);
        break;
      } catch (e) {
        if (tries > 300) throw e;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    const samples: number[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const user = users[i % USERS]!;
      const { body } =
        i % 4 === 3
          ? fake.slashCommand(user, 'leaderboard')
          : fake.slashCommand(user, 'glossary', GLOSSARY_QUERIES[i % GLOSSARY_QUERIES.length]);
      samples.push(await post(body));
    }
    samples.sort((a, b) => a - b);
    return [
      {
        name: 'Slack signed request → HTTP response p50 (1,000)',
        value: percentile(samples, 50),
        unit: 'ms',
      },
      {
        name: 'Slack signed request → HTTP response p99',
        value: percentile(samples, 99),
        unit: 'ms',
        goal: { op: '<=', target: 50 },
      },
    ];
  } finally {
    bot.kill('SIGTERM');
    await once(bot, 'exit');
    await fake.close();
    cleanup();
  }
}
