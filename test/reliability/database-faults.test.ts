// A database file that another process holds locked, or that is damaged: start-up stops with one clear sentence,
// exits non-zero, and leaves the file exactly as it was (no data loss, nothing "repaired" by recreating it).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, chownSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestApp, shellFor, tempDir } from '../helpers.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** A database with some answers and a reflection in it, closed. */
async function populated(): Promise<string> {
  const { dir, cleanup } = tempDir('turma-faults-');
  cleanups.push(cleanup);
  const file = path.join(dir, 'turma.sqlite');
  const app = makeTestApp(new Date('2026-11-23T12:00:00Z'), {}, file);
  await shellFor(app, { user: 'ana' }).run([
    '/reflect Cultura vem antes das ferramentas.',
    '/quiz',
    '!click A',
  ]);
  await app.close();
  return file;
}

const start = (file: string, as?: { uid: number; gid: number }) =>
  spawnSync('npm', ['start', '--silent'], {
    ...as,
    input: '/glossary drift\n',
    encoding: 'utf8',
    env: {
      ...process.env,
      DATABASE_URL: `file:${file}`,
      DISCORD_TOKEN: '',
      SLACK_BOT_TOKEN: '',
      LOG_LEVEL: 'silent',
    },
    timeout: 60_000,
  });

describe('database faults at start-up', () => {
  it('a file locked by another process: a clear message, exit 1, every row still there', async () => {
    const file = await populated();
    const holder = new Database(file);
    holder.exec('BEGIN EXCLUSIVE');
    const before = holder.prepare('select count(*) from answers').pluck().get();
    const result = start(file);
    holder.exec('ROLLBACK');
    holder.close();
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `Cannot open the database at ${file}: the database is locked by another process`,
    );
    expect(result.stdout).not.toContain('Data Drift');
    const after = new Database(file, { readonly: true });
    expect(after.prepare('select count(*) from answers').pluck().get()).toBe(before);
    expect(after.prepare('select count(*) from reflections').pluck().get()).toBe(1);
    after.close();
    console.log(`locked database: exit ${result.status}, "${result.stderr.trim()}"`);
  });

  it('a damaged file: a clear message pointing at db:restore, exit 1, the file byte for byte unchanged', async () => {
    const file = await populated();
    // Scribble over the header and the first pages, as a bad disk or a wrong copy would.
    const bytes = readFileSync(file);
    bytes.fill(0x5a, 0, 8192);
    writeFileSync(file, bytes);
    const hash = sha(file);
    const result = start(file);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('the file is damaged or not an SQLite database');
    expect(result.stderr).toContain('npm run db:restore');
    expect(sha(file)).toBe(hash);
    console.log(`damaged database: exit ${result.status}, file unchanged`);
  });

  it('a read-only file in a writable folder: the same clear message as a read-only folder, no -wal or -shm left', async () => {
    const file = await populated();
    const dir = path.dirname(file);
    const hash = sha(file);
    // Root may write any file: the bot runs as nobody then, owning the folder but not allowed to write the file.
    const nobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : undefined;
    if (nobody) {
      chownSync(dir, nobody.uid, nobody.gid);
      chownSync(file, nobody.uid, nobody.gid);
    }
    chmodSync(file, 0o444);
    const result = start(file, nobody);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `Cannot open the database at ${file}: the database file or its folder is read-only`,
    );
    expect(result.stderr).not.toContain('SqliteError');
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(existsSync(`${file}-wal`)).toBe(false);
    expect(existsSync(`${file}-shm`)).toBe(false);
    expect(sha(file)).toBe(hash);

    // A read-only folder says the same.
    chmodSync(file, 0o644);
    chmodSync(dir, 0o555);
    const folder = start(file, nobody);
    chmodSync(dir, 0o755);
    expect(folder.status).toBe(1);
    expect(folder.stderr).toContain(
      `Cannot open the database at ${file}: the database file or its folder is read-only`,
    );
    console.log(`read-only file: exit ${result.status}, "${result.stderr.trim()}"`);
  });
});
