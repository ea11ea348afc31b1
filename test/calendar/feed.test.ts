// The calendar feed end to end: /config calendar in the shell prints the link, the real HTTP server serves it, and
// ical.js (an independent RFC 5545 parser) reads it back: TZID, local DTSTART, the alarm, UIDs that survive a restart
// and schedule changes, 404 for any token that is not the community's, and rotation.
import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { calendarFeedRoute, FEED_PREFIX } from '../../src/calendar/feed-route.ts';
import { findInternalName } from '../../src/content/learner-text.ts';
import { HttpServer } from '../../src/http-server.ts';
import { silentLogger } from '../../src/log.ts';
import { makeTestApp, shellFor, type TestApp } from '../helpers.ts';

const PUBLIC_URL = 'https://turma.example.org';
const open: { app: TestApp; http: HttpServer }[] = [];

async function start(dbFile?: string) {
  const app = makeTestApp(new Date('2026-11-01T12:00:00Z'), { PUBLIC_URL }, dbFile);
  const http = new HttpServer();
  http.routePrefix(
    FEED_PREFIX,
    calendarFeedRoute({
      repos: app.repos,
      content: app.content,
      clock: app.clock,
      logger: silentLogger(),
      defaultTimezone: app.config.timezone,
      defaultLocale: app.config.locale,
    }),
  );
  await http.listen(0, '127.0.0.1');
  open.push({ app, http });
  const shell = shellFor(app);
  await shell.run(['!admin on']);
  const get = (path: string, init?: RequestInit) => fetch(`http://127.0.0.1:${http.port}${path}`, init);
  return { app, http, shell, get };
}

afterEach(async () => {
  for (const { app, http } of open.splice(0)) {
    await http.close();
    await app.close();
  }
});

/** The feed path the shell printed (`…/calendar/<token>.ics`). */
function feedPath(printed: string): string {
  const m = /https:\/\/turma\.example\.org(\/calendar\/[A-Za-z0-9_-]{43}\.ics)/.exec(printed);
  if (!m) throw new Error(`no feed link in:\n${printed}`);
  return m[1]!;
}

function parse(text: string) {
  const root = new ICAL.Component(ICAL.parse(text));
  const zones = root.getAllSubcomponents('vtimezone');
  for (const z of zones) ICAL.TimezoneService.register(z);
  const events = root.getAllSubcomponents('vevent').map((v) => {
    const event = new ICAL.Event(v);
    const dtstart = v.getFirstProperty('dtstart')!;
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      tzid: dtstart.getParameter('tzid'),
      local: event.startDate.toString(),
      start: event.startDate.toJSDate(),
      end: event.endDate.toJSDate(),
      alarm: v.getFirstSubcomponent('valarm')?.getFirstPropertyValue('trigger')?.toString(),
    };
  });
  return { zones: zones.map((z) => z.getFirstPropertyValue('tzid')), events };
}

