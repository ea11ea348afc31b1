// Members' reports of problems with questions: one per member and question, listed for monitors, resolved by them.
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../open.ts';
import { writtenRow } from '../rows.ts';
import {
  answers,
  members,
  questionInstances,
  type QuestionReportRow,
  questionReports,
  type ReportReason,
} from '../schema.ts';

export interface OpenReport {
  id: number;
  questionId: string;
  reason: ReportReason;
  text: string | null;
  memberName: string;
  createdAt: Date;
}

export function reportRepository(db: Db) {
  return {
    /**
     * Records a member's report. Reporting the same question again updates the open report (no second row); reporting
     * a resolved one reopens it. `created` is true only for a new row.
     */
    file(input: {
      communityId: number;
      memberId: number;
      questionId: string;
      reason: ReportReason;
      text: string | null;
      now: Date;
    }): { row: QuestionReportRow; created: boolean; reopened: boolean } {
      return db.transaction((tx) => {
        const existing = tx
          .select()
          .from(questionReports)
          .where(
            and(
              eq(questionReports.communityId, input.communityId),
              eq(questionReports.questionId, input.questionId),
              eq(questionReports.memberId, input.memberId),
            ),
          )
          .get();
        const row = tx
          .insert(questionReports)
          .values({ ...input, createdAt: input.now, updatedAt: input.now })
          .onConflictDoUpdate({
            target: [questionReports.communityId, questionReports.questionId, questionReports.memberId],
            set: {
              reason: input.reason,
              text: input.text,
              updatedAt: input.now,
              resolvedAt: null,
              resolvedBy: null,
            },
          })
          .returning()
          .all();
        return {
          row: writtenRow(row),
          created: !existing,
          reopened: existing !== undefined && existing.resolvedAt !== null,
        };
      });
    },

    /** The community's open reports, newest first, at most `limit`. */
    open(communityId: number, limit = 100): OpenReport[] {
      return db
        .select({
          id: questionReports.id,
          questionId: questionReports.questionId,
          reason: questionReports.reason,
          text: questionReports.text,
          memberName: members.displayName,
          createdAt: questionReports.createdAt,
        })
        .from(questionReports)
        .innerJoin(members, eq(members.id, questionReports.memberId))
        .where(and(eq(questionReports.communityId, communityId), isNull(questionReports.resolvedAt)))
        .orderBy(desc(questionReports.createdAt), desc(questionReports.id))
        .limit(limit)
        .all();
    },

    /** How many reports are open in the community. */
    openCount(communityId: number): number {
      return db
        .select({ n: sql<number>`count(*)` })
        .from(questionReports)
        .where(and(eq(questionReports.communityId, communityId), isNull(questionReports.resolvedAt)))
        .get()!.n;
    },

    /** Closes one open report of the community; undefined when there is no such open report. */
    resolve(communityId: number, reportId: number, by: string, now: Date): QuestionReportRow | undefined {
      return db
        .update(questionReports)
        .set({ resolvedAt: now, resolvedBy: by, updatedAt: now })
        .where(
          and(
            eq(questionReports.id, reportId),
            eq(questionReports.communityId, communityId),
            isNull(questionReports.resolvedAt),
          ),
        )
        .returning()
        .all()[0];
    },

    /**
     * The questions a member reported (filed, updated or reopened) after `since`, newest first, at most `limit`: the
     * per-member rate limit of /report (index question_reports_member).
     */
    filedSince(memberId: number, since: Date, limit: number): { questionId: string; updatedAt: Date }[] {
      return db
        .select({ questionId: questionReports.questionId, updatedAt: questionReports.updatedAt })
        .from(questionReports)
        .where(and(eq(questionReports.memberId, memberId), gt(questionReports.updatedAt, since)))
        .orderBy(desc(questionReports.updatedAt))
        .limit(limit)
        .all();
    },

    /**
     * The question a member saw last, for /report without a question: the later of the question of their latest
     * answer (any kind: daily, live, practice; index answers_member) and their latest practice card, answered or not
     * (index instances_owner). Two single-row index look-ups. A daily question seen in a channel but not answered
     * is not known here (its reveal carries a report button).
     */
    lastSeenQuestion(memberId: number): string | undefined {
      const answered = db
        .select({ questionId: questionInstances.questionId, at: answers.answeredAt })
        .from(answers)
        .innerJoin(questionInstances, eq(questionInstances.id, answers.instanceId))
        .where(eq(answers.memberId, memberId))
        .orderBy(desc(answers.answeredAt))
        .limit(1)
        .get();
      const card = db
        .select({ questionId: questionInstances.questionId, at: questionInstances.openedAt })
        .from(questionInstances)
        .where(eq(questionInstances.ownerId, memberId))
        .orderBy(desc(questionInstances.id))
        .limit(1)
        .get();
      if (!answered || !card) return (answered ?? card)?.questionId;
      return card.at > answered.at ? card.questionId : answered.questionId;
    },
  };
}
