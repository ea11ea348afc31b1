import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDatabase, restoreDatabase } from '../../src/db/backup.ts';
import { scheduleNightlyBackup } from '../../src/db/nightly-backup.ts';
import { silentLogger } from '../../src/log.ts';
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

    // Restore (npm run db:restore): stop, more data written after the backup, put the backup in place, start again.
    const dbFile = app.dbFile;
    await sh.run(['!as bruno', '/quiz', '!click B']);
    await app.close();
    const { keptAs } = restoreDatabase(file, dbFile, new Date('2026-11-23T12:30:00Z'));
    expect(keptAs).toBe(`${dbFile}.before-restore-20261123-123000`);
    expect(existsSync(keptAs!)).toBe(true);
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

  it('refuses to restore a file that is not a sound Turma backup, leaving the database alone', () => {
    app = makeTestApp();
    const bogus = path.join(path.dirname(app.dbFile), 'bogus.sqlite');
    writeFileSync(bogus, 'not a database at all, just text '.repeat(200));
    expect(() => restoreDatabase(bogus, app!.dbFile, new Date())).toThrow(/not a database|integrity/);
    const empty = path.join(path.dirname(app.dbFile), 'empty.sqlite');
    new Database(empty).close();
    expect(() => restoreDatabase(empty, app!.dbFile, new Date())).toThrow(/is not a Turma database/);
    expect(existsSync(app.dbFile)).toBe(true);
    expect(readdirSync(path.dirname(app.dbFile)).some((f) => f.includes('before-restore'))).toBe(false);
  });

  it('runs the nightly backup job into BACKUP_DIR with retention', async () => {
    app = makeTestApp(new Date('2026-11-23T06:00:00Z'));
    const dir = path.join(path.dirname(app.dbFile), 'nightly');
    const job = scheduleNightlyBackup(
      app.database.sqlite,
      { dir, keep: 2, time: '03:00' },
      'UTC',
      app.clock,
      silentLogger(),
    );
    try {
      for (let day = 0; day < 3; day++) {
        app.clock.advance(86_400_000);
        expect(await job.run()).toMatch(/turma-202611\d\d-060000\.sqlite$/);
      }
      expect(readdirSync(dir)).toEqual(['turma-20261125-060000.sqlite', 'turma-20261126-060000.sqlite']);
    } finally {
      await job.stop();
    }
  });
});
