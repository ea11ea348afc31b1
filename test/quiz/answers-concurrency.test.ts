import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { destinationOf } from '../../src/core/destination.ts';
import { seededShuffle } from '../../src/core/random.ts';
import { CONTENT_DIR, makeTestApp, type TestApp } from '../helpers.ts';
import { count } from './helpers.ts';

const run = promisify(execFile);
const AT = '2026-11-23T12:00:00.000Z';
let app: TestApp | undefined;
afterEach(() => app?.dispose());

describe('answers under concurrent load', () => {
  it('scores each of 200 members exactly once per question, across 1,000 interleaved clicks from 3 processes', async () => {
    app = makeTestApp(new Date(AT));
    // Five daily questions open in five channels.
    const instances = [1, 2, 3, 4, 5].map((n) => {
      const place = { platform: 'shell' as const, communityId: 'local', channelId: `canal-${n}` };
      return { ...app!.quiz.daily.open(destinationOf(place)).instance, channel: place.channelId };
    });
    // 700 distinct (member, question) pairs, then 300 repeats of them (double clicks, retries, changed minds).
    const pairs = seededShuffle(
      Array.from({ length: 200 }, (_, m) => instances.map((i) => ({ member: `m${m}`, instance: i }))).flat(),
      'pairs',
    ).slice(0, 700);
    const firsts = pairs.map((p, k) => ({
      member: p.member,
      channel: p.instance.channel,
      buttonId: `qa:${p.instance.id}:${'ABCD'[k % 4]}`,
    }));
    const repeats = seededShuffle(firsts, 'repeats')
      .slice(0, 300)
      .map((c, k) => ({ ...c, buttonId: c.buttonId.replace(/:[A-D]$/, `:${'DCBA'[k % 4]}`) }));
    const clicks = seededShuffle([...firsts, ...repeats], 'all');
    expect(clicks).toHaveLength(1000);
    // Three processes each get an interleaved third and run at the same time.
    const dir = path.dirname(app.dbFile);
    const workers = [0, 1, 2].map((w) => {
      const file = path.join(dir, `clicks-${w}.json`);
      writeFileSync(file, JSON.stringify(clicks.filter((_, k) => k % 3 === w)));
      return run(
        process.execPath,
        ['--import', 'tsx', 'test/quiz/click-worker.ts', app!.dbFile, file, CONTENT_DIR, AT],
        {
          cwd: path.resolve(import.meta.dirname, '../..'),
        },
      );
    });
    const results = (await Promise.all(workers)).map(
      (r) => JSON.parse(r.stdout) as { clicks: number; failures: number },
    );
    expect(results.reduce((s, r) => s + r.clicks, 0)).toBe(1000);
    expect(results.reduce((s, r) => s + r.failures, 0)).toBe(0);

    const sqlite = app.database.sqlite;
    expect(count(app, 'select count(*) from answers')).toBe(700);
    expect(
      count(
        app,
        'select count(*) from (select instance_id, member_id from answers group by 1, 2 having count(*) > 1)',
      ),
    ).toBe(0);
    const rightFirsts = count(app, 'select count(*) from answers where correct = 1');
    expect(count(app, "select count(*) from score_events where kind = 'daily'")).toBe(rightFirsts);
    expect(count(app, "select coalesce(sum(points), 0) from score_events where kind = 'daily'")).toBe(
      rightFirsts * 10,
    );
    expect(count(app, 'select coalesce(sum(points), 0) from member_totals')).toBe(
      count(app, 'select coalesce(sum(points), 0) from score_events'),
    );
    // Every scored answer is the member's first one: its event points at that answer.
    const orphans = sqlite
      .prepare(
        "select count(*) from score_events e left join answers a on e.ref = 'answer:' || a.id where a.id is null or a.correct = 0",
      )
      .pluck()
      .get();
    expect(orphans).toBe(0);
  }, 60_000);
});
