// The scheduler's run table: claim a post before making it, record how it went. The UNIQUE run key makes a second
// tick, a second process or a restart find the existing row instead of posting again.
import { and, asc, desc, eq, gt, lte, sql } from 'drizzle-orm';
import type { Db } from '../open.ts';
import { type ScheduledRunRow, scheduledRuns } from '../schema.ts';
import { IMMEDIATE } from './scores.ts';

export interface RunKey {
  communityId: number;
  kind: ScheduledRunRow['kind'];
  target: string;
  scheduledFor: Date;
}

/** A run left in `posting` this long is taken to belong to a process that died mid-post. */
export const STALE_CLAIM_MS = 10 * 60_000;

const keyWhere = (k: RunKey) =>
  and(
    eq(scheduledRuns.communityId, k.communityId),
    eq(scheduledRuns.kind, k.kind),
    eq(scheduledRuns.target, k.target),
    eq(scheduledRuns.scheduledFor, k.scheduledFor),
  );

export function runRepository(db: Db) {
  const lastOfKind = db
    .select({ at: sql<number | null>`max(${scheduledRuns.scheduledFor})` })
    .from(scheduledRuns)
    .where(
      and(
        eq(scheduledRuns.communityId, sql.placeholder('communityId')),
        eq(scheduledRuns.kind, sql.placeholder('kind')),
      ),
    )
    .prepare();
  const retriesDue = db
    .select()
    .from(scheduledRuns)
    .where(and(eq(scheduledRuns.status, 'failed'), lte(scheduledRuns.nextAttemptAt, sql.placeholder('now'))))
    .orderBy(asc(scheduledRuns.nextAttemptAt))
    .limit(sql.placeholder('limit'))
    .prepare();

  return {
    /** Takes the right to make this post now; undefined when it is done, skipped, in flight or waiting to retry. */
    claim(key: RunKey, now: Date): ScheduledRunRow | undefined {
      return db.transaction(() => {
        const existing = db.select().from(scheduledRuns).where(keyWhere(key)).get();
        if (!existing) {
          return db
            .insert(scheduledRuns)
            .values({ ...key, status: 'posting', attempts: 1, updatedAt: now })
            .returning()
            .get();
        }
        const retry =
          existing.status === 'failed' && (!existing.nextAttemptAt || existing.nextAttemptAt <= now);
        const abandoned =
          existing.status === 'posting' && now.getTime() - existing.updatedAt.getTime() > STALE_CLAIM_MS;
        if (!retry && !abandoned) return undefined;
        return db
          .update(scheduledRuns)
          .set({ status: 'posting', attempts: existing.attempts + 1, updatedAt: now })
          .where(eq(scheduledRuns.id, existing.id))
          .returning()
          .get();
      }, IMMEDIATE);
    },

    /**
     * At start-up: posts a previous process left in `posting` (it died mid-post) become retries due now, with the
     * same run id, so the platform can recognise a post it already made. One bot process per database.
     */
    releaseInterrupted(now: Date): number {
      return db
        .update(scheduledRuns)
        .set({
          status: 'failed',
          lastError: 'interrupted: the bot stopped mid-post',
          nextAttemptAt: now,
          updatedAt: now,
        })
        .where(eq(scheduledRuns.status, 'posting'))
        .run().changes;
    },

    done(id: number, messageRef: string | undefined, now: Date): void {
      db.update(scheduledRuns)
        .set({ status: 'done', messageRef: messageRef ?? null, lastError: null, updatedAt: now })
        .where(eq(scheduledRuns.id, id))
        .run();
    },

    failed(id: number, error: string, retryAt: Date, now: Date): void {
      db.update(scheduledRuns)
        .set({ status: 'failed', lastError: error.slice(0, 500), nextAttemptAt: retryAt, updatedAt: now })
        .where(eq(scheduledRuns.id, id))
        .run();
    },

    /** Records a post that is no longer useful (missed while down, or nothing to post); never overrides a done run. */
    skipped(key: RunKey, reason: string, now: Date, id?: number): void {
      if (id !== undefined) {
        db.update(scheduledRuns)
          .set({ status: 'skipped', lastError: reason, updatedAt: now })
          .where(eq(scheduledRuns.id, id))
          .run();
        return;
      }
      // A run that failed and ran out of time is given up; a done or in-flight one is left alone.
      db.insert(scheduledRuns)
        .values({ ...key, status: 'skipped', lastError: reason, updatedAt: now })
        .onConflictDoUpdate({
          target: [
            scheduledRuns.communityId,
            scheduledRuns.kind,
            scheduledRuns.target,
            scheduledRuns.scheduledFor,
          ],
          set: { status: 'skipped', lastError: reason, updatedAt: now },
          setWhere: eq(scheduledRuns.status, 'failed'),
        })
        .run();
    },

    /** Failed posts whose retry time has come, earliest first (at most `limit`). */
    retriesDue(now: Date, limit: number): ScheduledRunRow[] {
      return retriesDue.all({ now: now.getTime(), limit });
    },

    /** The latest instant a post of this kind was planned for in a community (where re-planning resumes). */
    lastOfKind(communityId: number, kind: RunKey['kind']): Date | undefined {
      const at = lastOfKind.get({ communityId, kind })?.at;
      return at == null ? undefined : new Date(at);
    },

    /** The earliest retry still to come after `now`, for arming the next wake-up. */
    nextRetry(now: Date): Date | undefined {
      const row = db
        .select({ at: sql<number | null>`min(${scheduledRuns.nextAttemptAt})` })
        .from(scheduledRuns)
        .where(and(eq(scheduledRuns.status, 'failed'), gt(scheduledRuns.nextAttemptAt, now)))
        .get();
      return row?.at == null ? undefined : new Date(row.at);
    },

    /** The latest instant any post was planned for (the shell refuses to move its clock back before it). */
    latestScheduledFor(): Date | undefined {
      const row = db
        .select({ at: sql<number | null>`max(${scheduledRuns.scheduledFor})` })
        .from(scheduledRuns)
        .get();
      return row?.at == null ? undefined : new Date(row.at);
    },

    /** The latest post of a community that failed and waits for a retry: /config shows it to the admins. */
    latestFailure(communityId: number): ScheduledRunRow | undefined {
      return db
        .select()
        .from(scheduledRuns)
        .where(and(eq(scheduledRuns.communityId, communityId), eq(scheduledRuns.status, 'failed')))
        .orderBy(desc(scheduledRuns.updatedAt))
        .limit(1)
        .get();
    },

    /** Runs of a community, oldest first (tests, support). */
    list(communityId: number): ScheduledRunRow[] {
      return db
        .select()
        .from(scheduledRuns)
        .where(eq(scheduledRuns.communityId, communityId))
        .orderBy(scheduledRuns.scheduledFor)
        .all();
    },
  };
}

export type RunRepository = ReturnType<typeof runRepository>;
