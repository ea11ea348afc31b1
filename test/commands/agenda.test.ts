import { afterEach, describe, expect, it } from 'vitest';
import { makeTestApp, runShell, type TestApp } from '../helpers.ts';

let app: TestApp | undefined;
afterEach(() => app?.dispose());

describe('/agenda', () => {
  it('shows the next lesson with its local time in America/Sao_Paulo and a relative time', async () => {
    app = makeTestApp(new Date('2026-11-22T15:00:00Z'));
    const out = await runShell(app, ['/agenda']);
    expect(out).toContain('📚 Aula 3 — Cultura e práticas: DevOps, DataOps e MLOps');
    expect(out).toContain('terça-feira, 24 de novembro de 2026 às 19:00');
    expect(out).toContain('(depois de amanhã)');
    expect(out).toContain('Reflexões pré-aula:');
    // A one-item list still reads as a list.
    expect(out).toContain(
      'Leitura prévia:\n- Material da Aula 3 — Cultura e práticas DataOps e MLOps: Unidades 01 e 02',
    );
    expect(out).not.toMatch(/seed \d|\.txt/i);
    expect(out).toContain('Horários em America/Sao_Paulo');
  });

  it('finds a lesson by number, "aula N" or part of its title', async () => {
    app = makeTestApp(new Date('2026-11-22T15:00:00Z'));
    const out = await runShell(app, ['/agenda 4', '/agenda aula 5', '/agenda cultura']);
    expect(out).toContain('Aula 4 — MLOps e DataOps');
    expect(out).toContain('Aula 5 — Versionamento de dados e modelos');
    expect(out).toContain('Aula 3 — Cultura e práticas');
    // Lesson 5 is on 8 December, before the year-end break.
    expect(out).toContain('terça-feira, 8 de dezembro de 2026 às 19:00');
  });

  it('shows the lesson in progress during class, and skips the year-end break', async () => {
    app = makeTestApp(new Date('2026-11-24T22:30:00Z'));
    const out = await runShell(app, ['/agenda', '/agenda 7']);
    expect(out).toContain('Em andamento');
    expect(out).toContain('terça-feira, 5 de janeiro de 2027 às 19:00');
  });

  it('says the course has ended after the last class', async () => {
    app = makeTestApp(new Date('2027-03-01T12:00:00Z'));
    const out = await runShell(app, ['/agenda']);
    expect(out).toContain('O curso terminou: a última aula (9 — Integração com outros domínios (NLP))');
  });

  it('explains ambiguous and unknown lessons privately', async () => {
    app = makeTestApp();
    const out = await runShell(app, ['/agenda mlops', '/agenda aula 99']);
    expect(out).toContain('Mais de uma aula combina com “mlops”');
    expect(out).toContain('Não encontrei a aula “aula 99”');
    expect(out.match(/\[só você\]/g)).toHaveLength(2);
  });

  it('speaks English to a user whose locale is en', async () => {
    app = makeTestApp(new Date('2026-11-22T15:00:00Z'), { BOT_LOCALE: 'en' });
    const out = await runShell(app, ['/agenda 3']);
    expect(out).toContain('Lesson 3 — Cultura e práticas');
    expect(out).toContain('Tuesday, November 24, 2026 at 7:00');
  });
});
