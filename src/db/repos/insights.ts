// What the monitors' view reads from the ledger: answers of a community in a period, counted in SQL (GROUP BY), never
// loaded row by row. Every read leaves out voided answers: an answer is voided when its member has a score void
// (`/scores void`) whose period [period_start, period_end) contains the answer's time (a null bound is open), the
// same period whose points the void took away. The analysis of the counts is src/core/item-analysis.ts.
import { and, asc, count, desc, eq, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../open.ts';
import { answers, members, questionInstances, reflections, scoreVoids } from '../schema.ts';
import type { Range } from './scores.ts';

export type AnswerKind = (typeof questionInstances.$inferSelect)['kind'];

/** Whom a read covers: one community, or (undefined) every community in the database (content:report). */
export type Scope = number | undefined;

/** How many answers of one question chose one letter. */
export interface ChoiceTally {
  questionId: string;
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

export interface KindActivity {
  kind: AnswerKind;
  answers: number;
  members: number;
}

const DAY_MS = 86_400_000;
/** Silent this long: stopped. */
export const SILENT_AFTER_MS = 7 * DAY_MS;
/** Active in this window before the silence (4 weeks): was a regular. */
export const ACTIVE_WINDOW_MS = 28 * DAY_MS;

export function insightsRepository(db: Db) {
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
    /** Answers and distinct members per kind (daily, live, practice), and distinct members over all kinds. */
    activity(scope: Scope, range: Range): { kinds: KindActivity[]; members: number } {
      const where = counted(scope, range);
      const kinds = db
        .select({
          kind: questionInstances.kind,
          answers: sql<number>`count(*)`,
          members: sql<number>`count(distinct ${answers.memberId})`,
        })
        .from(answers)
        .innerJoin(questionInstances, eq(questionInstances.id, answers.instanceId))
        .where(where)
        .groupBy(questionInstances.kind)
        .all();
      const total =
        kinds.length <= 1
          ? (kinds[0]?.members ?? 0)
          : db
              .select({ n: sql<number>`count(distinct ${answers.memberId})` })
              .from(answers)
              .innerJoin(questionInstances, eq(questionInstances.id, answers.instanceId))
              .where(where)
              .get()!.n;
      return { kinds, members: total };
    },

    /** Answers per question and letter (the right letter is the bank's), optionally of some questions only. */
    choiceTallies(scope: Scope, range: Range, questionIds?: readonly string[]): ChoiceTally[] {
      if (questionIds?.length === 0) return [];
      return db
        .select({ questionId: questionInstances.questionId, choice: answers.choice, n: count() })
        .from(answers)
        .innerJoin(questionInstances, eq(questionInstances.id, answers.instanceId))
        .where(
          counted(
            scope,
            range,
            questionIds ? inArray(questionInstances.questionId, [...questionIds]) : undefined,
          ),
        )
        .groupBy(questionInstances.questionId, answers.choice)
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
        .where(
          counted(
            scope,
            range,
            questionIds ? inArray(questionInstances.questionId, [...questionIds]) : undefined,
          ),
        )
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
      const last = sql<number>`(select max(${answers.answeredAt}) from ${answers} where ${answers.memberId} = ${members.id})`;
      const silentSince = now.getTime() - SILENT_AFTER_MS;
      const activeFrom = silentSince - ACTIVE_WINDOW_MS;
      const inner = db
        .select({ name: members.displayName, last: last.as('last') })
        .from(members)
        .where(eq(members.communityId, communityId))
        .as('inner');
      const rows = db
        .select({ name: inner.name })
        .from(inner)
        .where(and(gte(inner.last, activeFrom), lt(inner.last, silentSince)))
        .orderBy(asc(inner.name))
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
