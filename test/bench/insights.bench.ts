// /insights with 10,000 members and 1,000,000 answers spread over 200 days (a daily question a day, for as many days as
// the bank has questions, answered by 1,500,
// 100 live questions answered by 1,000, and 600,000 practice cards, each its own question instance), members of
// different ability answering questions of different difficulty. Measured through bot.handle, the whole command:
// the overview for this week (the default) and for all time, and one question's item analysis (all time, the
// default, for the most answered question).
import { DateTime } from 'luxon';
import { CHOICE_LETTERS } from '../../src/core/quiz-render.ts';
import { makeTestApp } from '../helpers.ts';
import { type BenchRow, percentile } from './stats.ts';

const MEMBERS = 10_000;
const DAYS = 200;
const DAILY_ANSWERS = 1_500;
const LIVE_QUESTIONS = 100;
const LIVE_ANSWERS = 1_000;
const ANSWERS = 1_000_000;
const DAY_MS = 86_400_000;
const SAMPLES = 200;

export async function benchInsights(keepDb?: string): Promise<BenchRow[]> {
  // Sunday 22 Nov 2026, 20:00 in São Paulo: the week's data is all in (its worst case).
  const now = new Date('2026-11-22T23:00:00Z');
  const app = makeTestApp(now, {}, keepDb, { rateLimit: false });
  try {
    const sqlite = app.database.sqlite;
    const communityId = app.repos.communities.ensure('shell', 'local', now).id;
    const questions = app.content.questions;
    let seed = 11;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    // Each question has a difficulty, each member an ability; P(right) grows with both.
    const easiness = questions.map(() => 0.25 + rand() * 0.7);
    const ability = Array.from({ length: MEMBERS }, () => rand() * 0.4 - 0.2);
    let answersMade = 0;
    // The community's local day of an answer (São Paulo keeps one offset all year).
    const offsetMs = DateTime.fromJSDate(now, { zone: app.config.timezone }).offset * 60_000;
    sqlite.transaction(() => {
      const member = sqlite.prepare(
        'insert into members (community_id, external_id, display_name, created_at) values (?, ?, ?, ?)',
      );
      for (let m = 0; m < MEMBERS; m++) member.run(communityId, `m${m}`, `Membro ${m}`, now.getTime());
      const instance = sqlite.prepare(
        'insert into question_instances (community_id, kind, question_id, channel_id, owner_id, day_key, opened_at) values (?, ?, ?, ?, ?, ?, ?)',
      );
      const answer = sqlite.prepare(
        'insert into answers (instance_id, member_id, choice, correct, answered_at, elapsed_ms, day) values (?, ?, ?, ?, ?, 1000, ?)',
      );
      const answerBy = (instanceId: number | bigint, memberIndex: number, q: number, at: number) => {
        const question = questions[q]!;
        const right = rand() < Math.min(0.98, Math.max(0.02, easiness[q]! + ability[memberIndex]!));
        const wrong = CHOICE_LETTERS.slice(0, question.choices.length).filter((l) => l !== question.answer);
        const choice = right ? question.answer : wrong[Math.floor(rand() * wrong.length)]!;
        answer.run(
          instanceId,
          memberIndex + 1,
          choice,
          right ? 1 : 0,
          at,
          Math.floor((at + offsetMs) / DAY_MS),
        );
        answersMade++;
      };
      // Day by day, in time order, as the bot writes them (ids grow with time): the day's daily question (one a day
      // over the last days, as many as the bank has: a question is the daily once per community), a live question
      // every other day, and that day's practice cards.
      const start = now.getTime() - DAYS * DAY_MS;
      const firstDaily = DAYS - Math.min(DAYS, questions.length);
      const liveEvery = DAYS / LIVE_QUESTIONS;
      const practicePerDay = Math.floor(
        (ANSWERS - Math.min(DAYS, questions.length) * DAILY_ANSWERS - LIVE_QUESTIONS * LIVE_ANSWERS) / DAYS,
      );
      for (let d = 0; d < DAYS; d++) {
        const day = start + d * DAY_MS;
        const times = Array.from({ length: practicePerDay }, () => day + Math.floor(rand() * DAY_MS)).sort(
          (a, b) => a - b,
        );
        if (d >= firstDaily) {
          const q = d - firstDaily;
          const at = day + 9 * 3_600_000;
          const id = instance.run(
            communityId,
            'daily',
            questions[q]!.id,
            'c',
            null,
            `d${d}`,
            at,
          ).lastInsertRowid;
          // Distinct members: a stride walk from a random offset.
          const offset = Math.floor(rand() * MEMBERS);
          for (let k = 0; k < DAILY_ANSWERS; k++) answerBy(id, (offset + k * 7) % MEMBERS, q, at + k * 1000);
        }
        if (d % liveEvery === 0) {
          const q = Math.floor(rand() * questions.length);
          const at = day + 19 * 3_600_000;
          const id = instance.run(communityId, 'live', questions[q]!.id, 'c', null, null, at).lastInsertRowid;
          const offset = Math.floor(rand() * MEMBERS);
          for (let k = 0; k < LIVE_ANSWERS; k++) answerBy(id, (offset + k * 3) % MEMBERS, q, at + k * 10);
        }
        // The last day makes up the rounding, so there are exactly ANSWERS answers.
        if (d === DAYS - 1)
          while (times.length < practicePerDay + (ANSWERS - answersMade - practicePerDay))
            times.push(times.at(-1)!);
        for (const at of times) {
          const m = Math.floor(rand() * MEMBERS);
          const q = Math.floor(rand() * questions.length);
          const id = instance.run(
            communityId,
            'practice',
            questions[q]!.id,
            'c',
            m + 1,
            null,
            at,
          ).lastInsertRowid;
          answerBy(id, m, q, at);
        }
      }
    })();
    // Loaded in bulk: the rollups the answer path keeps in step are counted once, as a repair would.
    app.repos.rollups.rebuild();
    sqlite.exec('analyze');
    if (answersMade !== ANSWERS) throw new Error(`made ${answersMade} answers`);
    if (process.env.INSIGHTS_BENCH_STOP) return [];

    const place = { platform: 'shell' as const, communityId: 'local', channelId: 'c' };
    const actor = { id: 'monitor', name: 'monitor', isAdmin: true };
    const command = (text: string) => ({
      kind: 'command' as const,
      name: 'insights',
      args: { text },
      actor,
      place,
    });
    const time = async (text: string, samples = SAMPLES) => {
      const check = await app.bot.handle(command(text));
      if (!check[0]?.title?.match(/📊|🔎|📘/))
        throw new Error(`unexpected reply to /insights ${text}: ${check[0]?.text}`);
      for (let i = 0; i < 3; i++) await app.bot.handle(command(text));
      const out: number[] = [];
      for (let i = 0; i < samples; i++) {
        const started = process.hrtime.bigint();
        await app.bot.handle(command(text));
        out.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
      return out.sort((a, b) => a - b);
    };
    const popular = sqlite
      .prepare(
        'select i.question_id from answers a join question_instances i on i.id = a.instance_id group by i.question_id order by count(*) desc limit 1',
      )
      .pluck()
      .get() as string;
    const week = await time('');
    const all = await time('all', 20);
    const question = await time(`question ${popular}`, 50);
    const lesson = await time('lesson 2', 20);
    return [
      { name: '/insights p50, this week (10k members, 1M answers)', value: percentile(week, 50), unit: 'ms' },
      {
        name: '/insights p99, this week (10k members, 1M answers)',
        value: percentile(week, 99),
        unit: 'ms',
        goal: { op: '<=', target: 50 },
      },
      { name: '/insights all p50 (1M answers)', value: percentile(all, 50), unit: 'ms' },
      {
        name: '/insights all p99 (1M answers)',
        value: percentile(all, 99),
        unit: 'ms',
        goal: { op: '<=', target: 50 },
      },
      {
        name: '/insights question p50, all time (most answered)',
        value: percentile(question, 50),
        unit: 'ms',
      },
      {
        name: '/insights question p99, all time (most answered)',
        value: percentile(question, 99),
        unit: 'ms',
        goal: { op: '<=', target: 50 },
      },
      { name: '/insights lesson 2 p50, all time', value: percentile(lesson, 50), unit: 'ms' },
      { name: '/insights lesson 2 p99, all time', value: percentile(lesson, 99), unit: 'ms' },
    ];
  } finally {
    await app.dispose();
  }
}
