import { copyFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDatabase } from '../../src/db/backup.ts';
import { makeTestApp, shellFor, type TestApp } from '../helpers.ts';

let app: TestApp | undefined;
afterEach(() => app?.dispose());

const counts = (db: Database.Database) =>
  Object.fromEntries(
    ['members', 'answers', 'score_events', 'reflections'].map((t) => [
      t,
      db.prepare(`select count(*) from ${t}`).pluck().get(),
    ]),
  );

describe('backups', () => {
  it('copies the live database consistently, and a restored copy serves the same data', async () => {
    app = makeTestApp(new Date('2026-11-23T12:00:00Z'));
    const sh = shellFor(app, { user: 'ana' });
    await sh.run(['/reflect Cultura vem antes das ferramentas.', '/quiz', '!click A']);
    const before = counts(app.database.sqlite);
    const dir = path.join(path.dirname(app.dbFile), 'backups');
    const file = await backupDatabase(app.database.sqlite, dir, app.clock.now());
    expect(path.basename(file)).toBe('turma-20261123-120000.sqlite');
    const copy = new Database(file, { readonly: true });
    expect(counts(copy)).toEqual(before);
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();

    // Restore: stop, replace the file (and drop the WAL files), start again.
    const dbFile = app.dbFile;
    await app.close();
    rmSync(`${dbFile}-wal`, { force: true });
    rmSync(`${dbFile}-shm`, { force: true });
    copyFileSync(file, dbFile);
    const restored = makeTestApp(new Date('2026-11-23T13:00:00Z'), {}, dbFile);
    expect(counts(restored.database.sqlite)).toEqual(before);
    expect(await shellFor(restored, { user: 'ana' }).run(['/stats'])).toContain('Reflexões enviadas: 1');
    await restored.dispose();
    app = undefined;
  });

  it('keeps only the newest backups', async () => {
    app = makeTestApp();
    const dir = path.join(path.dirname(app.dbFile), 'backups');
    for (let day = 1; day <= 5; day++)
      await backupDatabase(app.database.sqlite, dir, new Date(Date.UTC(2026, 10, day, 3)), 3);
    expect(readdirSync(dir).sort()).toEqual([
      'turma-20261103-030000.sqlite',
      'turma-20261104-030000.sqlite',
      'turma-20261105-030000.sqlite',
    ]);
  });
});
