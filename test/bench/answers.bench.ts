// Answers recorded per second through the whole path (bot.handle → quiz engine → repositories → SQLite file in WAL),
// and, in the same database, a raw better-sqlite3 prepared INSERT of the same rows (one autocommit each); then the
// ratio. Each figure is the median of ROUNDS rounds on fresh questions, because this machine is shared and noisy.
import { destinationOf } from '../../src/core/destination.ts';
import { makeTestApp, type TestApp } from '../helpers.ts';
import type { BenchRow } from './stats.ts';

const MEMBERS = 2000;
const CHANNELS = 5;
const ROUNDS = 3;
/** A burst as the gateway delivers it: this many clicks being handled at once (a class answering together). */
const IN_FLIGHT = 64;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function openDailies(app: TestApp, prefix: string) {
  return Array.from({ length: CHANNELS }, (_, c) => {
    const place = { platform: 'shell' as const, communityId: 'local', channelId: `${prefix}-${c}` };
    return app.quiz.daily.open(destinationOf(place)).instance;
  });
}

function clicksFor(app: TestApp, prefix: string, members = MEMBERS) {
  return openDailies(app, prefix).flatMap((inst) =>
    Array.from({ length: members }, (_, m) => ({
      kind: 'action' as const,
      buttonId: `qa:${inst.id}:${'ABCD'[(m + inst.id) % 4]}`,
      actor: { id: `m${m}`, name: `m${m}`, isAdmin: false },
      place: { platform: 'shell' as const, communityId: 'local', channelId: inst.channelId },
    })),
  );
}

async function seconds(work: () => Promise<void> | void): Promise<number> {
  const started = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - started) / 1e9;
}

export async function benchAnswers(): Promise<BenchRow[]> {
  // Flood control off: this measures the answer path, and every click here happens at the same simulated instant.
  const app = makeTestApp(new Date('2026-11-23T12:00:00Z'), {}, undefined, { rateLimit: false });
  try {
    const communityId = app.repos.communities.ensure('shell', 'local', app.clock.now()).id;
    // Members exist already, as they would after their first command.
    for (let m = 0; m < MEMBERS; m++)
      app.repos.communities.ensureMember(communityId, `m${m}`, `m${m}`, app.clock.now());
    const memberIds = app.database.sqlite
      .prepare('select id from members order by id')
      .pluck()
      .all() as number[];
    const insert = app.database.sqlite.prepare(
      'insert into answers (instance_id, member_id, choice, correct, answered_at, elapsed_ms) values (?, ?, ?, ?, ?, ?)',
    );

    const burst: number[] = [];
    const raw: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const clicks = clicksFor(app, `burst${round}`);
      const s = await seconds(async () => {
        for (let i = 0; i < clicks.length; i += IN_FLIGHT) {
          await Promise.all(clicks.slice(i, i + IN_FLIGHT).map((click) => app.bot.handle(click)));
        }
      });
      burst.push(clicks.length / s);
      const now = app.clock.now().getTime();
      const rows = openDailies(app, `raw${round}`).flatMap((inst) =>
        memberIds.map((m, k) => [inst.id, m, 'ABCD'[k % 4], k % 4 === 0 ? 1 : 0, now, 0]),
      );
      raw.push(rows.length / (await seconds(() => rows.forEach((row) => insert.run(row)))));
    }
    const single = clicksFor(app, 'single', 200);
    const singleSeconds = await seconds(async () => {
      for (const click of single) await app.bot.handle(click);
    });

    const perSecond = median(burst);
    const rawPerSecond = median(raw);
    return [
      {
        name: `answers/s, whole path, ${IN_FLIGHT} clicks in flight (median of ${ROUNDS} × ${(CHANNELS * MEMBERS).toLocaleString('en-US')}, file in WAL)`,
        value: perSecond,
        unit: '/s',
        goal: { op: '>=', target: 10_000 },
      },
      {
        name: 'answers/s, whole path, one click at a time',
        value: single.length / singleSeconds,
        unit: '/s',
      },
      { name: 'answers/s, raw prepared INSERT of the same rows', value: rawPerSecond, unit: '/s' },
      {
        name: 'raw INSERT ÷ whole path (slowdown)',
        value: rawPerSecond / perSecond,
        unit: '×',
        goal: { op: '<=', target: 3 },
      },
    ];
  } finally {
    await app.dispose();
  }
}
