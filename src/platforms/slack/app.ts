// The bolt App Turma runs: Socket Mode with an app token, else the HTTP receiver mounted at /slack/events on the
// shared HTTP server (signatures checked: bad or stale → 401). Initialisation waits for start(), where auth.test
// checks the token before anything is served. bolt's own log lines go to the same pino logger.
import { App, HTTPReceiver, type Logger as BoltLogger, LogLevel, SocketModeReceiver } from '@slack/bolt';
import type { HttpServer } from '../../http-server.ts';
import type { Logger } from '../../log.ts';
import { fetchWithTimeout, PLATFORM_CALL_TIMEOUT_MS } from '../outbound.ts';
import { guardSlackRequests } from './http-guard.ts';

export interface SlackAppOptions {
  botToken: string;
  appToken?: string;
  signingSecret?: string;
  apiUrl?: string;
  http?: HttpServer;
  logger: Logger;
}

function boltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ platform: 'slack' });
  let level = LogLevel.INFO;
  return {
    debug: (...msg) => child.debug(msg.join(' ')),
    info: (...msg) => child.info(msg.join(' ')),
    warn: (...msg) => child.warn(msg.join(' ')),
    error: (...msg) => child.error(msg.join(' ')),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}

export function createSlackApp(opts: SlackAppOptions): { app: App; socket?: SocketModeReceiver } {
  const apiUrl = opts.apiUrl && (opts.apiUrl.endsWith('/') ? opts.apiUrl : `${opts.apiUrl}/`);
  // Every Web API call and every response_url post (bolt's respond() uses this fetch) ends within the deadline, and
  // none is retried: the client's default retries a chat.postMessage that Slack accepted when the connection drops
  // before the answer, and the post appears twice. A 429 pauses the client for Retry-After and fails the call; the
  // scheduler's run table tries the post again later.
  const clientOptions = {
    ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
    timeout: PLATFORM_CALL_TIMEOUT_MS,
    retryConfig: { retries: 0 },
    fetch: fetchWithTimeout(),
  };
  const logger = boltLogger(opts.logger);
  if (opts.appToken) {
    const socket = new SocketModeReceiver({
      appToken: opts.appToken,
      logger,
      installerOptions: { clientOptions },
    });
    const app = new App({
      token: opts.botToken,
      receiver: socket,
      clientOptions,
      logger,
      deferInitialization: true,
    });
    return { app, socket };
  }
  if (!opts.http) throw new Error('Slack HTTP mode needs the HTTP server');
  const receiver = new HTTPReceiver({
    signingSecret: opts.signingSecret ?? '',
    endpoints: '/slack/events',
    logger,
    processBeforeResponse: false,
    // A request bolt could not process (a signed body without the fields its type needs) is the sender's fault.
    processEventErrorHandler: async ({ error, response, logger: log }) => {
      log.warn(`slack request refused: ${(error as Error).message}`);
      if (!response.headersSent) response.writeHead(400).end();
      return true;
    },
  });
  const app = new App({ token: opts.botToken, receiver, clientOptions, logger, deferInitialization: true });
  opts.http.route('/slack/events', guardSlackRequests(receiver.requestListener, opts.logger));
  return { app };
}
