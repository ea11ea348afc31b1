// Shared test setup: a real app on a fresh SQLite file with the real migrations, and a shell to drive it.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { type App, type AppOptions, createApp } from '../src/app.ts';
import { ManualClock } from '../src/clock.ts';
import { loadConfig } from '../src/config.ts';
import { silentLogger } from '../src/log.ts';
import { ShellAdapter } from '../src/platforms/shell/shell.ts';

export const CONTENT_DIR = path.resolve(import.meta.dirname, '../content');

export function tempDir(prefix = 'turma-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A TCP port free on 127.0.0.1 right now (for a child process that must be told its port). */
export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

export interface TestApp extends App {
  clock: ManualClock;
  dbFile: string;
  dispose(): Promise<void>;
}

/** A real app over a fresh (or the given) database file; the clock starts at `start` and only moves when told. */
export function makeTestApp(
  start = new Date('2026-11-23T12:00:00Z'),
  env: Record<string, string> = {},
  dbFile?: string,
  options: AppOptions = {},
): TestApp {
  const { dir, cleanup } = tempDir();
  const file = dbFile ?? path.join(dir, 'turma.sqlite');
  const config = loadConfig({ DATABASE_URL: `file:${file}`, CONTENT_DIR, LOG_LEVEL: 'silent', ...env });
  const clock = new ManualClock(start);
  const app = createApp(config, clock, silentLogger(), options);
  return {
    ...app,
    clock,
    dbFile: file,
    async dispose() {
      await app.close();
      cleanup();
    },
  };
}

/** A piped-mode shell over the app that records what it prints; `run` feeds lines and waits for them. */
export function shellFor(app: App, options: { user?: string } = {}) {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk: Buffer) => {
    printed += chunk.toString('utf8');
  });
  const shell = new ShellAdapter({
    bot: app.bot,
    input,
    output,
    locale: app.config.locale,
    timezone: app.config.timezone,
    timers: app.timers,
    interactive: false,
    user: options.user,
  });
  app.messenger.register(shell);
  return {
    shell,
    input,
    /** Handles lines one by one and returns what they printed. */
    async run(lines: string[]): Promise<string> {
      const before = printed.length;
      for (const line of lines) await shell.handleLine(line);
      return printed.slice(before);
    },
    get printed() {
      return printed;
    },
  };
}

/** Feeds lines to a piped-mode shell over the app (through its input stream) and returns everything it printed. */
export async function runShell(app: App, lines: string[]): Promise<string> {
  const session = shellFor(app);
  await session.shell.start();
  session.input.end(`${lines.join('\n')}\n`);
  await session.shell.finished;
  return session.printed;
}

/**
 * The bot in its own process on a fresh database in `dir`, logs collected: `src/main.ts` as `npm start` runs it, or
 * with `compiled` the `dist/` build as the Docker image runs it (`npm run build` first).
 */
export function spawnBot(
  dir: string,
  env: Record<string, string>,
  options: { compiled?: boolean } = {},
): { child: ChildProcess; logs: () => string } {
  const args = options.compiled ? dockerCommand().slice(1) : ['--import', 'tsx', 'src/main.ts'];
  const child = spawn(process.execPath, args, {
    cwd: path.resolve(import.meta.dirname, '..'),
    env: {
      ...process.env,
      DATABASE_URL: `file:${path.join(dir, 'turma.sqlite')}`,
      CONTENT_DIR,
      DISCORD_TOKEN: '',
      SLACK_BOT_TOKEN: '',
      SLACK_APP_TOKEN: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let logs = '';
  child.stdout!.on('data', (c: Buffer) => (logs += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (logs += c.toString()));
  return { child, logs: () => logs };
}

/** The Dockerfile's CMD (`["node", …flags, "dist/src/main.js"]`), so a compiled bot runs exactly as the image runs it. */
export function dockerCommand(): string[] {
  const dockerfile = readFileSync(path.resolve(import.meta.dirname, '../Dockerfile'), 'utf8');
  const line = dockerfile.split('\n').find((l) => l.startsWith('CMD '));
  const command = line ? (JSON.parse(line.slice(4)) as string[]) : [];
  if (command[0] !== 'node') throw new Error('the Dockerfile CMD must be an exec-form ["node", …] array');
  return command;
}

/** Whether libfaketime's `faketime` is installed (CI installs it): the year-ahead checks need it. */
export const hasFaketime = (() => {
  try {
    execFileSync('faketime', ['-f', '+1d', 'true']);
    return true;
  } catch {
    return false;
  }
})();
