// Reading back what the quiz engine wrote, to click the right (or a wrong) answer in tests.
import type { App } from '../../src/app.ts';

export function latestInstance(app: App, kind?: string): { id: number; questionId: string; kind: string } {
  const row = app.database.sqlite
    .prepare(
      `select id, question_id as questionId, kind from question_instances ${kind ? 'where kind = ?' : ''} order by id desc limit 1`,
    )
    .get(...(kind ? [kind] : [])) as { id: number; questionId: string; kind: string } | undefined;
  if (!row) throw new Error('no question instance yet');
  return row;
}

/** The right letter and one wrong letter of the latest instance. */
export function letters(app: App, kind?: string): { right: string; wrong: string; instanceId: number } {
  const instance = latestInstance(app, kind);
  const right = app.quiz.questions.get(instance.questionId)!.answer;
  return { right, wrong: right === 'A' ? 'B' : 'A', instanceId: instance.id };
}

export const count = (app: App, sql: string, ...params: unknown[]) =>
  (app.database.sqlite
    .prepare(sql)
    .pluck()
    .get(...params) as number) ?? 0;
