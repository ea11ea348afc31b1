// The Slack App Home end to end: signed app_home_opened events and Home-tab clicks into the real bolt app, its Web
// API pointed at the local fake; the home's figures come from the real SQLite file.
import { afterEach, describe, expect, it } from 'vitest';
import { count, letters } from '../../quiz/helpers.ts';
import { dmOf, type FakeSlackUser, type SlackCall } from './fake-slack.ts';
import { type SlackRig, startSlackRig } from './harness.ts';

const ana: FakeSlackUser = { id: 'U0ANA', name: 'Ana' };
const bruno: FakeSlackUser = { id: 'U0BRUNO', name: 'Bruno', locale: 'en-US' };
const monitor: FakeSlackUser = { id: 'U0MONITORA', name: 'Monitora', admin: true };

type Element = { action_id: string; text: { text: string } };
type Block = { type: string; text?: { text: string }; elements?: Element[] };
const blocksOf = (payload: Record<string, unknown> | undefined) => (payload?.blocks ?? []) as Block[];
const buttonFor = (payload: Record<string, unknown> | undefined, letter: string) =>
  blocksOf(payload)
    .flatMap((b) => b.elements ?? [])
    .find((e) => e.text?.text === letter)!.action_id;
const textOf = (x: unknown) => JSON.stringify(x);

const publishes = (user: FakeSlackUser) =>
  rig.fake.calls.filter((c) => c.method === 'views.publish' && c.body.user_id === user.id);
/** The n-th (0-based) home published for a member, once it arrives. */
async function home(user: FakeSlackUser, n = 0): Promise<{ type: string; blocks: Block[] }> {
  await rig.fake.waitFor(() => publishes(user).length > n);
  return publishes(user)[n]!.body.view as { type: string; blocks: Block[] };
}
async function openHome(user: FakeSlackUser, event: Record<string, unknown> = {}) {
  const res = await rig.send(rig.fake.homeOpened(user, event));
  expect(res.status).toBe(200);
}
/** Answers a practice card given as a response_url or chat.postMessage body, right or wrong. */
async function answer(user: FakeSlackUser, card: Record<string, unknown>, right: boolean, channel?: string) {
  const { right: r, wrong } = letters(rig.app, 'practice');
  const click = rig.fake.click(user, buttonFor(card, right ? r : wrong), {
    ts: '1.1',
    ephemeral: !channel,
    ...(channel ? { channel } : {}),
  });
  expect((await rig.send(click.body)).status).toBe(200);
  return rig.fake.response(click.id);
}
const settle = () => new Promise((r) => setTimeout(r, 150));

let rig: SlackRig;
afterEach(async () => {
  await rig?.dispose();
});

