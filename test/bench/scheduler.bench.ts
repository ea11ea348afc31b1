// The scheduler with many communities, each figure against the same measure with few, in the same run:
// - an idle tick (nothing due) with 10,000 and with 100 configured communities, each with two weeks of past posts in
//   the run table: in process, through Scheduler.tick, as node-cron and the wake-up timer call it;
// - start-up to serving on the same database file as a restart (createApp: content, database, migrations; then
//   resume: the open daily questions' reveal timers, the scheduler's start and its catch-up tick), 10,000 vs 100
//   communities with each community's daily question open; and the first start after the class calendar changed
//   (everyone re-planned, in slices), for information;
// - the bot as deployed (its own process, dist/) on the local fake Discord: Discord interaction → callback latency
//   *while* the scheduler posts the daily question to 10,000 communities (all due at the same minute), and its RSS
//   with 10,000 configured communities against one.
import { execSync } from 'node:child_process';
import type Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../src/db/open.ts';
import { makeTestApp, tempDir } from '../helpers.ts';
import { kill9, startBot } from '../e2e/discord/bot-process.ts';
import { channelId, FakeDiscord, guildId } from '../e2e/discord/fake-discord.ts';
import { interactionLatencies } from './discord-load.ts';
import { type BenchRow, percentile } from './stats.ts';

const MANY = 10_000;
const FEW = 100;
const TICKS = 1000;
const DAY_MS = 86_400_000;
/** Wednesday 18 Nov 2026, 10:00 in São Paulo: the day's question (09:00) is out and open, nothing else is due. */
const NOW = new Date('2026-11-18T13:00:00Z');
const INTERACTIONS = 1000;
const IDLE_INTERACTIONS = 400;
const PER_SECOND = 40;
const SETTLE_MS = 1000;

const rssMb = (pid: number) =>
  Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

/**
 * `count` communities on one database, as a running deployment has them: an announcements channel each, switched on
 * two weeks ago, every past daily question posted and recorded, and today's open.
 */
function seedCommunities(
  sqlite: Database.Database,
  count: number,
  options: { platform: string; questionId?: string; quizTime?: string; timezone?: string; since: Date },
) {
  const { platform, since } = options;
  sqlite
    .prepare(
      `with recursive n(i) as (select 0 union all select i + 1 from n where i < ? - 1)
       insert into communities (platform, external_id, name, announce_channel_id, quiz_time, quiz_days, timezone,
                                active_since, created_at)
       select ?, ${platform === 'discord' ? `cast(? + (i << 22) as text)` : `'c' || (i + ?)`}, 'Turma ' || i,
              ${platform === 'discord' ? `cast(? + i as text)` : `'avisos-' || (i + ?)`}, ?, ?, ?, ?, ? from n`,
    )
    .run(
      count,
      platform,
      platform === 'discord' ? BigInt(guildId(0)) : 0,
      platform === 'discord' ? BigInt(channelId(0)) : 0,
      options.quizTime ?? '09:00',
      JSON.stringify(options.quizTime ? [1, 2, 3, 4, 5, 6, 7] : [1, 2, 3, 4, 5]),
      options.timezone ?? null,
      since.getTime(),
      since.getTime(),
    );
}

/** Two weeks of posted dailies per community (10 weekdays), and today's daily question open in its channel. */
function seedHistory(sqlite: Database.Database, questionIds: string[], now: Date) {
  const runs = sqlite.prepare(
    `insert into scheduled_runs (community_id, kind, target, scheduled_for, status, attempts, updated_at)
     select id, 'daily', 'day:' || date(? / 1000, 'unixepoch'), ?, 'done', 1, ? from communities`,
  );
  for (let d = 1; d <= 14; d++) {
    const at = now.getTime() - 60 * 60_000 - d * DAY_MS;
    const weekday = new Date(at).getUTCDay();
    if (weekday !== 0 && weekday !== 6) runs.run(at, at, at);
  }
  const openedAt = now.getTime() - 60 * 60_000;
  sqlite
    .prepare(
      `insert into scheduled_runs (community_id, kind, target, scheduled_for, status, attempts, updated_at)
       select id, 'daily', 'day:2026-11-18', ?, 'done', 1, ? from communities`,
    )
    .run(openedAt, openedAt);
  const open = sqlite.prepare(
    `insert into question_instances (community_id, kind, question_id, channel_id, day_key, opened_at, closes_at, message_ref)
     select id, 'daily', ?, announce_channel_id, '2026-11-18', ?, ?, '{"channelId":"x","messageId":"1"}'
     from communities where id % ? = ?`,
  );
  // Spread over the bank's questions (a question is a community's daily once).
  const spread = Math.min(questionIds.length, 50);
  for (let q = 0; q < spread; q++) open.run(questionIds[q], openedAt, openedAt + 12 * 3_600_000, spread, q);
}

