// Acceptance for /insights through the real shell adapter on a real database: five members answer two daily questions
// of lesson 2 with different right/wrong patterns, one reports a question, and the monitors' views show the figures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, shellFor, type TestApp } from '../helpers.ts';
import { latestInstance } from '../quiz/helpers.ts';

let app: TestApp;
let sh: ReturnType<typeof shellFor>;
const q: { id: string; right: string; wrong: string[] }[] = [];

/** Each member's letter for a question: 'right', or the index of a wrong letter. */
const PATTERNS: Record<string, ('right' | 0 | 1)[]> = {
  // Q1: 4 of 5 right (eva wrong); Q2: 2 of 5 right (caio and davi chose the same wrong letter, eva another).
  ana: ['right', 'right'],
  bia: ['right', 'right'],
  caio: ['right', 0],
  davi: ['right', 0],
  eva: [0, 1],
};

beforeAll(async () => {
  // Monday 16 Nov 2026, 08:00 in São Paulo; lesson 2 is on Tuesday 17th, so Wednesday's and Thursday's daily
  // questions come from lesson 2 (the pick is seeded per community and day).
  app = makeTestApp(new Date('2026-11-16T11:00:00Z'));
  sh = shellFor(app, { user: 'monitor' });
  await app.resume();
  await sh.run(['!admin on', '/config channel']);
  for (const [day, index] of [
    ['2026-11-18T09:00', 0],
    ['2026-11-19T09:00', 1],
  ] as const) {
    await sh.run([`!clock ${day}`]);
    const instance = latestInstance(app, 'daily');
    const question = app.quiz.questions.get(instance.questionId)!;
    const letters = 'ABCDE'.slice(0, question.choices.length).split('');
    q.push({ id: question.id, right: question.answer, wrong: letters.filter((l) => l !== question.answer) });
    for (const [name, pattern] of Object.entries(PATTERNS)) {
      const choice =
        pattern[index] === 'right' ? q[index]!.right : q[index]!.wrong[pattern[index] as number]!;
      await sh.run([`!as ${name}`, `!click ${choice}`]);
    }
  }
  await sh.run(['!as monitor', '!clock 2026-11-19T22:00']);
  const caio = app.quiz.identify(
    { platform: 'shell', communityId: 'local', channelId: 'general' },
    { id: 'caio', name: 'caio', isAdmin: false },
  );
  app.repos.reports.file({
    ...caio,
    questionId: q[1]!.id,
    reason: 'wrong-key',
    text: 'Acho que a resposta certa é outra',
    now: app.clock.now(),
  });
});
afterAll(() => app.dispose());

