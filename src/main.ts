// Entry point: `npm start`. Validates settings and content, opens the database, opens the HTTP server (/healthz,
// /metrics, the calendar feeds, Slack's /slack/events), then connects each configured platform (Discord and/or
// Slack) on its own until SIGTERM, or runs the shell when no platform token is set.
import { createApp } from './app.ts';
import { OffsetClock, systemClock } from './clock.ts';
import { ConfigError, loadConfig, loadDotEnv } from './config.ts';
import { ContentError } from './content/load.ts';
import { scheduleNightlyBackup } from './db/nightly-backup.ts';
import { databaseProbe } from './db/health-probe.ts';
import { healthRoute, metricsRoute } from './health.ts';
import { HttpServer } from './http-server.ts';
import { calendarFeedRoute, FEED_PREFIX } from './calendar/feed-route.ts';
import { createLogger } from './log.ts';
import { Metrics } from './metrics.ts';
import type { PlatformAdapter } from './platforms/adapter.ts';
import { SHELL_COMMUNITY, ShellAdapter } from './platforms/shell/shell.ts';
import { courseOverNotice, parseStart, rewindRefusal, startArgument } from './shell-start.ts';
import { PlatformSupervisor } from './platforms/supervisor.ts';

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

// With no platform the shell runs on a clock that `!clock` moves, starting at `--at` (or TURMA_SHELL_START) when
// given; otherwise, real time.
const shellMode = !config.discord && !config.slack;
let startText: string | undefined;
try {
  startText = startArgument(process.argv.slice(2), config.shellStart);
} catch (e) {
  fail((e as Error).message);
}
if (startText !== undefined && !shellMode && process.argv.length > 2)
  fail('--at moves the shell clock; it has no effect with DISCORD_TOKEN or SLACK_BOT_TOKEN set');
const start =
  shellMode && startText !== undefined ? parseStart(startText, new Date(), config.timezone) : undefined;
if (typeof start === 'string') fail(`--at: ${start}`);
const shellClock = shellMode ? new OffsetClock(start) : undefined;
let app: ReturnType<typeof createApp>;
try {
  app = createApp(config, shellClock ?? systemClock, logger, {
    realTime: true,
    metrics: new Metrics({ process: !shellMode }),
  });
} catch (e) {
  if (e instanceof ContentError) fail(`${e.message}\nFix the file(s) above, then run npm run content:check.`);
  fail(`Cannot open the database at ${config.databasePath}: ${(e as Error).message}`);
}

// With platforms, one HTTP server on PORT: /healthz, /metrics, and /slack/events in Slack's HTTP mode.
const http = shellMode ? undefined : new HttpServer();
const platforms: PlatformAdapter[] = [];
// Each platform's SDK is loaded only when it is configured (discord.js and bolt are large).
if (config.discord) {
  const { DiscordAdapter } = await import('./platforms/discord/adapter.ts');
  const discord = new DiscordAdapter({
    bot: app.bot,
    token: config.discord.token,
    apiUrl: config.discord.apiUrl,
    shards: config.discord.shards,
    logger,
    metrics: app.metrics,
    locale: config.locale,
  });
  app.events.register('discord', discord.scheduledEvents);
  platforms.push(discord);
}

if (config.slack) {
  const { SlackAdapter } = await import('./platforms/slack/adapter.ts');
  platforms.push(
    new SlackAdapter({
      bot: app.bot,
      botToken: config.slack.botToken,
      appToken: config.slack.appToken,
      signingSecret: config.slack.signingSecret,
      apiUrl: config.slack.apiUrl,
      adminUserIds: config.slack.adminUserIds,
      http,
      logger,
      metrics: app.metrics,
      locale: config.locale,
    }),
  );
}

const refusalToRewind = (target: Date) =>
  rewindRefusal(target, app.repos.runs.latestScheduledFor(), config.timezone, config.locale);

async function rewindShell(target: Date): Promise<string | undefined> {
  const refused = refusalToRewind(target);
  if (refused) return refused;
  shellClock!.set(target);
  await app.scheduler.tick();
  return undefined;
}

// Starting the shell clock before posts this database already planned would skip them: say so and stop.
const refusedStart = start && refusalToRewind(start);
if (refusedStart) {
  await app.close();
  fail(refusedStart);
}

let shell: ShellAdapter | undefined;
if (platforms.length === 0) {
  shell = new ShellAdapter({
    bot: app.bot,
    input: process.stdin,
    output: process.stdout,
    locale: config.locale,
    timezone: config.timezone,
    timers: app.timers,
    interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    rewind: (target) => rewindShell(target),
    notice: courseOverNotice(
      app.content,
      app.repos.communities.find('shell', SHELL_COMMUNITY)?.firstClass,
      app.clock.now(),
      config.timezone,
      config.locale,
    ),
  });
  platforms.push(shell);
}

// Nightly online backups while serving platforms (the shell is for trying things out).
const backups =
  !shellMode && config.backup.time
    ? scheduleNightlyBackup(
        app.database.sqlite,
        { ...config.backup, time: config.backup.time },
        config.timezone,
        app.clock,
        logger,
      )
    : undefined;

/** SIGTERM exits within this long even when a platform call hangs (every call also has its own timeout). */
const SHUTDOWN_DEADLINE_MS = 8000;

const supervisors = shell ? [] : platforms.map((platform) => new PlatformSupervisor(platform, logger));

let stopping = false;
async function shutdown(code: number, message?: string) {
  if (stopping) return;
  stopping = true;
  if (message) process.stderr.write(`${message}\n`);
  if (!shell) logger.info('shutting down: finishing in-flight work');
  // What has not finished by then is either committed already or retried after the restart (the run table).
  setTimeout(() => {
    logger.warn({ deadlineMs: SHUTDOWN_DEADLINE_MS }, 'shutdown deadline passed; exiting now');
    process.exit(code);
  }, SHUTDOWN_DEADLINE_MS).unref();
  await http?.close();
  await backups?.stop();
  for (const supervisor of supervisors)
    await supervisor.stop().catch((err) => logger.error({ err }, 'stop failed'));
  if (shell) await shell.stop().catch((err) => logger.error({ err }, 'stop failed'));
  await app.close();
  process.exit(code);
}
process.once('SIGTERM', () => void shutdown(0));
process.once('SIGINT', () => void shutdown(0));

// The HTTP server comes first, so /healthz tells what is happening while the platforms connect.
if (http) {
  const database = databaseProbe(app.database.sqlite, config.databasePath);
  const sources = { database, platforms: supervisors, scheduler: app.scheduler, clock: app.clock };
  http.route('/healthz', healthRoute(sources));
  http.route('/metrics', metricsRoute(app.metrics));
  http.routePrefix(
    FEED_PREFIX,
    calendarFeedRoute({
      repos: app.repos,
      content: app.content,
      clock: app.clock,
      logger,
      defaultTimezone: config.timezone,
      defaultLocale: config.locale,
    }),
  );
  try {
    await http.listen(config.port);
  } catch (e) {
    await shutdown(1, `Cannot listen on PORT ${config.port}: ${(e as Error).message}`);
  }
  logger.info({ port: http.port, paths: http.paths }, 'http listening');
}

for (const platform of platforms) app.messenger.register(platform);
if (shell) await shell.start();
// Each platform connects on its own; one that cannot keeps retrying in the background while the others serve.
else await Promise.all(supervisors.map((supervisor) => supervisor.start()));
await app.resume();
if (shell) {
  await shell.finished;
  await shutdown(0);
}
