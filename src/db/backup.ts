// Online backups through SQLite's backup API (consistent while the bot keeps writing), with simple retention.
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

const BACKUP_NAME = /^turma-\d{8}-\d{6}\.sqlite$/;

const stamp = (at: Date) => at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);

/** Writes `turma-YYYYMMDD-HHMMSS.sqlite` (UTC) into `dir`, keeps the newest `keep` backups, returns the new file. */
export async function backupDatabase(
  sqlite: Database.Database,
  dir: string,
  at: Date,
  keep = 14,
): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `turma-${stamp(at)}.sqlite`);
  await sqlite.backup(file);
  const backups = readdirSync(dir)
    .filter((f) => BACKUP_NAME.test(f))
    .sort()
    .reverse();
  for (const old of backups.slice(keep)) rmSync(path.join(dir, old));
  return file;
}

/**
 * Puts a backup in place of the database file: checks the backup first (integrity_check, Turma's tables), keeps the
 * current file and its WAL as `<file>.before-restore-<stamp>`, then copies. Run it with the bot stopped.
 */
export function restoreDatabase(backupFile: string, dbFile: string, at: Date): { keptAs?: string } {
  if (!existsSync(backupFile)) throw new Error(`no such backup: ${backupFile}`);
  const check = new Database(backupFile, { readonly: true, fileMustExist: true });
  try {
    const ok = check.pragma('integrity_check', { simple: true });
    if (ok !== 'ok') throw new Error(`${backupFile} fails SQLite's integrity check: ${String(ok)}`);
    const hasTables = check
      .prepare(
        "select count(*) from sqlite_master where type = 'table' and name in ('communities', 'score_events')",
      )
      .pluck()
      .get();
    if (hasTables !== 2) throw new Error(`${backupFile} is not a Turma database`);
  } finally {
    check.close();
  }
  let keptAs: string | undefined;
  if (existsSync(dbFile)) {
    keptAs = `${dbFile}.before-restore-${stamp(at)}`;
    renameSync(dbFile, keptAs);
    for (const suffix of ['-wal', '-shm'])
      if (existsSync(dbFile + suffix)) renameSync(dbFile + suffix, keptAs + suffix);
  }
  mkdirSync(path.dirname(path.resolve(dbFile)), { recursive: true });
  copyFileSync(backupFile, dbFile);
  return { keptAs };
}
