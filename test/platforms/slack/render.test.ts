import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands } from '../../../commands/index.ts';
import { buildManifest } from '../../../src/platforms/slack/manifest.ts';
import { renderSlack, SLACK_LIMITS, type SlackBlock, toMrkdwn } from '../../../src/platforms/slack/render.ts';

describe('Slack rendering', () => {
  it('renders a link as a url button after the buttons, with a link: action id the adapter only acknowledges', () => {
    const [payload] = renderSlack({
      text: 'x',
      buttons: [{ id: 'qa:1:A', label: 'A' }],
      links: [{ label: '📅 Adicionar ao calendário', url: 'https://turma.example.org/calendar/t.ics' }],
    });
    const actions = payload!.blocks.find((b) => b.type === 'actions');
    expect(actions).toEqual({
      type: 'actions',
      elements: [
        {
          type: 'button',
          text: { type: 'plain_text', text: 'A', emoji: true },
          action_id: 'qa:1:A',
          value: 'qa:1:A',
        },
        {
          type: 'button',
          text: { type: 'plain_text', text: '📅 Adicionar ao calendário', emoji: true },
          action_id: 'link:0',
          url: 'https://turma.example.org/calendar/t.ics',
        },
      ],
    });
  });

  it('escapes what users typed so nothing becomes a mention or a link', () => {
    expect(toMrkdwn('<!channel> & <@U123> <https://evil|click>')).toBe(
      '&lt;!channel&gt; &amp; &lt;@U123&gt; &lt;https://evil|click&gt;',
    );
    const [payload] = renderSlack({
      title: '<!here>',
      text: 'oi <!channel>',
      fields: [{ name: '<b>', value: '<@U1>' }],
      footer: '<!everyone>',
    });
    // Everything Slack parses (mrkdwn and the fallback text) is escaped; the header is plain_text, never parsed.
    const parsed = payload!.blocks.filter((b) => b.type !== 'header');
    expect(JSON.stringify(parsed) + payload!.text).not.toMatch(/<!channel>|<!here>|<!everyone>|<@U1>/);
    expect(payload!.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: '<!here>', emoji: true },
    });
  });

  it('turns the neutral Markdown into mrkdwn, in the notification (fallback) text too', () => {
    expect(toMrkdwn('**Data Drift**\n- um\n- dois')).toBe('*Data Drift*\n• um\n• dois');
    const [payload] = renderSlack({ title: 'Pergunta', text: '**A)** Data drift\n**B)** Concept drift' });
    expect(payload!.text).toBe('Pergunta — *A)* Data drift\n*B)* Concept drift');
  });

  it('renders title, text, fields, footer and buttons as blocks, privately when ephemeral', () => {
    const [payload] = renderSlack({
      title: 'Pergunta',
      text: 'Qual?',
      fields: [{ name: 'Aula', value: '2' }],
      footer: 'Fonte',
      buttons: [
        { id: 'qa:1:A', label: 'A', style: 'primary' },
        { id: 'qa:1:B', label: 'B' },
      ],
      ephemeral: true,
    });
    expect(payload!.response_type).toBe('ephemeral');
    expect(payload!.blocks.map((b) => b.type)).toEqual([
      'header',
      'section',
      'section',
      'context',
      'actions',
    ]);
    const actions = payload!.blocks.at(-1) as Extract<SlackBlock, { type: 'actions' }>;
    expect(actions.elements.map((e) => [e.action_id, e.text.text, e.style])).toEqual([
      ['qa:1:A', 'A', 'primary'],
      ['qa:1:B', 'B', undefined],
    ]);
  });

  it('stays within Slack limits: section text, header, 50 blocks per message', () => {
    const payloads = renderSlack({ title: 'x'.repeat(300), text: 'linha\n'.repeat(40_000) });
    expect(payloads.length).toBeGreaterThan(1);
    for (const p of payloads) {
      expect(p.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
      for (const b of p.blocks) {
        if (b.type === 'section') expect(b.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
        if (b.type === 'header') expect(b.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.header);
      }
    }
  });
});

describe('Slack app manifest', () => {
  it('declares every command and only the scopes the bot needs', () => {
    const manifest = buildManifest(commands);
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual(commands.map((c) => `/${c.name}`));
    expect(manifest.oauth_config.scopes.bot).toEqual(['commands', 'chat:write', 'users:read', 'im:write']);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    const http = buildManifest(commands, { requestUrl: 'https://turma.example/slack/events' });
    expect(http.settings.socket_mode_enabled).toBe(false);
    expect(http.features.slash_commands[0]!.url).toBe('https://turma.example/slack/events');
    expect(http.settings.event_subscriptions.request_url).toBe('https://turma.example/slack/events');
  });

  it('enables the Home tab (and the Messages tab) and subscribes to app_home_opened', () => {
    const manifest = buildManifest(commands);
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true });
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(['app_home_opened']);
  });

  it('is committed up to date (run npm run slack:manifest after changing commands)', () => {
    const committed = JSON.parse(
      readFileSync(path.resolve(import.meta.dirname, '../../../slack-manifest.json'), 'utf8'),
    );
    expect(committed).toEqual(JSON.parse(JSON.stringify(buildManifest(commands))));
  });
});
