// A simulated day for ten thousand communities through the real scheduler, due queue, run table and quiz engine, on a
// real SQLite file with the real migrations; a recording poster stands in for the platforms (what is checked is
// what gets posted, when, and how many times). Communities are seeded in one SQL statement.
import { afterEach, describe, expect, it } from 'vitest';
import type { OutMessage } from '../../src/core/message.ts';
import type { PlatformAdapter, PostedRef, PostTarget } from '../../src/platforms/adapter.ts';
import { makeTestApp, type TestApp } from '../helpers.ts';

const COMMUNITIES = 10_000;
/** Tuesday 17 Nov 2026, 00:00 in São Paulo: lesson 2 is at 19:00 (22:00 UTC), lesson 1 was taught a week before. */
const TUESDAY = new Date('2026-11-17T03:00:00Z');
/** Wednesday 00:30 in São Paulo: after the 21:00 reveal of Tuesday's question. */
const DAY_END = new Date('2026-11-18T03:30:00Z');

const apps: TestApp[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.dispose();
});

interface Posted {
  channelId: string;
  kind: 'daily' | 'reveal' | 'reminder' | 'other';
  at: number;
}

const kindOf = (m: OutMessage): Posted['kind'] => {
  if (m.title?.startsWith('☀️')) return 'daily';
  if (m.title?.startsWith('🔔')) return 'reveal';
  if (m.text?.startsWith('⏰')) return 'reminder';
  return 'other';
};

function recorder(app: TestApp, posted: Posted[]): PlatformAdapter {
  return {
    platform: 'shell',
    start: async () => {},
    stop: async () => {},
    isConnected: () => true,
    async post(target: PostTarget, message: OutMessage): Promise<PostedRef> {
      posted.push({ channelId: target.channelId, kind: kindOf(message), at: app.clock.now().getTime() });
      return { channelId: target.channelId, messageId: String(posted.length) };
    },
  };
}

/** Ten thousand communities with an announcements channel each, switched on at `since`, course defaults. */
function seed(app: TestApp, since: Date): void {
  app.database.sqlite
    .prepare(
      `with recursive n(i) as (select 1 union all select i + 1 from n where i < ?)
       insert into communities (platform, external_id, name, announce_channel_id, active_since, created_at)
       select 'shell', 'c' || i, 'Turma ' || i, 'avisos-' || i, ?, ? from n`,
    )
    .run(COMMUNITIES, since.getTime(), since.getTime());
}

/** Per kind, how many posts each channel got (a map of count → number of channels). */
function perChannel(posted: Posted[], kind: Posted['kind']): Map<number, number> {
  const counts = new Map<string, number>();
  for (const p of posted) if (p.kind === kind) counts.set(p.channelId, (counts.get(p.channelId) ?? 0) + 1);
  const histogram = new Map<number, number>();
  for (const n of counts.values()) histogram.set(n, (histogram.get(n) ?? 0) + 1);
  return histogram;
}

describe('a simulated day for ten thousand communities', () => {
  it('posts every daily question, reveal and reminder exactly once, at its time, across a restart', async () => {
    const first = makeTestApp(TUESDAY);
    apps.push(first);
    seed(first, TUESDAY);
    const posted: Posted[] = [];
    first.messenger.register(recorder(first, posted));
    await first.resume();
    // Everyone is planned once (no calendar fingerprint yet): one due row per community and kind.
    const dueRows = first.database.sqlite.prepare('select count(*) from due_posts').pluck();
    expect(dueRows.get()).toBe(COMMUNITIES * 4);

    // The morning: every daily question at 09:00 (12:00 UTC), on time.
    await first.timers.advanceTo(new Date('2026-11-17T15:00:00Z'));
    expect(perChannel(posted, 'daily')).toEqual(new Map([[1, COMMUNITIES]]));
    expect(new Set(posted.filter((p) => p.kind === 'daily').map((p) => p.at))).toEqual(
      new Set([Date.parse('2026-11-17T12:00:00Z')]),
    );

    // A restart at noon on the same file: nothing is re-planned or posted again, the open questions stay open.
    await first.close();
    apps.splice(apps.indexOf(first), 1);
    const second = makeTestApp(new Date('2026-11-17T15:00:00Z'), {}, first.dbFile);
    apps.push(second);
    second.messenger.register(recorder(second, posted));
    await second.resume();
    expect(posted.filter((p) => p.kind !== 'daily')).toEqual([]);

    // The afternoon and evening: the pre-class reminder at 18:00 (21:00 UTC), the reveal at 21:00 (00:00 UTC).
    await second.timers.advanceTo(DAY_END);
    await second.scheduler.tick();
    expect(perChannel(posted, 'daily')).toEqual(new Map([[1, COMMUNITIES]]));
    expect(perChannel(posted, 'reminder')).toEqual(new Map([[1, COMMUNITIES]]));
    expect(perChannel(posted, 'reveal')).toEqual(new Map([[1, COMMUNITIES]]));
    expect(posted.filter((p) => p.kind === 'other')).toEqual([]);
    expect(new Set(posted.filter((p) => p.kind === 'reminder').map((p) => p.at))).toEqual(
      new Set([Date.parse('2026-11-17T21:00:00Z')]),
    );
    const runs = second.database.sqlite
      .prepare('select kind, status, count(*) as n from scheduled_runs group by kind, status order by kind')
      .all();
    expect(runs).toEqual([
      { kind: 'daily', status: 'done', n: COMMUNITIES },
      { kind: 'reminder', status: 'done', n: COMMUNITIES },
    ]);
    // What is next: Monday's agenda (lesson 3), Wednesday's question, Sunday's board — nothing due now.
    const due = second.database.sqlite
      .prepare('select count(*) from due_posts where next_at <= ?')
      .pluck()
      .get(DAY_END.getTime());
    expect(due).toBe(0);
  }, 120_000);
});
