// End to end on Discord: the real discord.js client logged into a local fake Discord, the real app on SQLite.
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../../commands/index.ts';
import { buildCommandPayloads } from '../../../src/platforms/discord/register.ts';
import { registerCommands } from '../../../src/platforms/discord/register-cli.ts';
import { count, letters } from '../../quiz/helpers.ts';
import { APP_ID, CHANNEL_ID, type FakeUser, GUILD_ID } from './fake-discord.ts';
import { type DiscordRig, startDiscordRig } from './harness.ts';

const ana: FakeUser = { id: '500000000000000001', name: 'Ana' };
const bruno: FakeUser = { id: '500000000000000002', name: 'Bruno' };
const monitor: FakeUser = { id: '500000000000000009', name: 'Monitora', admin: true };

type Payload = { embeds?: { title?: string; description?: string }[]; components?: Row[]; flags?: number };
type Row = { components: { label: string; custom_id: string }[] };

const buttons = (payload: Payload | undefined) =>
  (payload?.components ?? []).flatMap((row) => row.components);
/** The custom id of the answer button for letter X. */
const buttonFor = (payload: Payload | undefined, letter: string) =>
  buttons(payload).find((b) => b.label === letter)!.custom_id;
const textOf = (payload: unknown) => JSON.stringify(payload);

let rig: DiscordRig;
afterEach(async () => {
  await rig?.dispose();
});