/** A database file with `count` communities, planned once (as after the first start), ready to restart on. */
async function preparedDatabase(count: number): Promise<{ file: string; cleanup: () => void }> {
  const { dir, cleanup } = tempDir('turma-bench-scheduler-');
  const file = path.join(dir, 'turma.sqlite');
  const app = makeTestApp(NOW, {}, file);
  seedCommunities(app.database.sqlite, count, {
    platform: 'shell',
    since: new Date(NOW.getTime() - 14 * DAY_MS),
  });
  seedHistory(
    app.database.sqlite,
    app.content.questions.map((q) => q.id),
    NOW,
  );
  await app.resume();
  await app.close();
  return { file, cleanup };
}

/** p50 and p99 of an idle tick (nothing due) over a database of `count` communities. */
async function idleTicks(file: string): Promise<number[]> {
  const app = makeTestApp(NOW, {}, file);
  try {
    await app.resume();
    for (let i = 0; i < 100; i++) await app.scheduler.tick();
    const samples: number[] = [];
    for (let i = 0; i < TICKS; i++) {
      const start = process.hrtime.bigint();
      await app.scheduler.tick();
      samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    const due = app.database.sqlite.prepare('select count(*) from scheduled_runs where updated_at > ?');
    if ((due.pluck().get(NOW.getTime()) as number) !== 0) throw new Error('the idle tick posted something');
    return samples.sort((a, b) => a - b);
  } finally {
    await app.close();
  }
}

/** Milliseconds from nothing to serving (createApp, then resume), median of three restarts on the same file. */
async function startUps(file: string): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    const app = makeTestApp(NOW, {}, file);
    await app.resume();
    samples.push(performance.now() - start);
    await app.close();
  }
  return samples.sort((a, b) => a - b)[1]!;
}

/** The first start after the class calendar changed: the stored fingerprint no longer matches, everyone is re-planned. */
async function replanStart(file: string): Promise<number> {
  const handle = openDatabase(file);
  handle.sqlite
    .prepare("update scheduler_state set value = 'changed' where key = 'calendar-fingerprint'")
    .run();
  handle.close();
  const start = performance.now();
  const app = makeTestApp(NOW, {}, file);
  await app.resume();
  const took = performance.now() - start;
  await app.close();
  return took;
}

/**
 * A bot database on the fake Discord: `count` guilds' communities whose daily question is due at `quizTime` UTC,
 * planned once as the bot's previous start left it (the bot then starts as any restart does).
 */
async function discordDatabase(dir: string, count: number, quizTime: string): Promise<void> {
  const app = makeTestApp(new Date(), {}, path.join(dir, 'turma.sqlite'));
  seedCommunities(app.database.sqlite, count, {
    platform: 'discord',
    quizTime,
    timezone: 'Etc/UTC',
    since: new Date(Date.now() - 60_000),
  });
  await app.resume();
  await app.close();
}

/** Slash commands at a steady PER_SECOND; each one's ms to its callback, in order. */
const interactions = (fake: FakeDiscord, count: number) => interactionLatencies(fake, count, PER_SECOND);

