// Answers recorded per second through the whole path (bot.handle → quiz engine → repositories → SQLite file in WAL),
// and, in the same run and database, a raw better-sqlite3 prepared INSERT of the same rows; then the ratio.
import { destinationOf } from '../../src/bot/messenger.ts';
import type { BenchRow } from './stats.ts';
import { makeTestApp } from '../helpers.ts';

const MEMBERS = 2000;
const CHANNELS = 10;

export async function benchAnswers(): Promise<BenchRow[]> {
  const app = makeTestApp(new Date('2026-11-23T12:00:00Z'));
  try {
    const open = (prefix: string) =>
      Array.from({ length: CHANNELS }, (_, c) => {
        const place = { platform: 'shell' as const, communityId: 'local', channelId: `${prefix}-${c}` };
        return app.quiz.openDaily(destinationOf(place)).instance;
      });
    const instances = open('bench');
    const clicks = instances.flatMap((inst) =>
      Array.from({ length: MEMBERS }, (_, m) => ({
        buttonId: `qa:${inst.id}:${'ABCD'[(m + inst.id) % 4]}`,
        actor: { id: `m${m}`, name: `m${m}`, isAdmin: false },
        place: { platform: 'shell' as const, communityId: 'local', channelId: inst.channelId },
      })),
    );
    // Members exist already, as they would after their first command.
    const communityId = instances[0]!.communityId;
    for (let m = 0; m < MEMBERS; m++)
      app.repos.communities.ensureMember(communityId, `m${m}`, `m${m}`, app.clock.now());

    const started = process.hrtime.bigint();
    for (const click of clicks) await app.bot.handle({ kind: 'action', ...click });
    const pathSeconds = Number(process.hrtime.bigint() - started) / 1e9;

    const raw = instancesForRaw(app, open('raw'));
    const insert = app.database.sqlite.prepare(
      'insert into answers (instance_id, member_id, choice, correct, answered_at, elapsed_ms) values (?, ?, ?, ?, ?, ?)',
    );
    const rawStarted = process.hrtime.bigint();
    for (const row of raw) insert.run(row);
    const rawSeconds = Number(process.hrtime.bigint() - rawStarted) / 1e9;

    const perSecond = clicks.length / pathSeconds;
    const rawPerSecond = raw.length / rawSeconds;
    return [
      {
        name: `answers/s, whole path (${clicks.length.toLocaleString('en-US')} clicks, file in WAL)`,
        value: perSecond,
        unit: '/s',
        goal: { op: '>=', target: 10_000 },
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

  function instancesForRaw(a: typeof app, fresh: { id: number }[]) {
    const members = a.database.sqlite.prepare('select id from members order by id').pluck().all() as number[];
    const now = a.clock.now().getTime();
    return fresh.flatMap((inst) =>
      members.slice(0, MEMBERS).map((m, k) => [inst.id, m, 'ABCD'[k % 4], k % 4 === 0 ? 1 : 0, now, 0]),
    );
  }
}
