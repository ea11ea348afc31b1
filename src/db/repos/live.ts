// Live rounds: at most one running per channel (a partial UNIQUE index enforces it).
import { and, eq } from 'drizzle-orm';
import type { Db } from '../open.ts';
import { type LiveSessionRow, liveSessions } from '../schema.ts';

export function liveRepository(db: Db) {
  return {
    /** Starts a round, or returns undefined when one is already running in the channel. */
    start(values: {
      communityId: number;
      channelId: string;
      startedBy: string;
      questionIds: string[];
      seconds: number;
      now: Date;
    }): LiveSessionRow | undefined {
      return db
        .insert(liveSessions)
        .values({
          communityId: values.communityId,
          channelId: values.channelId,
          startedBy: values.startedBy,
          questionIds: values.questionIds,
          seconds: values.seconds,
          status: 'running',
          startedAt: values.now,
        })
        .onConflictDoNothing()
        .returning()
        .all()[0]; // .all(), not .get(): see src/db/rows.ts
    },

    get(id: number): LiveSessionRow | undefined {
      return db.select().from(liveSessions).where(eq(liveSessions.id, id)).get();
    },

    runningIn(communityId: number, channelId: string): LiveSessionRow | undefined {
      return db
        .select()
        .from(liveSessions)
        .where(
          and(
            eq(liveSessions.communityId, communityId),
            eq(liveSessions.channelId, channelId),
            eq(liveSessions.status, 'running'),
          ),
        )
        .get();
    },

    setPosition(id: number, position: number): void {
      db.update(liveSessions).set({ position }).where(eq(liveSessions.id, id)).run();
    },

    /** Ends a running round; false when it had already ended (a timer and /quiz stop racing). */
    end(id: number, status: 'finished' | 'stopped', now: Date): boolean {
      const result = db
        .update(liveSessions)
        .set({ status, endedAt: now })
        .where(and(eq(liveSessions.id, id), eq(liveSessions.status, 'running')))
        .run();
      return result.changes > 0;
    },

    /** Rounds left running by a previous process (their timers died with it): stopped at start-up. */
    stopAbandoned(now: Date): number {
      return db
        .update(liveSessions)
        .set({ status: 'stopped', endedAt: now })
        .where(eq(liveSessions.status, 'running'))
        .run().changes;
    },
  };
}

export type LiveRepository = ReturnType<typeof liveRepository>;
