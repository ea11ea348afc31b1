// Entry point: `npm start`. Validates settings and content, opens the database, then runs the shell (no tokens)
// or the configured platforms until stopped.
import { createApp } from './app.ts';
import { OffsetClock, systemClock } from './clock.ts';
import { ConfigError, loadConfig, loadDotEnv } from './config.ts';
import { ContentError } from './content/load.ts';
import { createLogger } from './log.ts';
import { ShellAdapter } from './platforms/shell/shell.ts';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

loadDotEnv();
let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (e) {
  if (e instanceof ConfigError) fail(e.message);
  throw e;
}
const logger = createLogger(config.logLevel);

// With no platform the shell runs on a clock that `!clock` can move forward; otherwise, real time.
const shellMode = !config.discord && !config.slack;
let app: ReturnType<typeof createApp>;
try {
  app = createApp(config, shellMode ? new OffsetClock() : systemClock, logger, { realTime: true });
} catch (e) {
  if (e instanceof ContentError) fail(`${e.message}\nFix the file(s) above, then run npm run content:check.`);
  fail(`Cannot open the database at ${config.databasePath}: ${(e as Error).message}`);
}

if (config.discord || config.slack) {
  fail(
    'Discord and Slack adapters are not part of this build yet; unset DISCORD_TOKEN / SLACK_BOT_TOKEN to use the shell.',
  );
}

const shell = new ShellAdapter({
  bot: app.bot,
  input: process.stdin,
  output: process.stdout,
  locale: config.locale,
  timezone: config.timezone,
  timers: app.timers,
  interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
});
app.messenger.register(shell);

let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  await shell.stop();
  await app.close();
  process.exit(code);
}
process.once('SIGTERM', () => void shutdown(0));
process.once('SIGINT', () => void shutdown(0));

await shell.start();
await app.resume();
await shell.finished;
await shutdown(0);
