// What the monitors' view reads from the ledger: answers of a community in a period, counted in SQL (GROUP BY), never
// loaded row by row. Every read leaves out voided answers: an answer is voided when its member has a score void
// (`/scores void`) whose period [period_start, period_end) contains the answer's time (a null bound is open), the
// same period whose points the void took away. The analysis of the counts is src/core/item-analysis.ts.
import { and, asc, count, desc, eq, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type Database from 'better-sqlite3';
import type { Db } from '../open.ts';
import { answers, members, questionInstances, reflections, scoreEvents, scoreVoids } from '../schema.ts';
import type { Range } from './scores.ts';

export type AnswerKind = (typeof questionInstances.$inferSelect)['kind'];

/** Whom a read covers: one community, or (undefined) every community in the database (content:report). */
export type Scope = number | undefined;

/** How many answers of one question, asked as one kind, chose one letter. */
export interface ChoiceTally {
  questionId: string;
  kind: AnswerKind;
  choice: string;
  n: number;
}

/** One member's right and total answers to one question. */
export interface MemberQuestionTally {
  memberId: number;
  questionId: string;
  right: number;
  total: number;
}

const DAY_MS = 86_400_000;
/** Silent this long: stopped. */
export const SILENT_AFTER_MS = 7 * DAY_MS;
/** Active in this window before the silence (4 weeks): was a regular. */
export const ACTIVE_WINDOW_MS = 28 * DAY_MS;

/** One answer as exported: who, what, how, and the points it kept (voided points not counted). */
export interface ExportedAnswer {
  member: string;
  memberId: string;
  questionId: string;
  kind: AnswerKind;
  choice: string;
  correct: boolean;
  points: number;
  answeredAt: Date;
}

/** The answers to the given questions only (every question when omitted). */
const ofQuestions = (questionIds?: readonly string[]) =>
  questionIds ? inArray(questionInstances.questionId, [...questionIds]) : undefined;

export function insightsRepository(db: Db, sqlite: Database.Database) {
  /** Whether any void could touch the scope's answers: the exclusion is only paid for where voids exist. */
  const hasVoids = (scope: Scope) =>
    db
      .select({ id: scoreVoids.id })
      .from(scoreVoids)
      .where(scope === undefined ? undefined : eq(scoreVoids.communityId, scope))
      .limit(1)
      .get() !== undefined;

  const notVoided = sql`not exists (select 1 from ${scoreVoids} v where v.member_id = ${answers.memberId}
    and (v.period_start is null or ${answers.answeredAt} >= v.period_start)
    and (v.period_end is null or ${answers.answeredAt} < v.period_end))`;

  /** The WHERE of a scope's counted answers in a range (answers joined to their question instances). */
  const counted = (scope: Scope, range: Range, ...more: (SQL | undefined)[]) =>
    and(
      scope === undefined ? undefined : eq(questionInstances.communityId, scope),
      range.start ? gte(answers.answeredAt, range.start) : undefined,
      range.end ? lt(answers.answeredAt, range.end) : undefined,
      hasVoids(scope) ? notVoided : undefined,
      ...more,
    );

  return {
    /**
     * Every answer of a community, oldest first, streamed from SQLite one row at a time (`iterate`): a million answers
     * never sit in memory. Points are the answer's own score events (`answer:<id>`: the answer, streak, speed), voided
     * ones left out.
     */
    *exportAnswers(communityId: number): Generator<ExportedAnswer> {
      const points = sql<number>`coalesce((select sum(e.points) from ${scoreEvents} e
        where e.kind in ('daily', 'streak', 'live', 'speed', 'practice')
          and e.ref = 'answer:' || ${answers.id} and e.void_id is null), 0)`;
      const query = db
        .select({
          member: members.displayName,
          memberId: members.externalId,
          questionId: questionInstances.questionId,
          kind: questionInstances.kind,
          choice: answers.choice,
          correct: answers.correct,
          points,
          answeredAt: answers.answeredAt,
        })
        .from(answers)
        .innerJoin(questionInstances, eq(questionInstances.id, answers.instanceId))
        .innerJoin(members, eq(members.id, answers.memberId))
        .where(eq(questionInstances.communityId, communityId))
        .orderBy(asc(answers.id))
        .toSQL();
      const rows = sqlite
        .prepare(query.sql)
        .raw()
        .iterate(...query.params) as IterableIterator<
        [string, string, string, AnswerKind, string, number, number, number]
      >;
      for (const [member, memberId, questionId, kind, choice, correct, pts, at] of rows)
        yield {
          member,
          memberId,
          questionId,
          kind,
          choice,
          correct: correct === 1,
          points: pts,
          answeredAt: new Date(at),
        };
    },

    /** Distinct members who answered, over all kinds and per kind (daily, live, practice); one pass. */
    activeMembers(scope: Scope, range: Range): { all: number } & Record<AnswerKind, number> {
      const of = (kind: AnswerKind) =>
        sql<number>`count(distinct ${answers.memberId}) filter (where ${questionInstances.kind} = ${kind})`;
      return db
        .select({
          all: sql<number>`count(distinct ${answers.memberId})`,
          daily: of('daily'),
          live: of('live'),
          practice: of('practice'),
        })
        .from(answers)
        .innerJoin(questionInstances, eq(questionInstances.id, answers.instanceId))
        .where(counted(scope, range))
        .get()!;
    },

    /**
     * Answers per question, kind and letter (the right letter is the bank's), optionally of some questions only: one
     * pass gives the lesson accuracy, the item spreads and the answers per kind.
     */
    choiceTallies(scope: Scope, range: Range, questionIds?: readonly string[]): ChoiceTally[] {
      if (questionIds?.length === 0) return [];
      return db
        .select({
          questionId: questionInstances.questionId,
          kind: questionInstances.kind,
          choice: answers.choice,
          n: count(),
        })
        .from(answers)
        .innerJoin(questionInstances, eq(questionInstances.id, answers.instanceId))
        .where(counted(scope, range, ofQuestions(questionIds)))
        .groupBy(questionInstances.questionId, questionInstances.kind, answers.choice)
        .all();
    },

    /** Per member and question, right and total answers to the given questions (every question when omitted). */
    memberQuestionTallies(
      scope: Scope,
      range: Range,
      questionIds?: readonly string[],
    ): MemberQuestionTally[] {
      if (questionIds?.length === 0) return [];
      return db
        .select({
          memberId: answers.memberId,
          questionId: questionInstances.questionId,
          right: sql<number>`sum(${answers.correct})`,
          total: count(),
        })
        .from(answers)
        .innerJoin(questionInstances, eq(questionInstances.id, answers.instanceId))
        .where(counted(scope, range, ofQuestions(questionIds)))
        .groupBy(answers.memberId, questionInstances.questionId)
        .all();
    },

    /**
     * Right and total answers over every question, per member who answered one of the given questions (every member
     * when omitted): the totals the item–rest correlation subtracts the item from.
     */
    memberTotals(
      scope: Scope,
      range: Range,
      questionIds?: readonly string[],
    ): Map<number, { right: number; total: number }> {
      if (questionIds?.length === 0) return new Map();
      const who = questionIds
        ? db
            .selectDistinct({ id: answers.memberId })
            .from(answers)
            .innerJoin(questionInstances, eq(questionInstances.id, answers.instanceId))
            .where(counted(scope, range, inArray(questionInstances.questionId, [...questionIds])))
        : undefined;
      // A member belongs to one community: with the members known, their answers are read by member (answers_member),
      // not by scanning the community's period.
      const rows = who
        ? db
            .select({
              memberId: answers.memberId,
              right: sql<number>`sum(${answers.correct})`,
              total: count(),
            })
            .from(answers)
            .where(
              and(
                inArray(answers.memberId, who),
                range.start ? gte(answers.answeredAt, range.start) : undefined,
                range.end ? lt(answers.answeredAt, range.end) : undefined,
                hasVoids(scope) ? notVoided : undefined,
              ),
            )
            .groupBy(answers.memberId)
            .all()
        : db
            .select({
              memberId: answers.memberId,
              right: sql<number>`sum(${answers.correct})`,
              total: count(),
            })
            .from(answers)
            .innerJoin(questionInstances, eq(questionInstances.id, answers.instanceId))
            .where(counted(scope, range))
            .groupBy(answers.memberId)
            .all();
      return new Map(rows.map((r) => [r.memberId, { right: r.right, total: r.total }]));
    },

    /**
     * Members who stopped answering: their last answer is 7 to 35 days old (active in the four weeks before a week of
     * silence). One index seek per member of the community (answers_member); names in name order, at most `limit`.
     */
    stopped(communityId: number, now: Date, limit = 50): { names: string[]; count: number } {
      const silentSince = now.getTime() - SILENT_AFTER_MS;
      const activeFrom = silentSince - ACTIVE_WINDOW_MS;
      // Materialized: each member's last answer is looked up once, not once per use of the column.
      const rows = db.all<{ name: string }>(sql`
        with last_answers as materialized (
          select ${members.displayName} as name,
            (select max(${answers.answeredAt}) from ${answers} where ${answers.memberId} = ${members.id}) as last
          from ${members} where ${members.communityId} = ${communityId}
        )
        select name from last_answers where last >= ${activeFrom} and last < ${silentSince} order by name`);
      return { names: rows.slice(0, limit).map((r) => r.name), count: rows.length };
    },

    /** How many members sent a reflection for a lesson, and the first `limit` of them (oldest first). */
    reflections(
      communityId: number,
      lesson: number,
      limit = 5,
    ): { count: number; first: { name: string; text: string }[] } {
      const where = and(eq(reflections.communityId, communityId), eq(reflections.lesson, lesson));
      const n = db.select({ n: count() }).from(reflections).where(where).get()!.n;
      const first =
        n === 0
          ? []
          : db
              .select({ name: members.displayName, text: reflections.text })
              .from(reflections)
              .innerJoin(members, eq(members.id, reflections.memberId))
              .where(where)
              .orderBy(asc(reflections.createdAt), desc(reflections.id))
              .limit(limit)
              .all();
      return { count: n, first };
    },
  };
}

export type InsightsRepository = ReturnType<typeof insightsRepository>;
