// Slack payloads as neutral pieces: the text of a slash command (unescaped, so the bot sees what the user typed and
// the renderer escapes it again on the way out), the place, and the user as users.info describes them.
import type { Actor, Place } from '../../core/events.ts';
import { matchLocale } from '../../core/i18n.ts';

/** Slack sends &, < and > escaped in command text; mentions stay as <@U…|name>, which the option parser reads. */
export const unescapeSlack = (text: string) =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

export const placeOf = (teamId: string, channelId: string, threadTs?: string): Place => ({
  platform: 'slack',
  communityId: teamId,
  channelId,
  ...(threadTs ? { threadId: threadTs } : {}),
});

/** The part of users.info Turma reads. */
export interface SlackUser {
  id?: string;
  name?: string;
  is_admin?: boolean;
  is_owner?: boolean;
  is_primary_owner?: boolean;
  locale?: string;
  profile?: { display_name?: string; real_name?: string };
}

/** Workspace admins and owners are admins, and so is anyone in SLACK_ADMIN_USER_IDS. */
export function actorOf(
  id: string,
  user: SlackUser | undefined,
  fallbackName: string,
  extraAdmins: ReadonlySet<string>,
): Actor {
  return {
    id,
    name: user?.profile?.display_name || user?.profile?.real_name || user?.name || fallbackName || id,
    isAdmin: extraAdmins.has(id) || Boolean(user?.is_admin || user?.is_owner || user?.is_primary_owner),
    locale: matchLocale(user?.locale),
  };
}
