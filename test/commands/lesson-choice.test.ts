// Every command that takes a lesson reads it by the same rule (resolveLesson): /agenda, /quiz (practice and live) and
// /reflect list agree on what a query names, and on when to ask which lesson was meant.
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestApp, shellFor, type TestApp } from '../helpers.ts';

let app: TestApp | undefined;
afterEach(() => app?.dispose());

const base = {
  kind: 'autocomplete' as const,
  actor: { id: 'ana', name: 'ana', isAdmin: false },
  place: { platform: 'shell' as const, communityId: 'local', channelId: 'general' },
};

describe('choosing a lesson', () => {
  it('asks which lesson was meant when a fragment matches several, in every command', async () => {
    app = makeTestApp(new Date('2026-11-23T12:00:00Z'));
    const sh = shellFor(app, { user: 'monitor' });
    for (const line of [
      '/agenda mlops',
      '/quiz mlops',
      '!admin on',
      '/quiz live lesson:mlops',
      '/reflect list mlops',
    ]) {
      const out = await sh.run([line]);
      if (line.startsWith('!')) continue;
      expect(out, line).toContain('[só você]');
      expect(out, line).toContain('Mais de uma aula combina com “mlops”: 1 — Introdução ao MLOps; 2 —');
      expect(out, line).toContain('4 — MLOps e DataOps');
    }
    // Nothing was started or shown for a guessed lesson.
    expect(app.database.sqlite.prepare('select count(*) from question_instances').pluck().get()).toBe(0);
  });

  it('takes the single best match of a fragment in every command', async () => {
    app = makeTestApp(new Date('2026-11-23T12:00:00Z'));
    const sh = shellFor(app, { user: 'monitor' });
    expect(await sh.run(['/agenda pipelines'])).toContain('Aula 6 — Pipelines de treinamento');
    // Lesson 6 has not been taught on 23 November: the practice names it, rather than another pipeline lesson.
    expect(await sh.run(['/quiz pipelines'])).toContain('Ainda não há perguntas liberadas da aula 6');
    expect(await sh.run(['!admin on', '/reflect list pipelines'])).toContain(
      'Ninguém enviou reflexão para a Aula 6 ainda.',
    );
  });

  it('says an unknown lesson was not found, as each command did before', async () => {
    app = makeTestApp(new Date('2026-11-23T12:00:00Z'));
    const sh = shellFor(app, { user: 'monitor' });
    expect(await sh.run(['/agenda xyzzy'])).toContain('Não encontrei a aula “xyzzy”. Aulas: 1 — Introdução');
    expect(await sh.run(['/quiz aula 42'])).toContain('Não encontrei a aula “aula 42”.');
    expect(await sh.run(['!admin on', '/reflect list xyzzy'])).toContain('Não encontrei a aula “xyzzy”.');
  });

  it('suggests the same lessons for /agenda and /quiz as the user types', () => {
    app = makeTestApp();
    const suggest = (name: string, partial: string) =>
      app!.bot.autocomplete({ ...base, name, option: 'lesson', partial }).map((c) => c.value);
    for (const partial of ['', 'aula', 'introducao', 'cu', 'pipelines', '7'])
      expect(suggest('quiz', partial), partial).toEqual(suggest('agenda', partial));
    // Accents and case no longer hide a lesson from /quiz.
    expect(suggest('quiz', 'introducao')).toEqual(['1']);
    expect(suggest('quiz', '')).toHaveLength(9);
  });
});
