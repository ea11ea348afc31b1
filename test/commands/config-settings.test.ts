// Each /config setting's definition on its own: parse and refuse, what it stores, what "Done: …" and the table say.
// No app boot: a community row, the real content and words, and a fixed clock.
import { COMMUNITY } from './fake-context.ts';
import { describe, expect, it } from 'vitest';
import {
  renderSettings,
  ROWS,
  SETTING_NAMES,
  SETTINGS,
  type SettingDefinition,
  type SettingEnv,
} from '../../commands/config-settings.ts';
import { loadContentStore } from '../../src/content/store.ts';
import { isUserError } from '../../src/core/errors.ts';
import { translator, type Locale } from '../../src/core/i18n.ts';
import { channelMention } from '../../src/core/message.ts';
import type { CommunityRow, ScheduledRunRow } from '../../src/db/schema.ts';
import { CONTENT_DIR } from '../helpers.ts';

const content = loadContentStore(CONTENT_DIR);
const now = new Date('2026-11-22T15:00:00Z');
const community: CommunityRow = { ...COMMUNITY, id: 1, platform: 'shell', externalId: 'local' };
const envIn = (locale: Locale = 'pt-BR', timezone = 'America/Sao_Paulo'): SettingEnv => ({
  t: translator(locale),
  locale,
  timezone,
  now,
  place: { platform: 'shell', communityId: 'local', channelId: 'C-geral' },
  content,
});
const env = envIn();
const setting = (name: keyof typeof SETTINGS): SettingDefinition<unknown> => SETTINGS[name];
/** Parse, then the row changes and the "Done: …" text, as the command does them. */
const apply = (name: keyof typeof SETTINGS, text: string, c = community, e = env) => {
  const value = setting(name).parse(text, e);
  return { value, changes: setting(name).store(value, c, e), saved: setting(name).saved(value, e) };
};
/** The error a refused value raises. */
function refusal(name: keyof typeof SETTINGS, text: string, e = env) {
  try {
    setting(name).parse(text, e);
  } catch (error) {
    if (!isUserError(error)) throw error;
    return { code: error.code, message: error.message };
  }
  throw new Error(`${name} ${text} was accepted`);
}

describe('the /config settings table', () => {
  it('has a definition for every choice after show, in the order the option lists them', () => {
    expect(SETTING_NAMES).toEqual([
      'channel',
      'timezone',
      'locale',
      'schedule',
      'agenda',
      'quiz-time',
      'quiz-days',
      'reminders',
      'digest',
      'events',
      'pause',
      'resume',
    ]);
  });

  it('asks a value, with an example, of every setting except channel, digest (here by default), pause and resume', () => {
    const valueless = SETTING_NAMES.filter((name) => !SETTINGS[name].example);
    expect(valueless).toEqual(['channel', 'digest', 'pause', 'resume']);
    for (const name of SETTING_NAMES.filter((n) => !valueless.includes(n)))
      expect(setting(name).example).toMatch(new RegExp(`^/config ${name} \\S`));
  });

  it('shows every setting in a row of the table, quiz-days with quiz-time and pause/resume as one status', () => {
    const rows = Object.values(ROWS);
    for (const name of SETTING_NAMES) expect(rows).toContain(setting(name).row);
    expect(SETTINGS['quiz-days'].row).toBe(ROWS.quizTime);
    expect(SETTINGS.pause.row).toBe(SETTINGS.resume.row);
  });
});

describe('channel', () => {
  it('stores the channel it was typed in and starts the posts from now, the first time only', () => {
    expect(apply('channel', '')).toEqual({
      value: 'C-geral',
      changes: { announceChannelId: 'C-geral', activeSince: now },
      saved: `Canal de avisos = ${channelMention('C-geral')}`,
    });
    const before = new Date('2026-11-10T12:00:00Z');
    const moved = apply('channel', '', { ...community, announceChannelId: 'C-old', activeSince: before });
    expect(moved.changes).toEqual({ announceChannelId: 'C-geral', activeSince: before });
    expect(SETTINGS.channel.warnsOfBotLacks).toBe(true);
    expect(SETTING_NAMES.filter((n) => setting(n).warnsOfBotLacks)).toEqual(['channel']);
  });
});

describe('timezone', () => {
  it('stores a known IANA zone, trimmed', () => {
    expect(apply('timezone', ' Europe/Lisbon ')).toMatchObject({
      changes: { timezone: 'Europe/Lisbon' },
      saved: 'Fuso horário = Europe/Lisbon',
    });
  });

  it('refuses an unknown zone, naming it', () => {
    expect(refusal('timezone', 'Marte/Olimpo')).toEqual({
      code: 'usage',
      message: expect.stringContaining('"Marte/Olimpo" não é um fuso horário conhecido'),
    });
  });
});

