// The scheduler's run table: claim a post before making it, record how it went. The UNIQUE run key makes a second
// tick, a second process or a restart find the existing row instead of posting again.
import { and, asc, desc, eq, gt, lte, ne, sql } from 'drizzle-orm';
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
    .where(
      and(
        eq(scheduledRuns.status, 'failed'),
        lte(scheduledRuns.nextAttemptAt, sql.placeholder('now')),
        // Scheduled events' creates are retried by the event sync (src/calendar/event-sync.ts), not as posts.
        ne(scheduledRuns.kind, 'event'),
      ),
    )
    .orderBy(asc(scheduledRuns.nextAttemptAt))
    .limit(sql.placeholder('limit'))
    .prepare();

  // Every post is claimed and recorded: these run thousands of times a minute when many communities post at once.
  const byKey = db
    .select()
    .from(scheduledRuns)
    .where(
      and(
        eq(scheduledRuns.communityId, sql.placeholder('communityId')),
        eq(scheduledRuns.kind, sql.placeholder('kind')),
        eq(scheduledRuns.target, sql.placeholder('target')),
        eq(scheduledRuns.scheduledFor, sql.placeholder('scheduledFor')),
      ),
    )
    .prepare();
  const keyParams = (k: RunKey) => ({ ...k, scheduledFor: k.scheduledFor.getTime() });
  const insertClaim = db
    .insert(scheduledRuns)
    .values({
      communityId: sql.placeholder('communityId'),
      kind: sql.placeholder('kind'),
      target: sql.placeholder('target'),
      scheduledFor: sql.placeholder('scheduledFor'),
      status: 'posting',
      attempts: 1,
      updatedAt: sql.placeholder('updatedAt'),
    })
    .returning()
    .prepare();
  const reclaim = db
    .update(scheduledRuns)
    .set({
      status: 'posting',
      attempts: sql`${sql.placeholder('attempts')}`,
      updatedAt: sql`${sql.placeholder('updatedAt')}`,
    })
    .where(eq(scheduledRuns.id, sql.placeholder('id')))
    .returning()
    .prepare();
  const markDone = db
    .update(scheduledRuns)
    .set({
      status: 'done',
      messageRef: sql`${sql.placeholder('messageRef')}`,
      lastError: null,
      updatedAt: sql`${sql.placeholder('updatedAt')}`,
    })
    .where(eq(scheduledRuns.id, sql.placeholder('id')))
    .prepare();

  // Placeholders inside sql`` (SET, WHERE) are bound as given, so instants go in as epoch milliseconds there.
  return {
    /** Takes the right to make this post now; undefined when it is done, skipped, in flight or waiting to retry. */
    claim(key: RunKey, now: Date): ScheduledRunRow | undefined {
      return db.transaction(() => {
        const existing = byKey.get(keyParams(key));
        if (!existing) return insertClaim.get({ ...key, updatedAt: now });
        const retry =
          existing.status === 'failed' && (!existing.nextAttemptAt || existing.nextAttemptAt <= now);
        const abandoned =
          existing.status === 'posting' && now.getTime() - existing.updatedAt.getTime() > STALE_CLAIM_MS;
        if (!retry && !abandoned) return undefined;
        return reclaim.get({ id: existing.id, attempts: existing.attempts + 1, updatedAt: now.getTime() });
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
      markDone.run({ id, messageRef: messageRef ?? null, updatedAt: now.getTime() });
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

    /** When a failed run is to be tried again (undefined when it is not waiting for a retry). */
    retryOf(key: RunKey): Date | undefined {
      const row = byKey.get(keyParams(key));
      return row?.status === 'failed' ? (row.nextAttemptAt ?? undefined) : undefined;
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

    /** lastOfKind for every community with an id in [fromId, toId], in one pass: `${communityId}:${kind}` → instant. */
    lastOfKinds(fromId: number, toId: number): Map<string, Date> {
      const rows = db
        .select({
          communityId: scheduledRuns.communityId,
          kind: scheduledRuns.kind,
          at: sql<number>`max(${scheduledRuns.scheduledFor})`,
        })
        .from(scheduledRuns)
        .where(sql`${scheduledRuns.communityId} between ${fromId} and ${toId}`)
        .groupBy(scheduledRuns.communityId, scheduledRuns.kind)
        .all();
      return new Map(rows.map((r) => [`${r.communityId}:${r.kind}`, new Date(r.at)]));
    },

    /** The earliest retry still to come after `now`, for arming the next wake-up. */
    nextRetry(now: Date): Date | undefined {
      const row = db
        .select({ at: sql<number | null>`min(${scheduledRuns.nextAttemptAt})` })
        .from(scheduledRuns)
        .where(
          and(
            eq(scheduledRuns.status, 'failed'),
            gt(scheduledRuns.nextAttemptAt, now),
            ne(scheduledRuns.kind, 'event'),
          ),
        )
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
