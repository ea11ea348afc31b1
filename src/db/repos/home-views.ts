// Who has opened their home (Slack's App Home): one row per member, written the first time only.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../open.ts';
import { homeViews } from '../schema.ts';

export function homeViewRepository(db: Db) {
  // Read on every Slack answer (whether to republish the member's home): prepared once, a primary-key look-up.
  const find = db
    .select({ memberId: homeViews.memberId })
    .from(homeViews)
    .where(eq(homeViews.memberId, sql.placeholder('memberId')))
    .prepare();
  return {
    /** Remembers that the member has opened their home; a later opening writes nothing. */
    opened(memberId: number, now: Date): void {
      if (find.get({ memberId })) return;
      db.insert(homeViews).values({ memberId, openedAt: now }).onConflictDoNothing().run();
    },

    /** Whether the member has ever opened their home. */
    has(memberId: number): boolean {
      return find.get({ memberId }) !== undefined;
    },
  };
}

export type HomeViewRepository = ReturnType<typeof homeViewRepository>;
