// What the monitors' view reads from the ledger, counted in SQL, never loaded row by row. The period counts (letters
// per question, who was active, who stopped, members' accuracy over all time) come from the rollups kept in step with
// every answer (answer-rollups.ts): a week costs its few thousand tally rows, not its answers. Per member and question
// tallies read the answers themselves, of the asked questions only. Every read leaves out voided answers (see
// notVoided). The analysis of the counts is src/core/item-analysis.ts.
import { and, asc, count, desc, eq, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type Database from 'better-sqlite3';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { DayRange } from '../../core/periods.ts';
import type { Db } from '../open.ts';
import {
  answers,
  answerTallies,
  answerTotals,
  memberActivity,
  memberQuestionTallies,
  members,
  questionInstances,
  reflections,
  scoreEvents,
  scoreVoids,
} from '../schema.ts';
import { notVoided } from './answer-rollups.ts';
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
  /** A query's rows as plain arrays, in its select's order: tens of thousands of rows without mapping objects. */
  const rawRows = <Row extends unknown[]>(query: { toSQL(): { sql: string; params: unknown[] } }) => {
    const { sql: text, params } = query.toSQL();
    return sqlite
      .prepare(text)
      .raw()
      .all(...params) as Row[];
  };

  /** Whether any void could touch the scope's answers: the exclusion is only paid for where voids exist. */
  const hasVoids = (scope: Scope) =>
    db
      .select({ id: scoreVoids.id })
      .from(scoreVoids)
      .where(scope === undefined ? undefined : eq(scoreVoids.communityId, scope))
      .limit(1)
      .get() !== undefined;

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

    /**
     * Members with a counted answer since `since` (ever, when omitted), over all kinds and per kind (daily, live,
     * practice): one activity row per member of the scope.
     */
    activeMembers(scope: Scope, since?: Date): { all: number } & Record<AnswerKind, number> {
      const from = since?.getTime() ?? 1;
      const of = (column: SQLiteColumn) => sql<number>`count(*) filter (where ${column} >= ${from})`;
      return db
        .select({
          all: sql<number>`count(*) filter (where max(${memberActivity.lastDailyAt}, ${memberActivity.lastLiveAt},
            ${memberActivity.lastPracticeAt}) >= ${from})`,
          daily: of(memberActivity.lastDailyAt),
          live: of(memberActivity.lastLiveAt),
          practice: of(memberActivity.lastPracticeAt),
        })
        .from(memberActivity)
        .where(scope === undefined ? undefined : eq(memberActivity.communityId, scope))
        .get()!;
    },

    /**
     * Answers per question, kind and letter over local days (every day when open; the right letter is the bank's),
     * optionally of some questions only: one pass gives the lesson accuracy, the item spreads and the answers per
     * kind. All time reads answer_totals, a period answer_tallies.
     */
    choiceTallies(scope: Scope, days: DayRange, questionIds?: readonly string[]): ChoiceTally[] {
      if (questionIds?.length === 0) return [];
      const ids = questionIds ? [...questionIds] : undefined;
      const allTime = days.from === undefined && days.to === undefined;
      const t = allTime ? answerTotals : answerTallies;
      const n = sql<number>`sum(${t.n})`;
      return db
        .select({ questionId: t.questionId, kind: t.kind, choice: t.choice, n })
        .from(t)
        .where(
          and(
            scope === undefined ? undefined : eq(t.communityId, scope),
            days.from === undefined ? undefined : gte(answerTallies.day, days.from),
            days.to === undefined ? undefined : lt(answerTallies.day, days.to),
            ids ? inArray(t.questionId, ids) : undefined,
          ),
        )
        .groupBy(t.questionId, t.kind, t.choice)
        .having(sql`${n} > 0`)
        .all();
    },

    /**
     * Per member and question, right and total answers to the given questions (every question when omitted): all time
     * from member_question_tallies, a period from the answers of those questions.
     */
    memberQuestionTallies(
      scope: Scope,
      range: Range,
      questionIds?: readonly string[],
    ): MemberQuestionTally[] {
      if (questionIds?.length === 0) return [];
      if (!range.start && !range.end) {
        // A lesson is tens of thousands of rows.
        const rows = rawRows<[number, string, number, number]>(
          db
            .select({
              memberId: memberQuestionTallies.memberId,
              questionId: memberQuestionTallies.questionId,
              right: memberQuestionTallies.right,
              total: memberQuestionTallies.total,
            })
            .from(memberQuestionTallies)
            .where(
              and(
                scope === undefined ? undefined : eq(memberQuestionTallies.communityId, scope),
                questionIds ? inArray(memberQuestionTallies.questionId, [...questionIds]) : undefined,
                sql`${memberQuestionTallies.total} > 0`,
              ),
            ),
        );
        return rows.map(([memberId, questionId, right, total]) => ({ memberId, questionId, right, total }));
      }
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
     * Right and total answers over every question in the range, per member (of the given members; every member of the
     * scope when omitted): the totals the item–rest correlation subtracts the item from. All time reads the activity
     * rows' running counts, a period the members' answers (answers_member).
     */
    memberTotals(
      scope: Scope,
      range: Range,
      memberIds?: readonly number[],
    ): Map<number, { right: number; total: number }> {
      if (memberIds?.length === 0) return new Map();
      // Thousands of members: one JSON parameter (json_each), not a parameter each.
      const inMembers = (column: SQLiteColumn) =>
        memberIds ? sql`${column} in (select value from json_each(${JSON.stringify(memberIds)}))` : undefined;
      if (!range.start && !range.end) {
        const rows = rawRows<[number, number, number]>(
          db
            .select({
              memberId: memberActivity.memberId,
              right: memberActivity.right,
              total: memberActivity.answers,
            })
            .from(memberActivity)
            .where(
              and(
                scope === undefined ? undefined : eq(memberActivity.communityId, scope),
                inMembers(memberActivity.memberId),
                sql`${memberActivity.answers} > 0`,
              ),
            ),
        );
        return new Map(rows.map(([memberId, right, total]) => [memberId, { right, total }]));
      }
      const rows = memberIds
        ? db
            .select({
              memberId: answers.memberId,
              right: sql<number>`sum(${answers.correct})`,
              total: count(),
            })
            .from(answers)
            .where(
              and(
                inMembers(answers.memberId),
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
     * Members who stopped answering: their last answer (voided or not) is 7 to 35 days old — active in the four weeks
     * before a week of silence. Reads the community's activity rows, one per member; names in name order, at
     * most `limit`.
     */
    stopped(communityId: number, now: Date, limit = 50): { names: string[]; count: number } {
      const silentSince = now.getTime() - SILENT_AFTER_MS;
      const activeFrom = silentSince - ACTIVE_WINDOW_MS;
      const rows = db
        .select({ name: members.displayName })
        .from(memberActivity)
        .innerJoin(members, eq(members.id, memberActivity.memberId))
        .where(
          and(
            eq(memberActivity.communityId, communityId),
            gte(memberActivity.lastSeenAt, activeFrom),
            lt(memberActivity.lastSeenAt, silentSince),
          ),
        )
        .orderBy(asc(members.displayName))
        .all();
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
