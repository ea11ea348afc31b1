// When the due queue is re-planned, through the real app on a real database file: at start only when the class
// calendar's fingerprint changed, and a failed post whose community was paused meanwhile is given up, not retried.
import { afterEach, describe, expect, it } from 'vitest';
import type { OutMessage } from '../../src/core/message.ts';
import { openDatabase } from '../../src/db/open.ts';
import type { PlatformAdapter, PostedRef } from '../../src/platforms/adapter.ts';
import { makeTestApp, shellFor, type TestApp } from '../helpers.ts';

const apps: TestApp[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.dispose();
});

/** Monday 16 Nov 2026, 08:00 in São Paulo. */
const MONDAY = new Date('2026-11-16T11:00:00Z');

async function startApp(at = MONDAY, dbFile?: string) {
  const app = makeTestApp(at, {}, dbFile);
  apps.push(app);
  const sh = shellFor(app, { user: 'monitor' });
  await sh.run(['!admin on']);
  await app.resume();
  return { app, sh };
}

const dueRows = (app: TestApp) =>
  app.database.sqlite.prepare('select kind from due_posts order by kind').pluck().all() as string[];

describe('re-planning the due queue', () => {
  it('re-plans nobody at a start with the same calendar, and everyone once the calendar changed', async () => {
    const first = await startApp();
    await first.sh.run(['/config channel']);
    expect(dueRows(first.app)).toEqual(['agenda', 'board', 'daily', 'reminder']);
    await first.app.close();
    apps.splice(apps.indexOf(first.app), 1);
    // Rows lost behind the scheduler's back stay lost while the calendar is the same: start-up reads no community.
    const { sqlite } = openDatabase(first.app.dbFile);
    sqlite.prepare('delete from due_posts').run();
    sqlite.close();
    const second = await startApp(MONDAY, first.app.dbFile);
    expect(dueRows(second.app)).toEqual([]);
    await second.app.close();
    apps.splice(apps.indexOf(second.app), 1);
    // A calendar planned with another fingerprint: the next start plans every community again.
    const again = openDatabase(first.app.dbFile);
    again.sqlite.prepare("update scheduler_state set value = 'another calendar'").run();
    again.sqlite.close();
    const third = await startApp(MONDAY, first.app.dbFile);
    expect(dueRows(third.app)).toEqual(['agenda', 'board', 'daily', 'reminder']);
  });

  it('gives up a failed post once its community is paused, instead of retrying it', async () => {
    const { app, sh } = await startApp();
    await sh.run(['/config channel']);
    const posted: OutMessage[] = [];
    let failing = true;
    const flaky: PlatformAdapter = {
      platform: 'shell',
      start: async () => {},
      stop: async () => {},
      isConnected: () => true,
      async post(_target, message): Promise<PostedRef> {
        if (failing) throw new Error('503 from the platform');
        posted.push(message);
        return { channelId: 'geral', messageId: String(posted.length) };
      },
    };
    app.messenger.register(flaky);
    await sh.run(['!clock 2026-11-16T09:00']);
    const daily = () =>
      app.database.sqlite.prepare("select status from scheduled_runs where kind = 'daily'").pluck().get();
    expect(daily()).toBe('failed');
    failing = false;
    await sh.run(['/config pause', '!clock 2026-11-16T10:00']);
    expect(daily()).toBe('skipped');
    expect(posted).toEqual([]);
    expect(dueRows(app)).toEqual([]);
  });
});
