// `npm run export` and `npm run content:report` on a real database: answers given through the bot, written as CSV and
// parsed back (names with commas, quotes, line breaks and formula starts survive, and cannot run as formulas).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { destinationOf } from '../../src/core/destination.ts';
import { CONTENT_DIR, makeTestApp, type TestApp, tempDir } from '../helpers.ts';

const NAMES = [
  'Silva, Ana',
  'O "Rei" do Pop',
  'duas\nlinhas',
  '=HYPERLINK("http://evil.example","x")',
  '+55 11',
  '-1',
  '@bia',
  'Caio',
];
const ROOT = path.resolve(import.meta.dirname, '../..');

let app: TestApp;
let questionId: string;
let rightLetter: string;
const out = tempDir('turma-export-');
afterAll(async () => {
  await app.dispose();
  out.cleanup();
});

beforeAll(async () => {
  app = makeTestApp(new Date('2026-11-23T12:00:00Z'));
  const place = { platform: 'shell' as const, communityId: 'local', channelId: 'general' };
  const { instance } = app.quiz.daily.open(destinationOf(place));
  questionId = instance.questionId;
  rightLetter = app.quiz.questions.get(questionId)!.answer;
  const wrong = rightLetter === 'A' ? 'B' : 'A';
  // The first half right, the second wrong.
  for (const [i, name] of NAMES.entries()) {
    await app.bot.handle({
      kind: 'action',
      buttonId: `qa:${instance.id}:${i < NAMES.length / 2 ? rightLetter : wrong}`,
      actor: { id: `u${i}`, name, isAdmin: false },
      place,
    });
  }
});

describe('npm run export', () => {
  it('writes one row per answer that parses back to the same values', () => {
    const file = path.join(out.dir, 'results.csv');
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/quiz/export-cli.ts', '--community', 'shell:local', '--out', file],
      {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, DATABASE_URL: `file:${app.dbFile}`, CONTENT_DIR, LOG_LEVEL: 'silent' },
      },
    );
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(`${NAMES.length} answers written to ${file}`);
    const csv = readFileSync(file, 'utf8');
    // RFC 4180: the field with a comma, quotes or a line break is quoted, quotes doubled.
    expect(csv).toContain('"Silva, Ana"');
    expect(csv).toContain('"O ""Rei"" do Pop"');
    expect(csv).toContain('"duas\nlinhas"');
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(NAMES.length);
    // A cell starting with = + - @ gets a leading apostrophe: a spreadsheet shows it as text instead of running it.
    expect(rows.map((r) => r.member)).toEqual([
      'Silva, Ana',
      'O "Rei" do Pop',
      'duas\nlinhas',
      `'=HYPERLINK("http://evil.example","x")`,
      `'+55 11`,
      `'-1`,
      `'@bia`,
      'Caio',
    ]);
    const lesson = String(app.quiz.questions.get(questionId)!.lesson);
    expect(rows[0]).toEqual({
      member: 'Silva, Ana',
      member_id: 'u0',
      question: questionId,
      lesson,
      kind: 'daily',
      choice: rightLetter,
      right: '1',
      // A right daily answer: 10 points (first day, no streak bonus yet).
      points: '10',
      time: '2026-11-23T12:00:00.000Z',
    });
    expect(rows.map((r) => r.right)).toEqual(['1', '1', '1', '1', '0', '0', '0', '0']);
    expect(rows.slice(4).every((r) => r.points === '0')).toBe(true);
  });

  it('lists the communities when none (or an unknown one) is named', () => {
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/quiz/export-cli.ts', '--community', 'slack:nope'],
      {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, DATABASE_URL: `file:${app.dbFile}`, CONTENT_DIR },
      },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('no community "slack:nope"');
    expect(run.stderr).toContain('communities: 1 (shell:local)');
  });
});

describe('npm run content:report', () => {
  it('prints the item analysis of every question as a Markdown table, worst first', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/quiz/report-cli.ts'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: `file:${app.dbFile}`, CONTENT_DIR, BOT_LOCALE: 'en' },
    });
    expect(run.stderr).toBe('');
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^# Item analysis: \d+ questions, 8 answers, 0 flagged$/);
    expect(lines[2]).toBe(
      '| question | lesson | n | % right | most chosen wrong | discrimination | flags | prompt |',
    );
    // The one answered question comes first (the others have no answers): 4 of 8 right; 5+ members but each
    // answered once, so there is no rest score and no discrimination.
    const wrong = rightLetter === 'A' ? 'B' : 'A';
    expect(lines[4]).toMatch(
      new RegExp(
        `^\\| \`${questionId}\` \\| \\d \\| 8 \\| 50% \\| ${wrong} \\(50%\\) \\| — \\|  \\| .+ \\|$`,
      ),
    );
  });
});
