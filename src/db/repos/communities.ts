// Communities and their members: found or created on first contact.
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Platform } from '../../core/events.ts';
import type { Db } from '../open.ts';
import { writtenRow } from '../rows.ts';
import { type CommunityRow, communities, type MemberRow, members } from '../schema.ts';

const CACHE_LIMIT = 10_000;

export function communityRepository(db: Db) {
  // Every command and click looks these up: prepared once, not rebuilt per call.
  const byPlatformId = db
    .select()
    .from(communities)
    .where(
      and(
        eq(communities.platform, sql.placeholder('platform')),
        eq(communities.externalId, sql.placeholder('externalId')),
      ),
    )
    .prepare();
  const memberByExternalId = db
    .select()
    .from(members)
    .where(
      and(
        eq(members.communityId, sql.placeholder('communityId')),
        eq(members.externalId, sql.placeholder('externalId')),
      ),
    )
    .prepare();

  // Rows seen on every command and click; ids never change and a member is re-read when the name differs.
  // Anything that updates a community row must refresh communityCache too.
  // Bounded: cleared when full, so memory stays flat however many people pass by.
  const communityCache = new Map<string, CommunityRow>();
  const memberCache = new Map<string, MemberRow>();
  const byIdCache = new Map<number, CommunityRow>();
  const remember = <K, V>(cache: Map<K, V>, key: K, value: V): V => {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, value);
    return value;
  };

  return {
    /** The community for a platform id, created on first use. */
    ensure(platform: Platform, externalId: string, now: Date, name?: string): CommunityRow {
      const cached = communityCache.get(`${platform}:${externalId}`);
      if (cached) return cached;
      const found = byPlatformId.get({ platform, externalId });
      if (found) return remember(communityCache, `${platform}:${externalId}`, found);
      return writtenRow(
        db
          .insert(communities)
          .values({ platform, externalId, name: name ?? null, createdAt: now })
          .onConflictDoUpdate({ target: [communities.platform, communities.externalId], set: { platform } })
          .returning()
          .all(),
      );
    },

    /** Communities the scheduler posts for: an announcements channel set and not paused. */
    scheduled(): CommunityRow[] {
      return db
        .select()
        .from(communities)
        .where(and(isNotNull(communities.announceChannelId), eq(communities.paused, false)))
        .all();
    },

    /** Communities that keep platform scheduled events (`/config events on`). */
    withEvents(): CommunityRow[] {
      return db.select().from(communities).where(eq(communities.eventsEnabled, true)).all();
    },

    /** Every community, by id (the export tool lists them). */
    all(): CommunityRow[] {
      return db.select().from(communities).orderBy(communities.id).all();
    },

    /** Changes a community's settings (and the cached row). */
    update(
      id: number,
      changes: Partial<
        Pick<
          CommunityRow,
          | 'announceChannelId'
          | 'digestChannelId'
          | 'quizTime'
          | 'quizDays'
          | 'reminderLeadsMinutes'
          | 'agendaLeadMinutes'
          | 'paused'
          | 'activeSince'
          | 'timezone'
          | 'locale'
          | 'firstClass'
          | 'eventsEnabled'
        >
      >,
    ): CommunityRow {
      const row = writtenRow(
        db.update(communities).set(changes).where(eq(communities.id, id)).returning().all(),
      );
      remember(communityCache, `${row.platform}:${row.externalId}`, row);
      return remember(byIdCache, row.id, row);
    },

    byId(id: number): CommunityRow | undefined {
      const cached = byIdCache.get(id);
      if (cached) return cached;
      const row = db.select().from(communities).where(eq(communities.id, id)).get();
      return row && remember(byIdCache, id, row);
    },

    find(platform: Platform, externalId: string): CommunityRow | undefined {
      const cached = communityCache.get(`${platform}:${externalId}`);
      if (cached) return cached;
      const found = byPlatformId.get({ platform, externalId });
      return found && remember(communityCache, `${platform}:${externalId}`, found);
    },

    /** A member by platform user id or, failing that, by display name (case-insensitive). */
    findMember(communityId: number, idOrName: string): MemberRow | undefined {
      return (
        memberByExternalId.get({ communityId, externalId: idOrName }) ??
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
      const key = `${communityId}:${externalId}`;
      const cached = memberCache.get(key);
      if (cached && cached.displayName === displayName) return cached;
      const found = memberByExternalId.get({ communityId, externalId });
      if (found && found.displayName === displayName) return remember(memberCache, key, found);
      // Cached only once committed: a member remembered from a failed write would have an id no row has.
      const saved = writtenRow(
        db
          .insert(members)
          .values({ communityId, externalId, displayName, createdAt: now })
          .onConflictDoUpdate({ target: [members.communityId, members.externalId], set: { displayName } })
          .returning()
          .all(),
      );
      return remember(memberCache, key, saved);
    },
  };
}

export type CommunityRepository = ReturnType<typeof communityRepository>;
