// The monitors' pre-class digest through the real scheduler and run table, on a real database, with a recording
// poster in place of the shell: once per class, at the agenda's instant, to the digest channel, only where configured.
import { afterEach, describe, expect, it } from 'vitest';
import type { OutMessage } from '../../src/core/message.ts';
import { plainUserText } from '../../src/core/message.ts';
import type { PlatformAdapter, PostedRef, PostTarget } from '../../src/platforms/adapter.ts';
import { makeTestApp, shellFor, type TestApp } from '../helpers.ts';
import { latestInstance, letters } from '../quiz/helpers.ts';

const apps: TestApp[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.dispose();
});

/** Monday 16 Nov 2026, 08:00 in São Paulo; lesson 2 is on Tuesday 17th 19:00, lesson 3 on the 24th. */
const MONDAY = new Date('2026-11-16T11:00:00Z');

interface Posted {
  channelId: string;
  message: OutMessage;
  at: string;
}

async function start(at = MONDAY, dbFile?: string) {
  const app = makeTestApp(at, {}, dbFile);
  apps.push(app);
  const sh = shellFor(app, { user: 'monitor' });
  await sh.run(['!admin on']);
  await app.resume();
  // Posts are recorded (with the simulated instant) instead of printed; commands still answer through the shell.
  const posted: Posted[] = [];
  const recorder: PlatformAdapter = {
    platform: 'shell',
    start: async () => {},
    stop: async () => {},
    isConnected: () => true,
    async post(target: PostTarget, message: OutMessage): Promise<PostedRef> {
      posted.push({ channelId: target.channelId, message, at: app.clock.now().toISOString() });
      return { channelId: target.channelId, messageId: String(posted.length) };
    },
  };
  app.messenger.register(recorder);
  return { app, sh, posted };
}

const digestRuns = (app: TestApp) =>
  app.database.sqlite
    .prepare(
      "select target, status, datetime(scheduled_for / 1000, 'unixepoch') as at from scheduled_runs where kind = 'digest' order by scheduled_for",
    )
    .all() as { target: string; status: string; at: string }[];

const digests = (posted: Posted[]) => posted.filter((p) => p.message.title?.startsWith('🧭'));

describe('the pre-class digest', () => {
  it('is not posted where no digest channel is configured', async () => {
    const { app, sh, posted } = await start();
    await sh.run(['!channel avisos', '/config channel', '!clock +9d']);
    expect(posted.some((p) => p.message.title?.startsWith('📚'))).toBe(true);
    expect(digests(posted)).toEqual([]);
    expect(digestRuns(app)).toEqual([]);
  });

  it('is posted once per class, at the agenda lead, to the monitors’ channel; a restart posts nothing again', async () => {
    const first = await start();
    await first.sh.run(['!channel avisos', '/config channel', '!channel monitores', '/config digest']);
    await first.sh.run(['!clock 2026-11-20T12:00']);
    // Lesson 2 (Tue 17th 19:00 = 22:00 UTC): the agenda and the digest at T-24h.
    expect(digestRuns(first.app)).toEqual([
      { target: 'lesson:2', status: 'done', at: '2026-11-16 22:00:00' },
    ]);
    const agenda = first.posted.find((p) => p.message.title?.startsWith('📚'))!;
    expect(agenda.channelId).toBe('avisos');
    expect(digests(first.posted).map((p) => [p.channelId, p.at])).toEqual([
      ['monitores', '2026-11-16T22:00:00.000Z'],
    ]);
    await first.app.scheduler.tick();
    expect(digests(first.posted)).toHaveLength(1);
    await first.app.close();
    apps.splice(apps.indexOf(first.app), 1);

    // Restarted on the same file: lesson 2's digest is not posted again; lesson 3's comes at its own T-2h lead.
    const second = await start(new Date('2026-11-20T15:00:00Z'), first.app.dbFile);
    await second.sh.run(['/config agenda 2h', '!clock 2026-11-25T12:00']);
    // (Lesson 2 at the new lead would have been the 17th 20:00, past its class: recorded as skipped, not posted.)
    expect(digestRuns(second.app).filter((r) => r.status === 'done')).toEqual([
      { target: 'lesson:2', status: 'done', at: '2026-11-16 22:00:00' },
      { target: 'lesson:3', status: 'done', at: '2026-11-24 20:00:00' },
    ]);
    expect(digests(second.posted).map((p) => [p.channelId, p.at])).toEqual([
      ['monitores', '2026-11-24T20:00:00.000Z'],
    ]);
  });

  it('stops when turned off', async () => {
    const { app, sh, posted } = await start();
    await sh.run(['!channel avisos', '/config channel', '/config digest #monitores', '/config digest off']);
    await sh.run(['!clock +9d']);
    expect(digests(posted)).toEqual([]);
    expect(digestRuns(app)).toEqual([]);
  });

  it('shows last week’s accuracy, the most missed, open reports and the reflections sent', async () => {
    const { app, sh, posted } = await start();
    await sh.run([
      '!channel avisos',
      '/config channel',
      '/config digest #monitores',
      '!clock 2026-11-16T09:00',
    ]);
    // Monday's daily question: ana and bia right, caio wrong.
    const { right, wrong, instanceId } = letters(app, 'daily');
    for (const [name, letter] of [
      ['ana', right],
      ['bia', right],
      ['caio', wrong],
    ] as const)
      await app.bot.handle({
        kind: 'action',
        buttonId: `qa:${instanceId}:${letter}`,
        actor: { id: name, name, isAdmin: false },
        place: { platform: 'shell', communityId: 'local', channelId: 'avisos' },
      });
    const place = { platform: 'shell', communityId: 'local', channelId: 'avisos' } as const;
    // A reflection typed in a form keeps its lines (the shell's one-line input cannot): the first three are quoted.
    const ana = app.quiz.identify(place, { id: 'ana', name: 'ana', isAdmin: false });
    app.repos.reflections.save({
      ...ana,
      lesson: 2,
      text: 'Quero entender o pipeline\nsegunda linha\nterceira\nquarta fica de fora',
      now: app.clock.now(),
    });
    const who = app.quiz.identify(place, { id: 'caio', name: 'caio', isAdmin: false });
    const { questionId } = latestInstance(app, 'daily');
    app.repos.reports.file({
      communityId: who.communityId,
      memberId: who.memberId,
      questionId,
      reason: 'ambiguous',
      text: null,
      now: app.clock.now(),
    });
    await sh.run(['!clock 2026-11-16T19:00']);
    const [digest] = digests(posted);
    const text = plainUserText(digest!.message.text ?? '');
    expect(digest!.message.title).toContain('Aula 2');
    expect(text).toContain('Aula 1 ▇▇▇▇▇▁▁▁ 67% (3)');
    expect(text).toContain(
      `1. \`${questionId}\` — 67% de acerto, 3 resposta(s); mais escolhida errada: ${wrong} (33%)`,
    );
    expect(text).toContain('Denúncias abertas: 1');
    expect(text).toContain(`**${questionId}** — 1 aberta(s): ambígua ×1`);
    expect(text).toContain('Reflexões para a Aula 2: 1');
    expect(text).toContain('**ana**\n> Quero entender o pipeline\n> segunda linha\n> terceira');
    expect(text).not.toContain('quarta');
  });
});
