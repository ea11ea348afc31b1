// The monitors' counts kept in step with the answers (answer_tallies, answer_totals, member_activity,
// member_question_tallies): one upsert each in the answer's own transaction, and the voided answers taken out in the
// void's. /insights then reads what a period holds — a few thousand tally rows, a row per active member — instead of
// every answer in it.
import { and, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
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

/** The same test for an answer aliased `a` (the rebuild and the migration that introduced the rollups). */
const voidedAnswer = sql.raw(`exists (select 1 from score_voids v where v.member_id = a.member_id
    and a.answered_at < v.created_at
    and (v.period_start is null or a.answered_at >= v.period_start)
    and (v.period_end is null or a.answered_at < v.period_end))`);

export function answerRollups(db: Db) {
  const tally = db
    .insert(answerTallies)
    .values({
      communityId: sql.placeholder('communityId'),
      day: sql.placeholder('day'),
      questionId: sql.placeholder('questionId'),
      kind: sql.placeholder('kind'),
      choice: sql.placeholder('choice'),
      n: sql.placeholder('n'),
    })
    .onConflictDoUpdate({
      target: [
        answerTallies.communityId,
        answerTallies.day,
        answerTallies.questionId,
        answerTallies.kind,
        answerTallies.choice,
      ],
      set: { n: sql`${answerTallies.n} + excluded.n` },
    })
    .prepare();
  const total = db
    .insert(answerTotals)
    .values({
      communityId: sql.placeholder('communityId'),
      questionId: sql.placeholder('questionId'),
      kind: sql.placeholder('kind'),
      choice: sql.placeholder('choice'),
      n: sql.placeholder('n'),
    })
    .onConflictDoUpdate({
      target: [answerTotals.communityId, answerTotals.questionId, answerTotals.kind, answerTotals.choice],
      set: { n: sql`${answerTotals.n} + excluded.n` },
    })
    .prepare();
  const activity = db
    .insert(memberActivity)
    .values({
      memberId: sql.placeholder('memberId'),
      kind: sql.placeholder('kind'),
      communityId: sql.placeholder('communityId'),
      lastAt: sql.placeholder('at'),
      answers: 1,
      right: sql.placeholder('right'),
      lastSeenAt: sql.placeholder('at'),
    })
    .onConflictDoUpdate({
      target: [memberActivity.memberId, memberActivity.kind],
      set: {
        lastAt: sql`max(${memberActivity.lastAt}, excluded.last_at)`,
        answers: sql`${memberActivity.answers} + 1`,
        right: sql`${memberActivity.right} + excluded.right`,
        lastSeenAt: sql`max(${memberActivity.lastSeenAt}, excluded.last_seen_at)`,
      },
    })
    .prepare();

  const memberQuestion = db
    .insert(memberQuestionTallies)
    .values({
      communityId: sql.placeholder('communityId'),
      questionId: sql.placeholder('questionId'),
      memberId: sql.placeholder('memberId'),
      right: sql.placeholder('right'),
      total: 1,
    })
    .onConflictDoUpdate({
      target: [
        memberQuestionTallies.communityId,
        memberQuestionTallies.questionId,
        memberQuestionTallies.memberId,
      ],
      set: {
        right: sql`${memberQuestionTallies.right} + excluded.right`,
        total: sql`${memberQuestionTallies.total} + 1`,
      },
    })
    .prepare();

  /** A member's counted answers in a range (answers joined to their question), for a void. */
  const countedOf = (memberId: number, range: Range, before: Date) =>
    and(
      eq(answers.memberId, memberId),
      range.start ? gte(answers.answeredAt, range.start) : undefined,
      range.end ? lt(answers.answeredAt, range.end) : undefined,
      lt(answers.answeredAt, before),
      notVoided,
    );

  return {
    /**
     * Recounts every rollup from the answers (their stored local day, voids applied): what the incremental upkeep
     * must always equal. For repairs and for loading answers in bulk (the benches).
     */
    rebuild(): void {
      db.transaction(
        () => {
          for (const table of [answerTallies, answerTotals, memberActivity, memberQuestionTallies])
            db.delete(table).run();
          db.run(sql`insert into ${memberQuestionTallies} (community_id, question_id, member_id, "right", total)
          select i.community_id, i.question_id, a.member_id, sum(a.correct), count(*)
          from ${answers} a join ${questionInstances} i on i.id = a.instance_id
          where not ${voidedAnswer}
          group by i.community_id, i.question_id, a.member_id`);
          db.run(sql`insert into ${answerTallies} (community_id, day, question_id, kind, choice, n)
          select i.community_id, a.day, i.question_id, i.kind, a.choice, count(*)
          from ${answers} a join ${questionInstances} i on i.id = a.instance_id
          where not ${voidedAnswer}
          group by i.community_id, a.day, i.question_id, i.kind, a.choice`);
          db.run(sql`insert into ${answerTotals} (community_id, question_id, kind, choice, n)
          select community_id, question_id, kind, choice, sum(n) from ${answerTallies}
          group by community_id, question_id, kind, choice`);
          db.run(sql`insert into ${memberActivity} (member_id, kind, community_id, last_at, answers, "right", last_seen_at)
          select member_id, kind, community_id, coalesce(max(answered_at) filter (where not voided), 0),
            count(*) filter (where not voided), coalesce(sum(correct) filter (where not voided), 0), max(answered_at)
          from (select a.member_id, i.kind, i.community_id, a.answered_at, a.correct, ${voidedAnswer} as voided
            from ${answers} a join ${questionInstances} i on i.id = a.instance_id)
          group by member_id, kind, community_id`);
        },
        { behavior: 'immediate' },
      );
    },

    /** Counts a first answer; call inside the transaction that inserts it. */
    add(answer: CountedAnswer): void {
      const key = {
        communityId: answer.communityId,
        questionId: answer.questionId,
        kind: answer.kind,
        choice: answer.choice,
        n: 1,
      };
      tally.run({ ...key, day: answer.day });
      total.run(key);
      const right = answer.correct ? 1 : 0;
      activity.run({
        memberId: answer.memberId,
        kind: answer.kind,
        communityId: answer.communityId,
        at: answer.at,
        right,
      });
      memberQuestion.run({ ...key, memberId: answer.memberId, right });
    },

    /**
     * Takes a member's answers in a void's period (made before `before`, not voided already) out of the tallies.
     * Call inside the void's transaction, before the void row is written; then `recountMember`.
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
        tally.run({ ...g, n: -g.n });
        total.run({ ...g, n: -g.n });
      }
    },

    /**
     * Recounts a member's activity and per-question tallies from their counted answers (after a void): a kind whose
     * answers were all voided keeps its row with nothing counted (last_at 0), and the last answer seen stays.
     */
    recountMember(memberId: number): void {
      const counted = (column: SQL) => sql`(select ${column} from ${answers}
        join ${questionInstances} on ${questionInstances.id} = ${answers.instanceId}
        where ${answers.memberId} = ${memberActivity.memberId} and ${questionInstances.kind} = ${memberActivity.kind}
          and ${notVoided})`;
      db.update(memberActivity)
        .set({
          lastAt: counted(sql`coalesce(max(${answers.answeredAt}), 0)`),
          answers: counted(sql`count(*)`),
          right: counted(sql`coalesce(sum(${answers.correct}), 0)`),
        })
        .where(eq(memberActivity.memberId, memberId))
        .run();
      db.delete(memberQuestionTallies).where(eq(memberQuestionTallies.memberId, memberId)).run();
      db.run(sql`insert into ${memberQuestionTallies} (community_id, question_id, member_id, "right", total)
        select ${questionInstances.communityId}, ${questionInstances.questionId}, ${answers.memberId},
          sum(${answers.correct}), count(*)
        from ${answers} join ${questionInstances} on ${questionInstances.id} = ${answers.instanceId}
        where ${answers.memberId} = ${memberId} and ${notVoided}
        group by ${questionInstances.communityId}, ${questionInstances.questionId}`);
    },
  };
}

export type AnswerRollups = ReturnType<typeof answerRollups>;
