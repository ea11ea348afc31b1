// Question ids are stable: answers and spaced-repetition cards point to them. content/question-ids.txt lists every
// id ever published; content:check fails when one disappears (renamed or deleted), and when a new one is not listed
// yet (`npm run content:ids` adds new ids, and never removes any).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ContentProblem } from './problem.ts';

export const ID_FILE = 'question-ids.txt';

const HEADER = [
  '# Every question id ever published, one per line. Answers and practice cards point to these ids, so an id listed',
  '# here must stay in the bank: rename or delete one only on purpose, removing it here by hand.',
  '# New ids are added with: npm run content:ids',
];

export function readPublishedIds(contentDir: string): string[] | undefined {
  const file = path.join(contentDir, ID_FILE);
  if (!existsSync(file)) return undefined;
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

/** Published ids missing from the bank, and bank ids not published yet. */
export function questionIdProblems(
  contentDir: string,
  bankIds: string[],
  fileLabel: string,
): ContentProblem[] {
  const published = readPublishedIds(contentDir);
  if (!published)
    return [{ file: fileLabel, field: '', message: 'file is missing: run npm run content:ids' }];
  const bank = new Set(bankIds);
  const listed = new Set(published);
  return [
    ...published
      .filter((id) => !bank.has(id))
      .map((id) => ({
        file: fileLabel,
        field: id,
        message:
          'this question id is no longer in the bank (renamed or deleted?); answers and cards point to it — restore it, or remove the line here on purpose',
      })),
    ...bankIds
      .filter((id) => !listed.has(id))
      .map((id) => ({
        file: fileLabel,
        field: id,
        message: 'new question id not listed yet: run npm run content:ids',
      })),
  ];
}

/** Adds the bank's new ids to the list (sorted), keeping every id already there. */
export function writePublishedIds(contentDir: string, bankIds: string[]): number {
  const published = readPublishedIds(contentDir) ?? [];
  const all = [...new Set([...published, ...bankIds])].sort();
  writeFileSync(path.join(contentDir, ID_FILE), `${[...HEADER, ...all].join('\n')}\n`);
  return all.length - published.length;
}
