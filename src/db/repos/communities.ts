// Communities and their members: found or created on first contact.
import { and, eq, sql } from 'drizzle-orm';
import type { Platform } from '../../bot/events.ts';
import type { Db } from '../open.ts';
import { type CommunityRow, communities, type MemberRow, members } from '../schema.ts';

export function communityRepository(db: Db) {
  return {
    /** The community for a platform id, created on first use. */
    ensure(platform: Platform, externalId: string, now: Date, name?: string): CommunityRow {
      const found = db
        .select()
        .from(communities)
        .where(and(eq(communities.platform, platform), eq(communities.externalId, externalId)))
        .get();
      if (found) return found;
      return db
        .insert(communities)
        .values({ platform, externalId, name: name ?? null, createdAt: now })
        .onConflictDoUpdate({ target: [communities.platform, communities.externalId], set: { platform } })
        .returning()
        .get();
    },

    byId(id: number): CommunityRow | undefined {
      return db.select().from(communities).where(eq(communities.id, id)).get();
    },

    find(platform: Platform, externalId: string): CommunityRow | undefined {
      return db
        .select()
        .from(communities)
        .where(and(eq(communities.platform, platform), eq(communities.externalId, externalId)))
        .get();
    },

    /** A member by platform user id or, failing that, by display name (case-insensitive). */
    findMember(communityId: number, idOrName: string): MemberRow | undefined {
      return (
        db
          .select()
          .from(members)
          .where(and(eq(members.communityId, communityId), eq(members.externalId, idOrName)))
          .get() ??
        db
          .select()
          .from(members)
          .where(
            and(
              eq(members.communityId, communityId),
              sql`lower(${members.displayName}) = lower(${idOrName})`,
            ),
          )
          .get()
      );
    },

    /** The member for a platform user id, created on first use; the display name follows the platform. */
    ensureMember(communityId: number, externalId: string, displayName: string, now: Date): MemberRow {
      const found = db
        .select()
        .from(members)
        .where(and(eq(members.communityId, communityId), eq(members.externalId, externalId)))
        .get();
      if (found && found.displayName === displayName) return found;
      return db
        .insert(members)
        .values({ communityId, externalId, displayName, createdAt: now })
        .onConflictDoUpdate({ target: [members.communityId, members.externalId], set: { displayName } })
        .returning()
        .get();
    },
  };
}

export type CommunityRepository = ReturnType<typeof communityRepository>;
