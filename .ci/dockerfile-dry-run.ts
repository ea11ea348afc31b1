// Replays the Dockerfile without a Docker engine: every instruction of every stage, in order, in a clean temporary
// directory per stage (container paths such as /app and /data mapped into it). Root-only steps (apt-get, chown, USER)
// are reported, not run. Then the image's CMD runs against a local fake Discord until its HEALTHCHECK passes, and
// SIGTERM must stop it with exit code 0. Usage: npx tsx .ci/dockerfile-dry-run.ts
import { execSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { APP_ID, FakeDiscord } from '../test/e2e/discord/fake-discord.ts';
import { freePort } from '../test/helpers.ts';

const repo = path.resolve(import.meta.dirname, '..');
const work = mkdtempSync(path.join(tmpdir(), 'turma-dockerfile-'));
const say = (line: string) => console.log(`dockerfile-dry-run: ${line}`);

interface Stage {
  name: string;
  root: string;
  cwd: string;
  env: Record<string, string>;
}

/** Container paths into the stage's directory: /app/x → <root>/app/x. */
const mapPaths = (stage: Stage, text: string) =>
  text.replace(
    /(^|[\s=:'"(])\/(app|data)(?=\/|\b)/g,
    (_m, before: string, top: string) => `${before}${stage.root}/${top}`,
  );

const instructions = readFileSync(path.join(repo, 'Dockerfile'), 'utf8')
  .replace(/\\\n/g, ' ')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'));

const stages: Stage[] = [];
let healthcheck: string[] | undefined;
let cmd: string[] | undefined;
try {
  for (const line of instructions) {
    const [word = '', ...restWords] = line.split(/\s+/);
    const rest = line.slice(word.length).trim();
    const stage = stages[stages.length - 1]!;
    switch (word.toUpperCase()) {
      case 'FROM': {
        const name = /\bAS\s+(\S+)/i.exec(rest)?.[1] ?? 'final';
        const root = path.join(work, name);
        mkdirSync(root, { recursive: true });
        stages.push({ name, root, cwd: root, env: {} });
        say(`FROM ${restWords[0]} → ${root} (this machine: node ${process.version})`);
        break;
      }
      case 'WORKDIR':
        stage.cwd = mapPaths(stage, rest);
        mkdirSync(stage.cwd, { recursive: true });
        break;
      case 'ENV':
        for (const [, key, value] of rest.matchAll(/(\w+)=(\S+)/g)) stage.env[key!] = mapPaths(stage, value!);
        break;
      case 'COPY': {
        const from = /--from=(\S+)/.exec(rest)?.[1];
        const parts = rest.replace(/--\S+/g, '').trim().split(/\s+/);
        const dest = parts.pop()!;
        const target = dest.startsWith('/') ? mapPaths(stage, dest) : path.join(stage.cwd, dest);
        const base = from ? stages.find((s) => s.name === from)! : undefined;
        for (const src of parts) {
          const source = base ? mapPaths(base, src) : path.join(repo, src);
          const into =
            parts.length > 1 || dest.endsWith('/') ? path.join(target, path.basename(src)) : target;
          cpSync(source, into, { recursive: true });
        }
        say(`COPY ${rest}`);
        break;
      }
      case 'RUN': {
        if (/^apt-get\b/.test(rest)) {
          say(`RUN ${rest.slice(0, 60)}… — skipped (root only); this machine has python3, make and g++`);
          break;
        }
        const command = mapPaths(stage, rest.replace(/\s*&&\s*chown\s+\S+\s+\S+/g, ''));
        say(`RUN ${rest}${rest.includes('chown') ? ' (chown skipped: not root here)' : ''}`);
        execSync(command, { cwd: stage.cwd, stdio: 'inherit', env: { ...process.env, ...stage.env } });
        break;
      }
      case 'HEALTHCHECK':
        healthcheck = JSON.parse(rest.slice(rest.indexOf('CMD') + 3).trim()) as string[];
        break;
      case 'CMD':
        cmd = JSON.parse(rest) as string[];
        break;
      default:
        say(`${word} ${rest} — noted (image metadata)`);
    }
  }
  const final = stages[stages.length - 1]!;
  if (!cmd || !healthcheck) throw new Error('the Dockerfile needs CMD and HEALTHCHECK');

  // The image's command, as `docker run` would start it, against a fake Discord.
  const fake = new FakeDiscord();
  await fake.listen();
  const port = await freePort();
  const env = {
    ...process.env,
    ...final.env,
    DISCORD_TOKEN: 'dry-run-token',
    DISCORD_APPLICATION_ID: APP_ID,
    DISCORD_API_URL: fake.apiUrl,
    PORT: String(port),
    LOG_LEVEL: 'warn',
  };
  say(`CMD ${cmd.join(' ')} (in ${final.cwd}, database ${env.DATABASE_URL})`);
  const child = spawn(cmd[0]!, cmd.slice(1), { cwd: final.cwd, env, stdio: 'inherit' });
  let healthy = false;
  for (let i = 0; i < 60 && !healthy; i++) {
    await new Promise((r) => setTimeout(r, 500));
    healthy = spawnSync(healthcheck[0]!, healthcheck.slice(1), { env, timeout: 5000 }).status === 0;
  }
  say(`HEALTHCHECK ${healthy ? 'passes' : 'FAILED'}`);
  child.kill('SIGTERM');
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  say(`SIGTERM → exit code ${code}`);
  await fake.close();
  if (!healthy || code !== 0) throw new Error('the image would not run as documented');
  say('ok');
} catch (e) {
  console.error(`dockerfile-dry-run: FAILED: ${(e as Error).message}`);
  process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