describe('/insights in the shell', () => {
  it('asked two lesson 2 questions', () => {
    expect(q.map((x) => app.quiz.questions.get(x.id)!.lesson)).toEqual([2, 2]);
    expect(q[0]!.id).not.toBe(q[1]!.id);
  });

  it('overview: active members, answers, accuracy per lesson, most missed with the most chosen wrong letter', async () => {
    const out = await sh.run(['/insights']);
    expect(out).toContain('[só você] Turma:\n📊 Insights — esta semana');
    expect(out).toContain('Participação: 5 membro(s) ativo(s), 10 resposta(s)');
    expect(out).toContain('pergunta do dia: 10 resposta(s) de 5 membro(s)');
    // Lesson 2: 4 + 2 = 6 right of 10 → 60%, 0.6 · 8 = 4.8 → 5 cells.
    expect(out).toContain('Aula 2 ▇▇▇▇▇▁▁▁ 60% (10)');
    expect(out).toContain(
      `1. \`${q[1]!.id}\` — 40% de acerto, 5 resposta(s); mais escolhida errada: ${q[1]!.wrong[0]} (40%)`,
    );
    expect(out).toContain(
      `2. \`${q[0]!.id}\` — 80% de acerto, 5 resposta(s); mais escolhida errada: ${q[0]!.wrong[0]} (20%)`,
    );
    // Lesson 3 is next (Tuesday 24th); nobody reflected yet, and nobody has been silent for a week.
    expect(out).toContain('Reflexões para a Aula 3: 0');
    expect(out).toContain('Pararam de responder: ninguém');
  });

  it('question: % right, n, the spread over the letters, discrimination and flags', async () => {
    const out = await sh.run([`/insights question ${q[1]!.id}`]);
    expect(out).toContain(`🔎 ${q[1]!.id} — Aula 2`);
    expect(out).toContain('Acerto: 40% de 5 resposta(s)');
    const [w0, w1] = q[1]!.wrong;
    expect(out).toMatch(new RegExp(`${q[1]!.right} ✅ ▇▇▇▁▁▁▁▁ 2 \\(40%\\)`));
    expect(out).toMatch(new RegExp(`${w0} ▇▇▇▁▁▁▁▁ 2 \\(40%\\)`));
    // 1 of 5 = 20%: 0.2 · 8 = 1.6 → 2 cells.
    expect(out).toMatch(new RegExp(`${w1} ▇▇▁▁▁▁▁▁ 1 \\(20%\\)`));
    // x (this item) = 1,1,0,0,0 and y (accuracy on the rest: question 1) = 1,1,1,1,0 for ana, bia, caio, davi, eva.
    // x̄ = .4, ȳ = .8; Σ(x−x̄)(y−ȳ) = .12 + .12 − .08 − .08 + .32 = .40; Σ(x−x̄)² = 1.2; Σ(y−ȳ)² = .8.
    // r = .40 / √(1.2 · .8) = .4082 → 0,41.
    expect(out).toContain(
      'Discriminação: 0,41 (correlação entre acertar esta pergunta e o acerto nas demais, 5 membros)',
    );
    expect(out).toContain('Alertas\nNenhum.');
  });

  it('question by words, and a clear message for none', async () => {
    const prompt = app.quiz.questions.get(q[0]!.id)!.prompt;
    const words = prompt
      .split(/\s+/)
      .filter((w) => w.length > 6)
      .slice(0, 3)
      .join(' ');
    expect(await sh.run([`/insights question ${words}`])).toContain(q[0]!.id);
    expect(await sh.run(['/insights question xyzzy-nada'])).toContain(
      'Nenhuma pergunta com “xyzzy-nada” no id ou no enunciado.',
    );
  });

  it('lesson 2: every question of the lesson, one line each, worst first', async () => {
    const out = await sh.run(['/insights lesson 2']);
    expect(out).toContain('📘 Aula 2 — ');
    const lines = out.split('\n').filter((l) => l.startsWith('- `'));
    expect(lines).toHaveLength(app.quiz.openQuestions(1, 2).length);
    expect(lines[0]).toBe(`- \`${q[1]!.id}\` 40% · n=5 · disc. 0,41`);
    expect(lines[1]).toBe(`- \`${q[0]!.id}\` 80% · n=5 · disc. 0,41`);
    expect(lines.slice(2).every((l) => l.endsWith(' sem respostas'))).toBe(true);
  });

  it('reports: the open ones with counts, reasons and ids; resolve closes one, once', async () => {
    const out = await sh.run(['/insights reports']);
    expect(out).toContain('⚑ Denúncias abertas (1)');
    expect(out).toContain(`${q[1]!.id} — 1 aberta(s): resposta errada ×1`);
    const id = /#(\d+) caio — resposta errada: “Acho que a resposta certa é outra”/.exec(out)?.[1];
    expect(id).toBeDefined();
    expect(await sh.run([`/insights resolve ${id}`])).toContain(`Denúncia #${id} resolvida (${q[1]!.id}).`);
    expect(await sh.run([`/insights resolve ${id}`])).toContain(
      `Não há denúncia aberta com o número ${id} (número desconhecido ou já resolvida).`,
    );
    expect(await sh.run(['/insights resolve 999'])).toContain('Não há denúncia aberta com o número 999');
    expect(await sh.run(['/insights reports'])).toContain('Nenhuma denúncia aberta.');
    const row = app.database.sqlite
      .prepare('select resolved_by as by, resolved_at as at from question_reports where id = ?')
      .get(Number(id)) as { by: string; at: number };
    expect(row).toEqual({ by: 'monitor', at: app.clock.now().getTime() });
  });

  it('refuses a non-admin, for the overview and for resolve', async () => {
    const before = app.database.sqlite
      .prepare('select count(*) from question_reports where resolved_at is null')
      .pluck();
    app.repos.reports.file({
      ...app.quiz.identify(
        { platform: 'shell', communityId: 'local', channelId: 'general' },
        { id: 'ana', name: 'ana', isAdmin: false },
      ),
      questionId: q[0]!.id,
      reason: 'typo',
      text: null,
      now: app.clock.now(),
    });
    const open = before.get();
    const out = await sh.run([
      '!as ana',
      '/insights',
      '/insights resolve 1',
      '/insights reports',
      '!as monitor',
    ]);
    expect(out.match(/Só quem administra a comunidade pode usar este comando\./g)).toHaveLength(3);
    expect(out).not.toContain('📊');
    expect(before.get()).toBe(open);
  });

  it('leaves out the answers of a voided member, in the voided period only', async () => {
    // ana's points of this week are voided: her two answers (both right) no longer count.
    expect(await sh.run(['/scores void ana week'])).toContain('ana');
    const out = await sh.run(['/insights']);
    expect(out).toContain('Participação: 4 membro(s) ativo(s), 8 resposta(s)');
    // (4 − 1) + (2 − 1) = 4 right of 8 → 50%, 4 cells.
    expect(out).toContain('Aula 2 ▇▇▇▇▁▁▁▁ 50% (8)');
    expect(await sh.run([`/insights question ${q[1]!.id}`])).toContain('Acerto: 25% de 4 resposta(s)');
  });
});
