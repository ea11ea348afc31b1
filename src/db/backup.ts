// Online backups through SQLite's backup API (consistent while the bot keeps writing), with simple retention.
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';

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
