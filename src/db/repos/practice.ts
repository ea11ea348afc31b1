// FSRS cards and review logs of practice.
import { and, asc, eq, lte, sql } from 'drizzle-orm';
import type { Card, ReviewLog } from '../../core/spaced-repetition.ts';
import type { Db } from '../open.ts';
import { type FsrsCardRow, fsrsCards, reviewLogs } from '../schema.ts';

const toCard = (row: FsrsCardRow): Card => ({
  due: row.due,
  stability: row.stability,
  difficulty: row.difficulty,
  elapsed_days: row.elapsedDays,
  scheduled_days: row.scheduledDays,
  learning_steps: row.learningSteps,
  reps: row.reps,
  lapses: row.lapses,
  state: row.state,
  last_review: row.lastReview ?? undefined,
});

export function practiceRepository(db: Db) {
  return {
    card(memberId: number, questionId: string): Card | undefined {
      const row = db
        .select()
        .from(fsrsCards)
        .where(and(eq(fsrsCards.memberId, memberId), eq(fsrsCards.questionId, questionId)))
        .get();
      return row ? toCard(row) : undefined;
    },

    /** The member's cards due by `until`, most overdue first. */
    dueCards(memberId: number, until: Date, limit = 50): { questionId: string; due: Date }[] {
      return db
        .select({ questionId: fsrsCards.questionId, due: fsrsCards.due })
        .from(fsrsCards)
        .where(and(eq(fsrsCards.memberId, memberId), lte(fsrsCards.due, until)))
        .orderBy(asc(fsrsCards.due))
        .limit(limit)
        .all();
    },

    /** The next due date of any of the member's cards. */
    nextDue(memberId: number): Date | undefined {
      const due = db
        .select({ due: sql<number | null>`min(${fsrsCards.due})` })
        .from(fsrsCards)
        .where(eq(fsrsCards.memberId, memberId))
        .get()?.due;
      return due == null ? undefined : new Date(due);
    },

    /** Ids of the questions the member already has a card for. */
    knownQuestionIds(memberId: number): Set<string> {
      const rows = db
        .select({ q: fsrsCards.questionId })
        .from(fsrsCards)
        .where(eq(fsrsCards.memberId, memberId))
        .all();
      return new Set(rows.map((r) => r.q));
    },

    countDue(memberId: number, now: Date): number {
      return db
        .select({ n: sql<number>`count(*)` })
        .from(fsrsCards)
        .where(and(eq(fsrsCards.memberId, memberId), lte(fsrsCards.due, now)))
        .get()!.n;
    },

    /** Saves the card after a review and its log, inside the caller's transaction. */
    saveReview(memberId: number, questionId: string, card: Card, log: ReviewLog, answerId: number): void {
      const values = {
        due: card.due,
        stability: card.stability,
        difficulty: card.difficulty,
        elapsedDays: card.elapsed_days,
        scheduledDays: card.scheduled_days,
        learningSteps: card.learning_steps,
        reps: card.reps,
        lapses: card.lapses,
        state: card.state,
        lastReview: card.last_review ?? null,
      };
      db.insert(fsrsCards)
        .values({ memberId, questionId, ...values })
        .onConflictDoUpdate({ target: [fsrsCards.memberId, fsrsCards.questionId], set: values })
        .run();
      db.insert(reviewLogs)
        .values({
          memberId,
          questionId,
          answerId,
          rating: log.rating,
          state: log.state,
          due: log.due,
          stability: log.stability,
          difficulty: log.difficulty,
          scheduledDays: log.scheduled_days,
          review: log.review,
        })
        .run();
    },
  };
}

export type PracticeRepository = ReturnType<typeof practiceRepository>;
