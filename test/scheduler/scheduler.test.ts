import { afterEach, describe, expect, it } from 'vitest';
import type { OutMessage } from '../../src/core/message.ts';
import type { PlatformAdapter, PostedRef, PostTarget } from '../../src/platforms/adapter.ts';
import { makeTestApp, shellFor, type TestApp } from '../helpers.ts';

const apps: TestApp[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.dispose();
});

/** Monday 16 Nov 2026, 08:00 in São Paulo; lesson 2 is on Tuesday 17th 19:00, lesson 3 on the 24th. */
const MONDAY = new Date('2026-11-16T11:00:00Z');

async function startApp(at = MONDAY, dbFile?: string, env: Record<string, string> = {}) {
  const app = makeTestApp(at, env, dbFile);
  apps.push(app);
  const sh = shellFor(app, { user: 'monitor' });
  await sh.run(['!admin on']);
  await app.resume();
  return { app, sh };
}

const runs = (app: TestApp) =>
  app.database.sqlite
    .prepare(
      "select kind, target, status, datetime(scheduled_for / 1000, 'unixepoch') as at from scheduled_runs order by scheduled_for, kind",
    )
    .all() as { kind: string; target: string; status: string; at: string }[];

describe('the scheduler over a week', () => {
  it('posts every agenda, reminder, daily question, reveal and weekly board once, at local time, in the channel', async () => {
    const { app, sh } = await startApp();
    await sh.run(['!channel avisos', '/config channel', '!channel general', '/config reminders 24h,1h']);
    const out = await sh.run(['!clock +7d']);
    const done = runs(app).filter((r) => r.status === 'done');
    // Mon–Fri dailies at 09:00 local (12:00 UTC), the board on Sunday 20:00 (23:00 UTC).
    expect(done.filter((r) => r.kind === 'daily').map((r) => r.at)).toEqual([
      '2026-11-16 12:00:00',
      '2026-11-17 12:00:00',
      '2026-11-18 12:00:00',
      '2026-11-19 12:00:00',
      '2026-11-20 12:00:00',
    ]);
    expect(done.filter((r) => r.kind === 'board').map((r) => r.at)).toEqual(['2026-11-22 23:00:00']);
    // Lesson 2 (Tue 17th 19:00 = 22:00 UTC): agenda at T-24h, reminders at T-24h and T-1h.
    expect(done.filter((r) => r.kind === 'agenda').map((r) => [r.target, r.at])).toEqual([
      ['lesson:2', '2026-11-16 22:00:00'],
    ]);
    expect(done.filter((r) => r.kind === 'reminder').map((r) => [r.target, r.at])).toEqual([
      ['lesson:2:1440', '2026-11-16 22:00:00'],
      ['lesson:2:60', '2026-11-17 21:00:00'],
    ]);
    expect(out.match(/\[#avisos\] Turma:\n☀️ Pergunta do dia/g)).toHaveLength(5);
    expect(out.match(/🔔 Resposta da pergunta do dia/g)).toHaveLength(5);
    expect(out.match(/📚 Aula 2 — /g)).toHaveLength(1);
    expect(out).toContain('(thread started: Reflexões — Aula 2)');
    expect(out.match(/⏰ Aula 2 — /g)).toHaveLength(2);
    expect(out.match(/🏅 Placar final da semana/g)).toHaveLength(1);
    expect(out).not.toMatch(/\[#general\] Turma:\n(☀️|📚|⏰|🏅)/);
    // Another tick changes nothing.
    await app.scheduler.tick();
    expect(runs(app).filter((r) => r.status === 'done')).toHaveLength(done.length);
  });

  it('restarted mid-week on the same file: no duplicates, and what is still useful is caught up', async () => {
    const first = await startApp();
    await first.sh.run(['/config channel', '!clock 2026-11-17T09:30']);
    const before = runs(first.app).filter((r) => r.status === 'done').length;
    await first.app.close();
    apps.splice(apps.indexOf(first.app), 1);
    // Down from Tuesday 09:30 to Wednesday 10:00: Tuesday's reminder (18:00) and agenda are past class start.
    const second = await startApp(new Date('2026-11-18T13:00:00Z'), first.app.dbFile);
    const all = runs(second.app);
    const doneKeys = all.filter((r) => r.status === 'done').map((r) => `${r.kind}:${r.target}`);
    expect(new Set(doneKeys).size).toBe(doneKeys.length);
    expect(doneKeys).toContain('daily:day:2026-11-18');
    expect(all.find((r) => r.target === 'lesson:2:60')?.status).toBe('skipped');
    expect(doneKeys.length).toBe(before + 1);
    const late = second.app.database.sqlite
      .prepare("select late from question_instances where day_key = '2026-11-18'")
      .pluck()
      .get();
    expect(late).toBe(1);
  });

  it('retries a post whose platform call failed, and posts it once', async () => {
    const { app, sh } = await startApp();
    await sh.run(['!channel avisos', '/config channel']);
    let failures = 1;
    const posted: OutMessage[] = [];
    const flaky: PlatformAdapter = {
      platform: 'shell',
      start: async () => {},
      stop: async () => {},
      isConnected: () => true,
      async post(_target: PostTarget, message: OutMessage): Promise<PostedRef> {
        if (failures-- > 0) throw new Error('503 from the platform');
        posted.push(message);
        return { channelId: 'avisos', messageId: String(posted.length) };
      },
    };
    app.messenger.register(flaky);
    await sh.run(['!clock 2026-11-16T09:00']);
    expect(runs(app).find((r) => r.kind === 'daily')?.status).toBe('failed');
    // The admins see it in /config until it goes through.
    expect(await sh.run(['/config'])).toContain(
      '⚠️ Postagem automática com problema: Pergunta do dia de segunda-feira, 16 de novembro de 2026 às 09:00 falhou (1 tentativa(s)): 503 from the platform.',
    );
    await sh.run(['!clock 2026-11-16T09:05']);
    expect(runs(app).find((r) => r.kind === 'daily')?.status).toBe('done');
    expect(await sh.run(['/config'])).not.toContain('⚠️');
    expect(posted.filter((m) => m.title?.startsWith('☀️'))).toHaveLength(1);
    expect(
      app.database.sqlite
        .prepare("select count(*) from question_instances where kind = 'daily'")
        .pluck()
        .get(),
    ).toBe(1);
  });

  it('moves future posts when the settings change, and stops and restarts on pause/resume', async () => {
    const { app, sh } = await startApp();
    await sh.run(['/config channel', '/config quiz-time 10:30', '/config quiz-days seg,qua']);
    await sh.run(['!clock 2026-11-18T23:00']);
    expect(
      runs(app)
        .filter((r) => r.kind === 'daily')
        .map((r) => r.at),
    ).toEqual(['2026-11-16 13:30:00', '2026-11-18 13:30:00']);
    await sh.run(['/config pause', '!clock 2026-11-23T11:00']);
    expect(runs(app).filter((r) => r.at > '2026-11-19')).toEqual([]);
    // Resuming does not post what fell due while paused (Monday 10:30); what comes after goes out.
    await sh.run(['/config resume', '!clock 2026-11-25T11:00']);
    expect(runs(app).find((r) => r.target === 'day:2026-11-23')).toBeUndefined();
    expect(
      runs(app)
        .filter((r) => r.at > '2026-11-19')
        .map((r) => [r.target, r.status]),
    ).toEqual([
      ['lesson:3', 'done'],
      ['lesson:3:60', 'done'],
      ['day:2026-11-25', 'done'],
    ]);
  });

  it('posts the agenda at the lead set with /config agenda, and explains a bad lead', async () => {
    const { app, sh } = await startApp();
    const bad = await sh.run(['/config channel', '/config agenda soon']);
    expect(bad).toContain('Use uma antecedência como 24h, 2d ou 90m (até 14 dias).');
    const saved = await sh.run(['/config agenda 2d']);
    expect(saved).toContain('Feito: Agenda da aula = 2d antes.');
    expect(saved).toContain('Agenda da aula: 2d antes');
    await sh.run(['!clock 2026-11-23T12:00']);
    // Lesson 3 is on Tuesday 24th at 19:00 (22:00 UTC): its agenda and thread went out on Sunday 22nd, 22:00 UTC.
    expect(runs(app).find((r) => r.target === 'lesson:3')).toMatchObject({
      kind: 'agenda',
      at: '2026-11-22 22:00:00',
      status: 'done',
    });
  });

  it('moves future posts when the timezone or the first class changes', async () => {
    const { app, sh } = await startApp();
    // Lisbon is UTC+0 in November: the 09:00 daily moves from 12:00 UTC to 09:00 UTC.
    await sh.run(['/config channel', '/config timezone Europe/Lisbon', '/config schedule 2026-12-01T18:30']);
    const show = await sh.run(['/config']);
    expect(show).toContain('Fuso horário: Europe/Lisbon');
    expect(show).toContain('Primeira aula: terça-feira, 1 de dezembro de 2026 às 18:30');
    await sh.run(['!clock 2026-12-01T12:00']);
    const all = runs(app);
    expect(all.find((r) => r.target === 'day:2026-11-17')?.at).toBe('2026-11-17 09:00:00');
    // Lesson 1 now starts 1 Dec 18:30 Lisbon (18:30 UTC): its agenda went out 24 h before; lesson 2 is a week later.
    expect(all.find((r) => r.kind === 'agenda')).toMatchObject({
      target: 'lesson:1',
      at: '2026-11-30 18:30:00',
      status: 'done',
    });
    expect(all.some((r) => r.target === 'lesson:2')).toBe(false);
    // No lesson was taught before the new first class, so no question of the day could be posted.
    expect(all.filter((r) => r.kind === 'daily').every((r) => r.status === 'skipped')).toBe(true);
  });

  it('refuses /config and /reflect list to non-admins', async () => {
    const { sh } = await startApp();
    const out = await sh.run(['!as ana', '/config channel', '/config', '/reflect list']);
    expect(out.match(/Só quem administra a comunidade pode usar este comando\./g)).toHaveLength(3);
  });
});

describe('DST (America/New_York)', () => {
  it('runs a 02:30 daily once on spring-forward day and a 01:30 daily once on fall-back day', async () => {
    // 14 March 2027: 02:00 → 03:00. 7 November 2027: 02:00 → 01:00.
    for (const [start, time, end] of [
      ['2027-03-13T12:00:00Z', '02:30', '2027-03-15T12:00:00Z'],
      ['2027-11-06T12:00:00Z', '01:30', '2027-11-08T12:00:00Z'],
    ] as const) {
      const { app, sh } = await startApp(new Date(start), undefined, { BOT_TIMEZONE: 'America/New_York' });
      await sh.run(['/config channel', '/config quiz-days 1-7', `/config quiz-time ${time}`]);
      // Tick every 10 minutes through both days, as node-cron would (more often, even).
      for (let t = new Date(start).getTime(); t < new Date(end).getTime(); t += 10 * 60_000) {
        app.clock.set(new Date(t));
        await app.scheduler.tick();
      }
      const day = start.startsWith('2027-03') ? 'day:2027-03-14' : 'day:2027-11-07';
      const onDay = runs(app).filter((r) => r.target === day);
      expect(onDay).toHaveLength(1);
      expect(onDay[0]!.status).toBe('done');
      // Spring forward: 02:30 does not exist, so 03:30 EDT (07:30 UTC); fall back: the first 01:30 (EDT, 05:30 UTC).
      expect(onDay[0]!.at).toBe(start.startsWith('2027-03') ? '2027-03-14 07:30:00' : '2027-11-07 05:30:00');
    }
  });
});
