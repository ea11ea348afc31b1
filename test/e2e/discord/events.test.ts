// Discord scheduled events end to end: the real discord.js client against the fake's /guilds/:id/scheduled-events,
// the real app on SQLite. One event per lesson of the next four weeks, edited when the schedule moves, removed when
// a lesson leaves the window, never created twice across a restart; a missing Create Events is said privately.
import { afterEach, describe, expect, it } from 'vitest';
import { EVENT_WINDOW_MS } from '../../../src/calendar/event-sync.ts';
import { count } from '../../quiz/helpers.ts';
import { type FakeDiscord, type FakeUser, GUILD_ID, tokenOf } from './fake-discord.ts';
import { type DiscordRig, startDiscordRig } from './harness.ts';

const monitor: FakeUser = { id: '500000000000000009', name: 'Monitora', admin: true };
const NOW = new Date('2026-11-23T12:00:00Z');
const CREATE_EVENTS = 1n << 44n;

let rigs: DiscordRig[] = [];
afterEach(async () => {
  for (const rig of rigs.reverse()) await rig.dispose();
  rigs = [];
});

/** Everything the bot said about one interaction (callback and follow-ups), once `expected` is among it. */
async function said(fake: FakeDiscord, id: string, expected: string): Promise<string> {
  await fake.waitFor(() => JSON.stringify(fake.requestsFor(id).map((r) => r.body)).includes(expected), 8000);
  return JSON.stringify(fake.requestsFor(id).map((r) => r.body));
}

/** The lessons that should have an event at `now` under the community's calendar. */
const upcoming = (rig: DiscordRig, firstClass?: string | null, now = NOW) =>
  rig.app.content
    .scheduleFor(firstClass)
    .filter((s) => s.startsAt > now && s.startsAt.getTime() <= now.getTime() + EVENT_WINDOW_MS);

const eventsOf = (fake: FakeDiscord) =>
  [...fake.scheduledEvents.values()].sort((a, b) =>
    a.scheduled_start_time.localeCompare(b.scheduled_start_time),
  );
const posts = (fake: FakeDiscord, method: string) =>
  fake.requests.filter((r) => r.method === method && /^\/guilds\/\d+\/scheduled-events/.test(r.route)).length;

/** Stops the bot and starts it again on the same database and fake, as a restart does. */
async function restart(rig: DiscordRig): Promise<DiscordRig> {
  const dbFile = rig.app.dbFile;
  await rig.adapter.stop();
  await rig.app.close();
  rigs = rigs.filter((r) => r !== rig);
  const again = await startDiscordRig(NOW, { fake: rig.fake, dbFile });
  rigs.push(again);
  await again.app.resume();
  return again;
}

