import { afterEach, describe, expect, it } from 'vitest';
import { makeTestApp, shellFor, type TestApp } from '../helpers.ts';

let app: TestApp | undefined;
afterEach(() => app?.dispose());

describe('/reflect', () => {
  it('shows the prompts of the next lesson privately', async () => {
    app = makeTestApp(new Date('2026-11-23T12:00:00Z'));
    const out = await shellFor(app).run(['/reflect']);
    expect(out).toContain('[só você]');
    expect(out).toContain('💭 Reflexões para a Aula 3 — Cultura e práticas');
    expect(out).toContain('Qual princípio do DataOps você considera mais difícil');
  });

  it('records one reflection per member and lesson, editable, with participation points once', async () => {
    app = makeTestApp(new Date('2026-11-23T12:00:00Z'));
    const sh = shellFor(app, { user: 'ana' });
    const first = await sh.run(['/reflect Cultura vem antes das ferramentas no nosso time.']);
    expect(first).toContain('Reflexão registrada para a Aula 3. +5 pontos de participação.');
    const edit = await sh.run(['/reflect Cultura vem antes das ferramentas; e dados também são código.']);
    expect(edit).toContain('Reflexão atualizada para a Aula 3.');
    expect(app.database.sqlite.prepare('select count(*) from reflections').pluck().get()).toBe(1);
    expect(
      app.database.sqlite
        .prepare("select sum(points) from score_events where kind = 'reflection'")
        .pluck()
        .get(),
    ).toBe(5);
    expect(await sh.run(['/reflect curto'])).toContain('Escreva pelo menos algumas palavras');
    expect(await sh.run(['/stats'])).toContain('Reflexões enviadas: 1');
    const list = await shellFor(app, { user: 'monitor' }).run([
      '!admin on',
      '/reflect list',
      '/reflect list 2',
    ]);
    expect(list).toContain('💭 Reflexões da Aula 3 (1)');
    expect(list).toContain('ana: Cultura vem antes das ferramentas; e dados também são código.');
    expect(list).toContain('Ninguém enviou reflexão para a Aula 2 ainda.');
  });

  it('moves to the next lesson once class has started', async () => {
    app = makeTestApp(new Date('2026-11-24T22:10:00Z')); // lesson 3 started at 22:00 UTC
    const out = await shellFor(app, { user: 'ana' }).run([
      '/reflect Sobre versionamento de dados e modelos.',
    ]);
    expect(out).toContain('Aula 4');
  });
});
