// End to end on Slack: the real bolt app receiving signed requests, its Web API pointed at a local fake.
import { afterEach, describe, expect, it } from 'vitest';
import { count, letters } from '../../quiz/helpers.ts';
import { CHANNEL_ID, type FakeSlackUser, formState } from './fake-slack.ts';
import { type SlackRig, startSlackRig } from './harness.ts';

const ana: FakeSlackUser = { id: 'U0ANA', name: 'Ana' };
const bruno: FakeSlackUser = { id: 'U0BRUNO', name: 'Bruno' };
const monitor: FakeSlackUser = { id: 'U0MONITORA', name: 'Monitora', admin: true };

type Block = { type: string; elements?: { action_id: string; text: { text: string } }[] };
const blocksOf = (payload: Record<string, unknown> | undefined) => (payload?.blocks ?? []) as Block[];
/** The action id of the answer button for letter X. */
const buttonFor = (payload: Record<string, unknown> | undefined, letter: string) =>
  blocksOf(payload)
    .flatMap((b) => b.elements ?? [])
    .find((e) => e.text?.text === letter)!.action_id;
const textOf = (x: unknown) => JSON.stringify(x);

let rig: SlackRig;
afterEach(async () => {
  await rig?.dispose();
});

describe('Slack end to end', () => {
  it('answers /glossary drift in the channel with both drifts', async () => {
    rig = await startSlackRig([ana]);
    const reply = await rig.command(ana, 'glossary', 'drift');
    expect(reply.response_type).toBe('in_channel');
    expect(textOf(reply.blocks)).toContain('Data Drift');
    expect(textOf(reply.blocks)).toContain('Concept Drift');
  });

  it('acknowledges at once with an empty 200; the answer follows on response_url', async () => {
    rig = await startSlackRig([ana]);
    const { id, body } = rig.fake.slashCommand(ana, 'help');
    const res = await rig.send(body);
    expect(res).toEqual({ status: 200, text: '' });
    expect(textOf(await rig.fake.response(id))).toContain('/glossary');
  });

  it('acknowledges the click Slack sends for a link button and does nothing else', async () => {
    rig = await startSlackRig([ana]);
    const click = rig.fake.click(ana, 'link:0', { ts: '1.3' });
    expect(await rig.send(click.body)).toEqual({ status: 200, text: '' });
    await new Promise((r) => setTimeout(r, 150));
    expect(rig.fake.calls.filter((c) => c.method === 'response')).toHaveLength(0);
    // A button id the bot does not know, by contrast, gets the stale-button answer: the test can tell them apart.
    const stale = rig.fake.click(ana, 'zz:1', { ts: '1.4' });
    await rig.send(stale.body);
    expect(textOf(await rig.fake.response(stale.id))).not.toBe('');
  });

  it('rejects a bad signature and a stale timestamp with 401, and runs nothing', async () => {
    rig = await startSlackRig([ana]);
    const { body } = rig.fake.slashCommand(ana, 'glossary', 'drift');
    expect((await rig.send(body, rig.fake.sign(body, { secret: 'wrong' }))).status).toBe(401);
    expect((await rig.send(body, rig.fake.sign(body, { ageSeconds: 600 }))).status).toBe(401);
    await new Promise((r) => setTimeout(r, 100));
    expect(rig.fake.calls.filter((c) => c.method === 'response')).toHaveLength(0);
  });

  it('runs /quiz practice privately and replaces the card when an answer is clicked', async () => {
    rig = await startSlackRig([ana]);
    const card = await rig.command(ana, 'quiz');
    expect(card.response_type).toBe('ephemeral');
    const { right } = letters(rig.app, 'practice');
    const click = rig.fake.click(ana, buttonFor(card, right), { ts: '1.1', ephemeral: true });
    expect((await rig.send(click.body)).status).toBe(200);
    const answer = await rig.fake.response(click.id);
    expect(answer.replace_original).toBe(true);
    expect(count(rig.app, "select count(*) from score_events where kind = 'practice'")).toBe(1);
  });

  it('scores a daily question once per member; a retried click is dropped', async () => {
    rig = await startSlackRig([ana, bruno, monitor]);
    const daily = await rig.command(monitor, 'quiz', 'daily');
    expect(daily.response_type).toBe('in_channel');
    const { right, wrong } = letters(rig.app, 'daily');
    const click = rig.fake.click(ana, buttonFor(daily, right), { ts: '1.2' }, '1700000000.123456');
    expect((await rig.send(click.body)).status).toBe(200);
    const first = await rig.fake.response(click.id);
    expect(first.response_type).toBe('ephemeral');
    // Slack resends the same request (same action_ts) with X-Slack-Retry-Num.
    expect((await rig.send(click.body, rig.fake.sign(click.body, { retry: 1 }))).status).toBe(200);
    const other = rig.fake.click(bruno, buttonFor(daily, wrong), { ts: '1.2' });
    await rig.send(other.body);
    await rig.fake.response(other.id);
    expect(rig.fake.calls.filter((c) => c.responseId === click.id)).toHaveLength(1);
    expect(count(rig.app, 'select count(*) from answers')).toBe(2);
    expect(count(rig.app, "select count(*) from score_events where kind = 'daily'")).toBe(1);
  });

  it('plays /quiz live for two questions, posting through the Web API', async () => {
    rig = await startSlackRig([ana, monitor]);
    const { id, body } = rig.fake.slashCommand(monitor, 'quiz', 'live lesson:1 count:2 seconds:20');
    await rig.send(body);
    const question = await rig.fake.response(id, 1);
    let q = letters(rig.app, 'live');
    const click = rig.fake.click(ana, buttonFor(question, q.right), { ts: '1.3' });
    await rig.send(click.body);
    await rig.fake.response(click.id);
    await rig.app.timers.advanceTo(new Date(rig.app.clock.now().getTime() + 21_000));
    const posts = () => rig.fake.calls.filter((c) => c.method === 'chat.postMessage');
    await rig.fake.waitFor(() => posts().length >= 2);
    expect(textOf(posts()[0]!.body)).toContain('Tempo esgotado');
    q = letters(rig.app, 'live');
    await rig.app.timers.advanceTo(new Date(rig.app.clock.now().getTime() + 21_000));
    await rig.fake.waitFor(() => posts().some((c) => textOf(c.body).includes('Pódio')));
    expect(posts().every((c) => c.body.channel === CHANNEL_ID)).toBe(true);
  });

  it('shows /leaderboard', async () => {
    rig = await startSlackRig([ana]);
    expect(textOf(await rig.command(ana, 'leaderboard'))).toContain('Ninguém pontuou esta semana');
  });

  it('refuses /config to a member and allows a workspace admin or a configured admin', async () => {
    rig = await startSlackRig([ana, monitor, bruno], undefined, { adminUserIds: ['U0BRUNO'] });
    const refused = await rig.command(ana, 'config', 'show');
    expect(refused.response_type).toBe('ephemeral');
    expect(textOf(refused)).toContain('Só quem administra a comunidade');
    expect(textOf(await rig.command(monitor, 'config', 'show'))).not.toContain('Só quem administra');
    expect(textOf(await rig.command(bruno, 'config', 'show'))).not.toContain('Só quem administra');
  });

  it('escapes <!channel> and markup typed into an argument, so they show as text and cannot ping', async () => {
    rig = await startSlackRig([ana, monitor]);
    // As Slack delivers "@channel" and a literal "<b>" typed into the command.
    await rig.command(ana, 'reflect', 'Acho que <!channel> deveria ver isto &lt;b&gt; com atenção');
    const list = textOf(await rig.command(monitor, 'reflect', 'list'));
    expect(list).toContain('&lt;!channel&gt; deveria ver isto &lt;b&gt;');
    expect(list).not.toContain('<!channel>');
  });

  it('answers bad arguments with the usage', async () => {
    rig = await startSlackRig([ana]);
    const reply = await rig.command(ana, 'quiz', 'live count:abc');
    expect(reply.response_type).toBe('ephemeral');
    expect(textOf(reply)).toContain('Uso: /quiz [live|stop|daily]');
  });

  it('opens a modal for /reflect without text and saves the submission', async () => {
    rig = await startSlackRig([ana]);
    const { body } = rig.fake.slashCommand(ana, 'reflect');
    await rig.send(body);
    const open = await rig.fake.waitFor((c) => c.method === 'views.open');
    const view = open.body.view as { callback_id: string; private_metadata: string; title: { text: string } };
    expect(view.title.text).toMatch(/Reflexão — Aula \d/);
    const submit = rig.fake.submitView(ana, view, 'text', 'Quero entender como monitorar drift em produção.');
    expect((await rig.send(submit)).status).toBe(200);
    const saved = await rig.fake.waitFor((c) => c.method === 'chat.postEphemeral');
    expect(textOf(saved.body)).toContain('Reflexão registrada');
    expect(count(rig.app, 'select count(*) from reflections')).toBe(1);
  });

  it('opens the report modal from the ⚑ button under practice feedback and stores the submission', async () => {
    rig = await startSlackRig([ana]);
    const card = await rig.command(ana, 'quiz');
    const { right, instanceId } = letters(rig.app, 'practice');
    const questionId = rig.app.repos.quiz.get(instanceId)!.questionId;
    const click = rig.fake.click(ana, buttonFor(card, right), { ts: '1.1', ephemeral: true });
    await rig.send(click.body);
    const feedback = await rig.fake.response(click.id);
    const report = blocksOf(feedback)
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.text?.text === '⚑ Reportar problema')!;
    expect(report.action_id).toBe(`rp:${questionId}`);

    const press = rig.fake.click(ana, report.action_id, { ts: '1.1', ephemeral: true });
    expect((await rig.send(press.body)).status).toBe(200);
    const open = await rig.fake.waitFor((c) => c.method === 'views.open');
    expect(open.body.trigger_id).toBe(`trigger-${press.id}`);
    type Input = { type: string; block_id: string; optional: boolean; element: Record<string, unknown> };
    const view = open.body.view as {
      callback_id: string;
      private_metadata: string;
      title: { text: string };
      blocks: (Input | { type: 'section' })[];
    };
    expect(view.callback_id).toBe(`form:report:question=${questionId}`);
    expect(view.title.text).toBe('Reportar problema');
    expect(view.title.text.length).toBeLessThanOrEqual(24);
    expect(view.blocks.map((b) => b.type)).toEqual(['section', 'input', 'input']);
    const [select, text] = view.blocks.slice(1) as Input[];
    expect(select).toMatchObject({ block_id: 'reason', optional: false, element: { type: 'static_select' } });
    expect((select!.element.options as { value: string }[]).map((o) => o.value)).toEqual([
      'wrong-key',
      'ambiguous',
      'typo',
      'other',
    ]);
    expect(text).toMatchObject({
      block_id: 'text',
      optional: true,
      element: { type: 'plain_text_input', max_length: 500 },
    });

    const submit = rig.fake.submitViewState(
      ana,
      view,
      formState({ reason: { selected: 'wrong-key' }, text: 'A alternativa C também está certa.' }),
    );
    expect((await rig.send(submit)).status).toBe(200);
    const saved = await rig.fake.waitFor((c) => c.method === 'chat.postEphemeral');
    expect(textOf(saved.body)).toContain(
      `Registrei seu relato sobre a pergunta ${questionId} (Resposta errada)`,
    );
    const rows = rig.app.database.sqlite
      .prepare('select question_id as q, reason, text from question_reports')
      .all();
    expect(rows).toEqual([
      { q: questionId, reason: 'wrong-key', text: 'A alternativa C também está certa.' },
    ]);
  });

  it('answers hostile or incomplete report submissions with a clear private message, and keeps serving', async () => {
    rig = await startSlackRig([ana]);
    await rig.send(rig.fake.slashCommand(ana, 'report', 'l1-mlops-definicao').body);
    const open = await rig.fake.waitFor((c) => c.method === 'views.open');
    const view = open.body.view as { callback_id: string; private_metadata: string };
    const cases: [unknown, string, string?][] = [
      [null, 'Para relatar: /report l1-mlops-definicao'],
      ['x', 'Para relatar'],
      [{ values: null }, 'Para relatar'],
      [{ values: { reason: { reason: { type: 'static_select', selected_option: null } } } }, 'Para relatar'],
      [{ values: { reason: { reason: { type: 'plain_text_input', value: 42 } } } }, 'Para relatar'],
      [{ values: { reason: [] } }, 'Para relatar'],
      [formState({ reason: { selected: 'bogus' } }), 'Motivo desconhecido'],
      [formState({ reason: { selected: 'typo' }, text: 'x'.repeat(501) }), 'o máximo é 500 caracteres'],
      [
        formState({ reason: { selected: 'typo' } }),
        'Não conheço a pergunta',
        'form:report:question=%E0%A4%A',
      ],
    ];
    for (const [i, [state, expected, callbackId]] of cases.entries()) {
      const res = await rig.send(rig.fake.submitViewState(ana, view, state, callbackId));
      expect(res.status, `case ${i}`).toBe(200);
      const mine = (c: { method: string }) => c.method === 'chat.postEphemeral';
      await rig.fake.waitFor(() => rig.fake.calls.filter(mine).length > i);
      expect(textOf(rig.fake.calls.filter(mine)[i]!.body), `case ${i}`).toContain(expected);
    }
    expect(count(rig.app, 'select count(*) from question_reports')).toBe(0);
    expect(textOf(await rig.command(ana, 'help'))).toContain('/report');
  });

  it("confirms a modal submission in the member's DM when the bot is not in the channel", async () => {
    rig = await startSlackRig([ana]);
    rig.fake.notIn.add(CHANNEL_ID);
    await rig.send(rig.fake.slashCommand(ana, 'reflect').body);
    const open = await rig.fake.waitFor((c) => c.method === 'views.open');
    const view = open.body.view as { callback_id: string; private_metadata: string };
    await rig.send(rig.fake.submitView(ana, view, 'text', 'Como versionar dados grandes sem duplicar tudo?'));
    const dm = await rig.fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === ana.id);
    expect(textOf(dm.body)).toContain('Reflexão registrada');
    expect(rig.fake.calls.filter((c) => c.method === 'chat.postEphemeral')).toHaveLength(1);
    expect(count(rig.app, 'select count(*) from reflections')).toBe(1);
  });

  it('posts the scheduled agenda in the announcements channel with its thread', async () => {
    rig = await startSlackRig([monitor], new Date('2026-11-16T11:00:00Z'));
    await rig.command(monitor, 'config', 'channel');
    await rig.app.resume();
    await rig.app.timers.advanceTo(new Date('2026-11-16T22:00:00Z'));
    const thread = await rig.fake.waitFor(
      (c) => c.method === 'chat.postMessage' && c.body.thread_ts !== undefined,
    );
    expect(String(thread.body.text)).toContain('Reflexões — Aula 2');
    const agenda = rig.fake.calls.find(
      (c) =>
        c.method === 'chat.postMessage' && c.body.ts === undefined && textOf(c.body).includes('📚 Aula 2'),
    );
    expect(agenda?.body.channel).toBe(CHANNEL_ID);
  });

  it('serves the same commands over Socket Mode, acknowledging each envelope', async () => {
    rig = await startSlackRig([ana], undefined, { socketMode: true });
    expect(rig.adapter.isConnected()).toBe(true);
    const { id, body } = rig.fake.slashCommand(ana, 'glossary', 'drift');
    const envelope = rig.fake.socketSend('slash_commands', body);
    await rig.fake.waitFor((c) => c.method === 'socket.ack' && c.body.envelope_id === envelope);
    expect(textOf(await rig.fake.response(id))).toContain('Concept Drift');
    // A redelivered click (retry_attempt 1) is acknowledged and dropped.
    const card = await (async () => {
      const q = rig.fake.slashCommand(ana, 'quiz');
      rig.fake.socketSend('slash_commands', q.body);
      return rig.fake.response(q.id);
    })();
    const { right } = letters(rig.app, 'practice');
    const click = rig.fake.click(
      ana,
      buttonFor(card, right),
      { ts: '9.9', ephemeral: true },
      '1700000001.000001',
    );
    const payload = JSON.parse(new URLSearchParams(click.body).get('payload')!) as Record<string, unknown>;
    rig.fake.socketSend('interactive', payload);
    await rig.fake.response(click.id);
    const retry = rig.fake.socketSend('interactive', payload, 1);
    await rig.fake.waitFor((c) => c.method === 'socket.ack' && c.body.envelope_id === retry);
    await new Promise((r) => setTimeout(r, 100));
    expect(rig.fake.calls.filter((c) => c.responseId === click.id)).toHaveLength(1);
    expect(count(rig.app, "select count(*) from score_events where kind = 'practice'")).toBe(1);
  });
});