describe('Discord scheduled events', () => {
  it('creates one external event per upcoming lesson, edits them when the schedule moves, and never twice across a restart', async () => {
    const rig = await startDiscordRig(NOW);
    rigs.push(rig);
    const { fake } = rig;
    await said(fake, fake.command(monitor, 'config', { setting: 'channel' }), 'Feito');
    const on = fake.command(monitor, 'config', { setting: 'events', value: 'on' });
    const wanted = upcoming(rig);
    expect(wanted.length).toBeGreaterThanOrEqual(3);
    const onText = await said(fake, on, 'Aba Eventos');
    expect(onText).toContain(`${wanted.length} criado(s)`);
    expect(onText).toContain('Feito: Eventos do Discord = ligados');

    const events = eventsOf(fake);
    expect(events.map((e) => [e.name, e.scheduled_start_time, e.scheduled_end_time])).toEqual(
      wanted.map((s) => [
        `Aula ${s.lesson.number} — ${s.lesson.title}`,
        s.startsAt.toISOString(),
        s.endsAt.toISOString(),
      ]),
    );
    for (const e of events) {
      expect(e.guild_id).toBe(GUILD_ID);
      expect(e.entity_type).toBe(3);
      expect(e.privacy_level).toBe(2);
      expect(e.entity_metadata?.location).toMatch(/^https:\/\/discord\.com\/channels\/\d+\/\d+$/);
      expect(e.description).toContain('Objetivos:');
    }
    expect(
      count(rig.app, "select count(*) from scheduled_runs where kind = 'event' and status = 'done'"),
    ).toBe(wanted.length);

    // The schedule moves a day later: the same events are edited, lessons leaving the window lose theirs.
    const before = new Map(events.map((e) => [e.name, e.id]));
    const moved = fake.command(monitor, 'config', { setting: 'schedule', value: '2026-11-25T19:00' });
    await said(fake, moved, 'Aba Eventos');
    const rows = rig.app.repos.communities.withEvents();
    const now = upcoming(rig, rows[0]!.firstClass);
    const after = eventsOf(fake);
    expect(after.map((e) => [e.name, e.scheduled_start_time])).toEqual(
      now.map((s) => [`Aula ${s.lesson.number} — ${s.lesson.title}`, s.startsAt.toISOString()]),
    );
    const kept = after.filter((e) => before.has(e.name));
    expect(kept.length).toBeGreaterThan(0);
    for (const e of kept) expect(e.id).toBe(before.get(e.name));
    // Each kept event edited once; each lesson that left cancelled (status 4), so interested members are told.
    const cancels = fake.requests.filter(
      (r) => r.method === 'PATCH' && (r.body as { status?: number } | undefined)?.status === 4,
    ).length;
    expect(cancels).toBe(events.length - kept.length);
    expect(posts(fake, 'PATCH') - cancels).toBe(kept.length);

    // A restart on the same database syncs at start and creates nothing again.
    const created = posts(fake, 'POST');
    const again = await restart(rig);
    expect(posts(fake, 'POST')).toBe(created);
    expect(eventsOf(fake).map((e) => e.id)).toEqual(after.map((e) => e.id));
    await again.app.events.sync(rows[0]!.id);
    expect(posts(fake, 'POST')).toBe(created);

    // The agenda post links to its lesson's event.
    const first = now[0]!;
    expect(
      again.app.events.eventUrl(again.app.repos.communities.byId(rows[0]!.id)!, first.lesson.number),
    ).toBe(`https://discord.com/events/${GUILD_ID}/${after[0]!.id}`);

    // Off: the upcoming events are removed.
    await said(fake, fake.command(monitor, 'config', { setting: 'events', value: 'off' }), 'removido(s)');
    expect(fake.scheduledEvents.size).toBe(0);
  });

  it('recreates an event someone deleted by hand, under a new run, without touching the others', async () => {
    const rig = await startDiscordRig(NOW);
    rigs.push(rig);
    const { fake } = rig;
    await said(fake, fake.command(monitor, 'config', { setting: 'events', value: 'on' }), 'criado(s)');
    const [gone, ...rest] = eventsOf(fake);
    fake.scheduledEvents.delete(gone!.id);
    const community = rig.app.repos.communities.withEvents()[0]!;
    // A content or schedule change makes the sync edit it: Discord says it is unknown, the bot creates it again.
    await rig.app.repos.communities.update(community.id, { locale: 'en' });
    const result = await rig.app.events.sync(community.id);
    expect(result.created).toBe(1);
    expect(eventsOf(fake).filter((e) => !rest.some((r) => r.id === e.id))).toHaveLength(1);
    expect(count(rig.app, "select count(*) from scheduled_runs where kind = 'event'")).toBe(rest.length + 2);
  });

  it('adopts an event Discord made before its answer was lost, on the retry, instead of creating a second', async () => {
    const rig = await startDiscordRig(NOW);
    rigs.push(rig);
    const { fake } = rig;
    const wanted = upcoming(rig);
    fake.failEventCreatesWith = 500;
    const on = fake.command(monitor, 'config', { setting: 'events', value: 'on' });
    expect(await said(fake, on, 'Aba Eventos')).toContain('o bot tenta de novo sozinho');
    expect(fake.scheduledEvents.size).toBe(wanted.length);
    expect(
      count(rig.app, "select count(*) from scheduled_runs where kind = 'event' and status = 'failed'"),
    ).toBe(wanted.length);
    // /config shows the admins the failing create until it goes through.
    expect(await said(fake, fake.command(monitor, 'config'), 'Evento da aula')).toContain(
      'Internal Server Error',
    );

    fake.failEventCreatesWith = undefined;
    // Meanwhile the lost creates' times went stale (the lesson moved before the retry): adopting corrects them.
    for (const e of fake.scheduledEvents.values()) e.scheduled_start_time = '2026-01-01T12:00:00.000Z';
    // The process restarts before the retry is due: the new one comes back at the retry's time by itself.
    const again = await restart(rig);
    const creates = posts(fake, 'POST');
    await again.app.timers.advanceTo(new Date(NOW.getTime() + 2 * 60_000));
    await fake.waitFor(
      () =>
        count(again.app, "select count(*) from scheduled_runs where kind = 'event' and status = 'done'") ===
        wanted.length,
      8000,
    );
    expect(posts(fake, 'POST')).toBe(creates);
    expect(fake.scheduledEvents.size).toBe(wanted.length);
    expect(eventsOf(fake).map((e) => e.scheduled_start_time)).toEqual(
      wanted.map((w) => w.startsAt.toISOString()),
    );
    expect(
      count(again.app, "select count(*) from scheduled_runs where kind = 'event' and status = 'done'"),
    ).toBe(wanted.length);
    expect(count(again.app, 'select count(*) from lesson_events where event_id is not null')).toBe(
      wanted.length,
    );
  });

  it('tries again within minutes after a server error, but only daily while Discord refuses (403)', async () => {
    const rig = await startDiscordRig(NOW);
    rigs.push(rig);
    const { fake } = rig;
    const nextAttempts = () =>
      rig.app.database.sqlite
        .prepare("select next_attempt_at from scheduled_runs where kind = 'event' and status = 'failed'")
        .pluck()
        .all() as number[];
    fake.failEventCreatesWith = 500;
    await said(fake, fake.command(monitor, 'config', { setting: 'events', value: 'on' }), 'Aba Eventos');
    expect(nextAttempts().length).toBeGreaterThan(0);
    for (const at of nextAttempts())
      expect(at - rig.app.clock.now().getTime()).toBeLessThanOrEqual(60 * 60_000);
    // The bot's role lost its permission: Discord answers 403 to every create (and the lost creates' events are
    // gone, so the retry has nothing to adopt).
    fake.failEventCreatesWith = 403;
    fake.scheduledEvents.clear();
    const failing = nextAttempts().length;
    expect(failing).toBeGreaterThan(0);
    await rig.app.timers.advanceTo(new Date(NOW.getTime() + 2 * 60_000));
    await fake.waitFor(
      () =>
        nextAttempts().length === failing &&
        nextAttempts().every((at) => at - NOW.getTime() > 12 * 3_600_000),
      8000,
    );
    for (const at of nextAttempts())
      expect(at - rig.app.clock.now().getTime()).toBeGreaterThanOrEqual(23 * 3_600_000);
  });

  it('closes failed creates no longer wanted (off), and creates them afresh when turned on again', async () => {
    const rig = await startDiscordRig(NOW);
    rigs.push(rig);
    const { fake } = rig;
    const wanted = upcoming(rig);
    fake.failEventCreatesWith = 500;
    await said(fake, fake.command(monitor, 'config', { setting: 'events', value: 'on' }), 'Aba Eventos');
    fake.failEventCreatesWith = undefined;
    // The lost creates did make events on Discord: clear them, as if an admin had.
    fake.scheduledEvents.clear();
    await said(fake, fake.command(monitor, 'config', { setting: 'events', value: 'off' }), 'Aba Eventos');
    expect(
      count(rig.app, "select count(*) from scheduled_runs where kind = 'event' and status = 'failed'"),
    ).toBe(0);
    expect(await said(fake, fake.command(monitor, 'config'), 'Eventos do Discord')).not.toContain(
      'Internal Server Error',
    );
    await said(fake, fake.command(monitor, 'config', { setting: 'events', value: 'on' }), 'Aba Eventos');
    expect(eventsOf(fake).map((e) => e.scheduled_start_time)).toEqual(
      wanted.map((w) => w.startsAt.toISOString()),
    );
  });

  it('moves on with the days, and gives a lesson the calendar moved back into the future a new event', async () => {
    const rig = await startDiscordRig(NOW);
    rigs.push(rig);
    const { fake } = rig;
    await said(fake, fake.command(monitor, 'config', { setting: 'events', value: 'on' }), 'criado(s)');
    const first = eventsOf(fake);
    // Ten days on (the daily sync runs meanwhile): two of those classes have taken place.
    const later = new Date(NOW.getTime() + 10 * 86_400_000);
    await rig.app.timers.advanceTo(later);
    const taught = first.filter((e) => new Date(e.scheduled_start_time) <= later);
    expect(taught.length).toBeGreaterThan(0);
    // The first class moves so that those lessons come again within four weeks.
    const firstClass = '2026-11-24T19:00';
    await said(
      fake,
      fake.command(monitor, 'config', { setting: 'schedule', value: firstClass }),
      'Aba Eventos',
    );
    const wanted = upcoming(rig, firstClass, later);
    const named = (s: (typeof wanted)[number]) => `Aula ${s.lesson.number} — ${s.lesson.title}`;
    expect(wanted.filter((w) => taught.some((t) => t.name === named(w))).length).toBeGreaterThan(0);
    const future = eventsOf(fake).filter((e) => new Date(e.scheduled_start_time) > later);
    expect(future.map((e) => [e.name, e.scheduled_start_time])).toEqual(
      wanted.map((s) => [`Aula ${s.lesson.number} — ${s.lesson.title}`, s.startsAt.toISOString()]),
    );
    // Events of classes that took place are left alone; a lesson coming back gets a new one, never the old edited.
    for (const e of taught)
      expect(fake.scheduledEvents.get(e.id)?.scheduled_start_time).toBe(e.scheduled_start_time);
    expect(future.some((e) => taught.some((t) => t.id === e.id))).toBe(false);
  });

  it('refuses /config events on privately, changing nothing, when the bot lacks Create Events', async () => {
    const rig = await startDiscordRig(NOW);
    rigs.push(rig);
    const { fake } = rig;
    fake.appPermissions = String(BigInt(fake.appPermissions) & ~CREATE_EVENTS);
    const id = fake.command(monitor, 'config', { setting: 'events', value: 'on' });
    const text = await said(fake, id, 'Criar eventos');
    const callback = fake.requests.find((r) => r.route === `/interactions/${id}/${tokenOf(id)}/callback`);
    expect((callback!.body as { data: { flags: number } }).data.flags).toBe(64);
    expect(text).toContain('Nada foi mudado');
    expect(fake.scheduledEvents.size).toBe(0);
    expect(count(rig.app, 'select count(*) from communities where events_enabled = 1')).toBe(0);
  });
});
