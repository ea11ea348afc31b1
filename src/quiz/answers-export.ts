// A community's answers as CSV, one row per answer, streamed: rows come from SQLite one at a time and csv-stringify
// writes them with backpressure, so a million answers never sit in memory.
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import type { ExportedAnswer } from '../db/repos/insights.ts';

export const EXPORT_COLUMNS = [
  'member',
  'member_id',
  'question',
  'lesson',
  'kind',
  'choice',
  'right',
  'points',
  'time',
] as const;

/**
 * Writes the answers as CSV (RFC 4180 quoting by csv-stringify: fields with commas, quotes or line breaks are quoted,
 * quotes doubled) with a header row; returns how many rows were written. Names are people's own text: a cell starting
 * with =, +, -, @, a tab or a carriage return (or their full-width forms) would run as a formula in a spreadsheet, so
 * csv-stringify's `escape_formulas` prefixes it with a single quote (OWASP's advice), and it reads as text.
 */
export async function writeAnswersCsv(
  answers: Iterable<ExportedAnswer>,
  lessonOf: (questionId: string) => number | undefined,
  out: Writable,
): Promise<number> {
  let count = 0;
  const rows = function* () {
    for (const a of answers) {
      count++;
      yield [
        a.member,
        a.memberId,
        a.questionId,
        lessonOf(a.questionId) ?? '',
        a.kind,
        a.choice,
        a.correct ? 1 : 0,
        a.points,
        a.answeredAt.toISOString(),
      ];
    }
  };
  await pipeline(
    Readable.from(rows()),
    stringify({ header: true, columns: [...EXPORT_COLUMNS], escape_formulas: true }),
    out,
  );
  return count;
}
