// Guild scheduled events through Discord's REST API (discord.js's REST client: the adapter's timeout, no retries):
// external events, visible to the guild, with the location in entity_metadata. A 404 (Unknown Guild Scheduled Event)
// on edit or cancel means someone removed it by hand. A lesson that leaves the calendar has its event cancelled.
import {
  type APIGuildScheduledEvent,
  DiscordAPIError,
  GuildScheduledEventEntityType,
  GuildScheduledEventPrivacyLevel,
  GuildScheduledEventStatus,
  type REST,
  Routes,
} from 'discord.js';
import {
  EventsRefusedError,
  type ListedEvent,
  type ScheduledEventSpec,
  type ScheduledEventsPort,
} from '../../core/scheduled-events.ts';
import { truncate } from '../../core/text.ts';
import { PLATFORM_CALL_TIMEOUT_MS } from '../outbound.ts';

/** Discord's limits on a scheduled event (name 1–100, description up to 1,000, location up to 100). */
export const EVENT_LIMITS = { name: 100, description: 1000, location: 100 } as const;

const body = (spec: ScheduledEventSpec) => ({
  name: truncate(spec.name, EVENT_LIMITS.name),
  description: truncate(spec.description, EVENT_LIMITS.description),
  scheduled_start_time: spec.startsAt.toISOString(),
  scheduled_end_time: spec.endsAt.toISOString(),
  entity_type: GuildScheduledEventEntityType.External,
  privacy_level: GuildScheduledEventPrivacyLevel.GuildOnly,
  entity_metadata: { location: truncate(spec.location, EVENT_LIMITS.location) },
});

const gone = (err: unknown) => err instanceof DiscordAPIError && err.status === 404;
/** Missing permissions or access (403), or a server the bot is no longer in (Unknown Guild, 10004). */
const refused = (err: unknown) =>
  err instanceof DiscordAPIError && (err.status === 403 || err.code === UNKNOWN_GUILD);
const UNKNOWN_GUILD = 10004;

/** Runs a call, turning Discord's lasting refusals into the port's EventsRefusedError. */
async function call<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (refused(err)) throw new EventsRefusedError((err as Error).message, { cause: err });
    throw err;
  }
}
const bounded = () => ({ signal: AbortSignal.timeout(PLATFORM_CALL_TIMEOUT_MS) });

export class DiscordScheduledEvents implements ScheduledEventsPort {
  constructor(private readonly rest: REST) {}

  async create(guildId: string, spec: ScheduledEventSpec): Promise<string> {
    const event = (await call(() =>
      this.rest.post(Routes.guildScheduledEvents(guildId), { body: body(spec), ...bounded() }),
    )) as APIGuildScheduledEvent;
    return event.id;
  }

  async edit(guildId: string, eventId: string, spec: ScheduledEventSpec): Promise<boolean> {
    try {
      await call(() =>
        this.rest.patch(Routes.guildScheduledEvent(guildId, eventId), { body: body(spec), ...bounded() }),
      );
      return true;
    } catch (err) {
      if (gone(err)) return false;
      throw err;
    }
  }

  /** Cancels the event (status Canceled): members who marked interest are told, and Discord stops listing it. */
  async remove(guildId: string, eventId: string): Promise<void> {
    try {
      await call(() =>
        this.rest.patch(Routes.guildScheduledEvent(guildId, eventId), {
          body: { status: GuildScheduledEventStatus.Canceled },
          ...bounded(),
        }),
      );
    } catch (err) {
      if (!gone(err)) throw err;
    }
  }

  async list(guildId: string): Promise<ListedEvent[]> {
    const events = (await call(() =>
      this.rest.get(Routes.guildScheduledEvents(guildId), bounded()),
    )) as APIGuildScheduledEvent[];
    return events.map((e) => ({ id: e.id, name: e.name }));
  }

  url(guildId: string, eventId: string): string {
    return `https://discord.com/events/${guildId}/${eventId}`;
  }

  channelUrl(guildId: string, channelId: string): string {
    return `https://discord.com/channels/${guildId}/${channelId}`;
  }
}
