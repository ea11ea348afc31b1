// The monitors' counts kept in step with the answers (answer_tallies, answer_totals, member_question_tallies,
// member_activity): one upsert each in the answer's own transaction, and the voided answers taken out in the void's.
// /insights then reads what a period holds — a few thousand tally rows, a row per member — instead of every answer
// in it. Every statement here is keyed by the tables' primary keys (WITHOUT ROWID: one B-tree each).
import { and, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import type Database from 'better-sqlite3';
import type { Db } from '../open.ts';
import {
  answers,
  answerTallies,
  answerTotals,
  memberActivity,
  memberQuestionTallies,
  questionInstances,
  scoreVoids,
} from '../schema.ts';

/** [start, end) instants; an open bound is open (the ledger's Range, kept here so scores.ts can depend on this). */
type Range = { start?: Date; end?: Date };

export type AnswerKind = (typeof questionInstances.$inferSelect)['kind'];

/** A first answer as the rollups count it. */
export interface CountedAnswer {
  communityId: number;
  memberId: number;
  questionId: string;
  kind: AnswerKind;
  choice: string;
  correct: boolean;
  /** The answer's community-local day number (src/core/periods.ts dayNumber). */
  day: number;
  at: Date;
}

/**
 * An answer is voided when its member has a void, made after it, whose period [period_start, period_end) contains
 * it (a null bound is open): the answers whose points the void took away. Later answers count again.
 */
export const notVoided: SQL = sql`not exists (select 1 from ${scoreVoids} v where v.member_id = ${answers.memberId}
    and ${answers.answeredAt} < v.created_at
    and (v.period_start is null or ${answers.answeredAt} >= v.period_start)
    and (v.period_end is null or ${answers.answeredAt} < v.period_end))`;

export function answerRollups(db: Db, sqlite: Database.Database) {
  // On every answer: plain prepared statements (a Drizzle query's own mapping would cost four times what SQLite does).
  const voidedNow = sqlite.prepare<[number, number, number, number]>(
    // A void committed while this answer waited for its group commit (made after the answer, covering it): the
    // answer is written but not counted, as notVoided and a rebuild would see it.
    `select 1 from score_voids where member_id = ? and created_at > ?
      and (period_start is null or period_start <= ?) and (period_end is null or period_end > ?) limit 1`,
  );
  const tally = sqlite.prepare<[number, number, string, AnswerKind, string, number]>(
    `insert into answer_tallies (community_id, day, question_id, kind, choice, n) values (?, ?, ?, ?, ?, ?)
      on conflict do update set n = n + excluded.n`,
  );
  const total = sqlite.prepare<[number, string, AnswerKind, string, number]>(
    `insert into answer_totals (community_id, question_id, kind, choice, n) values (?, ?, ?, ?, ?)
      on conflict do update set n = n + excluded.n`,
  );
  const memberQuestion = sqlite.prepare<[number, string, number, number]>(
    `insert into member_question_tallies (community_id, question_id, member_id, "right", total) values (?, ?, ?, ?, 1)
      on conflict do update set "right" = "right" + excluded."right", total = total + 1`,
  );
  const activity = sqlite.prepare<[number, number, number, number, number, number, number]>(
    `insert into member_activity (community_id, member_id, last_daily_at, last_live_at, last_practice_at,
        last_seen_at, answers, "right") values (?, ?, ?, ?, ?, ?, 1, ?)
      on conflict do update set last_daily_at = max(last_daily_at, excluded.last_daily_at),
        last_live_at = max(last_live_at, excluded.last_live_at),
        last_practice_at = max(last_practice_at, excluded.last_practice_at),
        last_seen_at = max(last_seen_at, excluded.last_seen_at),
        answers = answers + 1, "right" = "right" + excluded."right"`,
  );

  /** A member's answers that count (not voided), optionally in a range and before an instant. */
  const countedOf = (memberId: number, range: Range = {}, before?: Date) =>
    and(
      eq(answers.memberId, memberId),
      range.start ? gte(answers.answeredAt, range.start) : undefined,
      range.end ? lt(answers.answeredAt, range.end) : undefined,
      before ? lt(answers.answeredAt, before) : undefined,
      notVoided,
    );

  return {
    /** Counts a first answer; call inside the transaction that inserts it. */
    add(answer: CountedAnswer): void {
      const at = answer.at.getTime();
      const { communityId, memberId, questionId, kind, choice } = answer;
      if (voidedNow.get(memberId, at, at, at)) return;
      const right = answer.correct ? 1 : 0;
      tally.run(communityId, answer.day, questionId, kind, choice, 1);
      total.run(communityId, questionId, kind, choice, 1);
      memberQuestion.run(communityId, questionId, memberId, right);
      activity.run(
        communityId,
        memberId,
        kind === 'daily' ? at : 0,
        kind === 'live' ? at : 0,
        kind === 'practice' ? at : 0,
        at,
        right,
      );
    },

    /**
     * Takes a member's answers in a void's period (made before `before`, not voided already) out of the letter
     * tallies. Call inside the void's transaction, before the void row is written; then `recountMember`.
     */
    subtractVoided(memberId: number, range: Range, before: Date): void {
      const groups = db
        .select({
          communityId: questionInstances.communityId,
          day: answers.day,
          questionId: questionInstances.questionId,
          kind: questionInstances.kind,
          choice: answers.choice,
          n: sql<number>`count(*)`,
        })
        .from(answers)
        .innerJoin(questionInstances, eq(questionInstances.id, answers.instanceId))
        .where(countedOf(memberId, range, before))
        .groupBy(
          questionInstances.communityId,
          answers.day,
          questionInstances.questionId,
          questionInstances.kind,
          answers.choice,
        )
        .all();
      for (const g of groups) {
        tally.run(g.communityId, g.day, g.questionId, g.kind, g.choice, -g.n);
        total.run(g.communityId, g.questionId, g.kind, g.choice, -g.n);
      }
    },

    /**
     * Recounts a member's activity and per-question tallies from their counted answers (after a void, inside its
     * transaction): the member's own answers (answers_member), their rows by primary key.
     */
    recountMember(communityId: number, memberId: number): void {
      const perQuestion = db
        .select({
          questionId: questionInstances.questionId,
          kind: questionInstances.kind,
          total: sql<number>`count(*) filter (where ${notVoided})`,
          counted: sql<number>`sum(${answers.correct}) filter (where ${notVoided})`,
          last: sql<number>`max(${answers.answeredAt}) filter (where ${notVoided})`,
        })
        .from(answers)
        .innerJoin(questionInstances, eq(questionInstances.id, answers.instanceId))
        .where(eq(answers.memberId, memberId))
        .groupBy(questionInstances.questionId, questionInstances.kind)
        .all();
      const row = { daily: 0, live: 0, practice: 0, answers: 0, right: 0 };
      const byQuestion = new Map<string, { right: number; total: number }>();
      for (const q of perQuestion) {
        row[q.kind] = Math.max(row[q.kind], q.last ?? 0);
        row.answers += q.total;
        row.right += q.counted ?? 0;
        const tallied = byQuestion.get(q.questionId) ?? { right: 0, total: 0 };
        tallied.right += q.counted ?? 0;
        tallied.total += q.total;
        byQuestion.set(q.questionId, tallied);
      }
      for (const [questionId, t] of byQuestion)
        db.update(memberQuestionTallies)
          .set(t)
          .where(
            and(
              eq(memberQuestionTallies.communityId, communityId),
              eq(memberQuestionTallies.questionId, questionId),
              eq(memberQuestionTallies.memberId, memberId),
            ),
          )
          .run();
      db.update(memberActivity)
        .set({
          lastDailyAt: row.daily,
          lastLiveAt: row.live,
          lastPracticeAt: row.practice,
          answers: row.answers,
          right: row.right,
        })
        .where(and(eq(memberActivity.communityId, communityId), eq(memberActivity.memberId, memberId)))
        .run();
    },

    /**
     * Recounts every rollup from the answers (their stored local day, voids applied): what the incremental upkeep
     * must always equal. For repairs and for loading answers in bulk (the benches).
     */
    rebuild(): void {
      db.transaction(
        () => {
          for (const table of [answerTallies, answerTotals, memberActivity, memberQuestionTallies])
            db.delete(table).run();
          // The answers joined to their question (a: answers, i: question_instances), voids applied.
          const counted = sql`${answers} join ${questionInstances} on ${questionInstances.id} = ${answers.instanceId}`;
          db.run(sql`insert into ${answerTallies} (community_id, day, question_id, kind, choice, n)
            select ${questionInstances.communityId}, ${answers.day}, ${questionInstances.questionId},
              ${questionInstances.kind}, ${answers.choice}, count(*)
            from ${counted} where ${notVoided} group by 1, 2, 3, 4, 5`);
          db.run(sql`insert into ${answerTotals} (community_id, question_id, kind, choice, n)
            select community_id, question_id, kind, choice, sum(n) from ${answerTallies} group by 1, 2, 3, 4`);
          db.run(sql`insert into ${memberQuestionTallies} (community_id, question_id, member_id, "right", total)
            select ${questionInstances.communityId}, ${questionInstances.questionId}, ${answers.memberId},
              sum(${answers.correct}), count(*)
            from ${counted} where ${notVoided} group by 1, 2, 3`);
          const lastOf = (kind: AnswerKind) =>
            sql`coalesce(max(${answers.answeredAt}) filter (where ${notVoided} and ${questionInstances.kind} = ${kind}), 0)`;
          db.run(sql`insert into ${memberActivity} (community_id, member_id, last_daily_at, last_live_at,
              last_practice_at, last_seen_at, answers, "right")
            select ${questionInstances.communityId}, ${answers.memberId}, ${lastOf('daily')}, ${lastOf('live')},
              ${lastOf('practice')}, max(${answers.answeredAt}), count(*) filter (where ${notVoided}),
              coalesce(sum(${answers.correct}) filter (where ${notVoided}), 0)
            from ${counted} group by 1, 2`);
        },
        { behavior: 'immediate' },
      );
    },
  };
}

export type AnswerRollups = ReturnType<typeof answerRollups>;
