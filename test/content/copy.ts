// Broken copies of the shipped content, for testing that content:check names file and field.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ContentError, type ContentProblem, loadContent } from '../../src/content/load.ts';
import { CONTENT_DIR, tempDir } from '../helpers.ts';

const cleanups: (() => void)[] = [];

/** A copy of the shipped content that a test may break; removed by removeCopies. */
export function contentCopy(): string {
  const { dir, cleanup } = tempDir();
  cleanups.push(cleanup);
  const target = path.join(dir, 'content');
  cpSync(CONTENT_DIR, target, { recursive: true });
  return target;
}

export function removeCopies() {
  for (const c of cleanups.splice(0)) c();
}

export function problemsOf(dir: string): ContentProblem[] {
  try {
    loadContent(dir);
  } catch (e) {
    if (e instanceof ContentError) return e.problems;
    throw e;
  }
  throw new Error('expected the content to be rejected');
}

/** Replaces text in a file, failing loudly when nothing matched (a test edit that misses proves nothing). */
export function edit(file: string, from: string | RegExp, to: string) {
  const before = readFileSync(file, 'utf8');
  const after = before.replace(from, to);
  if (after === before) throw new Error(`edit did not apply to ${file}: ${String(from).slice(0, 60)}`);
  writeFileSync(file, after);
}
