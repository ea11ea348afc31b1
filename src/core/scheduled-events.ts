// The neutral port to a platform's own scheduled events (Discord's Events tab): what an event shows, and the calls the
// event sync makes. A platform without such events simply registers no port.

/** What a lesson's event shows. */
export interface ScheduledEventSpec {
  name: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  /** Where (an external event's location): the class link or the announcements channel. */
  location: string;
}

/** One event the platform holds (what a retry after a crash looks for before creating again). */
export interface ListedEvent {
  id: string;
  name: string;
}

/**
 * The platform refuses until someone acts (the bot lost its permission, or the server): the sync tries again once a
 * day instead of within the hour, and /config keeps showing why.
 */
export class EventsRefusedError extends Error {
  override readonly name = 'EventsRefusedError';
}

export interface ScheduledEventsPort {
  /** Creates the event; its id. Not retried by the port: a retry goes through the run table. */
  create(communityId: string, spec: ScheduledEventSpec): Promise<string>;
  /** Changes the event; false when it no longer exists (someone deleted it). */
  edit(communityId: string, eventId: string, spec: ScheduledEventSpec): Promise<boolean>;
  /** Deletes the event; one already gone counts as deleted. */
  remove(communityId: string, eventId: string): Promise<void>;
  /** The community's scheduled events. */
  list(communityId: string): Promise<ListedEvent[]>;
  /** The address people open to see the event. */
  url(communityId: string, eventId: string): string;
  /** The address of a channel (an event's location when the course has no class link). */
  channelUrl(communityId: string, channelId: string): string;
}
