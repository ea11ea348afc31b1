import { userText } from '../../src/core/message.ts';
import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { parseTextArgs, usage } from '../../src/bot/options.ts';
import { translator } from '../../src/core/i18n.ts';
import { makeTestApp } from '../helpers.ts';

const t = translator('pt-BR');
const command = (name: string) => commands.find((c) => c.name === name)!;
const parse = (name: string, text: string) => parseTextArgs(command(name), text, t);
const failure = (name: string, text: string) => {
  try {
    parse(name, text);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected a usage error');
};

describe('Slack-style argument text', () => {
  it('fills options positionally, skipping an optional choice the word does not match', () => {
    expect(parse('quiz', '')).toEqual({});
    expect(parse('quiz', '2')).toEqual({ lesson: '2' });
    expect(parse('quiz', 'live 2 3 20')).toEqual({ mode: 'live', lesson: '2', count: 3, seconds: 20 });
    expect(parse('quiz', 'LIVE')).toEqual({ mode: 'live' });
  });

  it('takes name:value in any order and keeps "aula 2" together', () => {
    expect(parse('quiz', 'live count:3 lesson:2')).toEqual({ mode: 'live', lesson: '2', count: 3 });
    expect(parse('quiz', 'aula 2')).toEqual({ lesson: 'aula 2' });
    expect(parse('quiz', 'live aula 2 5')).toEqual({ mode: 'live', lesson: 'aula 2', count: 5 });
  });

  it('gives the rest of the text to a rest option, spaces included', () => {
    expect(parse('glossary', 'data   drift')).toEqual({ term: 'data drift' });
    expect(parse('scores', 'void @ana month colou na prova')).toEqual({
      action: 'void',
      user: 'ana',
      period: 'month',
      reason: 'colou na prova',
    });
    expect(parse('scores', 'void <@U123ABC|ana> spam')).toEqual({
      action: 'void',
      user: 'U123ABC',
      reason: 'spam',
    });
  });

  it('explains bad values with the usage', () => {
    expect(failure('quiz', 'live count:99')).toBe(
      'Valor inválido para count: deve estar entre 1 e 20. Uso: /quiz [live|stop|daily] [lesson] [count] [seconds]',
    );
    expect(failure('quiz', 'live count:três')).toMatch(
      /^Valor inválido para count: deve ser um número inteiro\. Uso: \/quiz/,
    );
    expect(failure('leaderboard', 'ontem')).toBe(
      `Opção desconhecida: ${userText('ontem')}. Uso: ${usage(command('leaderboard'))}`,
    );
    expect(failure('scores', '')).toContain('Falta informar action');
    expect(failure('glossary', 'x'.repeat(101))).toBe('Texto longo demais: o máximo é 100 caracteres.');
  });
});

describe('autocomplete', () => {
  it('suggests glossary terms and lessons as the user types', async () => {
    const app = makeTestApp();
    const base = {
      kind: 'autocomplete' as const,
      actor: { id: 'ana', name: 'ana', isAdmin: false },
      place: { platform: 'shell' as const, communityId: 'local', channelId: 'general' },
    };
    expect(
      app.bot.autocomplete({ ...base, name: 'glossary', option: 'term', partial: 'drif' }).map((c) => c.name),
    ).toEqual(expect.arrayContaining(['Data Drift', 'Concept Drift']));
    expect(app.bot.autocomplete({ ...base, name: 'glossary', option: 'term', partial: '' })).toHaveLength(25);
    expect(app.bot.autocomplete({ ...base, name: 'agenda', option: 'lesson', partial: 'cultura' })).toEqual([
      { name: '3. Cultura e práticas: DevOps, DataOps e MLOps', value: '3' },
    ]);
    await app.dispose();
  });
});
