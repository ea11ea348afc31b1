// Calendar feed tokens: one per community, made on first need, replaced by /config calendar rotate. A request's token
// is looked up by its SHA-256 hash (indexed), never compared as text, so timing tells nothing about a real token.
import { createHash, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../open.ts';
import { calendarFeeds } from '../schema.ts';

/** 32 random bytes, base64url: 43 characters, 256 bits. */
const newToken = () => randomBytes(32).toString('base64url');
const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** What a feed token looks like (anything else is not looked up at all). */
export const FEED_TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function calendarFeedRepository(db: Db) {
  const insert = (communityId: number, now: Date) => {
    const token = newToken();
    db.insert(calendarFeeds)
      .values({ communityId, token, tokenHash: hashOf(token), createdAt: now })
      .onConflictDoUpdate({
        target: calendarFeeds.communityId,
        set: { token, tokenHash: hashOf(token), createdAt: now },
      })
      .run();
    return token;
  };
  return {
    /** The community's feed token, made now if it has none. */
    ensure(communityId: number, now: Date): string {
      const row = db.select().from(calendarFeeds).where(eq(calendarFeeds.communityId, communityId)).get();
      return row?.token ?? insert(communityId, now);
    },

    /** A new token for the community; the old one stops working at once. */
    rotate(communityId: number, now: Date): string {
      return insert(communityId, now);
    },

    /** The community a presented token belongs to, or undefined (malformed, unknown or rotated away). */
    communityOf(token: string): number | undefined {
      if (!FEED_TOKEN.test(token)) return undefined;
      return db
        .select({ communityId: calendarFeeds.communityId })
        .from(calendarFeeds)
        .where(eq(calendarFeeds.tokenHash, hashOf(token)))
        .get()?.communityId;
    },
  };
}

export type CalendarFeedRepository = ReturnType<typeof calendarFeedRepository>;
