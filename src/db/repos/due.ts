// The scheduler's due queue: per community and post kind, when to look next. A tick reads only the rows due now
// (through the next_at index), never every community; what was actually posted stays in the run table.
import { and, asc, eq, gt, isNotNull, lte, min, sql } from 'drizzle-orm';
import type { PostKind } from '../../core/schedule-plan.ts';
import type { Db } from '../open.ts';
import { type CommunityRow, communities, duePosts, schedulerState } from '../schema.ts';

/** A community with the kinds of post due for it, each with the instant it fell due. */
export interface DueCommunity {
  community: CommunityRow;
  due: { kind: PostKind; nextAt: Date }[];
}

/** The next instant per kind; undefined: nothing more of that kind (the row is removed). */
export type NextPosts = Partial<Record<PostKind, Date | undefined>>;

export function dueRepository(db: Db) {
  const dueRows = db
    .select({ community: communities, kind: duePosts.kind, nextAt: duePosts.nextAt })
    .from(duePosts)
    .innerJoin(communities, eq(communities.id, duePosts.communityId))
    .where(lte(duePosts.nextAt, sql.placeholder('now')))
    .orderBy(asc(duePosts.nextAt))
    .limit(sql.placeholder('limit'))
    .prepare();
  const earliestRow = db
    .select({ at: min(duePosts.nextAt) })
    .from(duePosts)
    .prepare();
  const upsert = db
    .insert(duePosts)
    .values({
      communityId: sql.placeholder('communityId'),
      kind: sql.placeholder('kind'),
      nextAt: sql.placeholder('nextAt'),
    })
    .onConflictDoUpdate({
      target: [duePosts.communityId, duePosts.kind],
      set: { nextAt: sql`excluded.next_at` },
    })
    .prepare();
  const removeOne = db
    .delete(duePosts)
    .where(
      and(
        eq(duePosts.communityId, sql.placeholder('communityId')),
        eq(duePosts.kind, sql.placeholder('kind')),
      ),
    )
    .prepare();
  const scheduledPage = db
    .select()
    .from(communities)
    .where(
      and(
        gt(communities.id, sql.placeholder('afterId')),
        isNotNull(communities.announceChannelId),
        eq(communities.paused, false),
      ),
    )
    .orderBy(asc(communities.id))
    .limit(sql.placeholder('limit'))
    .prepare();

  const write = (rows: { communityId: number; next: NextPosts }[]) => {
    for (const { communityId, next } of rows)
      for (const [kind, nextAt] of Object.entries(next) as [PostKind, Date | undefined][]) {
        if (nextAt) upsert.run({ communityId, kind, nextAt });
        else removeOne.run({ communityId, kind });
      }
  };

  return {
    /** Communities with posts due at `now`, earliest first: at most `limit` rows of the queue. */
    dueAt(now: Date, limit: number): { communities: DueCommunity[]; rows: number } {
      const rows = dueRows.all({ now: now.getTime(), limit });
      const byId = new Map<number, DueCommunity>();
      for (const { community, kind, nextAt } of rows) {
        let entry = byId.get(community.id);
        if (!entry) byId.set(community.id, (entry = { community, due: [] }));
        entry.due.push({ kind, nextAt });
      }
      return { communities: [...byId.values()], rows: rows.length };
    },

    /** The earliest instant anything is due (the scheduler's next wake-up). */
    earliest(): Date | undefined {
      const at = earliestRow.get()?.at;
      return at ?? undefined;
    },

    /** Sets when each given kind of a community is next due, in one transaction. */
    set(communityId: number, next: NextPosts): void {
      db.transaction(() => write([{ communityId, next }]));
    },

    /** Sets many communities at once (re-planning after the calendar changed), in one transaction. */
    setMany(rows: { communityId: number; next: NextPosts }[]): void {
      db.transaction(() => write(rows));
    },

    /** Drops every row of a community (paused, or no announcements channel any more). */
    clear(communityId: number): void {
      db.delete(duePosts).where(eq(duePosts.communityId, communityId)).run();
    },

    /** Drops every row (before re-planning all communities). */
    clearAll(): void {
      db.delete(duePosts).run();
    },

    /** The kinds a community has in the queue. */
    kindsOf(communityId: number): PostKind[] {
      return db
        .select({ kind: duePosts.kind })
        .from(duePosts)
        .where(eq(duePosts.communityId, communityId))
        .all()
        .map((r) => r.kind);
    },

    /** A page of the communities the scheduler posts for, by id (re-planning walks them in slices). */
    scheduledAfter(afterId: number, limit: number): CommunityRow[] {
      return scheduledPage.all({ afterId, limit });
    },

    /** A fact the scheduler keeps (the calendar fingerprint). */
    state(key: string): string | undefined {
      return db
        .select({ value: schedulerState.value })
        .from(schedulerState)
        .where(eq(schedulerState.key, key))
        .get()?.value;
    },

    setState(key: string, value: string): void {
      db.insert(schedulerState)
        .values({ key, value })
        .onConflictDoUpdate({ target: schedulerState.key, set: { value } })
        .run();
    },
  };
}

export type DueRepository = ReturnType<typeof dueRepository>;