describe('locale', () => {
  it('stores pt-BR or en from the ways people type them', () => {
    expect(apply('locale', 'pt').changes).toEqual({ locale: 'pt-BR' });
    expect(apply('locale', 'EN-us').changes).toEqual({ locale: 'en' });
    expect(apply('locale', 'en', community, envIn('en')).saved).toBe('Language = en');
  });

  it('refuses anything else', () => {
    expect(refusal('locale', 'xx')).toEqual({ code: 'usage', message: 'Use pt-BR ou en.' });
    expect(refusal('locale', 'portuguese').message).toBe('Use pt-BR ou en.');
  });
});

describe('schedule', () => {
  it("reads the first class in the community's zone and stores it in the course's", () => {
    const { changes, saved } = apply('schedule', '2026-11-10 22:00', community, envIn('pt-BR', 'UTC'));
    expect(changes).toEqual({ firstClass: '2026-11-10T19:00' });
    expect(saved).toMatch(/^Primeira aula = .*10 de novembro de 2026.*22:00/);
  });

  it('refuses dates that do not exist, naming them', () => {
    for (const typed of ['2026-02-30T19:00', '0000-01-01T00:00', '2026-11-10T25:00', 'amanhã']) {
      expect(refusal('schedule', typed)).toEqual({
        code: 'usage',
        message: expect.stringContaining(`"${typed}" não é uma data e hora possível`),
      });
    }
  });
});

describe('agenda', () => {
  it('stores one lead in minutes', () => {
    expect(apply('agenda', '2d')).toMatchObject({
      changes: { agendaLeadMinutes: 2880 },
      saved: 'Agenda da aula = 2d antes',
    });
  });

  it('refuses several leads, none, or more than 14 days', () => {
    for (const typed of ['24h,1h', '0', '15d'])
      expect(refusal('agenda', typed).message).toBe(
        'Use uma antecedência como 24h, 2d ou 90m (até 14 dias).',
      );
  });
});

describe('quiz-time', () => {
  it('stores HH:MM from 9:30 or 9h30', () => {
    expect(apply('quiz-time', '9h30')).toMatchObject({
      changes: { quizTime: '09:30' },
      saved: 'Pergunta do dia = 09:30',
    });
    expect(apply('quiz-time', ' 23:59 ').changes).toEqual({ quizTime: '23:59' });
  });

  it('refuses hours past 23 and minutes past 59, naming the value', () => {
    for (const typed of ['25:00', '24:00', '12:60', 'meio-dia'])
      expect(refusal('quiz-time', typed)).toEqual({
        code: 'usage',
        message: expect.stringContaining(`"${typed}" não é um horário`),
      });
  });
});

describe('quiz-days', () => {
  it('stores ISO weekdays and says them back in words', () => {
    const { changes, saved } = apply('quiz-days', 'seg,qua,sex');
    expect(changes).toEqual({ quizDays: [1, 3, 5] });
    expect(saved).toBe('Pergunta do dia = seg, qua, sex');
  });

  it('refuses what are not weekdays, naming the value', () => {
    for (const typed of ['-1', 'seg-', '8'])
      expect(refusal('quiz-days', typed)).toEqual({
        code: 'usage',
        message: expect.stringContaining(`"${typed}" não são dias da semana`),
      });
  });
});

describe('reminders', () => {
  it('stores distinct leads, longest first', () => {
    expect(apply('reminders', '1h, 24h 60m')).toMatchObject({
      changes: { reminderLeadsMinutes: [1440, 60] },
      saved: 'Lembretes = 1d, 1h',
    });
  });

  it('refuses a list with any lead that is not one', () => {
    for (const typed of [',', '24h,amanhã', '20d'])
      expect(refusal('reminders', typed).message).toBe('Use antecedências como 24h,1h ou 90m (até 14 dias).');
  });
});

describe('pause and resume', () => {
  it('pause keeps when posts started; resume restarts them from now, so nothing paused is caught up', () => {
    const since = new Date('2026-11-10T12:00:00Z');
    const active = { ...community, activeSince: since };
    expect(apply('pause', '', active)).toMatchObject({
      changes: { paused: true, activeSince: since },
      saved: 'Postagens automáticas: pausadas',
    });
    expect(apply('resume', '', { ...active, paused: true })).toMatchObject({
      changes: { paused: false, activeSince: now },
      saved: 'Postagens automáticas: ativas',
    });
    expect(apply('resume', '', active).changes).toEqual({ paused: false, activeSince: since });
    expect(apply('pause', '', { ...active, paused: true }).changes).toEqual({
      paused: true,
      activeSince: since,
    });
  });
});

