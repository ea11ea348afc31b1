import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, shellFor, type TestApp } from '../helpers.ts';
import { count, letters } from './helpers.ts';

let app: TestApp;
beforeEach(() => {
  // Monday 23 November 2026, 09:00 in São Paulo: lessons 1 and 2 have been taught.
  app = makeTestApp(new Date('2026-11-23T12:00:00Z'));
});
afterEach(() => app.dispose());

describe('the daily question', () => {
  it('scores two members once each; the board and stats agree', async () => {
    const sh = shellFor(app);
    await sh.run(['!admin on', '/quiz daily']);
    const { right, wrong } = letters(app, 'daily');
    const out = await sh.run([
      '!as ana',
      `!click ${right}`,
      '!as bruno',
      `!click ${wrong}`,
      `!click ${right}`,
    ]);
    expect(out).toContain('✅ Certo! +10 pontos.');
    expect(out).toContain(`Você já respondeu ${wrong}; só a primeira resposta conta.`);
    const board = await sh.run(['/leaderboard']);
    expect(board).toContain('1. ana — 10 pts · 100% de acerto · sequência 1');
    expect(board).not.toContain('bruno —');
    expect(board).toContain('Você ainda não pontuou neste período.');
    const stats = await sh.run(['!as ana', '/stats']);
    expect(stats).toContain('Pontos: 10 nesta semana · 10 no total');
    expect(stats).toContain('Posição: #1 na semana · #1 no geral');
    expect(stats).toContain('Sequência: 1 atual · 1 melhor');
    expect(count(app, 'select count(*) from answers')).toBe(2);
    expect(count(app, 'select count(*) from score_events')).toBe(1);
  });

  it('is not posted again at quiz time when an admin already opened it with /quiz daily', async () => {
    // Monday 08:00 in São Paulo: the admin opens it an hour before the scheduled 09:00 post.
    const early = makeTestApp(new Date('2026-11-23T11:00:00Z'));
    try {
      const sh = shellFor(early);
      await early.resume();
      const opened = await sh.run(['!admin on', '/config channel', '/quiz daily']);
      expect(opened).toContain('Pergunta do dia');
      const later = await sh.run(['!clock +2h']);
      expect(later).not.toContain('☀️ Pergunta do dia');
      expect(count(early, "select count(*) from question_instances where kind = 'daily'")).toBe(1);
    } finally {
      await early.dispose();
    }
  });

  it('keeps answers secret until the reveal at closing, then refuses late clicks', async () => {
    const sh = shellFor(app);
    await sh.run(['!admin on', '/quiz daily']);
    const { wrong, right } = letters(app, 'daily');
    const early = await sh.run(['!as ana', `!click ${wrong}`]);
    expect(early).toContain('A resposta sai no encerramento');
    expect(early).not.toContain('Resposta:');
    const reveal = await sh.run(['!clock +12h']);
    expect(reveal).toContain('🔔 Resposta da pergunta do dia');
    expect(reveal).toContain(`Resposta: ${right})`);
    expect(reveal).toContain('0 de 1 acertaram (0%).');
    // The reveal carries the report button, so the shell's last buttons are no longer the letters: the late click
    // goes to the bot as a platform would send it, with the question's button id.
    expect(reveal).toContain('[1] ⚑ Reportar problema');
    const late = await app.bot.handle({
      kind: 'action',
      buttonId: `qa:${letters(app, 'daily').instanceId}:${right}`,
      actor: { id: 'bruno', name: 'bruno', isAdmin: false },
      place: { platform: 'shell', communityId: 'local', channelId: 'general' },
    });
    expect(late).toEqual([{ text: 'Esta pergunta já foi encerrada.', ephemeral: true }]);
    // The reveal is posted once even if the closer runs again.
    expect(await app.quiz.daily.close(letters(app, 'daily').instanceId)).toBe(false);
  });

  it('never reuses a question as the daily in the same community, and one open daily per channel', async () => {
    const sh = shellFor(app);
    await sh.run(['!admin on', '/quiz daily']);
    expect(await sh.run(['/quiz daily'])).toContain('Já há uma pergunta do dia aberta neste canal.');
    for (let day = 0; day < 5; day++) await sh.run(['!clock +1d', '/quiz daily']);
    expect(count(app, "select count(*) from question_instances where kind='daily'")).toBe(6);
    expect(count(app, "select count(distinct question_id) from question_instances where kind='daily'")).toBe(
      count(app, "select count(*) from question_instances where kind='daily'"),
    );
  });

  it('pays a streak bonus for consecutive right days, counted in local days', async () => {
    const sh = shellFor(app);
    await sh.run(['!admin on']);
    const outs: string[] = [];
    for (let day = 0; day < 3; day++) {
      await sh.run(['!as admin', '!admin on', '/quiz daily']);
      outs.push(await sh.run(['!as ana', `!click ${letters(app, 'daily').right}`, '!clock +1d']));
    }
    expect(outs[0]).toContain('+10 pontos');
    expect(outs[1]).toContain('+12 pontos');
    expect(outs[2]).toContain('+14 pontos');
    expect(outs[2]).toContain('3 dias seguidos');
  });

  it('refuses /quiz daily, live and stop to non-admins', async () => {
    const out = await shellFor(app).run(['/quiz daily', '/quiz live', '/quiz stop', '/scores void ana']);
    expect(out.match(/Só quem administra a comunidade pode usar este comando\./g)).toHaveLength(4);
  });
});

describe('buttons', () => {
  it('answers stale, foreign and unknown buttons politely and privately', async () => {
    const sh = shellFor(app);
    await sh.run(['!as ana', '/quiz']);
    const card = letters(app, 'practice');
    const foreign = await sh.run(['!as bruno', `!click ${card.right}`]);
    expect(foreign).toContain('[só você]');
    expect(foreign).toContain('Este cartão de prática é de outra pessoa.');
    const unknown = await app.bot.handle({
      kind: 'action',
      buttonId: 'qa:999999:A',
      actor: { id: 'ana', name: 'ana', isAdmin: false },
      place: { platform: 'shell', communityId: 'local', channelId: 'general' },
    });
    expect(unknown).toEqual([{ text: expect.stringContaining('Este botão não vale mais'), ephemeral: true }]);
    const garbage = await app.bot.handle({
      kind: 'action',
      buttonId: 'qa:abc:Z\u0000',
      actor: { id: 'ana', name: 'ana', isAdmin: false },
      place: { platform: 'shell', communityId: 'local', channelId: 'general' },
    });
    expect(garbage[0]!.ephemeral).toBe(true);
    const otherCommunity = await app.bot.handle({
      kind: 'action',
      buttonId: `qa:${card.instanceId}:${card.right}`,
      actor: { id: 'ana', name: 'ana', isAdmin: false },
      place: { platform: 'shell', communityId: 'elsewhere', channelId: 'general' },
    });
    expect(otherCommunity[0]!.text).toContain('Este botão não vale mais');
    expect(count(app, 'select count(*) from answers')).toBe(0);
  });
});
