import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, shellFor, type TestApp } from '../helpers.ts';
import { count, letters } from './helpers.ts';

let app: TestApp;
beforeEach(() => {
  app = makeTestApp(new Date('2026-11-23T12:00:00Z'));
});
afterEach(() => app.dispose());

describe('/quiz live', () => {
  it('runs two timed questions with speed bonus, standings after each and a podium', async () => {
    const sh = shellFor(app);
    const start = await sh.run(['!admin on', '/quiz live lesson:1 count:2 seconds:20']);
    expect(start).toContain('⚡ Rodada ao vivo: 2 perguntas da aula 1, 20 s cada.');
    expect(start).toContain('pergunta 1 de 2');
    let q = letters(app, 'live');
    // ana answers right at once (20 pts), bruno right after 10 s (15 pts), carla wrong.
    await sh.run([
      '!as ana',
      `!click ${q.right}`,
      '!clock +10s',
      '!as bruno',
      `!click ${q.right}`,
      '!as carla',
      `!click ${q.wrong}`,
    ]);
    const first = await sh.run(['!clock +10s']);
    expect(first).toContain('⏱️ Tempo esgotado — pergunta 1 de 2');
    expect(first).toContain('🥇 ana — 20 pts');
    expect(first).toContain('🥈 bruno — 15 pts');
    expect(first).toContain('pergunta 2 de 2');
    q = letters(app, 'live');
    await sh.run(['!as bruno', `!click ${q.right}`]);
    const end = await sh.run(['!clock +25s']);
    expect(end).toContain('🏆 Pódio da rodada');
    expect(end).toContain('🥇 bruno — 35 pts');
    expect(end).toContain('🥈 ana — 20 pts');
    expect(await sh.run(['!as ana', `!click ${q.right}`])).toContain('Esta pergunta já foi encerrada.');
    expect(count(app, "select count(*) from live_sessions where status = 'finished'")).toBe(1);
  });

  it('allows one round per channel and stops on /quiz stop', async () => {
    const sh = shellFor(app);
    await sh.run(['!admin on', '/quiz live count:3']);
    expect(await sh.run(['/quiz live'])).toContain('Já há uma rodada ao vivo neste canal.');
    expect(await sh.run(['!channel outra', '/quiz live count:1'])).toContain('pergunta 1 de 1');
    const stopped = await sh.run(['!channel general', '/quiz stop']);
    expect(stopped).toContain('🏆 Pódio da rodada');
    expect(stopped).toContain('Rodada encerrada por aluno.');
    // The stopped round's timer never posts again.
    const later = await sh.run(['!channel general', '!clock +5m']);
    expect(later).not.toContain('pergunta 2 de 3');
    expect(await sh.run(['/quiz stop'])).toContain('Não há rodada ao vivo neste canal.');
  });

  it('refuses a click on a question of a round stopped before its time was up', async () => {
    const sh = shellFor(app);
    await sh.run(['!admin on', '/quiz live count:3 seconds:60', '!as ana', '!click A']);
    await sh.run(['!as aluno', '/quiz stop']);
    expect(await sh.run(['!as bruno', '!click B'])).toContain('Esta pergunta já foi encerrada.');
    expect(count(app, 'select count(*) from answers')).toBe(1);
  });

  it('stops rounds left running by a crashed process on restart', async () => {
    const sh = shellFor(app);
    await sh.run(['!admin on', '/quiz live count:2']);
    await app.resume();
    expect(count(app, "select count(*) from live_sessions where status = 'stopped'")).toBe(1);
  });
});
