// Opens the SQLite file (WAL, busy timeout, foreign keys) and applies the committed migrations.
import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema.ts';

export type Db = BetterSQLite3Database<typeof schema>;

export interface DatabaseHandle {
  sqlite: Database.Database;
  db: Db;
  close(): void;
}

/** The migrations folder at the project root, whether running from src/ or dist/src/. */
export function migrationsFolder(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('cannot find the project root (package.json) above src/db');
    dir = parent;
  }
  return path.join(dir, 'migrations');
}

/** Why the database cannot be used, in words an operator can act on; the file is left as it was. */
export class DatabaseUnusableError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`${reason}. Nothing was changed`);
    this.name = 'DatabaseUnusableError';
  }
}

const READ_ONLY =
  'the database file or its folder is read-only; Turma writes to both (the file, and its -wal and -shm files next to it): check their owner and permissions';

function explain(file: string, err: unknown): Error {
  const code = (err as { code?: string }).code ?? '';
  if (
    code.startsWith('SQLITE_READONLY') ||
    code === 'SQLITE_CANTOPEN' ||
    code === 'EACCES' ||
    code === 'EROFS'
  )
    return new DatabaseUnusableError(file, READ_ONLY);
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY'))
    return new DatabaseUnusableError(
      file,
      'the database is locked by another process (is another Turma running?)',
    );
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT'))
    return new DatabaseUnusableError(
      file,
      'the file is damaged or not an SQLite database; restore a backup with npm run db:restore -- <file>',
    );
  return err as Error;
}

/**
 * Opens (creating if needed) the database file, checks it can be read and written, and brings its schema up to
 * date. A locked, damaged or foreign file fails here with a DatabaseUnusableError, before anything is written.
 */
export function openDatabase(file: string): DatabaseHandle {
  if (file !== ':memory:') {
    // SQLite would open a file it may not write read-only without a word, then create empty -wal and -shm files
    // and fail at the first write: check both the folder and the file first.
    const dir = path.dirname(path.resolve(file));
    try {
      mkdirSync(dir, { recursive: true });
      accessSync(dir, constants.W_OK);
      if (existsSync(file)) accessSync(file, constants.R_OK | constants.W_OK);
    } catch (err) {
      throw explain(file, err);
    }
  }
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file);
  } catch (err) {
    throw explain(file, err);
  }
  try {
    return prepare(sqlite, file);
  } catch (err) {
    sqlite.close();
    throw explain(file, err);
  }
}

function prepare(sqlite: Database.Database, file: string): DatabaseHandle {
  sqlite.pragma('busy_timeout = 5000');
  const check = sqlite.pragma('quick_check', { simple: true });
  if (check !== 'ok')
    throw new DatabaseUnusableError(
      file,
      `SQLite's quick_check found damage (${String(check)}); restore a backup with npm run db:restore -- <file>`,
    );
  // Take the write lock once, so a file held by another process is reported now and not at the first answer.
  sqlite.exec('BEGIN IMMEDIATE; ROLLBACK');
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  // A 32 MiB page cache and memory-mapped reads keep hot pages (answers, indexes, the ledger) off the syscall path.
  sqlite.pragma('cache_size = -32000');
  sqlite.pragma('mmap_size = 268435456');
  // Statement journals (every write in a group commit runs in its own savepoint) and sorts stay in memory instead of
  // temporary files: the answer path's writes cost a third of what they did.
  sqlite.pragma('temp_store = MEMORY');
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: migrationsFolder() });
  return {
    sqlite,
    db,
    close: () => {
      if (sqlite.open) sqlite.close();
    },
  };
}
