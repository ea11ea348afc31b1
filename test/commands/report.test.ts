// /report through the real shell adapter, on a real SQLite file: the ⚑ button, the command, de-duplication and the
// per-member rate limit, end to end.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REPORTS_PER_HOUR } from '../../commands/report.ts';
import { makeTestApp, shellFor, type TestApp } from '../helpers.ts';
import { count, letters } from '../quiz/helpers.ts';

let app: TestApp;
beforeEach(() => {
  // Monday 23 November 2026, 09:00 in São Paulo: lessons 1 and 2 have been taught.
  app = makeTestApp(new Date('2026-11-23T12:00:00Z'));
});
afterEach(() => app.dispose());

const reports = () =>
  app.database.sqlite
    .prepare(
      'select question_id as q, reason, text, resolved_at as resolved from question_reports order by id',
    )
    .all() as { q: string; reason: string; text: string | null; resolved: number | null }[];

describe('/report in the shell', () => {
  it('offers the ⚑ button under practice feedback; the button says how to report; /report files it once', async () => {
    const sh = shellFor(app, { user: 'ana' });
    await sh.run(['/quiz']);
    const { right, instanceId } = letters(app, 'practice');
    const questionId = app.quiz.deps.repos.quiz.get(instanceId)!.questionId;
    const feedback = await sh.run([`!click ${right}`]);
    expect(feedback).toContain('[1] Próxima ▶');
    expect(feedback).toContain('[2] ⚑ Reportar problema');
    // No forms in the shell: the button shows the question and the command to use.
    const button = await sh.run(['!click 2']);
    expect(button).toContain(`⚑ Problema na pergunta ${questionId}`);
    expect(button).toContain(`Para relatar: /report ${questionId} errada|ambígua|texto|outro [comentário]`);
    expect(reports()).toEqual([]);

    // Without a question: the last one she saw (the card she just answered).
    const filed = await sh.run(['/report errada a letra certa é outra']);
    expect(filed).toContain('[só você]');
    expect(filed).toContain(
      `Obrigado! Registrei seu relato sobre a pergunta ${questionId} (Resposta errada).`,
    );
    expect(filed).toContain('Seu comentário: a letra certa é outra');
    const again = await sh.run([`/report ${questionId} ambígua`]);
    expect(again).toContain(
      `Você já tinha relatado a pergunta ${questionId}: atualizei seu relato (Ambígua).`,
    );
    expect(reports()).toEqual([{ q: questionId, reason: 'ambiguous', text: null, resolved: null }]);

    // Another member's report of the same question is their own.
    await shellFor(app, { user: 'bruno' }).run([`/report ${questionId} texto vírgula faltando`]);
    expect(reports()).toHaveLength(2);
    expect(count(app, 'select count(distinct member_id) from question_reports')).toBe(2);
  });

  it('offers the ⚑ button on the daily reveal, for the question of the day', async () => {
    const sh = shellFor(app, { user: 'monitor' });
    await sh.run(['!admin on', '/quiz daily']);
    const { instanceId } = letters(app, 'daily');
    const questionId = app.quiz.deps.repos.quiz.get(instanceId)!.questionId;
    const reveal = await sh.run(['!clock +12h']);
    expect(reveal).toContain('🔔 Resposta da pergunta do dia');
    expect(reveal).toContain('[1] ⚑ Reportar problema');
    const button = await sh.run(['!as ana', '!click 1']);
    expect(button).toContain(`⚑ Problema na pergunta ${questionId}`);
    expect(await sh.run([`/report ${questionId} outro`])).toContain('Obrigado!');
    expect(reports()).toEqual([{ q: questionId, reason: 'other', text: null, resolved: null }]);
  });

  it(`takes ${REPORTS_PER_HOUR} different questions an hour per member, then refuses new ones clearly`, async () => {
    const ids = app.content.questions.slice(0, REPORTS_PER_HOUR + 1).map((q) => q.id);
    const sh = shellFor(app, { user: 'ana' });
    for (const id of ids.slice(0, REPORTS_PER_HOUR)) {
      expect(await sh.run([`/report ${id} typo`])).toContain('Obrigado!');
      await sh.run(['!clock +1m']);
    }
    const limited = await sh.run([`/report ${ids[REPORTS_PER_HOUR]} typo`]);
    expect(limited).toContain(`Você já enviou ${REPORTS_PER_HOUR} relatos na última hora`);
    expect(limited).toContain('Tente de novo em 50 min.');
    // Updating one of them is still fine, and another member is not limited by her.
    expect(await sh.run([`/report ${ids[0]} outro`])).toContain('atualizei seu relato (Outro)');
    expect(await shellFor(app, { user: 'bruno' }).run([`/report ${ids[REPORTS_PER_HOUR]} typo`])).toContain(
      'Obrigado!',
    );
    // An hour after her first report, she may report a new one.
    expect(await sh.run(['!clock +51m', `/report ${ids[REPORTS_PER_HOUR]} typo`])).toContain('Obrigado!');
    expect(count(app, 'select count(*) from question_reports')).toBe(REPORTS_PER_HOUR + 2);
  });

  it('refuses unknown questions, unknown reasons and long comments without storing anything', async () => {
    const sh = shellFor(app, { user: 'ana' });
    expect(await sh.run(['/report errada'])).toContain('Ainda não sei qual pergunta você viu por último');
    const unknown = await sh.run(['/report l1-mlops-definicoa typo']);
    expect(unknown).toContain(
      'Não conheço a pergunta “l1-mlops-definicoa”. Você quis dizer: l1-mlops-definicao?',
    );
    expect(await sh.run(['/report l1-mlops-definicao chato'])).toContain('Motivo desconhecido: “chato”');
    expect(await sh.run([`/report l1-mlops-definicao typo ${'x'.repeat(501)}`])).toContain(
      'o máximo é 500 caracteres',
    );
    expect(reports()).toEqual([]);
    // What is stored is the text as typed, shown back as text (no mention, no link).
    const shown = await sh.run(['/report l1-mlops-definicao typo <@everyone> [x](https://evil.example)']);
    expect(shown).toContain('Seu comentário: <@everyone> [x](https://evil.example)');
    expect(reports()[0]!.text).toBe('<@everyone> [x](https://evil.example)');
  });
});
