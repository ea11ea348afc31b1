import { afterEach, describe, expect, it } from 'vitest';
import { makeTestApp, runShell, type TestApp } from '../helpers.ts';

let app: TestApp | undefined;
afterEach(() => app?.dispose());

describe('/config locale', () => {
  it('answers in the new language at once, and the community keeps it', async () => {
    app = makeTestApp(new Date('2026-11-22T15:00:00Z'));
    const out = await runShell(app, ['!admin on', '/config locale xx', '/config locale en', '/help']);
    expect(out).toContain('Use pt-BR ou en.');
    expect(out).toContain('Done: Language = en.');
    expect(out).toContain('⚙️ Settings');
    expect(out).toContain('Language: en');
    expect(out).toContain('Turma — what I can do');
    expect(out).not.toContain('Feito:');
  });
});

describe('impossible settings', () => {
  it('refuses them with the value named, stores nothing, and every later command still works', async () => {
    app = makeTestApp(new Date('2026-11-22T15:00:00Z'));
    const out = await runShell(app, [
      '!admin on',
      '/config timezone UTC',
      '/config schedule 0000-01-01T00:00',
      '/config schedule 2026-02-30T19:00',
      '/config schedule 2026-11-10T25:00',
      '/config quiz-days -1',
      '/config quiz-days seg-',
      '/config quiz-time 24:00',
      '/config timezone Marte/Olimpo',
      '/quiz live -1',
      '/config show',
      '/agenda',
    ]);
    expect(out).toContain('"0000-01-01T00:00" não é uma data e hora possível');
    expect(out).toContain('"2026-02-30T19:00" não é uma data e hora possível');
    expect(out).toContain('"2026-11-10T25:00" não é uma data e hora possível');
    expect(out).toContain('"-1" não são dias da semana');
    expect(out).toContain('"seg-" não são dias da semana');
    expect(out).toContain('"24:00" não é um horário');
    expect(out).toContain('"Marte/Olimpo" não é um fuso horário conhecido');
    expect(out).toContain('Não encontrei a aula “-1”');
    expect(out).not.toContain('Algo deu errado');
    expect(out).toContain('Pergunta do dia: 09:00, seg, ter, qua, qui, sex');
    expect(out).toContain('📚 Aula');
    const row = app.database.sqlite
      .prepare('select first_class, quiz_days, quiz_time from communities')
      .get();
    expect(row).toEqual({ first_class: null, quiz_days: '[1,2,3,4,5]', quiz_time: '09:00' });
  });

  it('falls back to the course calendar for a first class stored before it was checked', async () => {
    app = makeTestApp(new Date('2026-11-22T15:00:00Z'));
    await runShell(app, ['!admin on', '/config show']);
    app.database.sqlite.prepare("update communities set first_class = '-0001-12-31T20:53'").run();
    const out = await runShell(app, ['!admin on', '/config show', '/agenda']);
    expect(out).not.toContain('Algo deu errado');
    expect(out).toContain('(calendário do curso)');
  });
});