describe('Discord end to end', () => {
  it('logs in with the Guilds intent only and answers /glossary drift with both drifts, publicly', async () => {
    rig = await startDiscordRig();
    expect(rig.fake.identifies).toEqual([{ token: 'fake-discord-token', intents: 1, shard: [0, 1] }]);
    const cb = await rig.callback(rig.fake.command(ana, 'glossary', { term: 'drift' }));
    expect(cb.type).toBe(4);
    expect(textOf(cb.data)).toContain('Data Drift');
    expect(textOf(cb.data)).toContain('Concept Drift');
    expect(cb.data?.flags).toBeUndefined();
    expect(cb.data?.allowed_mentions).toEqual({ parse: [] });
  });

  it('suggests glossary terms and lessons as the user types', async () => {
    rig = await startDiscordRig();
    const cb = await rig.callback(rig.fake.autocomplete(ana, 'glossary', 'term', 'feat'));
    expect(cb.type).toBe(8);
    const choices = (cb.data as { choices: { name: string; value: string }[] }).choices;
    expect(choices.map((c) => c.name)).toContain('Feature Store');
    const lessons = await rig.callback(rig.fake.autocomplete(ana, 'quiz', 'lesson', ''));
    expect((lessons.data as { choices: unknown[] }).choices.length).toBeGreaterThan(0);
  });

  it('runs /quiz practice privately and answers the click by updating the card', async () => {
    rig = await startDiscordRig();
    const cb = await rig.callback(rig.fake.command(ana, 'quiz'));
    expect(cb.type).toBe(4);
    expect(cb.data?.flags).toBe(64);
    const { right } = letters(rig.app, 'practice');
    const click = rig.fake.click(
      ana,
      { id: '1', channel_id: CHANNEL_ID, ephemeral: true },
      buttonFor(cb.data, right),
    );
    const answer = await rig.callback(click);
    expect(answer.type).toBe(7);
    expect(textOf(answer.data)).toMatch(/Certo|Correto|✅/);
    expect(count(rig.app, "select count(*) from score_events where kind = 'practice'")).toBe(1);
  });

  it('scores a daily question once per member, a double click included', async () => {
    rig = await startDiscordRig();
    const opened = await rig.callback(rig.fake.command(monitor, 'quiz', { mode: 'daily' }));
    expect(opened.data?.flags).toBeUndefined();
    const { right, wrong } = letters(rig.app, 'daily');
    const msg = { id: '42', channel_id: CHANNEL_ID };
    const first = await rig.callback(rig.fake.click(ana, msg, buttonFor(opened.data, right)));
    const again = await rig.callback(rig.fake.click(ana, msg, buttonFor(opened.data, right)));
    const other = await rig.callback(rig.fake.click(bruno, msg, buttonFor(opened.data, wrong)));
    for (const cb of [first, again, other]) expect(cb.data?.flags).toBe(64);
    expect(textOf(again.data)).toContain(`Você já respondeu ${right}`);
    expect(count(rig.app, "select count(*) from score_events where kind = 'daily'")).toBe(1);
    expect(count(rig.app, 'select count(*) from answers')).toBe(2);
  });

  it('plays /quiz live for two questions with standings and a podium in the channel', async () => {
    rig = await startDiscordRig();
    const start = rig.fake.command(monitor, 'quiz', { mode: 'live', lesson: '1', count: 2, seconds: 20 });
    const intro = await rig.callback(start);
    const question = (await rig.followUp(start)) as Payload;
    expect(textOf(intro.data)).toContain('Rodada ao vivo');
    let q = letters(rig.app, 'live');
    await rig.callback(
      rig.fake.click(ana, { id: '1', channel_id: CHANNEL_ID }, buttonFor(question, q.right)),
    );
    await rig.app.timers.advanceTo(new Date(rig.app.clock.now().getTime() + 21_000));
    const posted = () =>
      rig.fake.requests.filter((r) => r.method === 'POST' && r.route === `/channels/${CHANNEL_ID}/messages`);
    await rig.fake.waitFor(() => posted().length >= 2);
    expect(textOf(posted()[0]!.body)).toContain('Tempo esgotado');
    q = letters(rig.app, 'live');
    await rig.callback(
      rig.fake.click(
        bruno,
        { id: '2', channel_id: CHANNEL_ID },
        buttonFor(posted()[1]!.body as Payload, q.right),
      ),
    );
    await rig.app.timers.advanceTo(new Date(rig.app.clock.now().getTime() + 21_000));
    await rig.fake.waitFor(() => posted().some((r) => textOf(r.body).includes('Pódio')));
    const podium = textOf(posted().find((r) => textOf(r.body).includes('Pódio'))!.body);
    expect(podium).toContain('Ana');
    expect(podium).toContain('Bruno');
    for (const r of posted())
      expect((r.body as { allowed_mentions: unknown }).allowed_mentions).toEqual({ parse: [] });
  });

  it('shows /leaderboard and /agenda', async () => {
    rig = await startDiscordRig();
    const board = await rig.callback(rig.fake.command(ana, 'leaderboard'));
    expect(board.type).toBe(4);
    expect(textOf(board.data)).toContain('Ninguém pontuou esta semana');
    const agenda = await rig.callback(rig.fake.command(ana, 'agenda'));
    expect(textOf(agenda.data)).toContain('Aula');
  });

  it('speaks English to a user whose Discord is in English', async () => {
    rig = await startDiscordRig();
    const cb = await rig.callback(rig.fake.command({ ...ana, locale: 'en-US' }, 'help'));
    expect(textOf(cb.data)).toMatch(/glossary/i);
    expect(textOf(cb.data)).not.toContain('Glossário');
  });

  it('refuses /config to a member without Manage Server, privately', async () => {
    rig = await startDiscordRig();
    const cb = await rig.callback(rig.fake.command(ana, 'config', { setting: 'show' }));
    expect(cb.data?.flags).toBe(64);
    expect(textOf(cb.data)).toContain('Só quem administra a comunidade');
  });

  it('warns at /config channel when the bot lacks a posting permission, and refuses a live round it could not post', async () => {
    rig = await startDiscordRig();
    // View Channel, Send Messages, Embed Links, Read Message History — but no threads.
    rig.fake.appPermissions = String((1n << 10n) | (1n << 11n) | (1n << 14n) | (1n << 16n));
    const id = rig.fake.command(monitor, 'config', { setting: 'channel' });
    expect(textOf((await rig.callback(id)).data)).toContain('Feito: Canal de avisos');
    const warning = await rig.followUp(id);
    expect(warning.flags).toBe(64);
    expect(textOf(warning)).toContain('falta Criar tópicos públicos, Enviar mensagens em tópicos.');
    // A live round posts in the channel itself: without Send Messages it is refused up front, privately.
    rig.fake.appPermissions = String((1n << 10n) | (1n << 14n) | (1n << 16n));
    const live = await rig.callback(rig.fake.command(monitor, 'quiz', { mode: 'live', count: 2 }));
    expect(live.data?.flags).toBe(64);
    expect(textOf(live.data)).toContain('falta ao bot Enviar mensagens neste canal');
    expect(count(rig.app, "select count(*) from question_instances where kind = 'live'")).toBe(0);
    // With every permission, no warning.
    rig.fake.appPermissions = String(
      (1n << 10n) | (1n << 11n) | (1n << 14n) | (1n << 16n) | (1n << 35n) | (1n << 38n),
    );
    const ok = rig.fake.command(monitor, 'config', { setting: 'channel' });
    await rig.callback(ok);
    expect(textOf(await rig.followUp(ok))).toContain('⚙️ Configuração');
  });

  it('never pings: @everyone in an argument comes back with allowed_mentions empty', async () => {
    rig = await startDiscordRig();
    const cb = await rig.callback(rig.fake.command(ana, 'glossary', { term: '@everyone <@&123> <@456>' }));
    expect(cb.data?.allowed_mentions).toEqual({ parse: [] });
  });

  it('shows a display name and a reflection as typed: no masked link, role pill or Markdown from user text', async () => {
    rig = await startDiscordRig();
    const trickster: FakeUser = {
      id: '500000000000000007',
      name: '[Ganhe Nitro](https://evil.example/login) <@&123>',
    };
    await rig.callback(
      rig.fake.command(trickster, 'reflect', { text: '**grite** [clique](https://evil.example) @everyone' }),
    );
    const board = JSON.parse(
      textOf((await rig.callback(rig.fake.command(ana, 'leaderboard'))).data),
    ) as Payload;
    const list = JSON.parse(
      textOf((await rig.callback(rig.fake.command(monitor, 'reflect', { text: 'list' }))).data),
    ) as Payload;
    const boardText = board.embeds!.map((e) => e.description ?? '').join('\n');
    const list1 = list.embeds!.map((e) => e.description ?? '').join('\n');
    // Discord reads \[ as a literal bracket and \< as a literal angle: no masked link, no role pill.
    expect(boardText).toContain('\\[Ganhe Nitro](https://evil.example/login) \\<@&123>');
    expect(boardText).not.toMatch(/(^|[^\\])\[Ganhe Nitro\]\(/);
    expect(boardText).not.toMatch(/(^|[^\\])<@&123>/);
    // The reflection's own Markdown is shown, not applied; the bot's bold around the name still works.
    expect(list1).toContain('**\\[Ganhe Nitro](https://evil.example/login) \\<@&123>**: ');
    expect(list1).toContain('\\*\\*grite\\*\\* \\[clique](https://evil.example) @\u200beveryone');
  });

  it('opens a modal for /reflect without text and saves what is submitted', async () => {
    rig = await startDiscordRig();
    const cb = await rig.callback(rig.fake.command(ana, 'reflect'));
    expect(cb.type).toBe(9);
    const modal = cb.data as { custom_id: string; title: string; components: { type: number }[] };
    expect(modal.title).toMatch(/Reflexão — Aula \d/);
    expect(modal.components.map((c) => c.type)).toEqual([10, 18]);
    const saved = await rig.callback(
      rig.fake.submitModal(
        ana,
        modal.custom_id,
        'text',
        'Espero entender como detectar data drift em produção.',
      ),
    );
    expect(saved.data?.flags).toBe(64);
    expect(textOf(saved.data)).toContain('Reflexão registrada');
    expect(count(rig.app, 'select count(*) from reflections')).toBe(1);
  });

  it('opens the report form from the ⚑ button under practice feedback and stores what is submitted', async () => {
    rig = await startDiscordRig();
    const card = await rig.callback(rig.fake.command(ana, 'quiz'));
    const { right, instanceId } = letters(rig.app, 'practice');
    const questionId = rig.app.repos.quiz.get(instanceId)!.questionId;
    const message = { id: '1', channel_id: CHANNEL_ID, ephemeral: true };
    const feedback = await rig.callback(rig.fake.click(ana, message, buttonFor(card.data, right)));
    const report = buttons(feedback.data as Payload).find((b) => b.label === '⚑ Reportar problema')!;
    expect(report.custom_id).toBe(`rp:${questionId}`);

    const opened = await rig.callback(rig.fake.click(ana, message, report.custom_id));
    expect(opened.type).toBe(9);
    type Label = { type: number; label: string; component: Record<string, unknown> };
    const modal = opened.data as { custom_id: string; title: string; components: (Label | { type: 10 })[] };
    expect(modal.custom_id).toBe(`form:report:question=${questionId}`);
    expect(modal.custom_id.length).toBeLessThanOrEqual(100);
    expect(modal.title).toBe('Reportar problema');
    expect(modal.components.map((c) => c.type)).toEqual([10, 18, 18]);
    const [select, text] = modal.components.slice(1) as Label[];
    for (const label of [select!, text!]) expect(label.label.length).toBeLessThanOrEqual(45);
    expect(select!.component).toMatchObject({ type: 3, custom_id: 'reason', required: true, max_values: 1 });
    expect((select!.component.options as { value: string; label: string }[]).map((o) => o.value)).toEqual([
      'wrong-key',
      'ambiguous',
      'typo',
      'other',
    ]);
    expect(text!.component).toMatchObject({ type: 4, custom_id: 'text', required: false, max_length: 500 });

    const saved = await rig.callback(
      rig.fake.submitForm(ana, modal.custom_id, { reason: ['ambiguous'], text: 'Duas alternativas servem.' }),
    );
    expect(saved.data?.flags).toBe(64);
    expect(textOf(saved.data)).toContain(`Registrei seu relato sobre a pergunta ${questionId} (Ambígua)`);
    const again = await rig.callback(
      rig.fake.submitForm(ana, modal.custom_id, { reason: ['typo'], text: '' }),
    );
    expect(textOf(again.data)).toContain('atualizei seu relato (Erro de texto)');
    const rows = rig.app.database.sqlite
      .prepare('select question_id as q, reason, text from question_reports')
      .all();
    expect(rows).toEqual([{ q: questionId, reason: 'typo', text: null }]);
  });

  it('posts the daily reveal with the ⚑ button, which opens the report form for the question of the day', async () => {
    rig = await startDiscordRig();
    await rig.callback(rig.fake.command(monitor, 'quiz', { mode: 'daily' }));
    const { instanceId } = letters(rig.app, 'daily');
    const questionId = rig.app.repos.quiz.get(instanceId)!.questionId;
    await rig.app.timers.advanceTo(new Date(rig.app.clock.now().getTime() + 12 * 3_600_000));
    const reveal = await rig.fake.waitFor(
      (r) =>
        r.method === 'POST' &&
        r.route === `/channels/${CHANNEL_ID}/messages` &&
        textOf(r.body).includes('🔔'),
    );
    const button = buttons(reveal.body as Payload).find((b) => b.label === '⚑ Reportar problema')!;
    expect(button.custom_id).toBe(`rp:${questionId}`);
    const opened = await rig.callback(
      rig.fake.click(bruno, { id: '77', channel_id: CHANNEL_ID }, button.custom_id),
    );
    expect(opened.type).toBe(9);
    expect(opened.data?.custom_id).toBe(`form:report:question=${questionId}`);
  });

  it('answers hostile report forms with a clear private message and stores nothing', async () => {
    rig = await startDiscordRig();
    const id = 'form:report:question=l1-mlops-definicao';
    const cases: [Record<string, unknown>, string][] = [
      [{ reason: ['bogus'] }, 'Motivo desconhecido'],
      [{ reason: ['typo'], text: 'x'.repeat(501) }, 'o máximo é 500 caracteres'],
      // Without a reason there is nothing to file: the answer says how to report by command.
      [{ text: 'sem motivo' }, 'Para relatar: /report l1-mlops-definicao'],
      [{ reason: 42, text: null }, 'Para relatar: /report l1-mlops-definicao'],
      [{ reason: [] }, 'Para relatar: /report l1-mlops-definicao'],
    ];
    for (const [fields, expected] of cases) {
      const cb = await rig.callback(rig.fake.submitForm(ana, id, fields));
      expect(cb.data?.flags).toBe(64);
      expect(textOf(cb.data)).toContain(expected);
    }
    const unknown = await rig.callback(
      rig.fake.submitForm(ana, 'form:report:question=nao-existe', { reason: ['typo'] }),
    );
    expect(textOf(unknown.data)).toContain('Não conheço a pergunta');
    expect(count(rig.app, 'select count(*) from question_reports')).toBe(0);
    // The bot still answers afterwards.
    expect((await rig.callback(rig.fake.command(ana, 'help'))).type).toBe(4);
  });

  it('suggests questions by id for /report as the user types', async () => {
    rig = await startDiscordRig();
    const cb = await rig.callback(rig.fake.autocomplete(ana, 'report', 'question', 'l1-mlops'));
    const choices = (cb.data as { choices: { name: string; value: string }[] }).choices;
    expect(choices.map((c) => c.value)).toContain('l1-mlops-definicao');
  });

  it('defers slow work, then edits the deferred reply', async () => {
    rig = await startDiscordRig(undefined, {
      deferAfterMs: 20,
      commands: [
        ...commands,
        {
          name: 'slow',
          description: { 'pt-BR': 'lento', en: 'slow' },
          options: {},
          run: async () => {
            await new Promise((r) => setTimeout(r, 200));
            return { text: 'pronto' };
          },
        },
      ],
    });
    const id = rig.fake.command(ana, 'slow');
    expect((await rig.callback(id)).type).toBe(5);
    const edit = await rig.fake.waitFor(
      (r) => r.method === 'PATCH' && r.route.endsWith('/messages/@original'),
    );
    expect(textOf(edit.body)).toContain('pronto');
  });

  it('apologises privately when answering fails after the bot replied', async () => {
    rig = await startDiscordRig(undefined, {
      commands: [
        ...commands,
        {
          name: 'broken',
          description: { 'pt-BR': 'quebrado', en: 'broken' },
          options: {},
          // A button id Discord would refuse: rendering throws inside the adapter, after the bot answered.
          run: () => ({ text: 'x', buttons: [{ id: 'x'.repeat(101), label: 'x' }] }),
        },
      ],
    });
    const id = rig.fake.command(ana, 'broken');
    const cb = await rig.callback(id);
    expect(cb.data?.flags).toBe(64);
    expect(cb.data?.content).toContain('Algo deu errado');
  });

  it('posts the scheduled agenda in the announcements channel and starts its reflection thread', async () => {
    // Monday 16 Nov 08:00 in São Paulo: lesson 2 is Tuesday 19:00, so its agenda goes out Monday 19:00 (22:00 UTC).
    rig = await startDiscordRig(new Date('2026-11-16T11:00:00Z'));
    const set = await rig.callback(rig.fake.command(monitor, 'config', { setting: 'channel' }));
    expect(set.data?.flags).toBe(64);
    await rig.app.resume();
    await rig.app.timers.advanceTo(new Date('2026-11-16T22:00:00Z'));
    const thread = await rig.fake.waitFor((r) => /^\/channels\/\d+\/messages\/\d+\/threads$/.test(r.route));
    expect(thread.body).toMatchObject({ name: 'Reflexões — Aula 2' });
    const agenda = rig.fake.requests.find(
      (r) => r.route === `/channels/${CHANNEL_ID}/messages` && textOf(r.body).includes('📚 Aula 2'),
    );
    expect(agenda).toBeDefined();
    expect(
      count(rig.app, "select count(*) from scheduled_runs where kind = 'agenda' and status = 'done'"),
    ).toBe(1);
  });

  it('answers a command that arrives from a DM with why commands work in a server, in the user’s language', async () => {
    rig = await startDiscordRig();
    const cb = await rig.callback(rig.fake.dmCommand(ana, 'stats'));
    expect(cb.type).toBe(4);
    expect(cb.data?.flags).toBe(64);
    expect(textOf(cb.data)).toContain('funcionam só dentro de um servidor');
    const en = await rig.callback(rig.fake.dmCommand({ ...bruno, locale: 'en-US' }, 'quiz'));
    expect(textOf(en.data)).toContain('work only inside a server');
    expect(count(rig.app, 'select count(*) from members')).toBe(0);
  });

  it('registers the commands from their definitions, to the guild when one is set', async () => {
    rig = await startDiscordRig();
    const result = await registerCommands({
      token: 'fake-discord-token',
      applicationId: APP_ID,
      guildId: GUILD_ID,
      apiUrl: rig.fake.apiUrl,
    });
    expect(result.scope).toBe('guild');
    const put = await rig.fake.waitFor((r) => r.method === 'PUT');
    expect(put.route).toBe(`/applications/${APP_ID}/guilds/${GUILD_ID}/commands`);
    expect(put.body).toEqual(JSON.parse(JSON.stringify(buildCommandPayloads(commands))));
    // What the real client PUT: every command for server installs, usable in server channels only.
    const sent = put.body as { name: string; contexts: number[]; integration_types: number[] }[];
    expect(sent.map((c) => c.name)).toEqual(commands.map((c) => c.name));
    for (const command of sent) {
      expect(command.contexts, command.name).toEqual([0]);
      expect(command.integration_types, command.name).toEqual([0]);
    }
  });
});
