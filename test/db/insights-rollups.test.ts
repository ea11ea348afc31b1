// The rollups /insights reads (answer_tallies, answer_totals, member_activity) against the answers themselves: after
// answers on several local days, overlapping voids and answers made after a void, every read of a rollup equals the
// same count taken from the answers; and the migration that introduced them counts the answers already there.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayNumber, dayRange } from '../../src/core/periods.ts';
import { migrationsFolder, openDatabase } from '../../src/db/open.ts';
import { createRepositories } from '../../src/db/repositories.ts';
import { makeTestApp, type TestApp, tempDir } from '../helpers.ts';

const TZ = 'America/Sao_Paulo';
const NOW = new Date('2026-11-23T15:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const KINDS = ['daily', 'live', 'practice'] as const;
let app: TestApp;
let communityId: number;
const memberIds: number[] = [];

/** The same counts taken from the answers: what every rollup must agree with. */
const VOIDED = `exists (select 1 from score_voids v where v.member_id = a.member_id and a.answered_at < v.created_at
  and (v.period_start is null or a.answered_at >= v.period_start) and (v.period_end is null or a.answered_at < v.period_end))`;

function directTallies(sqlite: Database.Database, from?: Date, to?: Date): string[] {
  const rows = sqlite
    .prepare(
      `select i.question_id q, i.kind k, a.choice c, count(*) n from answers a join question_instances i on i.id = a.instance_id
       where i.community_id = ? and a.answered_at >= ? and a.answered_at < ? and not ${VOIDED} group by 1, 2, 3`,
    )
    .all(communityId, from?.getTime() ?? 0, to?.getTime() ?? 8.64e15) as {
    q: string;
    k: string;
    c: string;
    n: number;
  }[];
  return rows.map((r) => `${r.q}/${r.k}/${r.c}=${r.n}`).sort();
}

const keyed = (rows: { questionId: string; kind: string; choice: string; n: number }[]) =>
  rows.map((r) => `${r.questionId}/${r.kind}/${r.choice}=${r.n}`).sort();

beforeAll(async () => {
  app = makeTestApp(NOW);
  communityId = app.repos.communities.ensure('shell', 'local', NOW).id;
  for (let m = 0; m < 6; m++)
    memberIds.push(app.repos.communities.ensureMember(communityId, `m${m}`, `M${m}`, NOW).id);
  // 120 answers over 20 days at every hour of the local day (so many fall after 21:00 local, the next UTC day).
  let seed = 7;
  const rand = (n: number) => (
    (seed = (seed * 1103515245 + 12345) & 0x7fffffff),
    Math.floor((seed / 0x80000000) * n)
  );
  for (let i = 0; i < 120; i++) {
    const at = new Date(NOW.getTime() - 20 * DAY + i * 4 * HOUR + rand(60) * 60_000);
    const kind = KINDS[rand(3)]!;
    // A question is the daily once per community.
    const questionId = kind === 'daily' ? `daily${i}` : `q${rand(4)}`;
    const choice = 'ABCD'[rand(4)]!;
    const memberId = memberIds[rand(6)]!;
    const instance = app.repos.quiz.open({ communityId, kind, questionId, channelId: 'c', openedAt: at });
    await app.repos.quiz.recordAnswer(
      {
        instanceId: instance.id,
        questionId,
        kind,
        memberId,
        communityId,
        day: dayNumber(at, TZ),
        choice,
        correct: choice === 'A',
        now: at,
        elapsedMs: 0,
      },
      (id) => [{ kind: 'practice', points: 1, ref: `answer:${id}` }],
    );
  }
});
afterAll(() => app.dispose());

describe('the insights rollups', () => {
  it('agree with the answers over any run of local days, before and after overlapping voids', async () => {
    const check = () => {
      const sqlite = app.database.sqlite;
      expect(keyed(app.repos.insights.choiceTallies(communityId, {}))).toEqual(directTallies(sqlite));
      for (const [startDaysAgo, days] of [
        [20, 7],
        [10, 3],
        [6, 7],
        [1, 1],
      ] as const) {
        const start = new Date(NOW.getTime() - startDaysAgo * DAY);
        // Local midnights, as every period is.
        const range = {
          start: new Date(dayRange({ start }, TZ).from! * DAY + 3 * HOUR),
          end: new Date((dayRange({ start }, TZ).from! + days) * DAY + 3 * HOUR),
        };
        expect(keyed(app.repos.insights.choiceTallies(communityId, dayRange(range, TZ)))).toEqual(
          directTallies(sqlite, range.start, range.end),
        );
      }
      // Members' all-time totals (the rollup) equal the same totals counted from the answers (an explicit range).
      const everything = { start: new Date(0), end: new Date(NOW.getTime() + 365 * DAY) };
      expect([...app.repos.insights.memberTotals(communityId, {}).entries()].sort()).toEqual(
        [...app.repos.insights.memberTotals(communityId, everything).entries()].sort(),
      );
      const some = memberIds.slice(0, 3);
      expect([...app.repos.insights.memberTotals(communityId, {}, some).entries()].sort()).toEqual(
        [...app.repos.insights.memberTotals(communityId, everything, some).entries()].sort(),
      );
      // Each member's tallies per question too.
      const perQuestion = (range: { start?: Date; end?: Date }) =>
        app.repos.insights
          .memberQuestionTallies(communityId, range, ['q0', 'q1', 'q2', 'q3'])
          .map((t) => `${t.memberId}/${t.questionId}=${t.right}/${t.total}`)
          .sort();
      expect(perQuestion({})).toEqual(perQuestion(everything));
      for (const since of [undefined, new Date(NOW.getTime() - 5 * DAY), new Date(NOW.getTime() - DAY)]) {
        const active = sqlite
          .prepare(
            `select count(distinct a.member_id) all_, count(distinct a.member_id) filter (where i.kind = 'daily') daily,
               count(distinct a.member_id) filter (where i.kind = 'live') live,
               count(distinct a.member_id) filter (where i.kind = 'practice') practice
             from answers a join question_instances i on i.id = a.instance_id
             where i.community_id = ? and a.answered_at >= ? and not ${VOIDED}`,
          )
          .get(communityId, since?.getTime() ?? 0) as {
          all_: number;
          daily: number;
          live: number;
          practice: number;
        };
        expect(app.repos.insights.activeMembers(communityId, since)).toEqual({
          all: active.all_,
          daily: active.daily,
          live: active.live,
          practice: active.practice,
        });
      }
    };
    check();
    const voidOf = (member: number, start: number, end: number | undefined, now: Date) =>
      app.repos.scores.voidMember({
        communityId,
        memberId: memberIds[member]!,
        range: {
          start: new Date(NOW.getTime() - start * DAY),
          end: end === undefined ? undefined : new Date(NOW.getTime() - end * DAY),
        },
        by: 'monitor',
        now,
      });
    expect(voidOf(0, 15, 5, NOW).count).toBeGreaterThan(0);
    check();
    // Overlapping the first: only what the first left is taken out again.
    expect(voidOf(0, 8, 2, NOW).count).toBeGreaterThan(0);
    check();
    // Everything of member 1 ever, including today's answers.
    expect(voidOf(1, 30, undefined, NOW).count).toBeGreaterThan(0);
    check();
    // An answer after the open-ended void counts again.
    const later = new Date(NOW.getTime() + HOUR);
    const instance = app.repos.quiz.open({
      communityId,
      kind: 'daily',
      questionId: 'q-late',
      channelId: 'c',
      openedAt: later,
    });
    await app.repos.quiz.recordAnswer(
      {
        instanceId: instance.id,
        questionId: 'q-late',
        kind: 'daily',
        memberId: memberIds[1]!,
        communityId,
        day: dayNumber(later, TZ),
        choice: 'A',
        correct: true,
        now: later,
        elapsedMs: 0,
      },
      () => [],
    );
    expect(keyed(app.repos.insights.choiceTallies(communityId, {}, ['q-late']))).toEqual([
      'q-late/daily/A=1',
    ]);
    check();
    // The incremental upkeep equals a recount from scratch.
    const snapshot = () =>
      [
        'select * from answer_tallies where n > 0 order by 1, 2, 3, 4, 5',
        'select * from answer_totals where n > 0 order by 1, 2, 3, 4',
        'select * from member_activity order by 1, 2',
        'select * from member_question_tallies where total > 0 order by 1, 2, 3',
      ].map((query) => app.database.sqlite.prepare(query).all());
    const kept = snapshot();
    app.repos.rollups.rebuild();
    expect(snapshot()).toEqual(kept);
  });

  it('do not count an answer a void took while it waited for its commit', async () => {
    const at = new Date(NOW.getTime() + 2 * HOUR);
    const instance = app.repos.quiz.open({
      communityId,
      kind: 'live',
      questionId: 'q-race',
      channelId: 'c',
      openedAt: at,
    });
    // The answer is queued for the group commit; the void is made (synchronously) before it lands.
    const answered = app.repos.quiz.recordAnswer(
      {
        instanceId: instance.id,
        questionId: 'q-race',
        kind: 'live',
        memberId: memberIds[2]!,
        communityId,
        day: dayNumber(at, TZ),
        choice: 'B',
        correct: false,
        now: at,
        elapsedMs: 0,
      },
      () => [],
    );
    const voided = app.repos.scores.voidMember({
      communityId,
      memberId: memberIds[2]!,
      range: { start: new Date(NOW.getTime() - 30 * DAY) },
      by: 'monitor',
      now: new Date(at.getTime() + 1),
    });
    expect(voided.count).toBeGreaterThan(0);
    expect((await answered).status).toBe('recorded');
    expect(app.repos.insights.choiceTallies(communityId, {}, ['q-race'])).toEqual([]);
    expect(keyed(app.repos.insights.choiceTallies(communityId, {}))).toEqual(
      directTallies(app.database.sqlite),
    );
  });

  it('buckets an answer by its local day: 22:00 in São Paulo is still Monday', () => {
    const monday = dayNumber(new Date('2026-11-23T03:00:00Z'), TZ);
    expect(dayNumber(new Date('2026-11-24T01:00:00Z'), TZ)).toBe(monday);
    expect(dayNumber(new Date('2026-11-24T03:00:00Z'), TZ)).toBe(monday + 1);
    // A range ending now takes in today so far; one of midnights maps exactly.
    expect(
      dayRange({ start: new Date('2026-11-23T03:00:00Z'), end: new Date('2026-11-30T03:00:00Z') }, TZ),
    ).toEqual({
      from: monday,
      to: monday + 7,
    });
    expect(dayRange({ end: new Date('2026-11-24T01:00:00Z') }, TZ)).toEqual({ to: monday + 1 });
  });
});

describe('the migration that adds the rollups', () => {
  it('counts the answers already in the database, voided ones left out', () => {
    const { dir, cleanup } = tempDir();
    try {
      // The schema as it was before the rollups: every migration but the last.
      const before = path.join(dir, 'migrations');
      cpSync(migrationsFolder(), before, { recursive: true });
      const journalFile = path.join(before, 'meta', '_journal.json');
      const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
      const last = journal.entries.findIndex((e) => e.tag.endsWith('_insights_rollups'));
      journal.entries = journal.entries.slice(0, last);
      writeFileSync(journalFile, JSON.stringify(journal));
      const file = path.join(dir, 'old.sqlite');
      const sqlite = new Database(file);
      migrate(drizzle(sqlite), { migrationsFolder: before });
      const t = NOW.getTime();
      sqlite.exec(`insert into communities (id, platform, external_id, created_at) values (1, 'shell', 'local', ${t});
        insert into members (id, community_id, external_id, display_name, created_at) values
          (1, 1, 'ana', 'Ana', ${t}), (2, 1, 'bia', 'Bia', ${t});
        insert into question_instances (id, community_id, kind, question_id, channel_id, opened_at) values
          (1, 1, 'daily', 'q1', 'c', ${t - 2 * DAY}), (2, 1, 'practice', 'q1', 'c', ${t - DAY});
        insert into answers (instance_id, member_id, choice, correct, answered_at, elapsed_ms) values
          (1, 1, 'A', 1, ${t - 2 * DAY}, 0), (1, 2, 'B', 0, ${t - 2 * DAY}, 0), (2, 2, 'A', 1, ${t - DAY}, 0);
        insert into score_voids (community_id, member_id, voided_by, period_start, period_end, points, created_at)
          values (1, 2, 'monitor', ${t - DAY - HOUR}, null, 2, ${t});`);
      sqlite.close();
      const handle = openDatabase(file);
      try {
        const repos = createRepositories(handle.db, handle.sqlite);
        expect(keyed(repos.insights.choiceTallies(1, {}))).toEqual(['q1/daily/A=1', 'q1/daily/B=1']);
        const twoDaysAgo = Math.floor((t - 2 * DAY) / DAY);
        expect(keyed(repos.insights.choiceTallies(1, { from: twoDaysAgo, to: twoDaysAgo + 1 }))).toEqual([
          'q1/daily/A=1',
          'q1/daily/B=1',
        ]);
        expect(repos.insights.activeMembers(1)).toEqual({ all: 2, daily: 2, live: 0, practice: 0 });
        expect([...repos.insights.memberTotals(1, {}).entries()].sort()).toEqual([
          [1, { right: 1, total: 1 }],
          [2, { right: 0, total: 1 }],
        ]);
        // Bia's voided answer still counts as her last answer: she has not stopped.
        expect(repos.insights.stopped(1, new Date(t + 5 * DAY + 12 * HOUR)).names).toEqual(['Ana']);
      } finally {
        handle.close();
      }
    } finally {
      cleanup();
    }
  });
});
