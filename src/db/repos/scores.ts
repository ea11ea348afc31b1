// The points ledger: append-only score events, all-time totals kept in step, leaderboards for any period, voids.
import { and, desc, eq, gt, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../open.ts';
import type { AnswerRollups } from './answer-rollups.ts';
import { answers, members, memberTotals, questionInstances, scoreEvents, scoreVoids } from '../schema.ts';

export type AwardKind = (typeof scoreEvents.$inferInsert)['kind'];

/** Points to book for one reason; `ref` makes the booking idempotent per kind. */
export interface Award {
  kind: AwardKind;
  points: number;
  ref: string;
}

export interface Range {
  start?: Date;
  end?: Date;
}

export interface BoardRow {
  memberId: number;
  name: string;
  points: number;
}

/** A board row with the member's right and total answers in the same period. */
export type BoardTally = BoardRow & { right: number; total: number };

/** Write transactions take the write lock up front: no lock upgrade (and SQLITE_BUSY) halfway through. */
export const IMMEDIATE = { behavior: 'immediate' } as const;

export type AwardInput = Award & { communityId: number; memberId: number; now: Date };

const inRange = (range: Range) =>
  and(
    range.start ? gte(scoreEvents.createdAt, range.start) : undefined,
    range.end ? lt(scoreEvents.createdAt, range.end) : undefined,
  );

const answeredInRange = (range: Range) =>
  and(
    range.start ? gte(answers.answeredAt, range.start) : undefined,
    range.end ? lt(answers.answeredAt, range.end) : undefined,
  );

export function scoreRepository(db: Db, rollups: Pick<AnswerRollups, 'subtractVoided' | 'recountMember'>) {
  // Run on every scored click: prepared once. better-sqlite3 is one synchronous connection, so inside a caller's
  // db.transaction() these statements are part of that transaction.
  const insertEvent = db
    .insert(scoreEvents)
    .values({
      communityId: sql.placeholder('communityId'),
      memberId: sql.placeholder('memberId'),
      kind: sql.placeholder('kind'),
      points: sql.placeholder('points'),
      ref: sql.placeholder('ref'),
      createdAt: sql.placeholder('now'),
    })
    .onConflictDoNothing()
    .returning({ id: scoreEvents.id })
    .prepare();
  const addToTotal = db
    .insert(memberTotals)
    .values({
      memberId: sql.placeholder('memberId'),
      communityId: sql.placeholder('communityId'),
      points: sql.placeholder('points'),
    })
    .onConflictDoUpdate({
      target: memberTotals.memberId,
      set: { points: sql`${memberTotals.points} + excluded.points` },
    })
    .prepare();
  const earnedOfKindSince = db
    .select({ p: sql<number>`coalesce(sum(${scoreEvents.points}), 0)` })
    .from(scoreEvents)
    .where(
      and(
        eq(scoreEvents.memberId, sql.placeholder('memberId')),
        eq(scoreEvents.kind, sql.placeholder('kind')),
        gte(scoreEvents.createdAt, sql.placeholder('since')),
      ),
    )
    .prepare();

  /** Books an award (in the caller's transaction, if any); a repeated (kind, ref) books nothing. */
  const book = (award: AwardInput): boolean => {
    if (award.points === 0) return false;
    const values = { ...award };
    if (!insertEvent.get(values)) return false;
    addToTotal.run(values);
    return true;
  };

  /** Points per member in a period, from the ledger (voided events excluded). */
  const periodTotals = (communityId: number, range: Range) =>
    db
      .select({
        memberId: scoreEvents.memberId,
        points: sql<number>`sum(${scoreEvents.points})`.as('points'),
      })
      .from(scoreEvents)
      .where(and(eq(scoreEvents.communityId, communityId), isNull(scoreEvents.voidId), inRange(range)))
      .groupBy(scoreEvents.memberId);

  /** The top `limit` of a period, highest first (ties by name), with points > 0; all time from the kept totals. */
  const topOf = (communityId: number, range: Range, limit: number) => {
    if (!range.start && !range.end) {
      return db
        .select({ memberId: memberTotals.memberId, name: members.displayName, points: memberTotals.points })
        .from(memberTotals)
        .innerJoin(members, eq(members.id, memberTotals.memberId))
        .where(and(eq(memberTotals.communityId, communityId), gt(memberTotals.points, 0)))
        .orderBy(desc(memberTotals.points), members.displayName)
        .limit(limit);
    }
    const totals = periodTotals(communityId, range).as('totals');
    return db
      .select({ memberId: totals.memberId, name: members.displayName, points: totals.points })
      .from(totals)
      .innerJoin(members, eq(members.id, totals.memberId))
      .where(gt(totals.points, 0))
      .orderBy(desc(totals.points), members.displayName)
      .limit(limit);
  };

  return {
    book,

    award(award: AwardInput): boolean {
      return db.transaction(() => book(award), IMMEDIATE);
    },

    /** The top `limit` members of a period, highest first (ties by name), with points > 0. */
    top(communityId: number, range: Range, limit = 10): BoardRow[] {
      return topOf(communityId, range, limit).all();
    },

    /** The top `limit` of a period with their right and total answers in it, in one statement (the boards). */
    board(communityId: number, range: Range, limit = 10): BoardTally[] {
      const top = topOf(communityId, range, limit).as('top');
      return db
        .select({
          memberId: top.memberId,
          name: top.name,
          points: top.points,
          right: sql<number>`coalesce(sum(${answers.correct}), 0)`,
          total: sql<number>`count(${answers.id})`,
        })
        .from(top)
        .leftJoin(answers, and(eq(answers.memberId, top.memberId), answeredInRange(range)))
        .groupBy(top.memberId)
        .orderBy(desc(top.points), top.name)
        .all();
    },

    /** A member's points in a period and competition rank (1 + members with more points); rank undefined at 0. */
    standing(communityId: number, memberId: number, range: Range): { points: number; rank?: number } {
      if (!range.start && !range.end) {
        const points =
          db
            .select({ p: memberTotals.points })
            .from(memberTotals)
            .where(eq(memberTotals.memberId, memberId))
            .get()?.p ?? 0;
        if (points <= 0) return { points };
        const above = db
          .select({ n: sql<number>`count(*)` })
          .from(memberTotals)
          .where(and(eq(memberTotals.communityId, communityId), gt(memberTotals.points, points)))
          .get()!.n;
        return { points, rank: above + 1 };
      }
      const points =
        db
          .select({ p: sql<number>`coalesce(sum(${scoreEvents.points}), 0)` })
          .from(scoreEvents)
          .where(
            and(
              eq(scoreEvents.communityId, communityId),
              eq(scoreEvents.memberId, memberId),
              isNull(scoreEvents.voidId),
              inRange(range),
            ),
          )
          .get()?.p ?? 0;
      if (points <= 0) return { points };
      const totals = periodTotals(communityId, range).as('totals');
      const above = db
        .select({ n: sql<number>`count(*)` })
        .from(totals)
        .where(gt(totals.points, points))
        .get()!.n;
      return { points, rank: above + 1 };
    },

    /** Points per member earned in one live round, highest first. */
    liveStandings(sessionId: number): BoardRow[] {
      return db
        .select({
          memberId: members.id,
          name: members.displayName,
          points: sql<number>`sum(${scoreEvents.points})`.as('points'),
        })
        .from(questionInstances)
        .innerJoin(answers, eq(answers.instanceId, questionInstances.id))
        .innerJoin(
          scoreEvents,
          and(
            inArray(scoreEvents.kind, ['live', 'speed']),
            eq(scoreEvents.ref, sql`'answer:' || ${answers.id}`),
          ),
        )
        .innerJoin(members, eq(members.id, answers.memberId))
        .where(and(eq(questionInstances.liveSessionId, sessionId), isNull(scoreEvents.voidId)))
        .groupBy(members.id)
        .orderBy(desc(sql`points`), members.displayName)
        .all();
    },

    /** Right and total answers per member in a period, for the given members. */
    accuracy(memberIds: number[], range: Range): Map<number, { right: number; total: number }> {
      if (memberIds.length === 0) return new Map();
      const rows = db
        .select({
          memberId: answers.memberId,
          right: sql<number>`sum(${answers.correct})`,
          total: sql<number>`count(*)`,
        })
        .from(answers)
        .where(and(inArray(answers.memberId, memberIds), answeredInRange(range)))
        .groupBy(answers.memberId)
        .all();
      return new Map(rows.map((r) => [r.memberId, { right: r.right, total: r.total }]));
    },

    /** Every answer of a member with the question it answered, for per-lesson accuracy. */
    answersOf(memberId: number): { questionId: string; correct: boolean }[] {
      return db
        .select({ questionId: questionInstances.questionId, correct: answers.correct })
        .from(answers)
        .innerJoin(questionInstances, eq(questionInstances.id, answers.instanceId))
        .where(eq(answers.memberId, memberId))
        .all();
    },

    /** Points a member earned of one kind since an instant (the practice daily cap). */
    earnedSince(memberId: number, kind: AwardKind, since: Date): number {
      return earnedOfKindSince.get({ memberId, kind, since: since.getTime() })?.p ?? 0;
    },

    /**
     * Voids a member's events in a period: records who, why and how much in score_voids and points the events at
     * it. Nothing is deleted; totals drop by the voided points, and the period's answers (made before now) leave the
     * monitors' counts.
     */
    voidMember(input: {
      communityId: number;
      memberId: number;
      range: Range;
      reason?: string;
      by: string;
      now: Date;
    }) {
      return db.transaction((tx) => {
        const where = and(
          eq(scoreEvents.communityId, input.communityId),
          eq(scoreEvents.memberId, input.memberId),
          isNull(scoreEvents.voidId),
          inRange(input.range),
        );
        const sum = tx
          .select({
            points: sql<number>`coalesce(sum(${scoreEvents.points}), 0)`,
            count: sql<number>`count(*)`,
          })
          .from(scoreEvents)
          .where(where)
          .get()!;
        if (sum.count === 0) return { points: 0, count: 0 };
        // The period's answers leave the monitors' counts with their points (answers made from now on count).
        rollups.subtractVoided(input.memberId, input.range, input.now);
        const voidRow = tx
          .insert(scoreVoids)
          .values({
            communityId: input.communityId,
            memberId: input.memberId,
            voidedBy: input.by,
            reason: input.reason ?? null,
            periodStart: input.range.start ?? null,
            periodEnd: input.range.end ?? null,
            points: sum.points,
            createdAt: input.now,
          })
          .returning({ id: scoreVoids.id })
          .get();
        tx.update(scoreEvents).set({ voidId: voidRow.id }).where(where).run();
        tx.update(memberTotals)
          .set({ points: sql`${memberTotals.points} - ${sum.points}` })
          .where(eq(memberTotals.memberId, input.memberId))
          .run();
        rollups.recountMember(input.communityId, input.memberId);
        return { points: sum.points, count: sum.count };
      }, IMMEDIATE);
    },
  };
}

export type ScoreRepository = ReturnType<typeof scoreRepository>;
