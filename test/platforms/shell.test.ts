import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, runShell, type TestApp, tempDir } from '../helpers.ts';

let app: TestApp;
beforeEach(() => {
  app = makeTestApp();
});
afterEach(() => app.dispose());

describe('shell protocol (piped)', () => {
  it('prints glossary entries as channel posts', async () => {
    const out = await runShell(app, ['/glossary drift']);
    expect(out).toContain('[#general] Turma:');
    expect(out).toContain('📖 Data Drift');
    expect(out).toContain('📖 Concept Drift');
    // Sources by the material's title, never by file name.
    expect(out).toContain('Fonte: Material da Aula 2 — Guia completo de MLOps § Glossário de Termos-Chave;');
    expect(out).not.toMatch(/\.txt|\d{3}_[0-9a-f]{16}/);
  });

  it('marks private replies and numbers buttons, and !click follows them by number or label', async () => {
    const out = await runShell(app, ['/glossary', '!click 1', '!click Anterior']);
    expect(out).toContain('[só você] Turma:');
    expect(out).toMatch(/Glossário — página 1 de \d+/);
    expect(out).toContain('[1] Próxima ▶');
    expect(out).toMatch(/Glossário — página 2 de \d+/);
    expect(out.match(/página 1 de/g)).toHaveLength(2);
  });

  it('/help lists the admin commands only after !admin on', async () => {
    const out = await runShell(app, ['/help', '!admin on', '/help']);
    const helps = out.split('Turma — o que eu sei fazer').slice(1);
    expect(helps).toHaveLength(2);
    expect(helps[0]).not.toContain('/config');
    expect(helps[0]).toContain('Monitores (admins da comunidade) veem também os comandos de administração.');
    expect(helps[1]).toContain('/config');
    expect(helps[1]).toContain('/scores');
    expect(helps[1]).not.toContain('Monitores (admins da comunidade)');
  });

  it('switches user, channel and admin rights', async () => {
    const out = await runShell(app, [
      '!as bruno',
      '!channel aula',
      '!admin on',
      '/glossary mlops',
      '!admin off',
    ]);
    expect(out).toContain('Agora você é bruno.');
    expect(out).toContain('bruno agora administra a comunidade.');
    expect(out).toContain('[#aula] Turma:');
    expect(out).toContain('bruno não administra mais a comunidade.');
  });

  it('answers unknown commands and clicks with a hint instead of failing', async () => {
    const out = await runShell(app, ['/nope', '!click 3', '!frobnicate', 'just chatting']);
    expect(out).toContain('Não conheço o comando /nope');
    expect(out).toContain('Não há botões para clicar.');
    expect(out).toContain('Comando de shell desconhecido');
  });
});

describe('bad input', () => {
  const hostile = [
    `/glossary ${'a'.repeat(10_000)}`,
    '/glossary 🚀🔥',
    '/glossary \u200b\u200d\ufeff',
    '/glossary dr\u0000ift\u0007',
    '/glossary @everyone',
    "/glossary '; DROP TABLE members; --",
    '/glossary <script>alert(1)</script>',
    `/help ${'x'.repeat(5000)}`,
  ];

  it('gets a short clear reply for each and leaves the database intact', async () => {
    const before = app.database.sqlite.prepare('select name from sqlite_master order by name').pluck().all();
    const out = await runShell(app, hostile);
    const replies = out.split(/^\[(?:#\w+|só você)\] Turma:$/m).slice(1);
    expect(replies.length).toBeGreaterThanOrEqual(hostile.length);
    // The longest reply is a full glossary entry ("dr\0ift" finds the drifts), its source named by the material's title.
    for (const reply of replies) expect(reply.length).toBeLessThan(1000);
    expect(out).toContain('Texto longo demais');
    expect(out).toContain('Digite um termo com letras ou números');
    expect(out).not.toContain('@everyone');
    expect(out).not.toMatch(/Algo deu errado/);
    const after = app.database.sqlite.prepare('select name from sqlite_master order by name').pluck().all();
    expect(after).toEqual(before);
    expect(app.database.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('strips control characters before searching', async () => {
    const out = await runShell(app, ['/glossary dr\u0000ift\u0007']);
    expect(out).toContain('📖 Data Drift');
  });
});

describe('npm start with piped input', () => {
  it('runs the shell on a fresh database file and exits 0 at end of input', () => {
    const { dir, cleanup } = tempDir();
    try {
      const db = path.join(dir, 'data', 'turma.sqlite');
      const result = spawnSync('npm', ['start', '--silent'], {
        input: '/glossary drift\n',
        encoding: 'utf8',
        env: { ...process.env, DATABASE_URL: `file:${db}`, DISCORD_TOKEN: '', SLACK_BOT_TOKEN: '' },
        timeout: 30_000,
      });
      expect(result.status).toBe(0);
      expect(result.stdout).toContain('📖 Data Drift');
      expect(result.stdout).toContain('📖 Concept Drift');
    } finally {
      cleanup();
    }
  });

  it('refuses to start with bad settings, listing every problem', () => {
    const result = spawnSync('npm', ['start', '--silent'], {
      input: '',
      encoding: 'utf8',
      env: {
        ...process.env,
        BOT_TIMEZONE: 'Nowhere/Land',
        DISCORD_API_URL: 'nope',
        CONTENT_DIR: '/no/such/dir',
      },
      timeout: 30_000,
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('BOT_TIMEZONE');
    expect(result.stderr).toContain('DISCORD_API_URL');
    expect(result.stderr).toContain('CONTENT_DIR');
  });
});

describe('graceful stop', () => {
  it('exits 0 on SIGTERM and closes the database cleanly', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const db = path.join(dir, 'turma.sqlite');
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
        cwd: path.resolve(import.meta.dirname, '../..'),
        env: {
          ...process.env,
          DATABASE_URL: `file:${db}`,
          DISCORD_TOKEN: '',
          SLACK_BOT_TOKEN: '',
          LOG_LEVEL: 'silent',
        },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
      });
      child.stdin.write('!admin on\n/config channel\n/glossary drift\n');
      await new Promise<void>((resolve) => {
        const wait = () => (out.includes('Concept Drift') ? resolve() : setTimeout(wait, 50));
        wait();
      });
      const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exit).toBe(0);
      // A clean close checkpoints the WAL into the database file and removes it.
      expect(existsSync(`${db}-wal`)).toBe(false);
      expect(existsSync(db)).toBe(true);
    } finally {
      cleanup();
    }
  });
});

describe('flood control', () => {
  it('refuses a command flood politely and privately, then lets the user back in', async () => {
    const lines = Array.from({ length: 25 }, () => '/glossary mlops');
    const out = await runShell(app, lines);
    expect(out.match(/📖 MLOps/g)).toHaveLength(20);
    expect(out).toContain('[só você] Turma:\nCalma! Muitos comandos em pouco tempo. Tente de novo em 1 s.');
    app.clock.advance(5_000);
    expect(await runShell(app, ['/glossary mlops'])).toContain('📖 MLOps');
  });
});
