// The single source of truth for the database; `npm run db:generate` turns changes into a migration.
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

// Instants are set from the injected clock, never by SQLite's own wall clock.
const createdAt = () => integer('created_at', { mode: 'timestamp_ms' }).notNull();

/** A Discord guild, a Slack workspace, or the local shell; settings default to the course's. */
export const communities = sqliteTable(
  'communities',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    platform: text('platform', { enum: ['discord', 'slack', 'shell'] }).notNull(),
    externalId: text('external_id').notNull(),
    name: text('name'),
    timezone: text('timezone'),
    locale: text('locale', { enum: ['pt-BR', 'en'] }),
    announceChannelId: text('announce_channel_id'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('communities_platform_external').on(t.platform, t.externalId)],
);

/** A person in a community, known by their platform user id. */
export const members = sqliteTable(
  'members',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    communityId: integer('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    externalId: text('external_id').notNull(),
    displayName: text('display_name').notNull(),
    locale: text('locale', { enum: ['pt-BR', 'en'] }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('members_community_external').on(t.communityId, t.externalId),
    index('members_community').on(t.communityId),
  ],
);

export type CommunityRow = typeof communities.$inferSelect;
export type MemberRow = typeof members.$inferSelect;
