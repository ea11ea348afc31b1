// The boundaries of ARCHITECTURE.md, checked on the source itself: the core is pure, commands are platform-neutral,
// and only src/platforms talks to a chat SDK. A violation names the file and the import.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const PLATFORM_SDK = /^(discord\.js|@discordjs\/|@slack\/)/;
const INFRASTRUCTURE = /^(drizzle-orm|better-sqlite3|node-cron|pino)/;

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(dir, f));
}

/** Every module a file imports, statically or with import(), as written. */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  return [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|^import\s+)'([^']+)'/gm)].map((m) => m[1]!);
}

function violations(files: string[], bad: (spec: string, file: string) => boolean): string[] {
  return files.flatMap((file) =>
    importsOf(file)
      .filter((spec) => bad(spec, file))
      .map((spec) => `${file} → ${spec}`),
  );
}

/** Where a relative import lands, relative to the repository root. */
const target = (spec: string, file: string) =>
  spec.startsWith('.') ? path.relative(ROOT, path.resolve(ROOT, path.dirname(file), spec)) : spec;

describe('architecture boundaries', () => {
  it('keeps src/core pure: no SDK, database, scheduler or logger, no environment and no wall clock', () => {
    const files = sources('src/core');
    expect(files.length).toBeGreaterThan(10);
    expect(
      violations(files, (spec, file) => {
        const to = target(spec, file);
        return (
          PLATFORM_SDK.test(to) || INFRASTRUCTURE.test(to) || /^src\/(db|platforms|scheduler|bot)\//.test(to)
        );
      }),
    ).toEqual([]);
    const impure = files.filter((f) =>
      /process\.env|Date\.now\(\)|new Date\(\)/.test(readFileSync(path.join(ROOT, f), 'utf8')),
    );
    expect(impure).toEqual([]);
  });

  it('keeps commands platform-neutral: they never import a chat SDK or a platform adapter', () => {
    const files = sources('commands');
    expect(files.length).toBeGreaterThan(5);
    expect(
      violations(
        files,
        (spec, file) => PLATFORM_SDK.test(spec) || target(spec, file).startsWith('src/platforms/'),
      ),
    ).toEqual([]);
  });

  it('lets only src/platforms import discord.js or @slack/*', () => {
    const files = sources('src').filter((f) => !f.startsWith('src/platforms/'));
    expect(violations(files, (spec) => PLATFORM_SDK.test(spec))).toEqual([]);
    // And the platforms really are where the SDKs are used (so the check above is not vacuous).
    expect(violations(sources('src/platforms'), (spec) => PLATFORM_SDK.test(spec)).length).toBeGreaterThan(3);
  });

  it('keeps the layers one-way: core, content, db and the domain modules never import bot, commands or platforms', () => {
    const files = ['src/core', 'src/content', 'src/db', 'src/quiz', 'src/scheduler', 'src/calendar'].flatMap(
      sources,
    );
    expect(
      violations(files, (spec, file) => /^(src\/(bot|platforms)|commands)\//.test(target(spec, file))),
    ).toEqual([]);
    // And below the domain: core imports no other layer, content only core, db only core and content
    const below = (dir: string, allowed: RegExp) =>
      violations(sources(dir), (spec, file) => spec.startsWith('.') && !allowed.test(target(spec, file)));
    expect(below('src/core', /^src\/core\//)).toEqual([]);
    expect(below('src/content', /^src\/(core|content)\//)).toEqual([]);
    // (plus the process-wide helpers: clock, config, log, metrics)
    expect(below('src/db', /^src\/((core|content|db)\/|(clock|config|log|metrics)\.ts$)/)).toEqual([]);
  });

  it('has no import cycle among src/ and commands/, type imports included', () => {
    const files = [...sources('src'), ...sources('commands')];
    const graph = new Map(
      files.map((file) => [
        file,
        importsOf(file)
          .filter((spec) => spec.startsWith('.'))
          .map((spec) => target(spec, file))
          .filter((to) => files.includes(to)),
      ]),
    );
    // Depth-first search; a module met again while still on the path closes a cycle.
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const path: string[] = [];
    const visit = (file: string) => {
      state.set(file, 'open');
      path.push(file);
      for (const next of graph.get(file) ?? []) {
        if (state.get(next) === 'open') cycles.push([...path.slice(path.indexOf(next)), next].join(' → '));
        else if (!state.has(next)) visit(next);
      }
      path.pop();
      state.set(file, 'done');
    };
    for (const file of files) if (!state.has(file)) visit(file);
    expect(files.length).toBeGreaterThan(50);
    expect(cycles).toEqual([]);
  });
});
