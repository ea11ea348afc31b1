// Can the database still commit a write? /healthz asks on every call: one tiny committed UPDATE (a full disk, a
// read-only or vanished file fails it) and the free space of the disk it lives on (SQLite's WAL needs room to grow,
// and a nearly full disk fails larger writes before it fails this one).
import { statfsSync } from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';

/** Below this much free space on the database's disk, writes are about to fail: report it before they do. */
export const MIN_FREE_BYTES = 512 * 1024;

export function databaseProbe(sqlite: Database.Database, file: string): (now: Date) => string {
  let write: Database.Statement | undefined;
  return (now) => {
    try {
      write ??= sqlite.prepare(
        'insert into health_probe (id, checked_at) values (1, ?) on conflict (id) do update set checked_at = excluded.checked_at',
      );
      write.run(now.getTime());
    } catch (e) {
      return `failing: cannot write (${(e as Error).message})`;
    }
    if (file === ':memory:') return 'ok';
    try {
      const fs = statfsSync(path.dirname(path.resolve(file)));
      const free = fs.bavail * fs.bsize;
      if (free < MIN_FREE_BYTES) return `failing: disk almost full (${Math.floor(free / 1024)} KiB free)`;
    } catch (e) {
      return `failing: cannot check the disk (${(e as Error).message})`;
    }
    return 'ok';
  };
}
