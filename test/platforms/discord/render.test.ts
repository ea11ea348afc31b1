import { ApplicationIntegrationType, InteractionContextType } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { commands } from '../../../commands/index.ts';
import { renderGlossaryPage } from '../../../src/core/glossary-render.ts';
import { translator } from '../../../src/core/i18n.ts';
import { renderQuestion } from '../../../src/core/quiz-render.ts';
import { loadContent } from '../../../src/content/load.ts';
import { buildCommandPayloads, MANAGE_GUILD } from '../../../src/platforms/discord/register.ts';
import { splitText } from '../../../src/core/text.ts';
import { DISCORD_LIMITS, renderDiscord } from '../../../src/platforms/discord/render.ts';
import { CONTENT_DIR } from '../../helpers.ts';

const content = loadContent(CONTENT_DIR);

describe('Discord registration payloads', () => {
  const payloads = buildCommandPayloads(commands);

  it('registers every command with pt-BR and en descriptions within Discord limits', () => {
    expect(payloads.map((p) => p.name)).toEqual(commands.map((c) => c.name));
    for (const p of payloads) {
      expect(p.description.length).toBeLessThanOrEqual(100);
      expect(p.description_localizations['en-US']).toBeTruthy();
      for (const o of p.options) expect(o.description.length).toBeLessThanOrEqual(100);
    }
  });

  it('maps option types, choices and autocomplete, and guards admin commands with Manage Server', () => {
    const quiz = payloads.find((p) => p.name === 'quiz')!;
    expect(quiz.options.map((o) => [o.name, o.type, o.required])).toEqual([
      ['mode', 3, false],
      ['lesson', 3, false],
      ['count', 4, false],
      ['seconds', 4, false],
    ]);
    expect(quiz.options[0]!.choices).toEqual([
      { name: 'live', value: 'live' },
      { name: 'stop', value: 'stop' },
      { name: 'daily', value: 'daily' },
    ]);
    expect(quiz.options[1]!.autocomplete).toBe(true);
    expect(quiz.options[2]).toMatchObject({ min_value: 1, max_value: 20 });
    expect(quiz.default_member_permissions).toBeNull();
    expect(payloads.find((p) => p.name === 'config')!.default_member_permissions).toBe(
      MANAGE_GUILD.toString(),
    );
    expect(payloads.find((p) => p.name === 'scores')!.options.find((o) => o.name === 'user')!.type).toBe(6);
  });

  it('sets contexts and integration types on every command: server installs, server channels only', () => {
    for (const p of payloads) {
      expect(p.contexts, p.name).toEqual([InteractionContextType.Guild]);
      expect(p.integration_types, p.name).toEqual([ApplicationIntegrationType.GuildInstall]);
    }
  });

  it('refuses a definition Discord would reject, naming the command', () => {
    const bad = {
      ...commands[0]!,
      name: 'Bad Name',
      options: { a: { type: 'string', description: { 'pt-BR': 'x'.repeat(101), en: 'x' } } },
    };
    expect(() => buildCommandPayloads([bad as never])).toThrow(
      /\/Bad Name: .*over 100 characters.*lower-case/,
    );
  });
});

describe('Discord rendering', () => {
  const t = translator('pt-BR');

  it('renders a link as a Discord link button (style 5, url, no custom_id) after the buttons', () => {
    const [payload] = renderDiscord({
      text: 'x',
      buttons: [{ id: 'qa:1:A', label: 'A' }],
      links: [{ label: '📅 Adicionar ao calendário', url: 'https://turma.example.org/calendar/t.ics' }],
    });
    expect(payload!.components[0]!.components[1]).toEqual({
      type: 2,
      style: 5,
      label: '📅 Adicionar ao calendário',
      url: 'https://turma.example.org/calendar/t.ics',
    });
  });

  it('renders a question as an embed with letter buttons, never pinging anyone', () => {
    const question = content.questions[0]!;
    const [payload] = renderDiscord(renderQuestion(question, 42, { title: 'Pergunta', ephemeral: true }));
    expect(payload!.embeds[0]!.title).toBe('Pergunta');
    expect(payload!.embeds[0]!.description).toContain('**A)**');
    expect(
      payload!.components[0]!.components.map((b) => [b.label, 'custom_id' in b ? b.custom_id : b.url]),
    ).toEqual(question.choices.map((_, i) => ['ABCDE'[i], `qa:42:${'ABCDE'[i]}`]));
    expect(payload!.flags).toBe(64);
    expect(payload!.allowed_mentions).toEqual({ parse: [] });
  });

  it('splits long text and fields within the limits and keeps the buttons on the last message', () => {
    const long = Array.from({ length: 900 }, (_, i) => `linha ${i} @everyone`).join('\n');
    const payloads = renderDiscord({
      title: 'T',
      text: long,
      fields: [{ name: 'Campo', value: 'x '.repeat(1500) }],
      buttons: renderGlossaryPage(content.glossary, 2, t).buttons,
    });
    expect(payloads.length).toBeGreaterThan(1);
    for (const p of payloads) {
      const embed = p.embeds[0]!;
      expect((embed.description ?? '').length).toBeLessThanOrEqual(DISCORD_LIMITS.description);
      for (const f of embed.fields ?? [])
        expect(f.value.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldValue);
      expect(p.allowed_mentions).toEqual({ parse: [] });
    }
    expect(payloads.slice(0, -1).every((p) => p.components.length === 0)).toBe(true);
    expect(payloads.at(-1)!.components[0]!.components).toHaveLength(2);
    expect(payloads.map((p) => p.embeds[0]!.description ?? '').join('\n')).toContain('linha 899 @everyone');
  });

  it('puts at most five buttons in a row and five rows in a message', () => {
    const buttons = Array.from({ length: 30 }, (_, i) => ({ id: `b:${i}`, label: `${i}` }));
    const [payload] = renderDiscord({ text: 'x', buttons });
    expect(payload!.components).toHaveLength(5);
    expect(payload!.components.every((row) => row.components.length === 5)).toBe(true);
  });

  it('splits text at line breaks when it can', () => {
    expect(splitText('aaaa\nbbbb\ncccc', 10)).toEqual(['aaaa\nbbbb', 'cccc']);
    expect(splitText('x'.repeat(25), 10)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
  });
});

describe('channel links', () => {
  it('become <#id> on Discord and Slack, #name in the shell, and cannot be forged from user text', async () => {
    const { channelMention } = await import('../../../src/core/message.ts');
    const { renderSlack } = await import('../../../src/platforms/slack/render.ts');
    const { renderShellMessage, plainStyle } = await import('../../../src/platforms/shell/render.ts');
    const text = `Canal: ${channelMention('300000000000000001')} / ${channelMention('C0GERAL01')} / <#C0HACK>`;
    expect(renderDiscord({ text })[0]!.embeds[0]!.description).toBe(
      'Canal: <#300000000000000001> / #C0GERAL01 / <#C0HACK>',
    );
    expect(JSON.stringify(renderSlack({ text })[0]!.blocks)).toContain(
      'Canal: #300000000000000001 / <#C0GERAL01> / &lt;#C0HACK&gt;',
    );
    expect(renderShellMessage('[#x]', { text: `${channelMention('avisos')}` }, plainStyle)).toContain(
      '#avisos',
    );
  });
});
