import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WriteBatcher } from '../../src/db/write-batcher.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function open() {
  const dir = mkdtempSync(path.join(tmpdir(), 'turma-batcher-'));
  dirs.push(dir);
  const file = path.join(dir, 'db.sqlite');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec('create table t (k text primary key, v integer not null)');
  return { db, file };
}

describe('WriteBatcher (group commit)', () => {
  it('commits writes that arrive together in one transaction; a failing write is rolled back alone', async () => {
    const { db, file } = open();
    const batcher = new WriteBatcher(db);
    const insert = db.prepare('insert into t (k, v) values (?, ?)');
    const results = await Promise.allSettled([
      batcher.run(() => insert.run('a', 1).changes),
      batcher.run(() => {
        insert.run('b', 2); // written, then undone with the failure below
        insert.run('a', 3); // primary key taken: this whole write fails
      }),
      batcher.run(() => insert.run('c', 4).changes),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/UNIQUE/);
    // Visible to another connection once the promises have settled: committed, not just written.
    const reader = new Database(file, { readonly: true });
    expect(reader.prepare('select k, v from t order by k').all()).toEqual([
      { k: 'a', v: 1 },
      { k: 'c', v: 4 },
    ]);
    reader.close();
    expect(db.inTransaction).toBe(false);
    db.close();
  });

  it('splits a burst larger than the batch size into several transactions, in order', async () => {
    const { db } = open();
    const batcher = new WriteBatcher(db, 10);
    const insert = db.prepare('insert into t (k, v) values (?, ?)');
    const seen: number[] = [];
    const done = await Promise.all(
      Array.from({ length: 35 }, (_, i) =>
        batcher.run(() => {
          seen.push(i);
          return insert.run(`k${i}`, i).changes;
        }),
      ),
    );
    expect(done).toHaveLength(35);
    expect(seen).toEqual(Array.from({ length: 35 }, (_, i) => i));
    expect(db.prepare('select count(*) from t').pluck().get()).toBe(35);
    db.close();
  });
});