describe('Slack App Home', () => {
  it('publishes the member’s home with their real figures: points, rank, streak, reviews, next lesson, last daily', async () => {
    rig = await startSlackRig([ana, bruno, monitor]);
    // Ana: one right practice answer (1 point) and the question of the day right (10); Bruno one wrong daily.
    await answer(ana, await rig.command(ana, 'quiz'), true);
    const daily = await rig.command(monitor, 'quiz', 'daily');
    const { right, wrong } = letters(rig.app, 'daily');
    for (const [user, letter] of [
      [ana, right],
      [bruno, wrong],
    ] as const) {
      const click = rig.fake.click(user, buttonFor(daily, letter), { ts: '1.2' });
      await rig.send(click.body);
      await rig.fake.response(click.id);
    }
    await openHome(ana);
    const view = await home(ana);
    expect(view.type).toBe('home');
    const text = textOf(view);
    expect(text).toContain('Sua Turma, Ana');
    expect(text).toContain('11 nesta semana · 11 no total');
    expect(text).toContain('#1 na semana · #1 no geral');
    expect(text).toContain('1 atual · 1 melhor');
    expect(text).toContain('Revisões');
    expect(text).toMatch(/Aula \d+ — /);
    expect(text).toContain('Objetivos');
    expect(text).toContain('Você acertou a última pergunta do dia');
    const buttons = view.blocks
      .filter((b) => b.type === 'actions')
      .flatMap((b) => b.elements ?? [])
      .map((e) => [e.action_id, e.text.text]);
    expect(buttons).toEqual([
      ['home:practice', 'Praticar agora'],
      ['home:reflect', 'Enviar reflexão'],
    ]);
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    // Bruno's, in his language: ranked second, a wrong answer not yet revealed.
    await openHome(bruno);
    const his = textOf(await home(bruno));
    expect(his).toContain('0 this week · 0 in total');
    expect(his).toContain('You answered ' + wrong);
    expect(his).toContain('the answer comes at closing');
    expect(count(rig.app, 'select count(*) from home_views')).toBe(2);
  });

  it('publishes nothing when the Messages tab is opened, and a second opening records nothing new', async () => {
    rig = await startSlackRig([ana]);
    await openHome(ana, { tab: 'messages' });
    await settle();
    expect(publishes(ana)).toHaveLength(0);
    expect(count(rig.app, 'select count(*) from home_views')).toBe(0);
    await openHome(ana);
    await openHome(ana);
    await home(ana, 1);
    expect(count(rig.app, 'select count(*) from home_views')).toBe(1);
  });

  it('"Praticar agora" posts a practice question in the member’s Messages tab, and its buttons work', async () => {
    rig = await startSlackRig([ana]);
    await openHome(ana);
    await home(ana);
    const click = rig.fake.clickInHome(ana, 'home:practice');
    expect((await rig.send(click.body)).status).toBe(200);
    const opened = await rig.fake.waitFor((c) => c.method === 'conversations.open');
    expect(opened.body.users).toBe(ana.id);
    const card = await rig.fake.waitFor(
      (c) => c.method === 'chat.postMessage' && c.body.channel === dmOf(ana.id),
    );
    expect(textOf(card.body)).toContain('Prática — Aula');
    const practice = count(rig.app, "select count(*) from question_instances where kind = 'practice'");
    expect(practice).toBe(1);
    const feedback = await answer(ana, card.body, true, dmOf(ana.id));
    expect(feedback.replace_original).toBe(true);
    expect(textOf(feedback)).toContain('Próxima');
    expect(count(rig.app, "select count(*) from score_events where kind = 'practice'")).toBe(1);
  });

  it('"Enviar reflexão" opens the reflection modal; submitting it stores the reflection and confirms in the DM', async () => {
    rig = await startSlackRig([ana]);
    const click = rig.fake.clickInHome(ana, 'home:reflect');
    expect((await rig.send(click.body)).status).toBe(200);
    const open = await rig.fake.waitFor((c) => c.method === 'views.open');
    expect(open.body.trigger_id).toBe(`trigger-${click.id}`);
    const view = open.body.view as { callback_id: string; private_metadata: string; title: { text: string } };
    expect(view.title.text).toMatch(/Reflexão — Aula \d/);
    const submit = rig.fake.submitView(ana, view, 'text', 'Quero entender como monitorar drift em produção.');
    expect((await rig.send(submit)).status).toBe(200);
    const saved = await rig.fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === ana.id);
    expect(textOf(saved.body)).toContain('Reflexão registrada');
    expect(count(rig.app, 'select count(*) from reflections')).toBe(1);
    expect(count(rig.app, "select count(*) from score_events where kind = 'reflection'")).toBe(1);
  });

  it('refreshes the home after an answer, after the feedback, only for members who opened theirs', async () => {
    rig = await startSlackRig([ana, bruno]);
    await openHome(ana);
    expect(textOf(await home(ana))).toContain('0 nesta semana · 0 no total');
    const feedback = await answer(ana, await rig.command(ana, 'quiz'), true);
    const refreshed = await home(ana, 1);
    expect(textOf(refreshed)).toContain('1 nesta semana · 1 no total');
    // The feedback went out first; the home followed it.
    const at = (match: (c: SlackCall) => boolean) => rig.fake.calls.findIndex(match);
    const feedbackAt = at((c) => c.method === 'response' && textOf(c.body) === textOf(feedback));
    expect(feedbackAt).toBeGreaterThanOrEqual(0);
    expect(feedbackAt).toBeLessThan(at((c) => c === publishes(ana)[1]));
    // Bruno never opened his home: answering publishes nothing for him.
    await answer(bruno, await rig.command(bruno, 'quiz'), true);
    await settle();
    expect(publishes(bruno)).toHaveLength(0);
  });

  it('coalesces a burst of answers: one publish waits for the running one, with the latest figures', async () => {
    rig = await startSlackRig([ana]);
    await openHome(ana);
    await home(ana);
    // The first refresh hangs while two more answers come in.
    rig.fake.fault = (c) => (c.method === 'views.publish' ? 'hang' : undefined);
    await answer(ana, await rig.command(ana, 'quiz'), true);
    await home(ana, 1);
    rig.fake.fault = undefined;
    for (let i = 0; i < 2; i++) await answer(ana, await rig.command(ana, 'quiz'), true);
    expect(count(rig.app, "select count(*) from score_events where kind = 'practice'")).toBe(3);
    await settle();
    expect(publishes(ana)).toHaveLength(2);
    rig.fake.dropHung();
    expect(textOf(await home(ana, 2))).toContain('3 nesta semana · 3 no total');
    await settle();
    expect(publishes(ana)).toHaveLength(3);
  });

  it('logs a failed refresh and still answers (views.publish failing)', async () => {
    rig = await startSlackRig([ana]);
    await openHome(ana);
    await home(ana);
    rig.fake.fault = (c) => (c.method === 'views.publish' ? 'reset' : undefined);
    const feedback = await answer(ana, await rig.command(ana, 'quiz'), false);
    expect(textOf(feedback)).toContain('Próxima');
    await rig.fake.waitFor(() => publishes(ana).length === 2);
    await settle();
    expect(textOf(await rig.app.metrics.registry.metrics())).toContain('operation=\\"home\\"');
  });

  it('handles hostile events and clicks: no user, bogus buttons, url_verification; and keeps serving', async () => {
    rig = await startSlackRig([ana]);
    await openHome(ana, { user: undefined });
    await openHome(ana, { user: { id: 'U0ANA' } });
    await openHome(ana, { user: '<!channel>' });
    const noTeam = JSON.parse(rig.fake.homeOpened(ana)) as Record<string, unknown>;
    delete noTeam.team_id;
    expect((await rig.send(JSON.stringify(noTeam))).status).toBeLessThan(500);
    for (const id of ['home:xyz', 'home:', 'home:practice:1']) {
      expect((await rig.send(rig.fake.clickInHome(ana, id).body)).status).toBe(200);
    }
    const noUser = JSON.parse(
      new URLSearchParams(rig.fake.clickInHome(ana, 'home:practice').body).get('payload')!,
    );
    delete noUser.user;
    expect(
      (await rig.send(new URLSearchParams({ payload: JSON.stringify(noUser) }).toString())).status,
    ).toBeLessThan(500);
    const challenge = JSON.stringify({ token: 'x', type: 'url_verification', challenge: 'c0ffee' });
    const verified = await rig.send(challenge);
    expect(verified.status).toBe(200);
    expect(verified.text).toContain('c0ffee');
    await settle();
    expect(rig.fake.calls.filter((c) => /^(views|conversations)\./.test(c.method))).toEqual([]);
    expect(count(rig.app, 'select count(*) from question_instances')).toBe(0);
    // Still serving.
    await openHome(ana);
    await home(ana);
  });
});
