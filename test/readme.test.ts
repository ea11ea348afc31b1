// Every README example that pipes lines into `npm start` is run as written, and must print what the `shows:` note
// under it lists — today, and again with the system date a year ahead (libfaketime), so the README can drift from
// neither the product nor the calendar.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hasFaketime, tempDir } from './helpers.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

/** Each ```sh block that pipes into npm start, with the `<!-- shows: a | b -->` note that follows it. */
const examples = [...readme.matchAll(/```sh\n([\s\S]*?)```\n(?:<!-- shows: (.*?) -->)?/g)]
  .map((m) => ({ command: m[1]!.replace(/\\\n\s*/g, ' ').trim(), shows: m[2]?.split(' | ') }))
  .filter((e) => /\|\s*(\S+=\S+\s+)*npm start/.test(e.command));

const { dir, cleanup } = tempDir('turma-readme-');
afterAll(cleanup);

function run(command: string, yearAhead: boolean) {
  const args = yearAhead ? ['faketime', '-f', '+365d', 'bash', '-c', command] : ['bash', '-c', command];
  const result = spawnSync(args[0]!, args.slice(1), {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 90_000,
    env: {
      ...process.env,
      // Examples that name no database get a fresh one, not the developer's ./data.
      DATABASE_URL: `file:${path.join(dir, `${yearAhead ? 'ahead' : 'today'}-${Math.random()}.sqlite`)}`,
      DISCORD_TOKEN: '',
      SLACK_BOT_TOKEN: '',
      SLACK_APP_TOKEN: '',
      TURMA_SHELL_START: '',
      LOG_LEVEL: 'warn',
    },
  });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

describe('the README examples', () => {
  it('has shell examples, each with what it shows', () => {
    expect(examples.length).toBeGreaterThanOrEqual(2);
    for (const e of examples) expect(e.shows, e.command).toBeDefined();
  });

  for (const example of examples) {
    it(`shows what the README says: ${example.command.slice(0, 60)}`, () => {
      const { status, out } = run(example.command, false);
      expect(status, out).toBe(0);
      for (const piece of example.shows ?? []) expect(out, piece).toContain(piece);
    });

    it.skipIf(!hasFaketime)(`shows the same a year from now: ${example.command.slice(0, 50)}`, () => {
      const { status, out } = run(example.command, true);
      expect(status, out).toBe(0);
      for (const piece of example.shows ?? []) expect(out, piece).toContain(piece);
    });
  }
});