describe('digest', () => {
  it('is this channel by default, a channel link, or off; anything else is explained', () => {
    expect(apply('digest', '').changes).toEqual({ digestChannelId: 'C-geral' });
    expect(apply('digest', '<#123456789012345678>').changes).toEqual({
      digestChannelId: '123456789012345678',
    });
    expect(apply('digest', '<#C0MONIT|monitores>').changes).toEqual({ digestChannelId: 'C0MONIT' });
    expect(apply('digest', '#monitores').changes).toEqual({ digestChannelId: 'monitores' });
    expect(apply('digest', 'off').changes).toEqual({ digestChannelId: null });
    expect(refusal('digest', 'amanhã <@&1>').message).toContain('/config digest off');
  });
});

describe('the events setting', () => {
  const discord = (botLacks?: SettingEnv['place']['botLacks']): SettingEnv => ({
    ...env,
    place: { platform: 'discord', communityId: 'g1', channelId: 'c1', ...(botLacks ? { botLacks } : {}) },
  });
  it('turns Discord scheduled events on and off', () => {
    expect(apply('events', 'on', community, discord()).changes).toEqual({ eventsEnabled: true });
    expect(apply('events', 'desligar', community, discord()).changes).toEqual({ eventsEnabled: false });
    expect(refusal('events', 'maybe', discord()).message).toBe(
      'Use /config events on ou /config events off.',
    );
  });

  it('says elsewhere that scheduled events are Discord only, and points at the calendar link', () => {
    expect(refusal('events', 'on')).toEqual({
      code: 'wrong-platform',
      message: expect.stringContaining('/config calendar'),
    });
  });

  it('refuses on, before storing anything, when the bot lacks Create Events (off still works)', () => {
    expect(refusal('events', 'on', discord(['createEvents']))).toEqual({
      code: 'bot-lacks',
      message: expect.stringContaining('Criar eventos'),
    });
    expect(apply('events', 'off', community, discord(['createEvents'])).changes).toEqual({
      eventsEnabled: false,
    });
  });
});

describe('the /config show table', () => {
  it('shows the defaults, the course calendar, and no failure row when nothing fails', () => {
    const table = renderSettings(community, undefined, env);
    expect(table.title).toBe('⚙️ Configuração');
    expect(table.ephemeral).toBe(true);
    expect(table.fields?.map((f) => [f.name, f.value])).toEqual([
      ['Canal de avisos', 'nenhum (use /config channel no canal desejado)'],
      ['Fuso horário', 'America/Sao_Paulo'],
      ['Idioma', 'pt-BR'],
      ['Primeira aula', expect.stringContaining('(calendário do curso)')],
      ['Pergunta do dia', '09:00, seg, ter, qua, qui, sex'],
      ['Agenda da aula', '1d antes'],
      ['Lembretes', '1h antes da aula'],
      ['Resumo para monitores', 'desligado'],
      ['Eventos do Discord', 'desligados'],
      ['Postagens automáticas', 'ativas'],
    ]);
  });

  it("shows the community's own values and the post that keeps failing", () => {
    const own = { ...community, announceChannelId: 'C1', timezone: 'UTC', firstClass: '2026-11-10T19:00' };
    const failure = {
      kind: 'daily',
      scheduledFor: new Date('2026-11-23T12:00:00Z'),
      lastError: 'Missing Access.\n',
      attempts: 3,
    } as ScheduledRunRow;
    const fields = renderSettings({ ...own, paused: true }, failure, env).fields ?? [];
    expect(fields[0]?.value).toBe(channelMention('C1'));
    expect(fields[1]?.value).toBe('UTC');
    expect(fields[3]?.value).toMatch(/10 de novembro de 2026.*22:00/);
    expect(fields[3]?.value).not.toContain('calendário do curso');
    expect(fields[7]?.value).toBe('desligado');
    expect(fields[8]?.value).toBe('desligados');
    expect(fields[9]?.value).toBe('pausadas');
    expect(fields[10]).toMatchObject({ name: '⚠️ Postagem automática com problema', inline: false });
    // In the community's zone, with the error on one line and its own full stop dropped.
    expect(fields[10]?.value).toContain(
      '23 de novembro de 2026 às 12:00 falhou (3 tentativa(s)): Missing Access. O bot',
    );
  });
});
