// Hostile requests to the calendar feed of the real process: any method, path, length or raw bytes gets a 4xx, the
// same 404 for every token that is not a community's, and the bot goes on serving its real feed and its commands.
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers.ts';
import { startSlackBot } from './bot-process.ts';
import { FakeSlack } from './fake-slack.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** Sends raw bytes over TCP and returns the status line Node answered with (or '' if it just closed). */
function raw(port: number, bytes: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(bytes));
    let got = '';
    socket.on('data', (d) => (got += d.toString()));
    socket.on('close', () => resolve(got.split('\r\n')[0] ?? ''));
    socket.on('error', () => resolve(got.split('\r\n')[0] ?? ''));
  });
}

describe('hostile requests to /calendar', () => {
  it('answers every method, path and malformed request with a 4xx and keeps serving the feed', async () => {
    const fake = new FakeSlack();
    await fake.listen();
    cleanups.push(() => fake.close());
    const monitor = { id: 'U0MONITORA', name: 'Monitora', admin: true };
    fake.users.set(monitor.id, monitor);
    const { dir, cleanup } = tempDir('turma-hostile-calendar-');
    cleanups.push(cleanup);
    const bot = await startSlackBot(fake, dir, cleanups, { PUBLIC_URL: 'https://turma.example.org' });
    const base = `http://127.0.0.1:${bot.port}`;

    const command = fake.slashCommand(monitor, 'config', 'calendar');
    expect((await bot.send(command.body)).status).toBe(200);
    const link = /https:\/\/turma\.example\.org(\/calendar\/[\w-]{43}\.ics)/.exec(
      JSON.stringify(await fake.response(command.id)),
    );
    expect(link, 'the /config calendar reply carries the link').not.toBeNull();
    const path = link![1]!;
    const token = path.slice('/calendar/'.length, -'.ics'.length);

    const statuses: Record<string, number> = {};
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])
      statuses[method] = (
        await fetch(`${base}${path}`, { method, ...(method !== 'OPTIONS' ? { body: 'x' } : {}) })
      ).status;
    const paths: Record<string, string> = {
      'a wrong token': `/calendar/${token.slice(0, -1)}${token.endsWith('x') ? 'y' : 'x'}.ics`,
      'a short token': '/calendar/abc.ics',
      'no .ics': `/calendar/${token}`,
      'a traversal': '/calendar/..%2F..%2Fetc%2Fpasswd.ics',
      'a NUL': '/calendar/%00.ics',
      'bad percent-encoding': '/calendar/%E0%A4%A.ics',
      'a 8 kB token': `/calendar/${'a'.repeat(8000)}.ics`,
      'the prefix alone': '/calendar/',
      'a query only': `/calendar/?token=${token}`,
    };
    for (const [name, p] of Object.entries(paths)) statuses[name] = (await fetch(`${base}${p}`)).status;
    statuses['a 64 kB URL'] = (await fetch(`${base}/calendar/${'a'.repeat(64 * 1024)}.ics`)).status;
    const rawStatus = await raw(bot.port, 'GET /calendar/\u0000\u0001 HTTP/1.1\r\nHost: x\r\n\r\n');
    statuses['raw control bytes'] = Number(rawStatus.split(' ')[1] ?? 400);

    for (const [name, status] of Object.entries(statuses)) {
      expect(status, name).toBeGreaterThanOrEqual(400);
      expect(status, name).toBeLessThan(500);
    }
    expect(statuses['a wrong token']).toBe(404);
    expect(bot.alive()).toBe(true);
    const feed = await fetch(`${base}${path}`);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain('BEGIN:VCALENDAR');
    expect((await bot.health()).status).toBe(200);
  });
});
