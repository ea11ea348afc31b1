// The door in front of bolt's HTTP receiver. bolt throws on any method but POST and crashes on a signed body whose
// payload is not an object (`payload=null`, a number, an array): both would end the process. Here every request is
// answered by a status before bolt sees it unless it is a POST whose body parses, as bolt will parse it, to an
// object. The body is read once (bounded) and handed on as bolt's own `rawBody`, so bolt verifies the signature of
// exactly these bytes.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import getRawBody from 'raw-body';
import type { Logger } from '../../log.ts';

/** Slack's payloads are a few KB; modals and long slash-command texts stay far below this. */
export const SLACK_BODY_LIMIT = 1024 * 1024;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether bolt's parser would turn these bytes into an object (its own rule: exact content type, then JSON). */
export function parsesAsSlackBody(raw: Buffer, contentType: string | undefined): boolean {
  try {
    const text = raw.toString('utf8');
    if (contentType === 'application/x-www-form-urlencoded') {
      const { payload } = parseQuery(text);
      return typeof payload === 'string' ? isObject(JSON.parse(payload)) : !Array.isArray(payload);
    }
    return isObject(JSON.parse(text));
  } catch {
    return false;
  }
}

function reply(res: ServerResponse, status: number, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'text/plain', ...headers }).end();
}

export function guardSlackRequests(listener: RequestListener, logger: Logger): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'POST') {
      reply(res, 405, { allow: 'POST' });
      req.resume();
      return;
    }
    getRawBody(req, { limit: SLACK_BODY_LIMIT }).then(
      (raw) => {
        if (!parsesAsSlackBody(raw, req.headers['content-type'])) {
          logger.warn({ platform: 'slack', bytes: raw.length }, 'slack request refused: malformed body');
          return reply(res, 400);
        }
        // bolt reads the body from `rawBody` when it is already there.
        Object.assign(req, { rawBody: raw });
        try {
          listener(req, res);
        } catch (err) {
          logger.warn({ err, platform: 'slack' }, 'slack request refused');
          reply(res, 400);
        }
      },
      (err: { status?: number; type?: string }) => {
        reply(res, err.status === 413 ? 413 : 400);
      },
    );
  };
}