describe('the calendar feed', () => {
  it('serves every lesson with its TZID, local start, description and alarm, readable by ical.js', async () => {
    const { app, shell, get } = await start();
    const path = feedPath(await shell.run(['/config calendar']));
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const feed = parse(await res.text());
    expect(feed.zones).toEqual(['America/Sao_Paulo']);
    expect(feed.events).toHaveLength(app.content.lessons.length);
    const first = feed.events[0]!;
    expect(first.tzid).toBe('America/Sao_Paulo');
    expect(first.local).toBe('2026-11-10T19:00:00');
    // The VTIMEZONE says what the instant is: the same as the bot's own calendar (no stale summer time).
    for (const [i, s] of app.content.schedule.entries()) {
      expect(feed.events[i]!.start).toEqual(s.startsAt);
      expect(feed.events[i]!.end).toEqual(s.endsAt);
    }
    expect(first.summary).toBe(`Aula 1 — ${app.content.lessons[0]!.title}`);
    expect(first.description).toContain('Objetivos:');
    expect(first.description).toContain(app.content.lessons[0]!.reflectionPrompts[0]);
    for (const e of feed.events) expect(findInternalName(e.description)).toBeUndefined();
    expect(first.alarm).toBe('-PT1H');
    // The skipped dates of the course are skipped in the feed too.
    expect(feed.events.map((e) => e.local.slice(0, 10))).not.toContain('2026-12-22');
  });

  it('keeps every UID across a timezone change, a schedule change and a restart, and follows the new settings', async () => {
    const first = await start();
    const path = feedPath(await first.shell.run(['/config calendar']));
    const before = parse(await (await first.get(path)).text());
    await first.shell.run(['/config timezone Europe/Berlin', '/config reminders 24h,1h']);
    const moved = parse(await (await first.get(path)).text());
    expect(moved.zones).toEqual(['Europe/Berlin']);
    expect(moved.events[0]!.tzid).toBe('Europe/Berlin');
    expect(moved.events[0]!.local).toBe('2026-11-10T23:00:00');
    expect(moved.events[0]!.alarm).toBe('-P1D');
    await first.shell.run(['/config schedule 2026-11-17T20:00']);
    const rescheduled = parse(await (await first.get(path)).text());
    expect(rescheduled.events[0]!.local).toBe('2026-11-17T20:00:00');
    expect(rescheduled.events.map((e) => e.uid)).toEqual(before.events.map((e) => e.uid));
    expect(new Set(before.events.map((e) => e.uid)).size).toBe(before.events.length);

    const dbFile = first.app.dbFile;
    await first.http.close();
    await first.app.close();
    open.splice(0);
    const second = await start(dbFile);
    const again = await second.get(path);
    expect(again.status).toBe(200);
    expect(parse(await again.text()).events.map((e) => e.uid)).toEqual(before.events.map((e) => e.uid));
    expect(feedPath(await second.shell.run(['/config calendar']))).toBe(path);
  });

  it('answers 304 to a calendar app that already has this version, and 200 once the schedule changes', async () => {
    const { shell, get } = await start();
    const path = feedPath(await shell.run(['/config calendar']));
    const etag = (await get(path)).headers.get('etag')!;
    expect((await get(path, { headers: { 'if-none-match': etag } })).status).toBe(304);
    await shell.run(['/config schedule 2026-11-11T19:00']);
    const changed = await get(path, { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
  });

  it('answers any other token, path or method without a crash and without telling whether a community exists', async () => {
    const { shell, get } = await start();
    const path = feedPath(await shell.run(['/config calendar']));
    const token = path.slice(FEED_PREFIX.length, -'.ics'.length);
    const unknownPath = await get('/nothing-here');
    const notFound = { status: unknownPath.status, body: await unknownPath.text() };
    const wrong = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    for (const p of [
      `${FEED_PREFIX}${wrong}.ics`,
      `${FEED_PREFIX}${token}`,
      `${FEED_PREFIX}${token}.ics/x`,
      `${FEED_PREFIX}${token.toLowerCase()}.ics`,
      `${FEED_PREFIX}..%2F..%2Fetc%2Fpasswd.ics`,
      `${FEED_PREFIX}${'A'.repeat(5000)}.ics`,
      `${FEED_PREFIX}%00.ics`,
    ]) {
      const res = await get(p);
      expect({ status: res.status, body: await res.text() }, p.slice(0, 80)).toEqual(notFound);
    }
    expect(notFound.status).toBe(404);
    const post = await get(path, { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    const head = await get(path, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    // And the server still serves afterwards.
    expect((await get(path)).status).toBe(200);
  });

  it('rotates the link: the old one gets 404 at once, the new one serves the same lessons', async () => {
    const { shell, get } = await start();
    const old = feedPath(await shell.run(['/config calendar']));
    const rotated = await shell.run(['/config calendar rotate']);
    const fresh = feedPath(rotated);
    expect(fresh).not.toBe(old);
    expect((await get(old)).status).toBe(404);
    expect((await get(fresh)).status).toBe(200);
    expect(feedPath(await shell.run(['/config calendar']))).toBe(fresh);
  });

  it('tells the admin what to set when PUBLIC_URL is missing', async () => {
    const app = makeTestApp(new Date('2026-11-01T12:00:00Z'));
    try {
      const printed = await shellFor(app).run(['!admin on', '/config calendar']);
      expect(printed).toContain('PUBLIC_URL');
      expect(printed).not.toContain('/calendar/');
    } finally {
      await app.dispose();
    }
  });
});
