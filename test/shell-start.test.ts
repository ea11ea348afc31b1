// The shell's clock starts anywhere and goes back where nothing was planned after the target; on a course whose
// calendar has ended, the first line says how to replay it, and a newcomer sees the course within three commands.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hasFaketime, tempDir } from './helpers.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const { dir, cleanup } = tempDir('turma-shell-start-');
afterAll(cleanup);

function shell(lines: string[], args: string[] = [], options: { db?: string; yearAhead?: boolean } = {}) {
  const command = [process.execPath, '--import', 'tsx', 'src/main.ts', ...args];
  const [bin, ...rest] = options.yearAhead ? ['faketime', '-f', '+365d', ...command] : command;
  const result = spawnSync(bin!, rest, {
    cwd: ROOT,
    input: `${lines.join('\n')}\n`,
    encoding: 'utf8',
    timeout: 60_000,
    env: {
      ...process.env,
      DATABASE_URL: `file:${path.join(dir, options.db ?? `${Math.random()}.sqlite`)}`,
      DISCORD_TOKEN: '',
      SLACK_BOT_TOKEN: '',
      TURMA_SHELL_START: '',
      LOG_LEVEL: 'warn',
    },
  });
  return { status: result.status, out: result.stdout, err: result.stderr };
}

describe('the shell clock', () => {
  it('starts at --at and moves back until posts are planned after the target', () => {
    const { status, out } = shell(
      [
        '/agenda',
        '!clock 2026-11-05T08:00',
        '!admin on',
        '/config channel',
        '!clock +5d',
        '!clock 2026-11-05T08:00',
      ],
      ['--at', '2026-11-09T08:00'],
    );
    expect(status).toBe(0);
    expect(out).toContain('(amanhã)'); // lesson 1 on the 10th, seen from the 9th
    expect(out).toContain('Relógio voltou para quinta-feira, 5 de novembro de 2026 às 08:00.');
    expect(out).toContain('Não dá para voltar a quinta-feira, 5 de novembro de 2026 às 08:00');
    expect(out).toContain('npm start -- --at 2026-11-05T08:00');
  });

  it('refuses a start that is not a real date and time, or any other argument, in one line', () => {
    expect(shell(['/help'], ['--at', '2026-02-30T08:00']).err.trim()).toBe(
      '--at: "2026-02-30T08:00" is not a local date and time like 2026-11-09T08:00',
    );
    expect(shell(['/help'], ['--fast']).err).toContain('unknown argument "--fast"');
  });

  it.skipIf(!hasFaketime)(
    'a year from now: says how to replay the ended course, and three commands show it',
    () => {
      const first = shell(['/agenda'], [], { yearAhead: true, db: 'year.sqlite' });
      const notice = first.out.split('\n')[0]!;
      expect(notice).toMatch(/^\* O calendário do curso terminou em .*npm start -- --at 2026-11-09T08:00/);
      const next = /\/config schedule (\S+)/.exec(notice)![1]!;
      const after = shell(['!admin on', `/config schedule ${next}`, '/agenda'], [], {
        yearAhead: true,
        db: 'year.sqlite',
      });
      expect(after.out).toContain('Feito: Primeira aula');
      expect(after.out).toContain('📚 Aula 1 — Introdução ao MLOps');
      // Or replay the course as shipped, from the eve of lesson 1.
      const replay = shell(['/agenda'], ['--at', '2026-11-09T08:00'], { yearAhead: true });
      expect(replay.out).toContain('📚 Aula 1 — Introdução ao MLOps');
      expect(replay.out).not.toContain('terminou');
    },
  );
});
