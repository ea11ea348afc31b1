import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, shellFor, type TestApp } from '../helpers.ts';
import { count, latestInstance, letters } from './helpers.ts';

let app: TestApp;
beforeEach(() => {
  app = makeTestApp(new Date('2026-11-23T12:00:00Z'));
});
afterEach(() => app.dispose());

describe('/quiz practice', () => {
  it('asks privately, grades, explains, links the glossary and offers the next card', async () => {
    const sh = shellFor(app);
    const question = await sh.run(['/quiz']);
    expect(question).toContain('[só você] Turma:');
    expect(question).toMatch(/📝 Prática — Aula [12]/);
    const { right } = letters(app, 'practice');
    const feedback = await sh.run([`!click ${right}`]);
    expect(feedback).toContain(`✅ Certo! A resposta é ${right}. +1 pontos`);
    expect(feedback).toContain('📖 Veja no glossário');
    expect(feedback).toContain('[1] Próxima ▶');
    const next = await sh.run(['!click 1']);
    expect(next).toMatch(/📝 Prática — Aula [12]/);
  });

  it('only asks questions of lessons already taught, and of the lesson asked for', async () => {
    const sh = shellFor(app);
    for (let i = 0; i < 10; i++) await sh.run(['/quiz', `!click A`, '!clock +10s']);
    const lessons = app.database.sqlite
      .prepare("select distinct question_id from question_instances where kind = 'practice'")
      .pluck()
      .all()
      .map((id) => app.quiz.questions.get(id as string)!.lesson);
    expect(lessons.every((l) => l === 1 || l === 2)).toBe(true);
    await sh.run(['/quiz aula 2']);
    expect(app.quiz.questions.get(latestInstance(app).questionId)!.lesson).toBe(2);
    expect(await sh.run(['/quiz 4'])).toContain('Ainda não há perguntas liberadas da aula 4');
  });

  it('brings a missed question back first once it is due (FSRS)', async () => {
    const sh = shellFor(app);
    await sh.run(['/quiz']);
    const missed = letters(app, 'practice');
    await sh.run([`!click ${missed.wrong}`]);
    await sh.run(['/quiz']);
    expect(latestInstance(app).questionId).not.toBe(
      app.database.sqlite
        .prepare('select question_id from question_instances where id = ?')
        .pluck()
        .get(missed.instanceId),
    );
    await sh.run(['!clock +15m', '/quiz']);
    const review = latestInstance(app);
    expect(review.questionId).toBe(
      app.database.sqlite
        .prepare('select question_id from question_instances where id = ?')
        .pluck()
        .get(missed.instanceId),
    );
    expect(await sh.run([])).toBe('');
  });

  it('caps practice points per local day', async () => {
    const sh = shellFor(app);
    // A card every 10 seconds, as a person would answer them.
    for (let i = 0; i < 14; i++) {
      await sh.run(['/quiz']);
      await sh.run([`!click ${letters(app, 'practice').right}`, '!clock +10s']);
    }
    expect(count(app, "select coalesce(sum(points), 0) from score_events where kind = 'practice'")).toBe(10);
    // The next local day (São Paulo midnight) starts a new allowance.
    await sh.run(['!clock 2026-11-24T00:01']);
    await sh.run(['/quiz']);
    await sh.run([`!click ${letters(app, 'practice').right}`]);
    expect(count(app, "select coalesce(sum(points), 0) from score_events where kind = 'practice'")).toBe(11);
  });

  it('scores a double click once', async () => {
    const sh = shellFor(app);
    await sh.run(['/quiz']);
    const { right, instanceId } = letters(app, 'practice');
    const actor = { id: 'aluno', name: 'aluno', isAdmin: false };
    const place = { platform: 'shell' as const, communityId: 'local', channelId: 'general' };
    const [a, b] = await Promise.all([
      app.bot.handle({ kind: 'action', buttonId: `qa:${instanceId}:${right}`, actor, place }),
      app.bot.handle({ kind: 'action', buttonId: `qa:${instanceId}:${right}`, actor, place }),
    ]);
    expect([a[0]!.text, b[0]!.text].filter((t) => t?.includes('só a primeira resposta conta'))).toHaveLength(
      1,
    );
    expect(count(app, 'select count(*) from score_events')).toBe(1);
    expect(count(app, 'select count(*) from review_logs')).toBe(1);
  });
});