async function discordUnderPosting(): Promise<BenchRow[]> {
  const fake = new FakeDiscord();
  await fake.listen();
  const one = tempDir('turma-bench-sched-one-');
  const many = tempDir('turma-bench-sched-many-');
  const cleanups: (() => Promise<void> | void)[] = [];
  try {
    execSync('npm run build --silent', { cwd: path.resolve(import.meta.dirname, '../..'), stdio: 'ignore' });
    // The same bot with one configured community, for its RSS.
    await discordDatabase(one.dir, 1, '00:00');
    const single = await startBot(fake, one.dir, cleanups, {}, { compiled: true });
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    const rssOne = rssMb(single.child.pid!);
    await kill9(single);

    // 10,000 communities, every daily question due at the same minute, at least 50 s from now (start-up and the
    // idle baseline fit before it).
    const due = new Date(Math.ceil((Date.now() + 50_000) / 60_000) * 60_000);
    await discordDatabase(many.dir, MANY, due.toISOString().slice(11, 16));
    const bot = await startBot(fake, many.dir, cleanups, {}, { compiled: true });
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    const rssMany = rssMb(bot.child.pid!);
    // The same interactions before anything is due: the baseline of this run, on this machine's load.
    const idle = (await interactions(fake, IDLE_INTERACTIONS)).sort((a, b) => a - b);
    const posts = () =>
      fake.requests.filter((r) => r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.route)).length;
    await new Promise((r) => setTimeout(r, Math.max(0, due.getTime() - Date.now())));
    const first = await fake.waitFor(
      (r) => r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.route),
      30_000,
    );
    const startedPosting = first.at;
    const before = posts();
    const sorted = (await interactions(fake, INTERACTIONS)).sort((a, b) => a - b);
    const during = posts() - before;
    const seconds = (performance.now() - startedPosting) / 1000;
    const rssPosting = rssMb(bot.child.pid!);
    await kill9(bot);
    return [
      {
        name: `Discord interaction → callback p50 while posting the daily question to ${MANY.toLocaleString('en-US')} communities`,
        value: percentile(sorted, 50),
        unit: 'ms',
      },
      {
        name: `Discord interaction → callback p99, same bot, nothing due (baseline, ${IDLE_INTERACTIONS} at ${PER_SECOND}/s)`,
        value: percentile(idle, 99),
        unit: 'ms',
      },
      {
        name: 'Discord interaction → callback p99 while posting',
        value: percentile(sorted, 99),
        unit: 'ms',
        goal: { op: '<=', target: 50 },
      },
      {
        name: 'interaction p99 while posting / baseline p99',
        value: percentile(sorted, 99) / percentile(idle, 99),
        unit: '×',
      },
      {
        name: `daily questions posted during the ${INTERACTIONS} interactions (discord.js REST queue: 50 requests/s)`,
        value: during,
        unit: 'posts',
        note: `${(posts() / seconds).toFixed(1)} posts/s`,
      },
      { name: 'Discord bot RSS, one configured community (dist/)', value: rssOne, unit: 'MB' },
      {
        name: `Discord bot RSS, ${MANY.toLocaleString('en-US')} configured communities (dist/)`,
        value: rssMany,
        unit: 'MB',
      },
      {
        name: `RSS with ${MANY.toLocaleString('en-US')} communities / RSS with one`,
        value: rssMany / rssOne,
        unit: '×',
        goal: { op: '<=', target: 1.1 },
      },
      {
        name: `Discord bot RSS after ${INTERACTIONS} interactions and ${during.toLocaleString('en-US')} posts`,
        value: rssPosting,
        unit: 'MB',
      },
    ];
  } finally {
    for (const c of cleanups) await c();
    await fake.close();
    one.cleanup();
    many.cleanup();
  }
}

export async function benchScheduler(): Promise<BenchRow[]> {
  const few = await preparedDatabase(FEW);
  const many = await preparedDatabase(MANY);
  try {
    const ticksFew = await idleTicks(few.file);
    const ticksMany = await idleTicks(many.file);
    const startFew = await startUps(few.file);
    const startMany = await startUps(many.file);
    const replanMany = await replanStart(many.file);
    const p99Few = percentile(ticksFew, 99);
    const p99Many = percentile(ticksMany, 99);
    const rows: BenchRow[] = [
      {
        name: `idle scheduler tick p50, ${MANY.toLocaleString('en-US')} communities`,
        value: percentile(ticksMany, 50),
        unit: 'ms',
      },
      {
        name: `idle scheduler tick p99, ${MANY.toLocaleString('en-US')} communities`,
        value: p99Many,
        unit: 'ms',
        goal: { op: '<=', target: 10 },
      },
      { name: `idle scheduler tick p99, ${FEW} communities`, value: p99Few, unit: 'ms' },
      {
        name: `idle tick p99 ${MANY.toLocaleString('en-US')} / ${FEW} communities`,
        value: p99Many / p99Few,
        unit: '×',
        goal: { op: '<=', target: 2 },
      },
      { name: `start-up to serving (restart), ${FEW} communities`, value: startFew, unit: 'ms' },
      {
        name: `start-up to serving (restart), ${MANY.toLocaleString('en-US')} communities`,
        value: startMany,
        unit: 'ms',
      },
      {
        name: `start-up ${MANY.toLocaleString('en-US')} − ${FEW} communities`,
        value: startMany - startFew,
        unit: 'ms',
        goal: { op: '<=', target: 1000 },
      },
      {
        name: `first start after a calendar change, ${MANY.toLocaleString('en-US')} communities (all re-planned in slices)`,
        value: replanMany,
        unit: 'ms',
      },
    ];
    return [...rows, ...(await discordUnderPosting())];
  } finally {
    few.cleanup();
    many.cleanup();
  }
}
