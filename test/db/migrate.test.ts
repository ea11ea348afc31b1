import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.ts';
import { createRepositories } from '../../src/db/repositories.ts';
import { tempDir } from '../helpers.ts';

describe('openDatabase', () => {
  it('creates the file and its folder, applies the migrations, and runs in WAL mode', () => {
    const { dir, cleanup } = tempDir();
    try {
      const file = path.join(dir, 'nested', 'turma.sqlite');
      const handle = openDatabase(file);
      const tables = handle.sqlite
        .prepare("select name from sqlite_master where type = 'table' order by name")
        .pluck()
        .all();
      expect(tables).toEqual(expect.arrayContaining(['communities', 'members', '__drizzle_migrations']));
      expect(handle.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(handle.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
      handle.close();
      // Opening again applies nothing twice and keeps the data.
      const again = openDatabase(file);
      const count = again.sqlite.prepare('select count(*) from __drizzle_migrations').pluck().get();
      expect(count).toBeGreaterThanOrEqual(1);
      again.close();
    } finally {
      cleanup();
    }
  });

  it('finds or creates communities and members once', () => {
    const handle = openDatabase(':memory:');
    const repos = createRepositories(handle.db, handle.sqlite);
    const now = new Date('2026-11-23T12:00:00Z');
    const a = repos.communities.ensure('shell', 'local', now);
    const b = repos.communities.ensure('shell', 'local', now);
    expect(b.id).toBe(a.id);
    const m1 = repos.communities.ensureMember(a.id, 'ana', 'Ana', now);
    const m2 = repos.communities.ensureMember(a.id, 'ana', 'Ana Maria', now);
    expect(m2.id).toBe(m1.id);
    expect(m2.displayName).toBe('Ana Maria');
    expect(m1.createdAt.toISOString()).toBe(now.toISOString());
    handle.close();
  });
});
