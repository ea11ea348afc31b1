// Who clicked or typed on Slack: name, admin flag and locale from users.info, cached for a while and bounded, so a
// burst of clicks costs one users.info per member. Admins are the workspace's admins and owners plus
// SLACK_ADMIN_USER_IDS; when users.info fails, only the configured admins are trusted.
import type { WebClient } from '@slack/web-api';
import type { Actor } from '../../core/events.ts';
import type { Logger } from '../../log.ts';
import { actorOf, type SlackUser } from './parse.ts';

/** How long a user's admin flag, name and locale are trusted before users.info is asked again. */
const USER_TTL_MS = 10 * 60_000;
const USER_CACHE_SIZE = 5000;

export class SlackUsers {
  private readonly admins: ReadonlySet<string>;
  private readonly cache = new Map<string, { actor: Omit<Actor, 'id'>; until: number }>();

  constructor(
    adminUserIds: readonly string[],
    private readonly logger: Logger,
  ) {
    this.admins = new Set(adminUserIds);
  }

  async actor(id: string, fallbackName: string, client: WebClient): Promise<Actor> {
    const now = performance.now();
    const cached = this.cache.get(id);
    if (cached && cached.until > now) return { id, ...cached.actor };
    let user: SlackUser | undefined;
    try {
      user = (await client.users.info({ user: id, include_locale: true })).user as SlackUser | undefined;
    } catch (err) {
      this.logger.warn({ err, user: id }, 'users.info failed; treating the user as a member');
    }
    const { id: _, ...actor } = actorOf(id, user, fallbackName, this.admins);
    if (user) {
      this.cache.delete(id);
      this.cache.set(id, { actor, until: now + USER_TTL_MS });
      // Bounded: the least recently looked-up user goes first.
      if (this.cache.size > USER_CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    }
    return { id, ...actor };
  }
}
