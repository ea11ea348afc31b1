// The bot as its own process (src/main.ts) in Slack's HTTP mode on the Slack fake, for the hostile-request, kill -9
// and fault tests.
import type { ChildProcess } from 'node:child_process';
import { freePort, spawnBot } from '../../helpers.ts';
import { type FakeSlack, SIGNING_SECRET } from './fake-slack.ts';

export interface SlackBotProcess {
  child: ChildProcess;
  logs: () => string;
  port: number;
  /** POSTs a body to /slack/events (signed by the fake unless headers are given): status and text. */
  send(body: string, headers?: Record<string, string>): Promise<{ status: number; text: string }>;
  /** /healthz: status and JSON. */
  health(): Promise<{ status: number; body: { status: string; checks: Record<string, string> } }>;
  alive(): boolean;
}

/** Starts the bot on `dir`'s database and resolves once /slack/events answers; registers its SIGKILL cleanup. */
export async function startSlackBot(
  fake: FakeSlack,
  dir: string,
  cleanups: (() => Promise<void> | void)[],
  env: Record<string, string> = {},
): Promise<SlackBotProcess> {
  const port = await freePort();
  const { child, logs } = spawnBot(dir, {
    SLACK_BOT_TOKEN: 'xoxb-reliability-token',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    PORT: String(port),
    LOG_LEVEL: 'warn',
    ...env,
  });
  cleanups.push(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  const base = `http://127.0.0.1:${port}`;
  const bot: SlackBotProcess = {
    child,
    logs,
    port,
    async send(body, headers = fake.sign(body)) {
      const res = await fetch(`${base}/slack/events`, { method: 'POST', body, headers });
      return { status: res.status, text: await res.text() };
    },
    async health() {
      const res = await fetch(`${base}/healthz`);
      return { status: res.status, body: (await res.json()) as never };
    },
    alive: () => child.exitCode === null && child.signalCode === null,
  };
  for (let i = 0; i < 300; i++) {
    if (!bot.alive()) throw new Error(`bot exited:\n${logs()}`);
    const up = await bot.health().then(
      (h) => h.body.checks.slack === 'ok',
      () => false,
    );
    if (up) return bot;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`bot did not come up:\n${logs()}`);
}
