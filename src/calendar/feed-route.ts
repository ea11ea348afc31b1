// GET /calendar/<token>.ics: the community's feed, built from its current settings and the content on each request
// (a few lessons: cheap), with an ETag so calendar apps that poll get 304 while nothing changed. Every request is
// hostile: other methods get 405, anything but a well-formed known token the same plain 404 as an unknown path.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { ContentStore } from '../content/store.ts';
import type { Locale } from '../core/i18n.ts';
import type { Clock } from '../core/time.ts';
import { voiceOf } from '../core/voice.ts';
import type { Repositories } from '../db/repositories.ts';
import { notFound } from '../http-server.ts';
import type { Logger } from '../log.ts';
import { buildFeed } from './feed.ts';

export const FEED_PREFIX = '/calendar/';

/** The feed's address under PUBLIC_URL. */
export const feedUrl = (publicUrl: string, token: string) =>
  `${publicUrl.replace(/\/+$/, '')}${FEED_PREFIX}${token}.ics`;

export interface FeedRouteDeps {
  repos: Repositories;
  content: ContentStore;
  clock: Clock;
  logger: Logger;
  defaultTimezone: string;
  defaultLocale: Locale;
}

const PATH = /^\/calendar\/([A-Za-z0-9_-]{1,64})\.ics$/;

/** The response, or undefined for 404; pure over the request's path and headers. */
function respond(req: IncomingMessage, deps: FeedRouteDeps) {
  const path = (req.url ?? '').split('?')[0]!;
  const token = PATH.exec(path)?.[1];
  const communityId = token === undefined ? undefined : deps.repos.calendarFeeds.communityOf(token);
  const community = communityId === undefined ? undefined : deps.repos.communities.byId(communityId);
  if (!community) return undefined;
  const { content } = deps;
  const { t, timezone } = voiceOf(community, {
    locale: deps.defaultLocale,
    timezone: deps.defaultTimezone,
  });
  return buildFeed({
    courseId: content.course.id,
    courseTitle: content.course.title,
    communityId: community.id,
    schedule: content.scheduleFor(community.firstClass),
    timezone,
    alarmMinutes: community.reminderLeadsMinutes[0],
    ...(content.course.classLink ? { classLink: content.course.classLink } : {}),
    t,
    now: deps.clock.now(),
  });
}

export function calendarFeedRoute(deps: FeedRouteDeps): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain' }).end('method not allowed\n');
      return;
    }
    let feed: ReturnType<typeof respond>;
    try {
      feed = respond(req, deps);
    } catch (err) {
      deps.logger.error({ err }, 'calendar feed failed');
      res.writeHead(500, { 'content-type': 'text/plain' }).end('internal error\n');
      return;
    }
    if (!feed) {
      notFound(res);
      return;
    }
    const headers = {
      etag: feed.etag,
      'cache-control': 'private, max-age=900',
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': 'inline; filename="turma.ics"',
    };
    const known = req.headers['if-none-match'];
    if (typeof known === 'string' && known.split(/\s*,\s*/).includes(feed.etag)) {
      res.writeHead(304, headers).end();
      return;
    }
    res.writeHead(200, headers).end(req.method === 'HEAD' ? undefined : feed.body);
  };
}
