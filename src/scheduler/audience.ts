// Where and how a community's scheduled posts go out, resolved in one place: its announcement channel, its language
// and its timezone (the deployment's defaults where the community set none).
import type { Destination } from '../core/destination.ts';
import type { Locale, Translate } from '../core/i18n.ts';
import { voiceOf } from '../core/voice.ts';
import type { CommunityRow } from '../db/schema.ts';

/** The deployment's language and timezone, for communities that chose none. */
export interface AudienceDefaults {
  locale: Locale;
  timezone: string;
}

/** A community as its scheduled posts address it. */
export interface Audience {
  dest: Destination;
  /** Where the monitors' digest goes, when the community set one (`/config digest`). */
  digestDest?: Destination;
  locale: Locale;
  timezone: string;
  t: Translate;
}

/** The timezone a community's wall-clock times (and its posts' dates) are read in. */
export const timezoneOf = (community: Pick<CommunityRow, 'timezone'>, defaults: AudienceDefaults): string =>
  community.timezone ?? defaults.timezone;

/** Resolves a scheduled community (one with an announcement channel, not paused: `isScheduled` in planner.ts). */
export function audienceOf(community: CommunityRow, defaults: AudienceDefaults): Audience {
  return {
    dest: {
      platform: community.platform,
      communityId: community.externalId,
      channelId: community.announceChannelId!,
    },
    ...(community.digestChannelId
      ? {
          digestDest: {
            platform: community.platform,
            communityId: community.externalId,
            channelId: community.digestChannelId,
          },
        }
      : {}),
    ...voiceOf(community, defaults),
  };
}
