// Question instances and answers. recordAnswer is the exactly-once heart: in one synchronous transaction it inserts
// the answer (the UNIQUE pair keeps only a member's first), asks the caller what it is worth, and books the points.
import { and, desc, eq, gt, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../open.ts';
import { writtenRow } from '../rows.ts';
import { answers, type QuestionInstanceRow, questionInstances } from '../schema.ts';
import type { WriteBatcher } from '../write-batcher.ts';
import type { DailyDay } from '../../core/streaks.ts';
import type { AnswerRollups } from './answer-rollups.ts';
import type { Award, ScoreRepository } from './scores.ts';

export type InstanceKind = QuestionInstanceRow['kind'];

export interface NewInstance {
  communityId: number;
  kind: InstanceKind;
  questionId: string;
  channelId: string;
  ownerId?: number;
  liveSessionId?: number;
  dayKey?: string;
  late?: boolean;
  openedAt: Date;
  closesAt?: Date;
}

/** Question instances kept in memory: the open dailies, live questions and practice cards of the moment. */
const INSTANCE_CACHE_SIZE = 2000;

export type AnswerOutcome =
  { status: 'recorded'; answerId: number; awards: Award[] } | { status: 'duplicate'; previousChoice: string };

export function quizRepository(
  db: Db,
  scores: Pick<ScoreRepository, 'book'>,
  rollups: Pick<AnswerRollups, 'add'>,
  batcher: WriteBatcher,
) {
  const insertAnswer = db
    .insert(answers)
    .values({
      instanceId: sql.placeholder('instanceId'),
      memberId: sql.placeholder('memberId'),
      choice: sql.placeholder('choice'),
      correct: sql.placeholder('correct'),
      answeredAt: sql.placeholder('answeredAt'),
      elapsedMs: sql.placeholder('elapsedMs'),
      day: sql.placeholder('day'),
    })
    .onConflictDoNothing()
    .returning({ id: answers.id })
    .prepare();
  const findAnswer = db
    .select({ choice: answers.choice })
    .from(answers)
    .where(
      and(
        eq(answers.instanceId, sql.placeholder('instanceId')),
        eq(answers.memberId, sql.placeholder('memberId')),
      ),
    )
    .prepare();
  // Streak input on every daily answer: each daily instance of the community before a day, with the member's result.
  const dailyHistoryQuery = db
    .select({ day: questionInstances.dayKey, correct: answers.correct })
    .from(questionInstances)
    .leftJoin(
      answers,
      and(eq(answers.instanceId, questionInstances.id), eq(answers.memberId, sql.placeholder('memberId'))),
    )
    .where(
      and(
        eq(questionInstances.communityId, sql.placeholder('communityId')),
        eq(questionInstances.kind, 'daily'),
        lt(questionInstances.dayKey, sql.placeholder('beforeDay')),
      ),
    )
    .prepare();
  const findInstance = db
    .select()
    .from(questionInstances)
    .where(eq(questionInstances.id, sql.placeholder('id')))
    .prepare();

  // The scheduler opens, posts and closes one daily question per community: thousands at 09:00 when many post at once.
  const usedDaily = db
    .select({ q: questionInstances.questionId })
    .from(questionInstances)
    .where(
      and(
        eq(questionInstances.communityId, sql.placeholder('communityId')),
        eq(questionInstances.kind, 'daily'),
      ),
    )
    .prepare();
  const openDaily = db
    .select()
    .from(questionInstances)
    .where(
      and(
        eq(questionInstances.communityId, sql.placeholder('communityId')),
        eq(questionInstances.kind, 'daily'),
        eq(questionInstances.channelId, sql.placeholder('channelId')),
        isNull(questionInstances.closedAt),
        gt(questionInstances.closesAt, sql.placeholder('now')),
      ),
    )
    .orderBy(desc(questionInstances.openedAt))
    .limit(1)
    .prepare();
  const updateMessageRef = db
    .update(questionInstances)
    .set({ messageRef: sql`${sql.placeholder('ref')}` })
    .where(eq(questionInstances.id, sql.placeholder('id')))
    .prepare();
  const closeOnce = db
    .update(questionInstances)
    .set({ closedAt: sql`${sql.placeholder('now')}` })
    .where(and(eq(questionInstances.id, sql.placeholder('id')), isNull(questionInstances.closedAt)))
    .prepare();

  // Every click reads its instance: a class answering the daily question reads the same row a thousand times. Rows
  // change only through setMessageRef and close below, which keep the cached copy in step (one process per database).
  const recent = new Map<number, QuestionInstanceRow>();
  const remember = (row: QuestionInstanceRow) => {
    recent.delete(row.id);
    recent.set(row.id, row);
    if (recent.size > INSTANCE_CACHE_SIZE) recent.delete(recent.keys().next().value!);
    return row;
  };
  const changed = (id: number, changes: Partial<QuestionInstanceRow>) => {
    const row = recent.get(id);
    if (row) recent.set(id, { ...row, ...changes });
  };

  return {
    open(values: NewInstance): QuestionInstanceRow {
      return remember(
        writtenRow(
          db
            .insert(questionInstances)
            .values({ ...values, late: values.late ?? false })
            .returning()
            .all(),
        ),
      );
    },

    get(id: number): QuestionInstanceRow | undefined {
      const cached = recent.get(id);
      if (cached) return cached;
      const row = findInstance.get({ id });
      return row && remember(row);
    },

    /** Stores the platform reference of the message that shows this instance. */
    setMessageRef(id: number, ref: string): void {
      updateMessageRef.run({ id, ref });
      changed(id, { messageRef: ref });
    },

    /** Closes an instance once; false when it was already closed. */
    close(id: number, now: Date): boolean {
      const result = closeOnce.run({ id, now: now.getTime() });
      if (result.changes > 0) changed(id, { closedAt: now });
      return result.changes > 0;
    },

    /** The question of a live round still taking answers. */
    openLiveInstance(sessionId: number): QuestionInstanceRow | undefined {
      return db
        .select()
        .from(questionInstances)
        .where(and(eq(questionInstances.liveSessionId, sessionId), isNull(questionInstances.closedAt)))
        .get();
    },

    /** Question ids already used as the daily question in this community. */
    usedDailyQuestionIds(communityId: number): Set<string> {
      return new Set(usedDaily.all({ communityId }).map((r) => r.q));
    },

    /** The open daily question of a channel, if any. */
    openDailyIn(communityId: number, channelId: string, now: Date): QuestionInstanceRow | undefined {
      return openDaily.get({ communityId, channelId, now: now.getTime() });
    },

    /** The community's latest daily question and the member's answer to it, if any: two indexed look-ups. */
    lastDaily(
      communityId: number,
      memberId: number,
    ): { instance: QuestionInstanceRow; answer?: { choice: string; correct: boolean } } | undefined {
      const instance = db
        .select()
        .from(questionInstances)
        .where(and(eq(questionInstances.communityId, communityId), eq(questionInstances.kind, 'daily')))
        .orderBy(desc(questionInstances.openedAt))
        .limit(1)
        .get();
      if (!instance) return undefined;
      const answer = db
        .select({ choice: answers.choice, correct: answers.correct })
        .from(answers)
        .where(and(eq(answers.instanceId, instance.id), eq(answers.memberId, memberId)))
        .get();
      return answer ? { instance, answer } : { instance };
    },

    /** Daily instances never closed (still open, or closing time passed while the bot was down). */
    unclosedDailies(): QuestionInstanceRow[] {
      return db
        .select()
        .from(questionInstances)
        .where(and(eq(questionInstances.kind, 'daily'), isNull(questionInstances.closedAt)))
        .all();
    },

    /**
     * Records a member's answer exactly once. `price` runs inside the same transaction only for a first answer and
     * returns the awards to book; the monitors' counts (answer-rollups.ts) are kept in the same transaction. A
     * repeated click returns the choice made the first time. Answers arriving together are committed together (group
     * commit); the promise settles after the commit.
     */
    recordAnswer(
      answer: {
        instanceId: number;
        /** The instance's question and kind, as the rollups count them. */
        questionId: string;
        kind: InstanceKind;
        memberId: number;
        communityId: number;
        /** The community-local day number of `now` (dayNumber in src/core/periods.ts). */
        day: number;
        choice: string;
        correct: boolean;
        now: Date;
        elapsedMs: number;
      },
      price: (answerId: number) => Award[],
    ): Promise<AnswerOutcome> {
      return batcher.run((): AnswerOutcome => {
        const inserted = insertAnswer.get({
          instanceId: answer.instanceId,
          memberId: answer.memberId,
          choice: answer.choice,
          correct: answer.correct,
          answeredAt: answer.now,
          elapsedMs: answer.elapsedMs,
          day: answer.day,
        });
        if (!inserted) {
          return { status: 'duplicate', previousChoice: findAnswer.get(answer)?.choice ?? '?' } as const;
        }
        rollups.add({ ...answer, at: answer.now });
        const awards = price(inserted.id);
        for (const award of awards) {
          scores.book({
            ...award,
            communityId: answer.communityId,
            memberId: answer.memberId,
            now: answer.now,
          });
        }
        return { status: 'recorded', answerId: inserted.id, awards } as const;
      });
    },

    /** Participants, right answers and per-choice counts of an instance. */
    answerStats(instanceId: number): {
      participants: number;
      right: number;
      byChoice: Record<string, number>;
    } {
      const rows = db
        .select({ choice: answers.choice, correct: answers.correct, n: sql<number>`count(*)` })
        .from(answers)
        .where(eq(answers.instanceId, instanceId))
        .groupBy(answers.choice, answers.correct)
        .all();
      const byChoice: Record<string, number> = {};
      let participants = 0;
      let right = 0;
      for (const r of rows) {
        byChoice[r.choice] = (byChoice[r.choice] ?? 0) + r.n;
        participants += r.n;
        if (r.correct) right += r.n;
      }
      return { participants, right, byChoice };
    },

    /** The member's daily results, one row per daily instance of the community before `beforeDay` (streaks). */
    dailyHistory(
      communityId: number,
      memberId: number,
      beforeDay = '9999-12-31',
    ): { day: string; right: boolean }[] {
      return dailyHistoryQuery
        .all({ communityId, memberId, beforeDay })
        .map((r) => ({ day: r.day ?? '', right: r.correct === true }));
    },

    /** dailyHistory of several members at once, in one statement (the streaks of a board). */
    dailyHistories(communityId: number, memberIds: readonly number[]): Map<number, DailyDay[]> {
      if (memberIds.length === 0) return new Map();
      const rows = db
        .select({
          id: questionInstances.id,
          day: questionInstances.dayKey,
          memberId: answers.memberId,
          correct: answers.correct,
        })
        .from(questionInstances)
        .leftJoin(
          answers,
          and(eq(answers.instanceId, questionInstances.id), inArray(answers.memberId, [...memberIds])),
        )
        .where(
          and(
            eq(questionInstances.communityId, communityId),
            eq(questionInstances.kind, 'daily'),
            lt(questionInstances.dayKey, '9999-12-31'),
          ),
        )
        .all();
      // One row per instance and answering member (or one without a member): every instance counts for everyone.
      const days = new Map<number, string>();
      const right = new Set<string>();
      for (const r of rows) {
        days.set(r.id, r.day ?? '');
        if (r.correct) right.add(`${r.memberId}:${r.id}`);
      }
      return new Map(
        memberIds.map((m) => [m, [...days].map(([id, day]) => ({ day, right: right.has(`${m}:${id}`) }))]),
      );
    },
  };
}

export type QuizRepository = ReturnType<typeof quizRepository>;
